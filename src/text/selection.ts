/**
 * Reading the user's selection and pointer position out of a shadow root. Plain
 * `getSelection()` only sees the host; `getComposedRanges({ shadowRoots })` and
 * `caretPositionFromPoint(x, y, { shadowRoots })` reach the text nodes inside.
 */
import type { TextCaret } from './caret.js';
import type { DocumentView } from './document-view.js';

export interface OffsetSpan {
  /** UTF-16 document offsets, start <= end. */
  start: number;
  end: number;
}

/** The current selection inside `root` as document offsets, or undefined when it is not in the text. */
export function readSelection(root: ShadowRoot, view: DocumentView): OffsetSpan | undefined {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const ranges = selection.getComposedRanges({ shadowRoots: [root] });
  const range = ranges[0];
  if (!range) return undefined;
  const start = view.offsetOf(range.startContainer, range.startOffset);
  const end = view.offsetOf(range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  return start <= end ? { start, end } : { start: end, end: start };
}

export function clearSelection(root: ShadowRoot): void {
  root.ownerDocument.getSelection()?.removeAllRanges();
}

/** The caret offset nearest to a viewport point, or undefined when the point is not over the text. */
export function caretOffsetAt(root: ShadowRoot, view: DocumentView, x: number, y: number): number | undefined {
  const position = root.ownerDocument.caretPositionFromPoint(x, y, { shadowRoots: [root] });
  if (!position) return undefined;
  return view.offsetOf(position.offsetNode, position.offset);
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The character under a viewport point as a UTF-16 span (a whole grapheme), or undefined when the
 * point is on blank space (past a line's end, between paragraphs). The caret position says which
 * gap is nearest; the character on either side of it that actually contains the point wins.
 */
export function characterAt(root: ShadowRoot, view: DocumentView, caretMoves: TextCaret, x: number, y: number): OffsetSpan | undefined {
  const caret = caretOffsetAt(root, view, x, y);
  if (caret === undefined) return undefined;
  const doc = view.document;
  const candidates: OffsetSpan[] = [
    { start: caret, end: caretMoves.moveCaret(caret, 1, 'grapheme') },
    { start: caretMoves.moveCaret(caret, -1, 'grapheme'), end: caret },
  ];
  for (const candidate of candidates) {
    if (candidate.end <= candidate.start) continue;
    // Crossing into the next line is not a character under the pointer.
    if (view.document.layout.paragraphAt(candidate.start) !== view.document.layout.paragraphAt(candidate.end - 1)) continue;
    if (/[\r\n]/.test(doc.text.slice(candidate.start, candidate.end))) continue;
    if (rectsContain(view.range(candidate.start, candidate.end), x, y)) return candidate;
  }
  return undefined;
}
