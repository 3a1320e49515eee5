/**
 * How alike two shapes of one class are, from 0 (nothing in common) to 1 (the same), on one plane
 * (docs/format.md "Agreement"): intersection over union of the covered area for areas, of the
 * lines thickened by `lineWidth` for polylines and splines, of the offsets for text spans and of
 * the rects page by page for PDF entries; points by distance.
 */
// polygon-clipping's ES build has only a default export (its typings name the functions).
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import type { Box, Geometry, Keypoints, PdfSelection, Point, TextSpan } from '../../core/model.js';
import { normalizeBox, polygonArea, rotatedBoxCorners } from '../../core/geometry.js';
import { catmullRomPoints } from '../../core/spline.js';

export interface SimilarityOptions {
  /** Polylines and splines are compared as bands this wide, in asset pixels (default 4). */
  lineWidth: number;
  /** Two points this far apart (asset pixels) or more have similarity 0; closer, `1 − d / r` (default 10). */
  pointRadius: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { lineWidth: 4, pointRadius: 10 };

const { intersection, union } = polygonClipping;

/** The area of a polygon-clipping result: outer rings minus their holes. */
function multiPolygonArea(shape: MultiPolygon): number {
  let area = 0;
  for (const [outer, ...holes] of shape) {
    area += polygonArea(outer!);
    for (const hole of holes) area -= polygonArea(hole);
  }
  return area;
}

function overlapRatio(a: MultiPolygon, b: MultiPolygon): number {
  if (a.length === 0 && b.length === 0) return 0;
  const shared = multiPolygonArea(intersection(a, b));
  const covered = multiPolygonArea(union(a, b));
  return covered > 0 ? shared / covered : 0;
}

function boxIou(a: Box, b: Box): number {
  const p = normalizeBox(a);
  const q = normalizeBox(b);
  const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
  const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
  const shared = w > 0 && h > 0 ? w * h : 0;
  const covered = p.width * p.height + q.width * q.height - shared;
  return covered > 0 ? shared / covered : 0;
}

const boxRing = (b: Box): Point[] => {
  const { x, y, width, height } = normalizeBox(b);
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
};

/** A band `width` wide around the line: one quad per segment and an octagon at each vertex, merged. */
function band(points: readonly Point[], width: number): MultiPolygon {
  const r = width / 2;
  const parts: Polygon[] = [];
  for (const [x, y] of points) {
    const octagon: Point[] = [];
    for (let k = 0; k < 8; k++) octagon.push([x + r * Math.cos((k * Math.PI) / 4), y + r * Math.sin((k * Math.PI) / 4)]);
    parts.push([octagon]);
  }
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const length = Math.hypot(bx - ax, by - ay);
    if (length === 0) continue;
    const nx = (-(by - ay) / length) * r;
    const ny = ((bx - ax) / length) * r;
    parts.push([
      [
        [ax + nx, ay + ny],
        [bx + nx, by + ny],
        [bx - nx, by - ny],
        [ax - nx, ay - ny],
      ],
    ]);
  }
  const [first, ...rest] = parts;
  return first ? union(first, ...rest) : [];
}

/** The area a shape covers, as polygon-clipping's multipolygon; `undefined` for kinds without an area. */
function area(g: Geometry, options: SimilarityOptions): MultiPolygon | undefined {
  switch (g.type) {
    case 'bounding-box':
      return [[boxRing(g.value)]];
    case 'rotated-bounding-box':
      return [[rotatedBoxCorners(g.value)]];
    case 'polygon':
      return g.value.length >= 3 ? [[g.value]] : [];
    case 'segmentation':
      return g.value.zones.map((zone) => [zone.region, ...zone.holes]);
    case 'polyline':
      return band(g.value, options.lineWidth);
    case 'spline':
      return band(catmullRomPoints(g.value), options.lineWidth);
    default:
      return undefined;
  }
}

function pointSimilarity(a: Point, b: Point, radius: number): number {
  return Math.max(0, 1 - Math.hypot(a[0] - b[0], a[1] - b[1]) / radius);
}

function spanSimilarity(a: TextSpan, b: TextSpan): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const covered = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  if (shared <= 0) return 0;
  return covered > 0 ? shared / covered : 1;
}

/** A PDF entry's rects by 1-based page (an area, `rects: []`, is its bounding rect). */
function pdfPages(selection: PdfSelection): Map<number, MultiPolygon> {
  const { rects, boundingRect, pageNumber } = selection.position;
  const pages = new Map<number, Polygon[]>();
  for (const rect of rects.length > 0 ? rects : [boundingRect]) {
    const page = rect.pageNumber ?? pageNumber;
    const ring = boxRing({ x: Math.min(rect.x1, rect.x2), y: Math.min(rect.y1, rect.y2), width: Math.abs(rect.x2 - rect.x1), height: Math.abs(rect.y2 - rect.y1) });
    pages.set(page, [...(pages.get(page) ?? []), [ring]]);
  }
  return new Map([...pages].map(([page, polygons]) => [page, polygons.length === 1 ? polygons : union(polygons[0]!, ...polygons.slice(1))]));
}

/** Shared area over covered area, summed over the pages either entry is on. */
function pdfSimilarity(a: PdfSelection, b: PdfSelection): number {
  const pa = pdfPages(a);
  const pb = pdfPages(b);
  let shared = 0;
  let covered = 0;
  for (const page of new Set([...pa.keys(), ...pb.keys()])) {
    const x = pa.get(page) ?? [];
    const y = pb.get(page) ?? [];
    if (x.length > 0 && y.length > 0) shared += multiPolygonArea(intersection(x, y));
    covered += x.length === 0 ? multiPolygonArea(y) : y.length === 0 ? multiPolygonArea(x) : multiPolygonArea(union(x, y));
  }
  return covered > 0 ? shared / covered : 0;
}

/** The mean point similarity over the names labelled in either instance (0 for a name labelled in one only). */
function keypointsSimilarity(a: Keypoints, b: Keypoints, radius: number): number {
  const labelled = (k: Keypoints) => new Map(k.points.filter((p) => p.visibility > 0).map((p) => [p.name, [p.x, p.y] as Point]));
  const pa = labelled(a);
  const pb = labelled(b);
  const names = new Set([...pa.keys(), ...pb.keys()]);
  if (names.size === 0) return 1;
  let sum = 0;
  for (const name of names) {
    const p = pa.get(name);
    const q = pb.get(name);
    if (p && q) sum += pointSimilarity(p, q, radius);
  }
  return sum / names.size;
}

/** 0…1: how alike two shapes on one plane are. Shapes of different kinds never match (0). */
export function shapeSimilarity(a: Geometry, b: Geometry, options: SimilarityOptions = DEFAULT_SIMILARITY): number {
  if (a.type === 'bounding-box' && b.type === 'bounding-box') return boxIou(a.value, b.value);
  if (a.type === 'point' && b.type === 'point') return pointSimilarity(a.value, b.value, options.pointRadius);
  if (a.type === 'ner' && b.type === 'ner') return spanSimilarity(a.value, b.value);
  if (a.type === 'pdf' && b.type === 'pdf') return pdfSimilarity(a.value, b.value);
  if (a.type === 'keypoints' && b.type === 'keypoints') return keypointsSimilarity(a.value, b.value, options.pointRadius);
  const x = area(a, options);
  const y = area(b, options);
  return x && y ? overlapRatio(x, y) : 0;
}
