/** `pdf`: a PDF text or area selection, `{ position: { boundingRect, rects, pageNumber }, content }` in points. */
import type { PdfRect, PdfSelection } from '../../core/model.js';
import { child, field, isIndex, isRecord, items, type Path } from '../import-reader.js';
import type { GeometryCodec } from './codec.js';
import { bad, numbers, type Walk } from './read.js';

function pdfRect(walk: Walk, value: unknown, path: Path): PdfRect | undefined {
  const n = numbers(walk, value, path, ['x1', 'y1', 'x2', 'y2', 'width', 'height']);
  if (!n || !isRecord(value)) return undefined;
  const pageNumber = field(value, 'pageNumber');
  if (pageNumber === undefined) return n;
  if (!isIndex(pageNumber) || pageNumber < 1) return bad(walk, child(path, 'pageNumber'), '"pageNumber" is 1-based.');
  return { ...n, pageNumber };
}

export const pdfCodec: GeometryCodec<'pdf'> = {
  key: 'pdf',
  parse(walk, value, at) {
    const path = child(at, 'pdf');
    const position = isRecord(value) ? field(value, 'position') : undefined;
    if (!isRecord(value) || !isRecord(position)) return bad(walk, path, 'A pdf entry is { position, content }.');
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
    return { type: 'pdf', value: { position: { boundingRect, rects, pageNumber }, content: body } };
  },
};
