/**
 * What `<lk-text>` does with the pointer and the keyboard: a drag selects a span (an entity when
 * a class is active), a click selects the smallest entity under it, hover marks it, the handles
 * drag an entity's ends, and the caret keys move the caret, extend a waiting span or move the
 * selected entity's ends. Not part of the element's first download: it loads with `import()`
 * when the element first renders, in parallel with the text, like the toolbar.
 */
import type { ObjectAnnotation, TextSpan } from '../../core/model.js';
import type { LabelingSession } from '../../core/session.js';
import type { ToolCategory } from '../../core/ontology.js';
import type { DocumentView } from '../../text/document-view.js';
import type { EntityIndex } from '../../text/entity-index.js';
import { caretOffsetAt, characterAt, clearSelection, readSelection, type OffsetSpan } from '../../text/selection.js';
import { createTextCaret, type CaretUnit, type TextCaret } from '../../text/caret.js';
import type { TextDocument } from '../../text/text-document.js';
import { withOneShape } from '../../core/one-shape.js';
import { chordOf, isTypingTarget, normaliseShortcut } from '../base/keymap.js';

/** A span waiting for a class: `anchor` stays, `focus` moves with Shift+arrows (UTF-16 offsets). */
export interface PendingSpan {
  anchor: number;
  focus: number;
}

/** What input changes and the element shows: the waiting span, the caret, the hovered entity. */
export interface EditState {
  pending: PendingSpan | undefined;
  caret: number | undefined;
  hoveredId: string | undefined;
}

/** The element's state and helpers the input handlers use. */
export interface TextEditingHost {
  readonly element: HTMLElement;
  readonly session: LabelingSession;
  readonly root: ShadowRoot | null;
  readonly view: DocumentView | undefined;
  readonly document: TextDocument | undefined;
  readonly index: EntityIndex;
  readonly snapWords: boolean;
  readonly scroller: HTMLElement;
  readonly paragraphs: HTMLElement;
  readonly edit: EditState;
  nerTools(): ToolCategory[];
  nerSpan(object: ObjectAnnotation): TextSpan | undefined;
  activeNerSchema(): string | undefined;
  createEntity(schemaId: string, from: number, to: number): string | undefined;
  createFromPending(schemaId: string): boolean;
  editableSelectedEntity(): ObjectAnnotation | undefined;
  revealOffset(offset: number): void;
  refreshPaint(): void;
  requestUpdate(): void;
}

export interface TextEditing {
  mouseDown(event: MouseEvent): void;
  pointerDown(event: PointerEvent): void;
  pointerMove(event: PointerEvent): void;
  pointerLeave(): void;
  handleDown(event: PointerEvent): void;
  handleMove(event: PointerEvent): void;
  handleUp(event: PointerEvent): void;
  keyDown(event: KeyboardEvent): void;
  /** Moves an edge of the selected entity one grapheme earlier (-1) or later (1) in the text; false when none is selected. */
  moveEdge(edge: 'start' | 'end', direction: 1 | -1): boolean;
  /** Places the caret and, on the one selected editable entity, its two handles (coordinates from `origin`). */
  drawMarks(marks: { origin: DOMRect; caret: HTMLElement; start: HTMLElement; end: HTMLElement }): void;
  /** Escape: a handle drag in progress is undone. Returns whether there was one. */
  cancelDrag(): boolean;
  disconnect(): void;
}

interface HandleDrag {
  objectId: string;
  edge: 'start' | 'end';
  pointerId: number;
}

const HORIZONTAL: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1 };
const VERTICAL: Record<string, 1 | -1> = { ArrowDown: 1, ArrowUp: -1 };

export function createTextEditing(host: TextEditingHost): TextEditing {
  const { session } = host;
  let pointerStart: { x: number; y: number; additive: boolean } | undefined;
  let handleDrag: HandleDrag | undefined;
  let hoverFrame = 0;
  let hoverPoint: { x: number; y: number } | undefined;
  let caretMoves: { document: TextDocument; caret: TextCaret } | undefined;
  /** Caret movement over the document shown now (made again when the text changes). */
  const caretOf = (document: TextDocument): TextCaret => {
    if (caretMoves?.document !== document) caretMoves = { document, caret: createTextCaret(document) };
    return caretMoves.caret;
  };

  const caretRect = (offset: number): DOMRect | undefined => {
    const view = host.view;
    if (!view) return undefined;
    const rect = view.range(offset, offset).getClientRects()[0];
    if (rect && rect.height > 0) return rect;
    const paragraph = view.paragraphElement(view.document.layout.paragraphAt(offset));
    const box = paragraph?.getBoundingClientRect();
    if (!box) return undefined;
    return new DOMRect(box.left, box.top, 0, Math.min(box.height, parseFloat(getComputedStyle(paragraph!).lineHeight) || box.height));
  };

  /** Writes new UTF-16 bounds for an entity (code points and `selection` recomputed). */
  const writeSpan = (object: ObjectAnnotation, from: number, to: number): void => {
    const doc = host.document;
    if (!doc) return;
    const start = doc.codePoints.toCodePoint(from);
    const end = doc.codePoints.toCodePoint(to);
    const current = host.nerSpan(object);
    if (end <= start || (current && current.start === start && current.end === end)) return;
    const geometry = { type: 'ner' as const, value: { start, end, selection: doc.codePoints.slice(start, end) } };
    session.store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(withOneShape(object, 0, geometry)));
  };

  const moveEntityEdge = (edge: 'start' | 'end', direction: 1 | -1, unit: CaretUnit): boolean => {
    const object = host.editableSelectedEntity();
    const doc = host.document;
    const span = object ? host.nerSpan(object) : undefined;
    if (!object || !doc || !span) return false;
    let from = doc.codePoints.toUtf16(span.start);
    let to = doc.codePoints.toUtf16(span.end);
    if (edge === 'end') to = caretOf(doc).moveCaret(to, direction, unit);
    else from = caretOf(doc).moveCaret(from, direction, unit);
    if (to <= from) return true;
    writeSpan(object, from, to);
    host.revealOffset(edge === 'end' ? to : from);
    return true;
  };

  const onSpanSelected = (span: OffsetSpan): void => {
    const doc = host.document;
    const root = host.root;
    if (!doc || !root || !session.canEdit) return;
    let [start, end] = caretOf(doc).trimLineEnds(span.start, span.end);
    if (host.snapWords) [start, end] = caretOf(doc).snapToWords(start, end);
    clearSelection(root);
    host.edit.caret = end;
    const schemaId = host.activeNerSchema();
    if (schemaId) {
      host.createEntity(schemaId, start, end);
      return;
    }
    host.edit.pending = { anchor: start, focus: end };
    session.select([]);
    host.requestUpdate();
  };

  const onTextClick = (x: number, y: number, additive: boolean): void => {
    const root = host.root;
    const view = host.view;
    if (!root || !view) return;
    const character = characterAt(root, view, caretOf(view.document), x, y);
    const entity = character ? host.index.smallestAt(character.start) : undefined;
    if (additive) {
      if (!entity) return;
      const selection = session.selection;
      session.select(selection.includes(entity.id) ? selection.filter((id) => id !== entity.id) : [...selection, entity.id]);
      return;
    }
    host.edit.pending = undefined;
    host.edit.caret = caretOffsetAt(root, view, x, y) ?? host.edit.caret;
    session.select(entity ? [entity.id] : []);
    host.requestUpdate();
  };

  const onPointerUp = (event: PointerEvent) => {
    window.removeEventListener('pointerup', onPointerUp);
    host.scroller.classList.remove('selecting');
    const start = pointerStart;
    pointerStart = undefined;
    const view = host.view;
    const root = host.root;
    if (!start || !view || !root) return;
    const span = start.additive ? undefined : readSelection(root, view);
    if (span && span.end > span.start) onSpanSelected(span);
    else onTextClick(event.clientX, event.clientY, start.additive);
  };

  const selectedEntityEdge = (direction: number): number | undefined => {
    const entity = session.selection.length === 1 ? host.index.get(session.selection[0]!) : undefined;
    if (!entity) return undefined;
    return direction > 0 ? entity.end : entity.start;
  };

  /** The offset one visual line up or down, from the caret's on-screen position. */
  const lineMove = (from: number, direction: 1 | -1): number => {
    const root = host.root;
    const view = host.view;
    const doc = host.document!;
    if (!root || !view) return from;
    const rect = caretRect(from);
    if (rect) {
      const lineHeight = Math.max(8, rect.height);
      const y = direction > 0 ? rect.bottom + lineHeight / 2 : rect.top - lineHeight / 2;
      const scrollerRect = host.scroller.getBoundingClientRect();
      if (y > scrollerRect.top && y < scrollerRect.bottom) {
        const offset = caretOffsetAt(root, view, rect.left, y);
        if (offset !== undefined && offset !== from) return offset;
      }
    }
    // Off screen or nothing there: the same column in the next or previous paragraph.
    const layout = doc.layout;
    const index = layout.paragraphAt(from);
    const target = layout.paragraphs[index + direction];
    if (!target) return direction > 0 ? doc.text.length : 0;
    const column = from - layout.paragraphs[index]!.start;
    return caretOf(doc).graphemeFloor(target.start + Math.min(column, target.text.length));
  };

  const firstVisibleOffset = (): number => {
    const root = host.root;
    const view = host.view;
    if (!root || !view) return 0;
    const rect = host.paragraphs.getBoundingClientRect();
    const top = Math.max(rect.top, host.scroller.getBoundingClientRect().top) + 4;
    return caretOffsetAt(root, view, rect.left + 2, top) ?? 0;
  };

  /**
   * Caret keys: arrows (Ctrl/⌘: by word; ↑ ↓ by line), Home/End (line; Ctrl/⌘: document),
   * PageUp/PageDown (scroll a page). With Shift they extend the waiting span. ← → follow the
   * reading direction of right-to-left lines. With Alt they are left to the key bindings (the
   * entity edge moves, `moveEdge`) and to the browser.
   */
  const handleArrowKey = (event: KeyboardEvent): boolean => {
    const doc = host.document!;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      if (event.altKey || mod) return false;
      host.scroller.scrollBy({ top: (event.key === 'PageDown' ? 1 : -1) * host.scroller.clientHeight * 0.9 });
      return true;
    }
    if (event.altKey) return false;
    let horizontal = HORIZONTAL[event.key];
    const vertical = VERTICAL[event.key];
    const lineEdge = event.key === 'Home' ? -1 : event.key === 'End' ? 1 : undefined;
    if (!horizontal && !vertical && !lineEdge) return false;
    const from = host.edit.pending?.focus ?? host.edit.caret ?? selectedEntityEdge(horizontal ?? vertical ?? lineEdge ?? 1) ?? firstVisibleOffset();
    if (horizontal && caretOf(doc).isRightToLeft(doc.layout.paragraphAt(from))) horizontal = horizontal > 0 ? -1 : 1;
    let next: number;
    if (horizontal) next = caretOf(doc).moveCaret(from, horizontal, mod ? 'word' : 'grapheme');
    else if (vertical) next = lineMove(from, vertical);
    else if (mod) next = lineEdge! > 0 ? doc.text.length : 0;
    else {
      const paragraph = doc.layout.paragraphs[doc.layout.paragraphAt(from)]!;
      next = lineEdge! > 0 ? paragraph.start + paragraph.text.length : paragraph.start;
    }
    if (event.shiftKey) {
      if (!session.canEdit) return false;
      const anchor = host.edit.pending?.anchor ?? from;
      host.edit.pending = { anchor, focus: next };
      if (session.selection.length > 0) session.select([]);
    } else {
      host.edit.pending = undefined;
    }
    host.edit.caret = next;
    host.revealOffset(next);
    host.requestUpdate();
    return true;
  };

  return {
    moveEdge: (edge, direction) => moveEntityEdge(edge, direction, 'grapheme'),
    mouseDown(event) {
      // Shift/Ctrl/⌘+click adds to the selection; keep the browser from extending a text selection.
      if (event.button === 0 && (event.shiftKey || event.ctrlKey || event.metaKey)) event.preventDefault();
    },
    pointerDown(event) {
      if (event.button !== 0 || !host.view) return;
      pointerStart = { x: event.clientX, y: event.clientY, additive: event.shiftKey || event.ctrlKey || event.metaKey };
      // A drag ending on the selected entity's handle must still extend the text selection there.
      host.scroller.classList.add('selecting');
      window.addEventListener('pointerup', onPointerUp);
    },
    /** Hover shows which entity a click would select (the smallest under the pointer). */
    pointerMove(event) {
      if (event.buttons !== 0 || event.pointerType === 'touch') return;
      hoverPoint = { x: event.clientX, y: event.clientY };
      hoverFrame ||= requestAnimationFrame(() => {
        hoverFrame = 0;
        const point = hoverPoint;
        const root = host.root;
        if (!point || !root || !host.view) return;
        const character = characterAt(root, host.view, caretOf(host.view.document), point.x, point.y);
        const id = character ? host.index.smallestAt(character.start)?.id : undefined;
        if (id === host.edit.hoveredId) return;
        host.edit.hoveredId = id;
        host.paragraphs.classList.toggle('over-entity', id !== undefined);
        host.refreshPaint();
      });
    },
    pointerLeave() {
      hoverPoint = undefined;
      if (host.edit.hoveredId === undefined) return;
      host.edit.hoveredId = undefined;
      host.paragraphs.classList.remove('over-entity');
      host.refreshPaint();
    },
    handleDown(event) {
      const object = host.editableSelectedEntity();
      if (event.button !== 0 || !object) return;
      event.preventDefault();
      event.stopPropagation();
      const edge = (event.currentTarget as HTMLElement).classList.contains('start') ? 'start' : 'end';
      handleDrag = { objectId: object.objectId, edge, pointerId: event.pointerId };
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      session.store.beginGesture();
    },
    handleMove(event) {
      const drag = handleDrag;
      const root = host.root;
      const view = host.view;
      if (!drag || drag.pointerId !== event.pointerId || !root || !view) return;
      const object = session.store.state.objects.get(drag.objectId);
      const span = object ? host.nerSpan(object) : undefined;
      const offset = caretOffsetAt(root, view, event.clientX, event.clientY);
      if (!object || !span || offset === undefined) return;
      const doc = view.document;
      const from = doc.codePoints.toUtf16(span.start);
      const to = doc.codePoints.toUtf16(span.end);
      const snapped = caretOf(doc).graphemeFloor(offset);
      if (drag.edge === 'start' && snapped < to) writeSpan(object, snapped, to);
      if (drag.edge === 'end' && snapped > from) writeSpan(object, from, snapped);
    },
    handleUp(event) {
      const drag = handleDrag;
      if (!drag || drag.pointerId !== event.pointerId) return;
      handleDrag = undefined;
      if (event.type === 'pointercancel') session.store.cancelGesture();
      else session.store.endGesture('update');
    },
    keyDown(event) {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event)) return;
      // The element or its text region (focusable for keyboard scrolling), not a panel's control.
      const target = event.composedPath()[0];
      if ((target !== host.element && target !== host.scroller) || !host.document) return;
      const chord = chordOf(event);
      if (host.edit.pending && session.canEdit) {
        const tool = host.nerTools().find((t) => t.shortcutKey !== undefined && normaliseShortcut(t.shortcutKey) === chord);
        if (tool) {
          event.preventDefault();
          host.createFromPending(tool.schemaId);
          return;
        }
      }
      if (handleArrowKey(event)) event.preventDefault();
    },
    drawMarks({ origin, caret, start, end }) {
      const caretBox = host.edit.caret !== undefined ? caretRect(host.edit.caret) : undefined;
      if (caretBox) Object.assign(caret.style, { left: `${caretBox.left - origin.left}px`, top: `${caretBox.top - origin.top}px`, height: `${caretBox.height}px` });
      caret.classList.toggle('visible', caretBox !== undefined);
      const object = host.editableSelectedEntity();
      const entity = object ? host.index.get(object.objectId) : undefined;
      const view = host.view;
      // Only entities in rendered blocks have boxes worth measuring (and a huge one measures once).
      const rects = entity && view?.isRendered(entity.start, entity.end) ? [...view.range(entity.start, entity.end).getClientRects()].filter((rect) => rect.width > 0) : [];
      const first = rects[0];
      const last = rects.at(-1);
      for (const [handle, rect, x] of [
        [start, first, first?.left],
        [end, last, last?.right],
      ] as const) {
        handle.classList.toggle('visible', rect !== undefined);
        if (rect && x !== undefined) Object.assign(handle.style, { left: `${x - origin.left}px`, top: `${rect.top - origin.top}px`, height: `${rect.height}px` });
      }
    },
    cancelDrag() {
      if (!handleDrag) return false;
      handleDrag = undefined;
      session.store.cancelGesture();
      return true;
    },
    disconnect() {
      cancelAnimationFrame(hoverFrame);
      hoverFrame = 0;
      window.removeEventListener('pointerup', onPointerUp);
    },
  };
}
