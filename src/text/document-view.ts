/**
 * The document in the DOM: one `<p>` per line holding exactly one text node, always filled through
 * `Text` nodes (never parsed as HTML). Paragraphs sit in blocks of a few thousand characters with
 * `content-visibility: auto`: the browser styles, lays out and paints only the blocks near the
 * viewport, and says which those are. Blocks start empty, at their estimated height, and are
 * filled a few at a time (`fillSome`, in tasks of their own: 13,000 lines in one go block the page
 * for tens of milliseconds), the rendered ones first; a block is also filled the moment it is
 * rendered or an offset in it is needed. Maps document offsets (UTF-16) to DOM positions and back
 * and creates the ranges highlights and measurements use.
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
  readonly blocks: readonly ParagraphBlock[];
  /** The element of paragraph `index` (its block is filled first), or undefined past the end. */
  paragraphElement(index: number): HTMLParagraphElement | undefined;
  /** Blocks the browser renders now (near the viewport, or holding the selection or focus). */
  renderedBlocks(): ReadonlySet<number>;
  /** The document offsets a block holds, [start, end). */
  blockSpan(block: number): [number, number];
  /** Whether [start, end) shares text with a rendered block (only those have boxes to measure). */
  isRendered(start: number, end: number): boolean;
  /** Rendered blocks whose box meets the band between `top` and `bottom` (client coordinates), in order. */
  renderedBlocksIn(top: number, bottom: number): number[];
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
  /**
   * Fills empty blocks, rendered ones first, then onwards from the first rendered block, until
   * `budgetMs` have passed. Returns whether any block is still empty.
   */
  fillSome(budgetMs: number): boolean;
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
  const paragraphs = textDocument.layout.paragraphs;
  const paragraphElements: (HTMLParagraphElement | undefined)[] = new Array(paragraphs.length);
  const textNodes: (Text | undefined)[] = new Array(paragraphs.length);
  const paragraphIndex = new WeakMap<Element, number>();
  const blockElements: HTMLDivElement[] = [];
  const blockIndex = new WeakMap<Element, number>();
  const blocks: ParagraphBlock[] = [];
  /** Block of each paragraph. */
  const blockOf = new Uint32Array(paragraphs.length);
  const rendered = new Set<number>();
  const empty = new Set<number>();

  // The blocks, empty, each at its estimated height (the paragraphs come with `fill`).
  const fragment = owner.createDocumentFragment();
  let blockFirst = 0;
  let blockCharacters = 0;
  let blockLines = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const length = paragraphs[i]!.text.length;
    blockCharacters += length;
    blockLines += Math.max(1, Math.ceil(length / ESTIMATED_LINE_CHARACTERS));
    blockOf[i] = blocks.length;
    if (blockCharacters < BLOCK_CHARACTERS && i - blockFirst + 1 < BLOCK_PARAGRAPHS && i < paragraphs.length - 1) continue;
    const block = owner.createElement('div');
    block.className = BLOCK_CLASS;
    const height = `calc(${blockLines} * 1lh)`;
    block.style.setProperty('contain-intrinsic-block-size', `auto ${height}`);
    // An empty block that is rendered still takes its estimated room until it is filled.
    block.style.setProperty('min-block-size', height);
    blockIndex.set(block, blocks.length);
    empty.add(blocks.length);
    blockElements.push(block);
    blocks.push({ first: blockFirst, last: i });
    fragment.append(block);
    blockFirst = i + 1;
    blockCharacters = 0;
    blockLines = 0;
  }
  container.replaceChildren(fragment);

  const fill = (index: number): void => {
    if (!empty.delete(index)) return;
    const { first, last } = blocks[index]!;
    const element = blockElements[index]!;
    const lines = owner.createDocumentFragment();
    for (let i = first; i <= last; i++) {
      const paragraph = owner.createElement('p');
      paragraphIndex.set(paragraph, i);
      const node = owner.createTextNode(paragraphs[i]!.text);
      paragraph.append(node);
      lines.append(paragraph);
      paragraphElements[i] = paragraph;
      textNodes[i] = node;
    }
    element.append(lines);
    element.style.removeProperty('min-block-size');
  };

  const onVisibility = (event: Event) => {
    const target = event.target;
    const index = target instanceof HTMLDivElement ? blockIndex.get(target) : undefined;
    if (index === undefined) return;
    const isRendered = !(event as ContentVisibilityAutoStateChangeEvent).skipped;
    if (isRendered === rendered.has(index)) return;
    if (isRendered) {
      rendered.add(index);
      fill(index);
    } else {
      rendered.delete(index);
    }
    onRenderedChange?.(index, isRendered);
  };
  // The event does not bubble; a capturing listener on the container sees every block's.
  container.addEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });

  const positionOf = (offset: number): DomPosition => {
    const index = textDocument.layout.paragraphAt(offset);
    const paragraph = paragraphs[index]!;
    fill(blockOf[index]!);
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
    blocks,
    paragraphElement(index) {
      if (index < 0 || index >= paragraphs.length) return undefined;
      fill(blockOf[index]!);
      return paragraphElements[index];
    },
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
    renderedBlocksIn(top, bottom) {
      const found: number[] = [];
      for (const block of rendered) {
        const box = blockElements[block]!.getBoundingClientRect();
        if (box.bottom >= top && box.top <= bottom) found.push(block);
      }
      return found.sort((a, b) => a - b);
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
    fillSome(budgetMs) {
      const until = performance.now() + budgetMs;
      const from = rendered.size > 0 ? Math.min(...rendered) : 0;
      for (const index of rendered) fill(index);
      // Onwards from where the reader is, then what lies above.
      for (let step = 0; step < blocks.length && empty.size > 0 && performance.now() < until; step++) fill((from + step) % blocks.length);
      return empty.size > 0;
    },
    destroy() {
      container.removeEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });
      container.replaceChildren();
      rendered.clear();
    },
  };
}
