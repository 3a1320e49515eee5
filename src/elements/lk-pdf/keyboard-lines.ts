/**
 * Shift+↑/↓ on the pdf.js text layers. The browser's own line movement (`Selection.modify` with
 * `line`) does not work there: every text-layer span is positioned on its own, so "the next
 * line" is the end of the span. This finds the span on the line above or below the selection's
 * moving end as it is laid out on screen (on the next or previous page past a page's last or
 * first line) and moves that end to the point below or above it.
 */

interface Caret {
  node: Node;
  offset: number;
}

/** The selection's two ends inside `root`: `anchor` stays, `focus` moves. */
function ends(root: ShadowRoot, selection: Selection): { anchor: Caret; focus: Caret } | undefined {
  const range = selection.rangeCount > 0 ? selection.getComposedRanges({ shadowRoots: [root] })[0] : undefined;
  if (!range || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return undefined;
  const start = { node: range.startContainer, offset: range.startOffset };
  const end = { node: range.endContainer, offset: range.endOffset };
  return selection.direction === 'backward' ? { anchor: end, focus: start } : { anchor: start, focus: end };
}

function caretBox(caret: Caret): DOMRect | undefined {
  const range = document.createRange();
  range.setStart(caret.node, caret.offset);
  range.collapse(true);
  const box = range.getBoundingClientRect();
  if (box.height > 0) return box;
  const element = caret.node instanceof Element ? caret.node : caret.node.parentElement;
  const fallback = element?.getBoundingClientRect();
  return fallback && fallback.height > 0 ? fallback : undefined;
}

/** The text-layer span on the nearest line above or below `from`, nearest to its x. */
function spanOnNextLine(layers: readonly HTMLElement[], from: DOMRect, direction: 'up' | 'down'): { span: HTMLElement; box: DOMRect } | undefined {
  const middle = (from.top + from.bottom) / 2;
  let lineY: number | undefined;
  const candidates: { span: HTMLElement; box: DOMRect }[] = [];
  for (const layer of layers) {
    for (const span of layer.querySelectorAll<HTMLElement>('span')) {
      if (span.childElementCount > 0 || !span.textContent?.trim()) continue;
      const box = span.getBoundingClientRect();
      const y = (box.top + box.bottom) / 2;
      const beyond = direction === 'down' ? box.top >= middle : box.bottom <= middle;
      if (!beyond || box.height === 0) continue;
      candidates.push({ span, box });
      if (lineY === undefined || (direction === 'down' ? y < lineY : y > lineY)) lineY = y;
    }
  }
  if (lineY === undefined) return undefined;
  const line = lineY;
  const onLine = candidates.filter(({ box }) => Math.abs((box.top + box.bottom) / 2 - line) < box.height / 2);
  const x = from.left;
  const distance = (box: DOMRect) => (x < box.left ? box.left - x : x > box.right ? x - box.right : 0);
  return onLine.sort((a, b) => distance(a.box) - distance(b.box))[0];
}

/** Moves the selection's moving end one line up or down; false when there is no line there. */
export function extendByLine(root: ShadowRoot, layers: readonly HTMLElement[], direction: 'up' | 'down'): boolean {
  const selection = root.ownerDocument.getSelection();
  const caret = selection && ends(root, selection);
  const from = caret && caretBox(caret.focus);
  const target = from && spanOnNextLine(layers, from, direction);
  if (!selection || !caret || !target) return false;
  const x = Math.min(target.box.right - 0.5, Math.max(target.box.left + 0.5, from.left));
  const y = (target.box.top + target.box.bottom) / 2;
  const hit = root.ownerDocument.caretPositionFromPoint(x, y, { shadowRoots: [root] });
  const text = target.span.firstChild;
  let focus: Caret;
  if (hit && target.span.contains(hit.offsetNode)) focus = { node: hit.offsetNode, offset: hit.offset };
  else if (text) focus = { node: text, offset: x <= target.box.left + 1 ? 0 : (text.textContent?.length ?? 0) };
  else return false;
  selection.setBaseAndExtent(caret.anchor.node, caret.anchor.offset, focus.node, focus.offset);
  return true;
}
