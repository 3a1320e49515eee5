import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { geometryOnPlane } from '../../core/plane-geometry.js';
import type { LabelingSession } from '../../core/session.js';
import { receivePageKeys, stopPageKeys } from './page-keys.js';
import { chordOf, isTypingTarget, normaliseShortcut, resolveBindings, type KeyAction, type KeyBindings } from './keymap.js';

export interface KeyboardHost extends ReactiveControllerHost, HTMLElement {
  readonly session: LabelingSession;
  shortcuts: KeyBindings | undefined;
  /** Surface-specific actions (zoom, nudge, finish…). Return true when handled. */
  handleKeyAction(action: KeyAction, event: KeyboardEvent): boolean;
  /** Changes the class of the selected objects (Alt + an ontology shortcut). */
  reclassifySelection(schemaId: string): void;
  /** Deletes the selected objects. */
  deleteSelection(): void;
  /** The host drives Submit and Skip itself: their keys do nothing. */
  readonly hideSubmit: boolean;
  /** Validates and submits (fires `lk-submit` or `lk-invalid`). */
  submit(): unknown;
  /** Fires `lk-skip`. */
  skip(): void;
  /** Ctrl/⌘+C, V, D on shapes; false when there was nothing to do (the browser's own copy then runs). */
  copySelection(): boolean;
  paste(): boolean;
  duplicateSelection(): boolean;
  /** Starts a review issue on the selection or at the next click (`I`). */
  raiseIssue(): boolean;
}

/**
 * Keyboard for one element: built-in actions (remappable), the ontology's shortcut keys to pick a
 * class, Alt+shortcut to change the class of the selection. Inert while focus is in a text field.
 */
export class KeyboardController implements ReactiveController {
  private bindings = resolveBindings(undefined);
  private boundFrom: KeyBindings | undefined;

  constructor(private readonly host: KeyboardHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    receivePageKeys(this.host);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    stopPageKeys(this.host);
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTypingTarget(event)) return;
    if (this.boundFrom !== this.host.shortcuts) {
      this.boundFrom = this.host.shortcuts;
      this.bindings = resolveBindings(this.host.shortcuts);
    }
    const chord = chordOf(event);
    if (this.handleOntologyShortcut(chord)) {
      event.preventDefault();
      return;
    }
    const action = this.bindings.get(chord);
    if (action && this.run(action, event)) event.preventDefault();
  };

  private run(action: KeyAction, event: KeyboardEvent): boolean {
    const { session } = this.host;
    if (this.host.handleKeyAction(action, event)) return true;
    switch (action) {
      case 'undo':
        return session.store.undo() !== undefined || session.canEdit;
      case 'redo':
        return session.store.redo() !== undefined || session.canEdit;
      case 'delete':
        if (session.selection.length === 0) return false;
        this.host.deleteSelection();
        return true;
      case 'cancel':
        if (session.activeSchemaId !== undefined) session.setActiveSchema(undefined);
        else if (session.selection.length > 0) session.select([]);
        else return false;
        return true;
      case 'selectTool':
        session.setActiveSchema(undefined);
        return true;
      case 'nextObject':
      case 'previousObject':
        return selectNeighbour(session, action === 'nextObject' ? 1 : -1);
      case 'selectAll': {
        const ids = objectsInReach(session).map((object) => object.objectId);
        if (ids.length === 0) return false;
        session.select(ids);
        return true;
      }
      case 'submit':
        if (session.mode !== 'annotate' || this.host.hideSubmit) return false;
        this.host.submit();
        return true;
      case 'skip':
        if (session.mode !== 'annotate' || this.host.hideSubmit) return false;
        this.host.skip();
        return true;
      case 'copy':
        return this.host.copySelection();
      case 'paste':
        return this.host.paste();
      case 'duplicate':
        return this.host.duplicateSelection();
      case 'raiseIssue':
        return this.host.raiseIssue();
      case 'toggleVisibility':
        session.setDisplay({ allHidden: !session.display.allHidden });
        return true;
      case 'toggleLabels':
        session.setDisplay({ labels: !session.display.labels });
        return true;
      default:
        return false;
    }
  }

  /** Bare shortcut picks the drawing class; Alt+shortcut re-classes the selection. */
  private handleOntologyShortcut(chord: string): boolean {
    const { session } = this.host;
    const ontology = session.ontology;
    if (!ontology) return false;
    const reclass = chord.startsWith('alt+') && !chord.startsWith('alt+shift');
    const wanted = reclass ? chord.slice(4) : chord;
    const tool = ontology.tools.find((t) => t.shortcutKey !== undefined && normaliseShortcut(t.shortcutKey) === wanted);
    if (!tool) return false;
    if (reclass) {
      if (session.selection.length === 0 || !session.canEdit) return false;
      this.host.reclassifySelection(tool.schemaId);
      return true;
    }
    if (!session.canEdit) return false;
    session.setActiveSchema(session.activeSchemaId === tool.schemaId ? undefined : tool.schemaId);
    return true;
  }
}

/** The objects the user can reach now: on the current plane (page, frame, slice) and not hidden, in creation order. */
function objectsInReach(session: LabelingSession) {
  return [...session.store.state.objects.values()].filter(
    (object) => !session.hidden.has(object.objectId) && geometryOnPlane(object, session.plane, session.planeModel) !== undefined,
  );
}

/**
 * Tab / Shift+Tab: the next / previous object in reach. Past the last (or before the first) the key
 * is not handled, so Tab leaves the element as usual: keyboard users are never trapped.
 */
function selectNeighbour(session: LabelingSession, direction: 1 | -1): boolean {
  const objects = objectsInReach(session);
  const current = session.selection.length > 0 ? objects.findIndex((object) => object.objectId === session.selection.at(-1)) : -1;
  const next = objects[current === -1 ? (direction > 0 ? 0 : objects.length - 1) : current + direction];
  if (!next) return false;
  session.select([next.objectId]);
  return true;
}
