/**
 * SVG path data for shapes on a PDF page, in PDF points (the overlay's viewBox), so a zoom only
 * resizes the SVG. Text selections may span pages: only the rects of the page being drawn count.
 */
import type { Geometry, PdfRect, Point } from '../../core/model.js';
import { traceGeometry } from '../../canvas/shape-outline.js';

/** How a shape is painted: a filled area, an open line, or a marker at a point. */
export type ShapeKind = 'area' | 'line' | 'point' | 'text';

const round = (value: number) => Math.round(value * 100) / 100;

function ring(points: readonly Point[], closed: boolean): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  return `M${round(first![0])} ${round(first![1])}${rest.map(([x, y]) => `L${round(x)} ${round(y)}`).join('')}${closed ? 'Z' : ''}`;
}

function rectRing(x: number, y: number, width: number, height: number): string {
  return `M${round(x)} ${round(y)}H${round(x + width)}V${round(y + height)}H${round(x)}Z`;
}

function pdfRectRing(rect: PdfRect): string {
  return rectRing(Math.min(rect.x1, rect.x2), Math.min(rect.y1, rect.y2), Math.abs(rect.x2 - rect.x1), Math.abs(rect.y2 - rect.y1));
}

/** The rects of a PDF selection that lie on `page` (0-based); rects without a page number belong to the entry's page. */
export function pdfRectsOnPage(geometry: Extract<Geometry, { type: 'pdf' }>['value'], page: number): PdfRect[] {
  const { position } = geometry;
  const rects = position.rects.length > 0 ? position.rects : [position.boundingRect];
  return rects.filter((rect) => (rect.pageNumber ?? position.pageNumber) === page + 1);
}

export function shapeKind(geometry: Geometry): ShapeKind {
  switch (geometry.type) {
    case 'polyline':
    case 'spline':
      return 'line';
    case 'point':
      return 'point';
    case 'pdf':
      return geometry.value.position.rects.length > 0 ? 'text' : 'area';
    default:
      return 'area';
  }
}

/** Path data for `geometry` as drawn on `page`; '' when nothing of it is there (or it is a point). */
export function shapePath(geometry: Geometry, page: number): string {
  if (geometry.type === 'pdf') return pdfRectsOnPage(geometry.value, page).map(pdfRectRing).join('');
  let path = '';
  traceGeometry(geometry, {
    area(outer, holes) {
      path += ring(outer, true);
      for (const hole of holes) path += ring(hole, true);
    },
    rect(x, y, width, height) {
      path += rectRing(x, y, width, height);
    },
    line(points) {
      path += ring(points, false);
    },
    marker() {},
    controlPoint() {},
  });
  return path;
}
