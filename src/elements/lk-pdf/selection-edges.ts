/**
 * Keeps a mouse text selection on the glyphs between the drag's two ends. A pdf.js text layer is
 * absolutely placed spans over empty space: a pointer over that space (the gap between columns,
 * past the end of a line, a margin) hits the layer itself, and the browser puts the caret at some
 * child of the layer in document order, often many lines away from the pointer.
 *
 * - The moving end: as in pdf.js's own viewer, an empty `endOfContent` block lies under the spans
 *   while a drag selects, moved in document order next to the selection's moving end. Over empty
 *   space the pointer hits that block, so the moving end stops at the text run it last crossed.
 * - The fixed end of a drag that started off the glyphs: the browser put it wherever it liked, so
 *   it is moved to a glyph edge beside the press on its line, the one nearest the moving end in
 *   reading order (the start of the text after the press when dragging on, the end of the text
 *   before it when dragging back).
 */

const END_OF_CONTENT = 'endOfContent';

interface Caret {
  node: Node;
  offset: number;
}

interface Press {
  /**
   * Where the drag may start when it was pressed off the glyphs: the glyph edges beside the press
   * (measured at the press, before any scrolling). Empty for a press on a glyph.
   */
  starts: Caret[];
}

export class SelectionEdges {
  private press: Press | undefined;

  /**
   * @param root the shadow root holding the text layers.
   * @param layers the text layers on screen now.
   */
  constructor(
    private readonly root: ShadowRoot,
    private readonly layers: () => HTMLElement[],
  ) {}

  /** Starts watching a press that the browser will turn into a text selection (not a drawing tool's). */
  pointerDown(event: PointerEvent): void {
    this.release();
    const path = event.composedPath();
    const layer = path.find((target): target is HTMLElement => target instanceof HTMLElement && target.classList.contains('textLayer'));
    if (!layer || event.button !== 0) return;
    const onGlyphs = path.some((target) => target instanceof HTMLSpanElement && target !== layer && layer.contains(target) && target.childElementCount === 0);
    this.press = { starts: onGlyphs ? [] : startsBeside(layer, this.root, event.clientX, event.clientY) };
    for (const each of this.layers()) endOfContent(each);
  }

  /** Corrects the selection's ends while a watched drag selects; called on `selectionchange` and before the selection is read. */
  selectionChanged(): void {
    const press = this.press;
    const selection = this.root.ownerDocument.getSelection();
    if (!press || !selection) return;
    const range = selection.rangeCount > 0 ? selection.getComposedRanges({ shadowRoots: [this.root] })[0] : undefined;
    // Until the drag has selected something, the press's own caret stays as the browser put it:
    // laying the block over the layer under it would make the browser drop it as the drag's start.
    if (!range || range.collapsed || !this.root.contains(range.startContainer) || !this.root.contains(range.endContainer)) return;
    for (const layer of this.layers()) layer.classList.toggle('selecting', rangeTouches(range, layer));
    const backward = selection.direction === 'backward';
    const anchor: Caret = backward ? { node: range.endContainer, offset: range.endOffset } : { node: range.startContainer, offset: range.startOffset };
    const focus: Caret = backward ? { node: range.startContainer, offset: range.startOffset } : { node: range.endContainer, offset: range.endOffset };
    if (press.starts.length > 0) {
      const fixed = nearestInText(press.starts, focus);
      // Not while the moving end is still at the new fixed one: the browser drops a drag whose
      // selection a script collapsed, and the next move fixes it anyway.
      if (fixed && (fixed.node !== anchor.node || fixed.offset !== anchor.offset) && charactersBetween(fixed, focus) > 0) {
        selection.setBaseAndExtent(fixed.node, fixed.offset, focus.node, focus.offset);
      }
    }
    followFocus(focus, backward);
  }

  /** The drag is over: the blocks go back out of the way. */
  release(): void {
    this.press = undefined;
    for (const layer of this.layers()) {
      layer.classList.remove('selecting');
      const block = layer.querySelector(`:scope .${END_OF_CONTENT}`);
      if (block && block !== layer.lastElementChild) layer.append(block);
    }
  }
}

/** The layer's `endOfContent` block, made the first time it is needed (pdf.js redraws empty the layer). */
function endOfContent(layer: HTMLElement): HTMLElement {
  const found = layer.querySelector<HTMLElement>(`:scope .${END_OF_CONTENT}`);
  if (found) return found;
  const block = layer.ownerDocument.createElement('div');
  block.className = END_OF_CONTENT;
  layer.append(block);
  return block;
}

function rangeTouches(range: StaticRange, layer: HTMLElement): boolean {
  const live = layer.ownerDocument.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.intersectsNode(layer);
}

/**
 * Puts the layer's block next to the moving end in document order (after its span when the
 * selection grows forward, before it when backward), so empty space resolves to that end.
 */
function followFocus(focus: Caret, backward: boolean): void {
  const element = focus.node instanceof Element ? focus.node : focus.node.parentElement;
  if (!element || element.classList.contains(END_OF_CONTENT)) return;
  const layer = element.closest<HTMLElement>('.textLayer');
  if (!layer || element === layer) return;
  const block = endOfContent(layer);
  const atStart = focus.offset === 0;
  // A forward end at the very start of a span belongs after the span before it, and vice versa.
  if (backward || atStart) element.before(block);
  else element.after(block);
}

/** The text spans of `layer` with their boxes on screen. */
function glyphSpans(layer: HTMLElement): { text: Text; box: DOMRect }[] {
  const spans: { text: Text; box: DOMRect }[] = [];
  for (const span of layer.querySelectorAll('span')) {
    const text = span.firstChild;
    if (span.childElementCount > 0 || !(text instanceof Text) || !text.data.trim()) continue;
    const box = span.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) spans.push({ text, box });
  }
  return spans;
}

/**
 * The glyph edges beside a press at `(x, y)` off the glyphs, on its line (the spans across its
 * height, or the nearest line when it is between lines): the end of the span before it, the start
 * of the span after it, and the caret in a span it lies beside (pressed between two lines).
 */
function startsBeside(layer: HTMLElement, root: ShadowRoot, x: number, y: number): Caret[] {
  const spans = glyphSpans(layer);
  if (spans.length === 0) return [];
  const middle = (box: DOMRect) => (box.top + box.bottom) / 2;
  const across = (lineY: number) => spans.filter(({ box }) => box.top <= lineY && box.bottom >= lineY);
  const nearest = spans.reduce((a, b) => (Math.abs(middle(b.box) - y) < Math.abs(middle(a.box) - y) ? b : a));
  const line = across(y).length > 0 ? across(y) : across(middle(nearest.box));
  const before = line.filter(({ box }) => box.right <= x + 0.5).sort((a, b) => b.box.right - a.box.right)[0];
  const after = line.filter(({ box }) => box.left >= x - 0.5).sort((a, b) => a.box.left - b.box.left)[0];
  const inside = line.find(({ box }) => box.left < x && box.right > x);
  const starts: Caret[] = [];
  const hit = inside && layer.ownerDocument.caretPositionFromPoint(x, middle(inside.box), { shadowRoots: [root] });
  if (hit && hit.offsetNode === inside.text) starts.push({ node: hit.offsetNode, offset: hit.offset });
  if (before) starts.push({ node: before.text, offset: before.text.length });
  if (after) starts.push({ node: after.text, offset: 0 });
  return starts;
}

/** Of `carets`, the one fewer characters away from `to` in reading order. */
function nearestInText(carets: readonly Caret[], to: Caret): Caret | undefined {
  return [...carets].sort((a, b) => charactersBetween(a, to) - charactersBetween(b, to))[0];
}

function charactersBetween(a: Caret, b: Caret): number {
  const range = a.node.ownerDocument!.createRange();
  range.setStart(a.node, a.offset);
  range.collapse(true);
  const forward = range.comparePoint(b.node, b.offset) >= 0;
  if (forward) range.setEnd(b.node, b.offset);
  else range.setStart(b.node, b.offset);
  return range.toString().length;
}
