/**
 * The user's selection on the pdf.js text layers turned into a `pdf` text entry: one rect per
 * line run on each page it covers (PDF points at scale 1, the page's rotation applied, origin top
 * left) and the covered text. Text nodes are measured one by one: a range's own client rects
 * would include the whole box of a fully selected text layer.
 */
import type { PdfRect, PdfSelection } from '../../core/model.js';
import { boundsOf, lineRuns, type Edges } from '../../media/pdf/line-runs.js';

export interface RenderedPage {
  index: number;
  /** The element whose top-left is the page's origin (the page box). */
  box: HTMLElement;
  /** The pdf.js text layer of the page. */
  textLayer: HTMLElement;
  size: { width: number; height: number };
}

/** The live range of the selection inside `root`, or undefined when it is collapsed or elsewhere. */
export function selectedRange(root: ShadowRoot): Range | undefined {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const composed = selection.getComposedRanges({ shadowRoots: [root] })[0];
  if (!composed || composed.collapsed) return undefined;
  if (!root.contains(composed.startContainer) || !root.contains(composed.endContainer)) return undefined;
  const range = root.ownerDocument.createRange();
  range.setStart(composed.startContainer, composed.startOffset);
  range.setEnd(composed.endContainer, composed.endOffset);
  return range;
}

function textNodes(layer: HTMLElement, range: Range): Array<Text | HTMLBRElement> {
  const nodes: Array<Text | HTMLBRElement> = [];
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node instanceof Text || node instanceof HTMLBRElement) && range.intersectsNode(node)) nodes.push(node);
  }
  return nodes;
}

/** The rects and text `range` covers on the rendered pages, or undefined when it covers no text. */
export function textSelectionOf(range: Range, pages: readonly RenderedPage[], scale: number): PdfSelection | undefined {
  const rects: PdfRect[] = [];
  let text = '';
  let firstPage: RenderedPage | undefined;
  let firstPageRuns: Edges[] = [];
  for (const page of pages) {
    const nodes = textNodes(page.textLayer, range);
    if (nodes.length === 0) continue;
    const origin = page.box.getBoundingClientRect();
    const pageEdges: Edges[] = [];
    for (const node of nodes) {
      if (node instanceof HTMLBRElement) {
        text += '\n';
        continue;
      }
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.length;
      if (end <= start) continue;
      text += node.data.slice(start, end);
      const part = node.ownerDocument.createRange();
      part.setStart(node, start);
      part.setEnd(node, end);
      for (const rect of part.getClientRects()) {
        pageEdges.push({
          left: (rect.left - origin.left) / scale,
          top: (rect.top - origin.top) / scale,
          right: (rect.right - origin.left) / scale,
          bottom: (rect.bottom - origin.top) / scale,
        });
      }
    }
    const runs = lineRuns(pageEdges);
    if (runs.length === 0) continue;
    if (!firstPage) {
      firstPage = page;
      firstPageRuns = runs;
    } else if (!text.endsWith('\n')) {
      text += '\n';
    }
    for (const run of runs) rects.push(toPdfRect(run, page));
  }
  const bounds = boundsOf(firstPageRuns);
  if (!firstPage || !bounds || text.trim() === '') return undefined;
  return {
    position: { boundingRect: toPdfRect(bounds, firstPage), rects, pageNumber: firstPage.index + 1 },
    content: { text: text.replace(/\n+$/, '') },
  };
}

function toPdfRect(edges: Edges, page: RenderedPage): PdfRect {
  const r = (value: number) => Math.round(value * 100) / 100;
  return {
    x1: r(edges.left),
    y1: r(edges.top),
    x2: r(edges.right),
    y2: r(edges.bottom),
    width: r(page.size.width),
    height: r(page.size.height),
    pageNumber: page.index + 1,
  };
}

/** The text of the spans whose centres lie inside `box` (PDF points) on a rendered page. */
export function textInside(page: RenderedPage, box: { x: number; y: number; width: number; height: number }, scale: number): string {
  const origin = page.box.getBoundingClientRect();
  const parts: string[] = [];
  for (const span of page.textLayer.querySelectorAll('span')) {
    if (span.childElementCount > 0 || !span.textContent) continue;
    const rect = span.getBoundingClientRect();
    const cx = ((rect.left + rect.right) / 2 - origin.left) / scale;
    const cy = ((rect.top + rect.bottom) / 2 - origin.top) / scale;
    if (cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height) parts.push(span.textContent);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
