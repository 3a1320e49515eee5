/**
 * The user's selection on the pdf.js text layers turned into a `pdf` text entry: one rect per
 * line run on each page it covers (PDF points at scale 1, the page's rotation applied, origin top
 * left) and the covered text. Text nodes are measured one by one: a range's own client rects
 * would include the whole box of a fully selected text layer.
 */
import type { PdfRect, PdfSelection } from '../../core/model.js';
import { pdfPoints } from '../../core/geometry.js';
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
      const band = glyphBand(node.parentElement, page);
      for (const rect of part.getClientRects()) {
        const edges = {
          left: (rect.left - origin.left) / scale,
          top: (rect.top - origin.top) / scale,
          right: (rect.right - origin.left) / scale,
          bottom: (rect.bottom - origin.top) / scale,
        };
        if (band?.axis === 'y') pageEdges.push({ ...edges, top: band.from, bottom: band.to });
        else if (band?.axis === 'x') pageEdges.push({ ...edges, left: band.from, right: band.to });
        else pageEdges.push(edges);
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

/**
 * Where a pdf.js text-layer span's glyphs lie across its line, in points of the page as shown:
 * pdf.js places each span from the text's own geometry (top and left in % of the unrotated page,
 * `--font-height` in points), so this does not depend on the zoom, the pixel ratio or how the
 * browser rounds the span's font. The browser's rects give only where along the line a selection
 * starts and ends. Undefined for a span that is not pdf.js's or whose text is itself at an angle.
 */
function glyphBand(span: Element | null, page: RenderedPage): { axis: 'x' | 'y'; from: number; to: number } | undefined {
  if (!(span instanceof HTMLElement) || span.parentElement?.closest('.textLayer') !== page.textLayer) return undefined;
  const rotate = span.style.getPropertyValue('--rotate').trim();
  if (rotate && Number.parseFloat(rotate) % 360 !== 0) return undefined;
  const top = Number.parseFloat(span.style.top);
  const fontHeight = Number.parseFloat(span.style.getPropertyValue('--font-height'));
  if (!span.style.top.endsWith('%') || !Number.isFinite(top) || !(fontHeight > 0)) return undefined;
  const rotation = ((Number(page.textLayer.dataset['mainRotation'] ?? 0) % 360) + 360) % 360;
  // The text layer is laid out on the unrotated page and turned as a whole (pdf.js's data-main-rotation).
  const unrotatedHeight = rotation === 90 || rotation === 270 ? page.size.width : page.size.height;
  const y1 = (top / 100) * unrotatedHeight;
  const y2 = y1 + fontHeight;
  switch (rotation) {
    case 0:
      return { axis: 'y', from: y1, to: y2 };
    case 180:
      return { axis: 'y', from: unrotatedHeight - y2, to: unrotatedHeight - y1 };
    case 90:
      return { axis: 'x', from: unrotatedHeight - y2, to: unrotatedHeight - y1 };
    case 270:
      return { axis: 'x', from: y1, to: y2 };
    default:
      return undefined;
  }
}

function toPdfRect(edges: Edges, page: RenderedPage): PdfRect {
  return {
    x1: pdfPoints(edges.left),
    y1: pdfPoints(edges.top),
    x2: pdfPoints(edges.right),
    y2: pdfPoints(edges.bottom),
    width: pdfPoints(page.size.width),
    height: pdfPoints(page.size.height),
    pageNumber: page.index + 1,
  };
}

/** A text-layer span's text and its centre in PDF points. */
export interface PlacedSpan {
  text: string;
  x: number;
  y: number;
}

/** The text spans of a rendered page with their centres (PDF points): measured once, matched against many boxes. */
export function placedSpans(page: RenderedPage, scale: number): PlacedSpan[] {
  const origin = page.box.getBoundingClientRect();
  const placed: PlacedSpan[] = [];
  for (const span of page.textLayer.querySelectorAll('span')) {
    if (span.childElementCount > 0 || !span.textContent) continue;
    const rect = span.getBoundingClientRect();
    placed.push({ text: span.textContent, x: ((rect.left + rect.right) / 2 - origin.left) / scale, y: ((rect.top + rect.bottom) / 2 - origin.top) / scale });
  }
  return placed;
}

/** The text of the spans whose centres lie inside `box` (PDF points). */
export function textOfSpansIn(spans: readonly PlacedSpan[], box: { x: number; y: number; width: number; height: number }): string {
  const parts = spans.filter(({ x, y }) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height).map((span) => span.text);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The text of the spans whose centres lie inside `box` (PDF points) on a rendered page. */
export function textInside(page: RenderedPage, box: { x: number; y: number; width: number; height: number }, scale: number): string {
  return textOfSpansIn(placedSpans(page, scale), box);
}
