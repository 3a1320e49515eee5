import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProperties } from '../../base/style-properties.js';
import type { ToolCategory, ToolType } from '../../../core/ontology.js';
import type { SessionTopic } from '../../../core/session.js';
import { defaultKeyBindings, type KeyAction, type KeyBindings } from '../../base/keymap.js';
import { formatBinding, formatChord, safeColor } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkToolbarStyles } from './lk-toolbar.styles.js';
import { renderRangeField } from './range-field.js';
import { renderSmartControls } from './smart-controls.js';
import type { SmartToolKind } from '../../../tools/smart/smart-kinds.js';

const TYPE_LETTERS: Record<ToolType, string> = {
  'bounding-box': 'B',
  'rotated-bounding-box': 'R',
  polygon: 'P',
  polyline: 'L',
  point: '•',
  segmentation: 'S',
  brush: 'Br',
  spline: 'Sp',
  ner: 'T',
  pdf: 'A',
  keypoints: 'K',
};

const TYPE_NAMES: Record<ToolType, string> = {
  'bounding-box': 'bounding box',
  'rotated-bounding-box': 'rotated box',
  polygon: 'polygon',
  polyline: 'polyline',
  point: 'point',
  segmentation: 'segmentation',
  brush: 'brush',
  spline: 'spline',
  ner: 'text entity',
  pdf: 'PDF selection',
  keypoints: 'keypoints',
};

/**
 * The tool bar: the select tool, one button per class of the ontology (colour, title, tool type,
 * shortcut), eraser and brush size for brush classes, undo/redo, zoom and help.
 * Left/Right arrows move between its buttons.
 *
 * @tagname lk-toolbar
 * @csspart toolbar - The bar itself (`role="toolbar"`).
 * @csspart tool-button - The select button and each class button (pressed = the active tool).
 * @cssproperty [--lk-toolbar-background=#f6f8fa] - Background of the bar.
 * @cssproperty [--lk-border-color=#d0d7de] - Borders and separators.
 * @cssproperty [--lk-pressed-background=#ddf4ff] - Background of the pressed tool.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring and pressed border.
 * @cssproperty [--lk-font=13px/1.4 system-ui, sans-serif] - Font of the panel.
 * @cssproperty [--lk-tool-label-max-width=16ch] - Longest class title shown on a tool button; a
 *   longer one ends in an ellipsis (the whole title stays in the tooltip and the accessible name).
 */
export class LkToolbar extends PanelElement {
  static override styles = [panelStyles, lkToolbarStyles];

  /** Remapped built-in shortcuts (the element's `shortcuts`), for the hints shown on buttons. */
  @property({ attribute: false }) shortcuts: KeyBindings | undefined;

  /** Brush diameter in asset pixels shown on the slider; the slider sets it through `actions.setBrushSize`. */
  @property({ type: Number, attribute: 'brush-size' }) brushSize = 20;

  /** Shows the smart tools (magic wand, magnetic lasso) and shape edits: the 2D elements set it. */
  @property({ type: Boolean, attribute: 'smart-tools' }) smartTools = false;

  /** The labeler's drawing mode for polygon and segmentation classes (`undefined`: each class's `drawWith`, else click). */
  @property({ attribute: false }) smartTool: SmartToolKind | 'click' | undefined;

  /** The magic wand's tolerance shown on its slider. */
  @property({ type: Number }) tolerance = 32;

  @state() private erasing = false;

  protected override sessionChanged(topic: SessionTopic): void {
    if (topic === 'tool' || topic === 'mode') this.erasing = false;
    if (topic === 'reveal') void this.updateComplete.then(() => this.focusRevealedTool());
  }

  /** A blocked Submit that asks for objects of a class ("Draw at least one Car") focuses that class's button. */
  private focusRevealedTool(): void {
    const problem = this.currentSession?.revealed;
    if (!problem?.schemaId || problem.objectId !== undefined) return;
    const button = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-schema-id]')].find((b) => b.dataset['schemaId'] === problem.schemaId);
    button?.focus({ preventScroll: true });
  }

  private binding(action: KeyAction): string | undefined {
    const overridden = this.shortcuts && action in this.shortcuts ? this.shortcuts[action] : defaultKeyBindings[action];
    return overridden ? formatBinding(overridden) : undefined;
  }

  private hint(label: string, action: KeyAction): string {
    const keys = this.binding(action);
    return keys ? `${label} (${keys})` : label;
  }

  protected override render(): TemplateResult {
    const session = this.currentSession;
    const tools = session?.ontology?.tools ?? [];
    const active = session?.activeSchemaId;
    const canEdit = session?.canEdit ?? false;
    const activeTool = tools.find((tool) => tool.schemaId === active);
    const selectKeys = this.binding('selectTool');
    return html`
      <div part="toolbar" role="toolbar" aria-label="Tools" @keydown=${this.onKeyDown}>
        <div class="group" role="group" aria-label="Drawing tools">
          <button
            part="tool-button"
            type="button"
            aria-pressed=${active === undefined ? 'true' : 'false'}
            title=${this.hint('Select', 'selectTool')}
            ?disabled=${!session}
            @click=${() => session?.setActiveSchema(undefined)}
          >
            ${icons.pointer}<span>Select</span>${selectKeys ? html`<kbd aria-hidden="true">${selectKeys}</kbd>` : nothing}
          </button>
          ${tools.map((tool) => this.renderTool(tool, tool.schemaId === active, canEdit))}
        </div>
        ${activeTool?.tool === 'brush' ? this.renderBrush(activeTool) : nothing}
        ${this.smartTools && session
          ? renderSmartControls({ session, smartTool: this.smartTool, tolerance: this.tolerance, hint: (label, action) => this.hint(label, action) })
          : nothing}
        <span class="spacer"></span>
        <div class="group" role="group" aria-label="History">
          <button
            type="button"
            aria-label="Undo"
            title=${this.hint('Undo', 'undo')}
            ?disabled=${!session?.store.canUndo()}
            @click=${() => session?.actions.undo()}
          >
            ${icons.undo}
          </button>
          <button
            type="button"
            aria-label="Redo"
            title=${this.hint('Redo', 'redo')}
            ?disabled=${!session?.store.canRedo()}
            @click=${() => session?.actions.redo()}
          >
            ${icons.redo}
          </button>
        </div>
        <span class="separator" aria-hidden="true"></span>
        <div class="group" role="group" aria-label="View">
          <button type="button" aria-label="Zoom out" title=${this.hint('Zoom out', 'zoomOut')} ?disabled=${!session} @click=${() => session?.actions.zoomOut()}>
            ${icons.zoomOut}
          </button>
          <button type="button" aria-label="Zoom in" title=${this.hint('Zoom in', 'zoomIn')} ?disabled=${!session} @click=${() => session?.actions.zoomIn()}>
            ${icons.zoomIn}
          </button>
          <button type="button" aria-label="Fit to view" title=${this.hint('Fit to view', 'fit')} ?disabled=${!session} @click=${() => session?.actions.fit()}>
            ${icons.fit}
          </button>
          <button
            type="button"
            aria-label="Keyboard shortcuts"
            title=${this.hint('Keyboard shortcuts', 'help')}
            ?disabled=${!session}
            @click=${() => session?.actions.showHelp()}
          >
            ${icons.help}
          </button>
        </div>
      </div>
    `;
  }

  private renderTool(tool: ToolCategory, pressed: boolean, canEdit: boolean): TemplateResult {
    const keys = tool.shortcutKey ? formatChord(tool.shortcutKey) : undefined;
    const description = `${tool.title} — ${TYPE_NAMES[tool.tool]}${keys ? ` (${keys})` : ''}`;
    return html`
      <button
        part="tool-button"
        type="button"
        data-schema-id=${tool.schemaId}
        aria-pressed=${pressed ? 'true' : 'false'}
        aria-keyshortcuts=${tool.shortcutKey ?? nothing}
        title=${description}
        ?disabled=${!canEdit}
        @click=${() => this.currentSession?.setActiveSchema(tool.schemaId)}
      >
        <span class="swatch" style=${styleProperties({ '--swatch': safeColor(tool.color) })}></span>
        <span class="type" aria-hidden="true">${TYPE_LETTERS[tool.tool]}</span>
        <span class="label">${tool.title}</span><span class="visually-hidden">(${TYPE_NAMES[tool.tool]})</span>
        ${keys ? html`<kbd aria-hidden="true">${keys}</kbd>` : nothing}
      </button>
    `;
  }

  private renderBrush(tool: ToolCategory): TemplateResult {
    return html`
      <div class="brush" role="group" aria-label="Brush">
        <button
          type="button"
          aria-pressed=${this.erasing ? 'true' : 'false'}
          title=${`Erase ${tool.title}`}
          @click=${() => this.toggleEraser(tool)}
        >
          ${icons.eraser}<span>Eraser</span>
        </button>
        ${renderRangeField({ id: 'brush-size', label: 'Size', min: 1, max: 200, value: this.brushSize, onInput: (size) => this.setBrushSize(size) })}
      </div>
    `;
  }

  private toggleEraser(tool: ToolCategory): void {
    const session = this.currentSession;
    if (!session) return;
    if (this.erasing) {
      // The session ignores choosing the active class again, so step through the select tool to
      // get the brush back.
      session.setActiveSchema(undefined);
      session.setActiveSchema(tool.schemaId);
      this.erasing = false;
      return;
    }
    session.actions.useEraser(tool.schemaId);
    this.erasing = true;
  }

  private setBrushSize(size: number): void {
    this.brushSize = size;
    this.currentSession?.actions.setBrushSize(this.brushSize);
  }

  /** Left/Right move focus between the bar's buttons (the roving part of the toolbar pattern). */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const current = event.composedPath()[0];
    if (!(current instanceof HTMLButtonElement)) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const index = buttons.indexOf(current);
    const next = buttons[index + (event.key === 'ArrowRight' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}
