/**
 * SVG path data for shapes on a PDF page, in PDF points (the overlay's viewBox), so a zoom only
 * resizes the SVG. Text selections may span pages: only the rects of the page being drawn count.
 */
import { rotatedBoxCorners } from '../../core/geometry.js';
import type { Geometry, PdfRect, Point } from '../../core/model.js';
import { catmullRomPoints } from '../../core/spline.js';

/** How a shape is painted: a filled area, an open line, or a marker at a point. */
export type ShapeKind = 'area' | 'line' | 'point' | 'text';

const round = (value: number) => Math.round(value * 100) / 100;

function ring(points: readonly Point[], closed: boolean): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  return `M${round(first![0])} ${round(first![1])}${rest.map(([x, y]) => `L${round(x)} ${round(y)}`).join('')}${closed ? 'Z' : ''}`;
}

function rectRing(rect: PdfRect): string {
  const x = Math.min(rect.x1, rect.x2);
  const y = Math.min(rect.y1, rect.y2);
  return `M${round(x)} ${round(y)}H${round(Math.max(rect.x1, rect.x2))}V${round(Math.max(rect.y1, rect.y2))}H${round(x)}Z`;
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
  switch (geometry.type) {
    case 'bounding-box': {
      const { x, y, width, height } = geometry.value;
      return rectRing({ x1: x, y1: y, x2: x + width, y2: y + height, width: 0, height: 0 });
    }
    case 'rotated-bounding-box':
      return ring(rotatedBoxCorners(geometry.value), true);
    case 'polygon':
      return ring(geometry.value, true);
    case 'polyline':
      return ring(geometry.value, false);
    case 'spline':
      return ring(geometry.value.length > 2 ? catmullRomPoints(geometry.value) : geometry.value, false);
    case 'segmentation':
      return geometry.value.zones.map((zone) => [ring(zone.region, true), ...zone.holes.map((hole) => ring(hole, true))].join('')).join('');
    case 'pdf':
      return pdfRectsOnPage(geometry.value, page).map(rectRing).join('');
    case 'point':
    case 'ner':
      return '';
  }
}
