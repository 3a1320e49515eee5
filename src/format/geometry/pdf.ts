/**
 * `pdf`: a PDF text or area selection, `{ position: { boundingRect, rects, pageNumber }, content }`.
 *
 * Every rect is measured in the page frame it carries (`width × height`: Ango writes the viewer's
 * page size when the label was made). The model keeps points at scale 1 (frame = the page's size
 * in points), so a rect is scaled by `pagePoints / width` (and height likewise) as soon as the
 * page's size is known: here when the element knows it at import, else by the element when the
 * sizes arrive (`scalePdfSelection`). A rect with its own `pageNumber` (a selection across pages)
 * is scaled to that page. Also read: Ango's flat pre-label
 * `{ x1, y1, x2, y2, width, height, pageNumber, text }`, an area whose content text is `text`.
 */
import type { PdfRect, PdfSelection } from '../../core/model.js';
import { child, field, isIndex, isRecord, items, type PageSize, type Path } from '../import-reader.js';
import type { GeometryCodec } from './codec.js';
import { bad, numbers, type Walk } from './read.js';

const RECT_KEYS = ['x1', 'y1', 'x2', 'y2', 'width', 'height'] as const;

function pdfRect(walk: Walk, value: unknown, path: Path): PdfRect | undefined {
  const n = numbers(walk, value, path, RECT_KEYS);
  if (!n || !isRecord(value)) return undefined;
  if (!(n.width > 0)) return bad(walk, child(path, 'width'), '"width" is the width of the page frame the rect is measured in (> 0).');
  if (!(n.height > 0)) return bad(walk, child(path, 'height'), '"height" is the height of the page frame the rect is measured in (> 0).');
  const pageNumber = field(value, 'pageNumber');
  if (pageNumber === undefined) return n;
  if (!isIndex(pageNumber) || pageNumber < 1) return bad(walk, child(path, 'pageNumber'), '"pageNumber" is 1-based.');
  return { ...n, pageNumber };
}

/** A rect measured again in the frame `size` (scale `size / frame` on each axis). */
function scaleRect(rect: PdfRect, size: PageSize): PdfRect {
  if (rect.width === size.width && rect.height === size.height) return rect;
  const sx = size.width / rect.width;
  const sy = size.height / rect.height;
  return { ...rect, x1: rect.x1 * sx, y1: rect.y1 * sy, x2: rect.x2 * sx, y2: rect.y2 * sy, width: size.width, height: size.height };
}

/** The size of a 1-based page, where known. */
export type PageSizeOf = (pageNumber: number) => PageSize | undefined;

/** The page a rect is on: its own `pageNumber` (a selection across pages), else the selection's. */
const pageOf = (rect: PdfRect, selection: PdfSelection): number => rect.pageNumber ?? selection.position.pageNumber;

const inFrame = (rect: PdfRect, size: PageSize | undefined): boolean => !size || (rect.width === size.width && rect.height === size.height);

/** Whether every rect whose page size is known is already measured in its page's frame. */
export function isInPageFrame(selection: PdfSelection, sizeOf: PageSizeOf): boolean {
  const { boundingRect, rects } = selection.position;
  return inFrame(boundingRect, sizeOf(pageOf(boundingRect, selection))) && rects.every((r) => inFrame(r, sizeOf(pageOf(r, selection))));
}

/**
 * The selection with every rect measured in its page's frame (points at scale 1), FORMAT.md's
 * input rule; rects of pages whose size is not known stay as they are.
 */
export function scalePdfSelection(selection: PdfSelection, sizeOf: PageSizeOf): PdfSelection {
  if (isInPageFrame(selection, sizeOf)) return selection;
  const scale = (rect: PdfRect): PdfRect => {
    const size = sizeOf(pageOf(rect, selection));
    return size ? scaleRect(rect, size) : rect;
  };
  const { position, content } = selection;
  return { position: { ...position, boundingRect: scale(position.boundingRect), rects: position.rects.map(scale) }, content };
}

/** Ango's flat pre-label: one area rect with its page and text. */
function flatPreLabel(walk: Walk, value: Record<string, unknown>, path: Path): PdfSelection | undefined {
  const rect = pdfRect(walk, value, path);
  if (!rect) return undefined;
  const pageNumber = rect.pageNumber;
  if (pageNumber === undefined) return bad(walk, child(path, 'pageNumber'), '"pageNumber" must be a 1-based page number.');
  const text = field(value, 'text');
  if (text !== undefined && text !== null && typeof text !== 'string') return bad(walk, child(path, 'text'), '"text" must be a string.');
  const { x1, y1, x2, y2, width, height } = rect;
  return { position: { boundingRect: { x1, y1, x2, y2, width, height, pageNumber }, rects: [], pageNumber }, content: { text: typeof text === 'string' ? text : '' } };
}

function nested(walk: Walk, value: Record<string, unknown>, path: Path): PdfSelection | undefined {
  const position = field(value, 'position');
  if (!isRecord(position)) return bad(walk, path, 'A pdf entry is { position, content } or { x1, y1, x2, y2, width, height, pageNumber, text }.');
  const positionAt = child(path, 'position');
  const boundingRect = pdfRect(walk, field(position, 'boundingRect'), child(positionAt, 'boundingRect'));
  if (!boundingRect) return undefined;
  const rawRects = items(field(position, 'rects') ?? []);
  if (!rawRects) return bad(walk, child(positionAt, 'rects'), '"rects" must be a list (empty for an area).');
  const rects: PdfRect[] = [];
  for (let i = 0; i < rawRects.length; i++) {
    const rect = pdfRect(walk, rawRects[i], child(child(positionAt, 'rects'), i));
    if (!rect) return undefined;
    rects.push(rect);
  }
  const pageNumber = field(position, 'pageNumber');
  if (!isIndex(pageNumber) || pageNumber < 1) return bad(walk, child(positionAt, 'pageNumber'), '"pageNumber" must be a 1-based page number.');
  const content = field(value, 'content');
  const text = isRecord(content) ? field(content, 'text') : undefined;
  const image = isRecord(content) ? field(content, 'image') : undefined;
  let body: PdfSelection['content'];
  if (typeof text === 'string') body = { text };
  else if (typeof image === 'string') body = { image };
  else return bad(walk, child(path, 'content'), '"content" must be { text } or { image }.');
  return { position: { boundingRect, rects, pageNumber }, content: body };
}

export const pdfCodec: GeometryCodec<'pdf'> = {
  key: 'pdf',
  parse(walk, value, at) {
    const path = child(at, 'pdf');
    if (!isRecord(value)) return bad(walk, path, 'A pdf entry is { position, content } or { x1, y1, x2, y2, width, height, pageNumber, text }.');
    const selection = field(value, 'position') === undefined && field(value, 'x1') !== undefined ? flatPreLabel(walk, value, path) : nested(walk, value, path);
    if (!selection) return undefined;
    const pages = walk.pages;
    return { type: 'pdf', value: pages ? scalePdfSelection(selection, (pageNumber) => pages[pageNumber - 1]) : selection };
  },
};
