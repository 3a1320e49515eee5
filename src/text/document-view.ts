/**
 * The document in the DOM: one `<p>` per line holding exactly one text node, always filled through
 * `Text` nodes (never parsed as HTML). Maps document offsets (UTF-16) to DOM positions and back
 * and creates the ranges highlights and measurements use.
 */
import type { TextDocument } from './text-document.js';

export interface DomPosition {
  node: Text;
  offset: number;
}

export interface DocumentView {
  readonly document: TextDocument;
  readonly paragraphElements: readonly HTMLParagraphElement[];
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
}

const INDEX = 'lkIndex';

/**
 * Class carried by paragraphs that are rendered (not skipped by `content-visibility: auto`).
 * Style rules that would otherwise be matched against every paragraph, `::highlight()` and
 * `::selection` above all, are gated on it: 18 ungated `::highlight()` rules made the first
 * layout of a 13,000-paragraph document 4× slower (≈ 700 ms instead of ≈ 170 ms).
 */
export const RENDERED_PARAGRAPH_CLASS = 'lk-on';

export function createDocumentView(options: DocumentViewOptions): DocumentView {
  const { container, document: textDocument } = options;
  const owner = container.ownerDocument;
  const fragment = owner.createDocumentFragment();
  const paragraphElements: HTMLParagraphElement[] = [];
  const textNodes: Text[] = [];
  const paragraphs = textDocument.layout.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const element = owner.createElement('p');
    element.dataset[INDEX] = String(i);
    const node = owner.createTextNode(paragraphs[i]!.text);
    element.append(node);
    fragment.append(element);
    paragraphElements.push(element);
    textNodes.push(node);
  }
  container.replaceChildren(fragment);

  const onVisibility = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLParagraphElement) || target.parentNode !== container) return;
    target.classList.toggle(RENDERED_PARAGRAPH_CLASS, !(event as ContentVisibilityAutoStateChangeEvent).skipped);
  };
  // The event does not bubble; a capturing listener on the container sees every paragraph's.
  container.addEventListener('contentvisibilityautostatechange', onVisibility, { capture: true });

  const positionOf = (offset: number): DomPosition => {
    const index = textDocument.layout.paragraphAt(offset);
    const paragraph = paragraphs[index]!;
    return { node: textNodes[index]!, offset: Math.max(0, Math.min(paragraph.text.length, offset - paragraph.start)) };
  };

  const paragraphIndexOf = (node: Node): number => {
    let current: Node | null = node;
    while (current && current !== container) {
      if (current instanceof HTMLParagraphElement && current.parentNode === container) {
        const index = Number(current.dataset[INDEX]);
        return Number.isInteger(index) ? index : -1;
      }
      current = current.parentNode;
    }
    return -1;
  };

  const offsetOf = (node: Node, offset: number): number | undefined => {
    if (node === container) {
      // A boundary between paragraphs: the start of the paragraph after it, or the document end.
      const next = paragraphs[offset];
      if (next) return next.start;
      return textDocument.text.length;
    }
    const index = paragraphIndexOf(node);
    if (index < 0) return undefined;
    const paragraph = paragraphs[index]!;
    if (node instanceof Text) return paragraph.start + Math.min(offset, paragraph.text.length);
    // The paragraph element itself: offset counts child nodes (0 = before the text, 1 = after).
    return paragraph.start + (offset > 0 ? paragraph.text.length : 0);
  };

  return {
    document: textDocument,
    paragraphElements,
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
    },
  };
}
