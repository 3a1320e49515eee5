/**
 * The tool bar's smart-tool controls (2D elements): how polygon and segmentation classes draw
 * (click vertices, magic wand with its tolerance, magnetic lasso) and the shape edits of the
 * selection. Only the names load here; the tools themselves load when first used.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LabelingSession } from '../../../core/session.js';
import type { KeyAction } from '../../base/keymap.js';
import { renderRangeField } from './range-field.js';
import { drawsWithSmartTools, type ShapeEdit, type SmartToolKind } from '../../../tools/smart/smart-kinds.js';

export interface SmartControlsState {
  session: LabelingSession;
  /** The labeler's choice; `undefined`: the active class's `drawWith`, else click. */
  smartTool: SmartToolKind | 'click' | undefined;
  tolerance: number;
  hint(label: string, action: KeyAction): string;
}

const EDITS: { edit: ShapeEdit; label: string; needs: 'one' | 'two' | 'brush' }[] = [
  { edit: 'simplifyShape', label: 'Simplify', needs: 'one' },
  { edit: 'smoothShape', label: 'Smooth', needs: 'one' },
  { edit: 'unionShapes', label: 'Union', needs: 'two' },
  { edit: 'subtractShapes', label: 'Subtract', needs: 'two' },
  { edit: 'fillHoles', label: 'Fill holes', needs: 'one' },
  { edit: 'removeIslands', label: 'Remove islands', needs: 'one' },
  { edit: 'shapeToBrush', label: 'To brush', needs: 'one' },
  { edit: 'brushToShape', label: 'To segmentation', needs: 'brush' },
];

export function renderSmartControls(state: SmartControlsState): TemplateResult | typeof nothing {
  const { session } = state;
  if (!session.canEdit) return nothing;
  const tools = session.ontology?.tools ?? [];
  const active = tools.find((tool) => tool.schemaId === session.activeSchemaId);
  const draws = drawsWithSmartTools(active?.tool);
  const selected = session.selection.length;
  const edits = EDITS.filter(({ needs }) => (needs === 'brush' ? active?.tool === 'brush' : needs === 'two' ? selected >= 2 : selected >= 1));
  if (!draws && edits.length === 0) return nothing;
  const current = state.smartTool ?? active?.drawWith ?? 'click';
  const mode = (kind: SmartToolKind | 'click', label: string, action?: KeyAction) => html`
    <button
      type="button"
      data-smart-tool=${kind}
      aria-pressed=${current === kind ? 'true' : 'false'}
      title=${action ? state.hint(label, action) : label}
      @click=${() => session.actions.useSmartTool(kind)}
    >
      ${label}
    </button>
  `;
  return html`
    ${draws
      ? html`<div class="group smart" role="group" aria-label="Draw with">
          ${mode('click', 'Click')} ${mode('magic-wand', 'Magic wand', 'magicWand')} ${mode('magnetic-lasso', 'Magnetic lasso', 'magneticLasso')}
          ${current === 'magic-wand'
            ? renderRangeField({
                id: 'wand-tolerance',
                label: 'Tolerance',
                min: 0,
                max: 255,
                value: state.tolerance,
                onInput: (tolerance) => session.actions.setTolerance(tolerance),
              })
            : nothing}
        </div>`
      : nothing}
    ${edits.length > 0
      ? html`<div class="group smart" role="group" aria-label="Shape edits">
          ${edits.map(
            ({ edit, label }) =>
              html`<button type="button" data-shape-edit=${edit} title=${state.hint(label, edit)} @click=${() => session.actions.runShapeEdit(edit)}>${label}</button>`,
          )}
        </div>`
      : nothing}
  `;
}
