/**
 * Geometry payloads of FORMAT.md §2.1 from untrusted input. Normalises what the format allows
 * (negative box sizes, any rotation, missing `corners`, a closed ring's repeated first point) and
 * reports anything else as `bad-geometry` at the offending path.
 */
import type { Geometry, PdfRect, PdfSelection, Point, Zone } from '../core/model.js';
import { normalizeBox, normalizeRotatedBox, rotatedBoxFromCorners } from '../core/geometry.js';
import { field, isFiniteNumber, isIndex, isRecord, items, report, type ImportWalk } from './import-reader.js';
import type { GeometryKey } from './types.js';

type Walk = Pick<ImportWalk, 'problems'>;

const bad = (walk: Walk, path: string, message: string) => report(walk, 'bad-geometry', path, message);

function point(walk: Walk, value: unknown, path: string): Point | undefined {
  const xy = items(value);
  if (xy && xy.length === 2 && isFiniteNumber(xy[0]) && isFiniteNumber(xy[1])) return [xy[0], xy[1]];
  return bad(walk, path, 'A point must be [x, y] with finite numbers.');
}

function points(walk: Walk, value: unknown, path: string, min: number): Point[] | undefined {
  const list = items(value);
  if (!list) return bad(walk, path, 'Expected a list of [x, y] points.');
  const out: Point[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = point(walk, list[i], `${path}[${i}]`);
    if (!p) return undefined;
    out.push(p);
  }
  if (out.length < min) return bad(walk, path, `Expected at least ${min} points, got ${out.length}.`);
  return out;
}

/** A ring of at least 3 distinct points; a repeated first point at the end is dropped. */
function ring(walk: Walk, value: unknown, path: string): Point[] | undefined {
  const list = points(walk, value, path, 3);
  if (!list) return undefined;
  const first = list[0]!;
  const last = list.at(-1)!;
  const open = list.length > 3 && first[0] === last[0] && first[1] === last[1] ? list.slice(0, -1) : list;
  return open.length >= 3 ? open : bad(walk, path, 'Expected at least 3 points.');
}

function numbers<K extends string>(walk: Walk, value: unknown, path: string, keys: readonly K[]): Record<K, number> | undefined {
  if (!isRecord(value)) return bad(walk, path, `Expected an object with ${keys.join(', ')}.`);
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const v = field(value, key);
    if (!isFiniteNumber(v)) return bad(walk, `${path}.${key}`, `"${key}" must be a finite number.`);
    out[key] = v;
  }
  return out;
}

function rotatedBox(walk: Walk, value: unknown, path: string): Geometry | undefined {
  if (!isRecord(value)) return bad(walk, path, 'Expected { x, y, width, height, rotation }.');
  // Corners alone are enough (FORMAT.md makes them optional, not the box).
  if (field(value, 'x') === undefined && field(value, 'corners') !== undefined) {
    const corners = points(walk, field(value, 'corners'), `${path}.corners`, 4);
    const box = corners && corners.length === 4 ? rotatedBoxFromCorners(corners) : undefined;
    if (!box) return corners ? bad(walk, `${path}.corners`, 'Expected exactly 4 corners.') : undefined;
    return { type: 'rotated-bounding-box', value: normalizeRotatedBox(box) };
  }
  const n = numbers(walk, value, path, ['x', 'y', 'width', 'height', 'rotation']);
  const box = n && normalizeRotatedBox(n);
  if (box && !Object.values(box).every(Number.isFinite)) return bad(walk, path, 'The box leaves the range of finite numbers.');
  return box && { type: 'rotated-bounding-box', value: box };
}

function segmentation(walk: Walk, value: unknown, path: string): Geometry | undefined {
  const zones = isRecord(value) ? items(field(value, 'zones')) : undefined;
  if (!zones) return bad(walk, path, 'A segmentation is { zones: [{ region, holes }] }.');
  if (zones.length === 0) return bad(walk, `${path}.zones`, 'A segmentation needs at least one zone.');
  const out: Zone[] = [];
  for (let i = 0; i < zones.length; i++) {
    const zone = zones[i];
    const at = `${path}.zones[${i}]`;
    if (!isRecord(zone)) return bad(walk, at, 'A zone is { region, holes }.');
    const region = ring(walk, field(zone, 'region'), `${at}.region`);
    if (!region) return undefined;
    const rawHoles = field(zone, 'holes');
    const holeList = rawHoles === undefined || rawHoles === null ? [] : items(rawHoles);
    if (!holeList) return bad(walk, `${at}.holes`, '"holes" must be a list of rings.');
    const holes: Point[][] = [];
    for (let h = 0; h < holeList.length; h++) {
      const hole = ring(walk, holeList[h], `${at}.holes[${h}]`);
      if (!hole) return undefined;
      holes.push(hole);
    }
    out.push({ region, holes });
  }
  return { type: 'segmentation', value: { zones: out } };
}

function ner(walk: Walk, value: unknown, path: string): Geometry | undefined {
  const n = numbers(walk, value, path, ['start', 'end']);
  if (!n || !isRecord(value)) return undefined;
  if (!isIndex(n.start)) return bad(walk, `${path}.start`, '"start" must be a code point offset (integer ≥ 0).');
  if (!isIndex(n.end) || n.end < n.start) return bad(walk, `${path}.end`, '"end" must be an integer ≥ "start" (exclusive).');
  const selection = field(value, 'selection');
  if (selection !== undefined && selection !== null && typeof selection !== 'string') return bad(walk, `${path}.selection`, '"selection" must be the covered text.');
  return { type: 'ner', value: { start: n.start, end: n.end, selection: typeof selection === 'string' ? selection : '' } };
}

function pdfRect(walk: Walk, value: unknown, path: string): PdfRect | undefined {
  const n = numbers(walk, value, path, ['x1', 'y1', 'x2', 'y2', 'width', 'height']);
  if (!n || !isRecord(value)) return undefined;
  const pageNumber = field(value, 'pageNumber');
  if (pageNumber === undefined) return n;
  if (!isIndex(pageNumber) || pageNumber < 1) return bad(walk, `${path}.pageNumber`, '"pageNumber" is 1-based.');
  return { ...n, pageNumber };
}

function pdf(walk: Walk, value: unknown, path: string): Geometry | undefined {
  const position = isRecord(value) ? field(value, 'position') : undefined;
  if (!isRecord(value) || !isRecord(position)) return bad(walk, path, 'A pdf entry is { position, content }.');
  const boundingRect = pdfRect(walk, field(position, 'boundingRect'), `${path}.position.boundingRect`);
  if (!boundingRect) return undefined;
  const rawRects = items(field(position, 'rects') ?? []);
  if (!rawRects) return bad(walk, `${path}.position.rects`, '"rects" must be a list (empty for an area).');
  const rects: PdfRect[] = [];
  for (let i = 0; i < rawRects.length; i++) {
    const rect = pdfRect(walk, rawRects[i], `${path}.position.rects[${i}]`);
    if (!rect) return undefined;
    rects.push(rect);
  }
  const pageNumber = field(position, 'pageNumber');
  if (!isIndex(pageNumber) || pageNumber < 1) return bad(walk, `${path}.position.pageNumber`, '"pageNumber" must be a 1-based page number.');
  const content = field(value, 'content');
  const text = isRecord(content) ? field(content, 'text') : undefined;
  const image = isRecord(content) ? field(content, 'image') : undefined;
  let body: PdfSelection['content'];
  if (typeof text === 'string') body = { text };
  else if (typeof image === 'string') body = { image };
  else return bad(walk, `${path}.content`, '"content" must be { text } or { image }.');
  return { type: 'pdf', value: { position: { boundingRect, rects, pageNumber }, content: body } };
}

/** The geometry stored under export key `key`, or undefined after reporting why not. */
export function parseGeometry(walk: Walk, key: GeometryKey, value: unknown, path: string): Geometry | undefined {
  switch (key) {
    case 'bounding-box': {
      const n = numbers(walk, value, path, ['x', 'y', 'width', 'height']);
      const box = n && normalizeBox(n);
      if (box && !Object.values(box).every(Number.isFinite)) return bad(walk, path, 'The box leaves the range of finite numbers.');
      return box && { type: key, value: box };
    }
    case 'rotated-bounding-box':
      return rotatedBox(walk, value, path);
    case 'polygon': {
      const p = ring(walk, value, path);
      return p && { type: key, value: p };
    }
    case 'polyline':
    case 'spline': {
      const p = points(walk, value, path, 2);
      return p && { type: key, value: p };
    }
    case 'point': {
      const p = point(walk, value, path);
      return p && { type: key, value: p };
    }
    case 'segmentation':
      return segmentation(walk, value, path);
    case 'ner':
      return ner(walk, value, path);
    case 'pdf':
      return pdf(walk, value, path);
  }
}
