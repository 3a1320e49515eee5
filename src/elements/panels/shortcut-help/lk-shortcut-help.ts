import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleProperties } from '../../base/style-properties.js';
import { bindingOf, defaultKeyBindings, ELEMENT_ACTIONS, type KeyAction, type KeyBindings } from '../../base/keymap.js';
import { elementShortcutsContext, type ElementShortcuts } from '../shared/element-shortcuts.js';
import { formatChord, safeColor } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkShortcutHelpStyles } from './lk-shortcut-help.styles.js';

const ACTION_LABELS: Record<KeyAction, string> = {
  undo: 'Undo',
  redo: 'Redo',
  delete: 'Delete the selection',
  cancel: 'Cancel drawing, or clear the selection',
  help: 'Show keyboard shortcuts',
  selectTool: 'Select tool',
  finish: 'Finish the shape being drawn',
  fit: 'Fit to view',
  actualSize: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  nudgeLeft: 'Move the selection left',
  nudgeRight: 'Move the selection right',
  nudgeUp: 'Move the selection up',
  nudgeDown: 'Move the selection down',
  nudgeLeftFar: 'Move the selection left, far',
  nudgeRightFar: 'Move the selection right, far',
  nudgeUpFar: 'Move the selection up, far',
  nudgeDownFar: 'Move the selection down, far',
  nextObject: 'Select the next object',
  previousObject: 'Select the previous object',
  selectAll: 'Select every object in view',
  submit: 'Submit',
  skip: 'Skip the task',
  frameBack: 'Previous frame',
  frameForward: 'Next frame',
  frameBackFar: 'Ten frames back',
  frameForwardFar: 'Ten frames forward',
  entityStartBack: "Move the entity's start earlier",
  entityStartForward: "Move the entity's start later",
  entityEndBack: "Move the entity's end earlier",
  entityEndForward: "Move the entity's end later",
  toggleVisibility: 'Hide all shapes, or show them again',
  toggleLabels: 'Show or hide the class labels',
  copy: 'Copy the selected shapes',
  paste: 'Paste at the pointer (on any frame, page or slice)',
  duplicate: 'Duplicate the selection',
  copyToNextFrame: 'Video: copy the selection to the next frame and go there',
  copyToNextFrames: 'Video: copy the selection onto the next N frames',
  propagateToEnd: 'Video: copy the selection onto every frame to the end',
  skipKeypoint: 'Keypoints: the next point is absent (skip it)',
  keypointVisibility: 'Keypoints: the focused point visible → occluded → absent',
  raiseIssue: 'Review: raise an issue on the selected object, or at the next click',
  magicWand: 'Magic wand',
  magneticLasso: 'Magnetic lasso',
  simplifyShape: 'Simplify the selected shapes',
  smoothShape: 'Smooth the selected shapes',
  unionShapes: 'Union of the selected shapes',
  subtractShapes: 'Subtract from the first selected shape',
  fillHoles: 'Fill holes',
  removeIslands: 'Remove islands',
  brushToShape: 'Brush mask to segmentation',
  shapeToBrush: 'Shapes to brush pixels',
};

/** One row of the table: what it does and the chords that do it. */
export interface ShortcutRow {
  action: KeyAction;
  label: string;
  chords: string[];
}

/**
 * The shared built-in bindings with the host's overrides applied; disabled (`null`) actions are left
 * out, and so are the actions of one kind of element (listed with that element's keys).
 */
export function shortcutRows(overrides: KeyBindings | undefined): ShortcutRow[] {
  return (Object.keys(defaultKeyBindings) as KeyAction[]).flatMap((action) => {
    const chords = ELEMENT_ACTIONS.has(action) ? [] : bindingOf(action, overrides);
    if (chords.length === 0) return [];
    return [{ action, label: ACTION_LABELS[action], chords: chords.map((chord) => formatChord(chord)) }];
  });
}

/**
 * The keyboard help: every built-in shortcut (with the host's remapping), the keys of the element
 * it is in (video playback, DICOM slices and window: each element provides its own list) and the
 * ontology's class keys (the key picks the class to draw; Alt+key changes the class of the
 * selection), in a modal `<dialog>`. Esc or the close button closes it.
 *
 * @tagname lk-shortcut-help
 * @event {Event} close - The user closed the dialog (Esc or the close button); `open` is already false.
 * @csspart dialog - The dialog.
 * @cssproperty [--lk-dialog-background=#ffffff] - Background of the dialog.
 * @cssproperty [--lk-backdrop=rgb(0 0 0 / 0.35)] - The backdrop behind it.
 */
export class LkShortcutHelp extends PanelElement {
  static override styles = [panelStyles, lkShortcutHelpStyles];

  /** Whether the dialog is shown (modal). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Remapped (`'shift+f'`) or disabled (`null`) built-in shortcuts, as on the element. */
  @property({ attribute: false }) shortcuts: KeyBindings | undefined;

  /** The keys of the element the help belongs to; wins over the list the surrounding labelkit element provides. */
  @property({ attribute: false }) elementShortcuts: ElementShortcuts | undefined;

  @consume({ context: elementShortcutsContext, subscribe: true })
  @state()
  private contextShortcuts: ElementShortcuts | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.dialog) return;
    if (this.open && !this.dialog.open && this.isConnected) this.dialog.showModal();
    else if (!this.open && this.dialog.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  protected override render(): TemplateResult {
    const rows = shortcutRows(this.shortcuts);
    const tools = (this.currentSession?.ontology?.tools ?? []).filter((tool) => tool.shortcutKey);
    return html`
      <dialog part="dialog" aria-labelledby="help-title" @close=${this.onClose} @keydown=${this.onKeyDown}>
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" class="close" aria-label="Close" @click=${() => this.dialog.close()}>${icons.close}</button>
        </header>
        <div class="body">
          <table class="built-in">
            <caption>
              Actions
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Keys</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`
                  <tr data-action=${row.action}>
                    <td>${row.label}</td>
                    <td class="keys">${row.chords.map((chord, index) => html`${index ? ' or ' : ''}<kbd>${chord}</kbd>`)}</td>
                  </tr>
                `,
              )}
            </tbody>
          </table>
          ${this.renderElementShortcuts()}
          ${tools.length
            ? html`
                <table class="classes">
                  <caption>
                    Classes
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Class</th>
                      <th scope="col">Draw with</th>
                      <th scope="col">Change the selection to it</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${tools.map((tool) => {
                      const key = formatChord(tool.shortcutKey ?? '');
                      return html`
                        <tr data-schema-id=${tool.schemaId}>
                          <td><span class="swatch" style=${styleProperties({ '--swatch': safeColor(tool.color) })}></span> ${tool.title}</td>
                          <td class="keys"><kbd>${key}</kbd></td>
                          <td class="keys"><kbd>${formatChord(`alt+${tool.shortcutKey ?? ''}`)}</kbd></td>
                        </tr>
                      `;
                    })}
                  </tbody>
                </table>
              `
            : nothing}
        </div>
      </dialog>
    `;
  }

  private renderElementShortcuts(): TemplateResult | typeof nothing {
    const own = this.elementShortcuts ?? this.contextShortcuts;
    if (!own || own.shortcuts.length === 0) return nothing;
    return html`
      <table class="element">
        <caption>
          ${own.heading}
        </caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          ${own.shortcuts.map((shortcut) => {
            // Fixed keys, then the remappable action's keys as the host bound them.
            const chords = [...shortcut.chords, ...(shortcut.action ? bindingOf(shortcut.action, this.shortcuts) : [])];
            if (chords.length === 0 && !shortcut.pointer) return nothing;
            return html`
              <tr data-shortcut=${shortcut.id} data-action=${shortcut.action ?? nothing}>
                <td>${shortcut.label}</td>
                <td class="keys">
                  ${chords.map((chord, index) => html`${index ? ' or ' : ''}<kbd>${formatChord(chord)}</kbd>`)}${shortcut.pointer
                    ? html`${chords.length ? ' or ' : ''}${shortcut.pointer}`
                    : nothing}
                </td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }

  /** A modal dialog owns the keyboard: keys must not reach the element's shortcuts behind it. */
  private onKeyDown(event: KeyboardEvent): void {
    event.stopPropagation();
  }

  private onClose(): void {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  }
}
