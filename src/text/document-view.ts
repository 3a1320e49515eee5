/**
 * The document in the DOM: one `<p>` per line holding exactly one text node, always filled through
 * `Text` nodes (never parsed as HTML). Paragraphs sit in blocks of a few thousand characters with
 * `content-visibility: auto`: the browser styles, lays out and paints only the blocks near the
 * viewport, and says which those are. Maps document offsets (UTF-16) to DOM positions and back and
 * creates the ranges highlights and measurements use.
 */
import type { TextDocument } from './text-document.js';

export interface DomPosition {
  node: Text;
  offset: number;
}

/** A run of paragraphs rendered together: indexes of its first and last paragraph. */
export interface ParagraphBlock {
  readonly first: number;
  readonly last: number;
}

export interface DocumentView {
  readonly document: TextDocument;
  readonly paragraphElements: readonly HTMLParagraphElement[];
  readonly blocks: readonly ParagraphBlock[];
  /** Blocks the browser renders now (near the viewport, or holding the selection or focus). */
  renderedBlocks(): ReadonlySet<number>;
  /** The document offsets a block holds, [start, end). */
  blockSpan(block: number): [number, number];
  /** Whether [start, end) shares text with a rendered block (only those have boxes to measure). */
  isRendered(start: number, end: number): boolean;
  /** The DOM position of a document offset; offsets inside a line terminator go to the line's end. */
  positionOf(offset: number): DomPosition;
  /** The document offset of a DOM boundary point, or undefined when it lies outside the text. */
  offsetOf(node: Node, offset: number): number | undefined;
  /** A static range over [start, end) in document offsets (cheap; the DOM never changes under it). */
  staticRange(start: number, end: number): StaticRange;
  /** A live range over [start, end), for measuring. */
  range(start: number, end: number): Range;
  /** Index of the paragraph element that holds `node`, or -1. */
  paragraphIndexOf(node: Node): number;
  destroy(): void;
}

export interface DocumentViewOptions {
  container: HTMLElement;
  document: TextDocument;
  /** A block started or stopped being rendered (the browser's `contentvisibilityautostatechange`). */
  onRenderedChange?: (block: number, rendered: boolean) => void;
}

/**
 * Block size. `content-visibility` on every paragraph made each scrolled frame cost ≈ 110 ms with
 * the 13,000-line novel (the browser re-checks every skipped element against the viewport each
 * frame, and styles every paragraph even when skipped); blocks of about two screens keep frames
 * at a few milliseconds and skip styling the paragraphs of blocks that are not rendered.
 */
const BLOCK_CHARACTERS = 6000;
const BLOCK_PARAGRAPHS = 96;
/** Characters per line assumed for a block's height before it was ever rendered (80ch column). */
const ESTIMATED_LINE_CHARACTERS = 90;
export const BLOCK_CLASS = 'block';

export function createDocumentView(options: DocumentViewOptions): DocumentView {
  const { container, document: textDocument, onRenderedChange } = options;
  const owner = container.ownerDocument;
  const fragment = owner.createDocumentFragment();
  const paragraphElements: HTMLParagraphElement[] = [];
  const textNodes: Text[] = [];
  const paragraphIndex = new WeakMap<Element, number>();
  const blockElements: HTMLDivElement[] = [];
  const blockIndex = new WeakMap<Element, number>();
  const blocks: ParagraphBlock[] = [];
  const rendered = new Set<number>();
  const paragraphs = textDocument.layout.paragraphs;

  let block: HTMLDivElement | undefined;
  let blockFirst = 0;
  let blockCharacters = 0;
  let blockLines = 0;
  const closeBlock = (last: number) => {
    if (!block) return;
    block.style.setProperty('contain-intrinsic-block-size', `auto calc(${blockLines} * 1lh)`);
    blocks.push({ first: blockFirst, last });
    block = undefined;
  };
  for (let i = 0; i < paragraphs.length; i++) {
    if (!block) {
      block = owner.createElement('div');
      block.className = BLOCK_CLASS;
      blockIndex.set(block, blockElements.length);
      blockElements.push(block);
      fragment.append(block);
      blockFirst = i;
      blockCharacters = 0;
      blockLines = 0;
    }
    const text = paragraphs[i]!.text;
    const element = owner.createElement('p');
    paragraphIndex.set(element, i);
    const node = owner.createTextNode(text);
    element.append(node);
    block.append(element);
    paragraphElements.push(element);
    textNodes.push(node);
    blockCharacters += text.length;
    blockLines += Math.max(1, Math.ceil(text.length / ESTIMATED_LINE_CHARACTERS));
    if (blockCharacters >= BLOCK_CHARACTERS || i - blockFirst + 1 >= BLOCK_PARAGRAPHS) closeBlock(i);
  }
  closeBlock(paragraphs.length - 1);
  container.replaceChildren(fragment);

  const onVisibility = (event: Event) => {
    const target = event.target;
    const index = target instanceof HTMLDivElement ? blockIndex.get(target) : undefined;
    if (index === undefined) return;
    const isRendered = !(event as ContentVisibilityAutoStateChangeEvent).skipped;
    if (isRendered === rendered.has(index)) return;
    if (isRendered) rendered.add(index);
    else rendered.delete(index);
    onRenderedChange?.(index, isRendered);
  };
  // The event does not bubble; a capturing listener on the container sees every block's.
  container.addEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });

  const positionOf = (offset: number): DomPosition => {
    const index = textDocument.layout.paragraphAt(offset);
    const paragraph = paragraphs[index]!;
    return { node: textNodes[index]!, offset: Math.max(0, Math.min(paragraph.text.length, offset - paragraph.start)) };
  };

  const paragraphIndexOf = (node: Node): number => {
    for (let current: Node | null = node; current && current !== container; current = current.parentNode) {
      if (current instanceof HTMLParagraphElement) {
        const index = paragraphIndex.get(current);
        if (index !== undefined) return index;
      }
    }
    return -1;
  };

  /** The start of paragraph `index`, or the document's end past the last one. */
  const paragraphStart = (index: number): number => paragraphs[index]?.start ?? textDocument.text.length;

  const offsetOf = (node: Node, offset: number): number | undefined => {
    // Boundaries between blocks or between paragraphs: the start of the paragraph after them.
    if (node === container) return paragraphStart(blocks[offset]?.first ?? paragraphs.length);
    const block = node instanceof HTMLDivElement ? blockIndex.get(node) : undefined;
    if (block !== undefined) return paragraphStart(blocks[block]!.first + offset);
    const index = paragraphIndexOf(node);
    if (index < 0) return undefined;
    const paragraph = paragraphs[index]!;
    if (node instanceof Text) return paragraph.start + Math.min(offset, paragraph.text.length);
    // The paragraph element itself: offset counts child nodes (0 = before the text, 1 = after).
    return paragraph.start + (offset > 0 ? paragraph.text.length : 0);
  };

  const blockSpan = (block: number): [number, number] => {
    const { first, last } = blocks[block]!;
    const end = paragraphs[last]!;
    return [paragraphs[first]!.start, end.start + end.text.length];
  };

  return {
    document: textDocument,
    paragraphElements,
    blocks,
    renderedBlocks: () => rendered,
    blockSpan,
    isRendered(start, end) {
      for (const block of rendered) {
        const [from, to] = blockSpan(block);
        // A collapsed span (a caret) counts where it sits.
        if (start < to && (end > from || (start === end && start >= from))) return true;
      }
      return false;
    },
    positionOf,
    offsetOf,
    paragraphIndexOf,
    staticRange(start, end) {
      const from = positionOf(start);
      const to = positionOf(Math.max(start, end));
      return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
    },
    range(start, end) {
      const from = positionOf(start);
      const to = positionOf(Math.max(start, end));
      const range = owner.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    },
    destroy() {
      container.removeEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });
      container.replaceChildren();
      rendered.clear();
    },
  };
}
