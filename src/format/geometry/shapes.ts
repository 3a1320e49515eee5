/**
 * The 2D shapes drawn on a plane (image, video frame, PDF page, DICOM slice): boxes, rotated
 * boxes, polygons, polylines, splines, points and segmentations. Reading normalises what the
 * format allows (negative box sizes, any rotation, missing `corners`, a closed ring's repeated
 * first point) and reports anything else as `bad-geometry` at the offending path.
 */
import type { Geometry, Point, Zone } from '../../core/model.js';
import { normalizeBox, normalizeRotatedBox, rotatedBoxFromCorners } from '../../core/geometry.js';
import { child, field, isRecord, items, type Path } from '../import-reader.js';
import type { AnyGeometryCodec, GeometryCodec } from './codec.js';
import { bad, coordinateMessage, isCoordinate, numbers, type Walk } from './read.js';
import { rotatedBoxFromOrigin, rotatedBoxFromOriginCorners, rotatedBoxToOrigin } from './rotated-box.js';

function point(walk: Walk, value: unknown, path: Path): Point | undefined {
  const xy = items(value);
  if (xy && xy.length === 2 && isCoordinate(xy[0]) && isCoordinate(xy[1])) return [xy[0], xy[1]];
  if (xy && xy.length === 2) {
    const [key, v] = isCoordinate(xy[0]) ? ['y', xy[1]] : ['x', xy[0]];
    return bad(walk, child(path, key === 'x' ? 0 : 1), `A point is [x, y]: ${coordinateMessage(key, v)}`);
  }
  return bad(walk, path, 'A point must be [x, y] with finite numbers.');
}

function points(walk: Walk, value: unknown, path: Path, min: number): Point[] | undefined {
  const list = items(value);
  if (!list) return bad(walk, path, 'Expected a list of [x, y] points.');
  const out: Point[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = point(walk, list[i], child(path, i));
    if (!p) return undefined;
    out.push(p);
  }
  if (out.length < min) return bad(walk, path, `Expected at least ${min} points, got ${out.length}.`);
  return out;
}

/** A ring of at least 3 distinct points; a repeated first point at the end is dropped. */
function ring(walk: Walk, value: unknown, path: Path): Point[] | undefined {
  const list = points(walk, value, path, 3);
  if (!list) return undefined;
  const first = list[0]!;
  const last = list.at(-1)!;
  const open = list.length > 3 && first[0] === last[0] && first[1] === last[1] ? list.slice(0, -1) : list;
  return open.length >= 3 ? open : bad(walk, path, 'Expected at least 3 points.');
}

/** A fresh copy of a list of points: an export never shares arrays with the store. */
const copyPoints = (list: readonly Point[]): Point[] => list.map(([x, y]) => [x, y]);

const boundingBox: GeometryCodec<'bounding-box'> = {
  key: 'bounding-box',
  parse(walk, value, at) {
    const path = child(at, 'bounding-box');
    const n = numbers(walk, value, path, ['x', 'y', 'width', 'height']);
    return n && { type: 'bounding-box', value: normalizeBox(n) };
  },
  export: (box) => normalizeBox(box),
};

/**
 * Format version 2 (and Ango's records, which name no version): `(x, y)` is the origin corner
 * and the box turns about it; version 1: the box turns about its centre. Stored as the model's
 * centre-based box either way.
 */
const rotatedBoundingBox: GeometryCodec<'rotated-bounding-box'> = {
  key: 'rotated-bounding-box',
  parse(walk, value, at) {
    const path = child(at, 'rotated-bounding-box');
    if (!isRecord(value)) return bad(walk, path, 'Expected { x, y, width, height, rotation }.');
    const version1 = walk.formatVersion === 1;
    // Corners alone are enough (FORMAT.md makes them optional, not the box).
    if (field(value, 'x') === undefined && field(value, 'corners') !== undefined) {
      const cornersAt = child(path, 'corners');
      const corners = points(walk, field(value, 'corners'), cornersAt, 4);
      if (!corners) return undefined;
      if (corners.length !== 4) return bad(walk, cornersAt, 'Expected exactly 4 corners.');
      const box = version1 ? rotatedBoxFromCorners(corners) : rotatedBoxFromOriginCorners(corners);
      if (!box) return bad(walk, cornersAt, 'The 4 corners do not form a rectangle.');
      return { type: 'rotated-bounding-box', value: normalizeRotatedBox(box) };
    }
    const n = numbers(walk, value, path, ['x', 'y', 'width', 'height', 'rotation'], ['rotation']);
    if (!n) return undefined;
    return { type: 'rotated-bounding-box', value: version1 ? normalizeRotatedBox(n) : rotatedBoxFromOrigin(n) };
  },
  export: (value) => rotatedBoxToOrigin(value),
};

/** A shape that is a list of points, read by `read` (a ring, or at least two points). */
function pointListCodec<K extends 'polygon' | 'polyline' | 'spline'>(key: K, read: (walk: Walk, value: unknown, path: Path) => Point[] | undefined): GeometryCodec<K> {
  return {
    key,
    parse(walk, value, at) {
      const p = read(walk, value, child(at, key));
      return p && ({ type: key, value: p } as Extract<Geometry, { type: K }>);
    },
    export: (list) => copyPoints(list as readonly Point[]),
  };
}

const polygon = pointListCodec('polygon', ring);
const polyline = pointListCodec('polyline', (walk, value, path) => points(walk, value, path, 2));
const spline = pointListCodec('spline', (walk, value, path) => points(walk, value, path, 2));

const pointCodec: GeometryCodec<'point'> = {
  key: 'point',
  parse(walk, value, at) {
    const path = child(at, 'point');
    const p = point(walk, value, path);
    return p && { type: 'point', value: p };
  },
  export: ([x, y]) => [x, y],
};

const segmentation: GeometryCodec<'segmentation'> = {
  key: 'segmentation',
  parse(walk, value, at) {
    const path = child(at, 'segmentation');
    const zones = isRecord(value) ? items(field(value, 'zones')) : undefined;
    if (!zones) return bad(walk, path, 'A segmentation is { zones: [{ region, holes }] }.');
    if (zones.length === 0) return bad(walk, child(path, 'zones'), 'A segmentation needs at least one zone.');
    const out: Zone[] = [];
    for (let i = 0; i < zones.length; i++) {
      const zone = zones[i];
      const at = child(child(path, 'zones'), i);
      if (!isRecord(zone)) return bad(walk, at, 'A zone is { region, holes }.');
      const region = ring(walk, field(zone, 'region'), child(at, 'region'));
      if (!region) return undefined;
      const rawHoles = field(zone, 'holes');
      const holeList = rawHoles === undefined || rawHoles === null ? [] : items(rawHoles);
      if (!holeList) return bad(walk, child(at, 'holes'), '"holes" must be a list of rings.');
      const holes: Point[][] = [];
      for (let h = 0; h < holeList.length; h++) {
        const hole = ring(walk, holeList[h], child(child(at, 'holes'), h));
        if (!hole) return undefined;
        holes.push(hole);
      }
      out.push({ region, holes });
    }
    return { type: 'segmentation', value: { zones: out } };
  },
  export: ({ zones }) => ({ zones: zones.map(({ region, holes }) => ({ region: copyPoints(region), holes: holes.map(copyPoints) })) }),
};

export const shapeCodecs: readonly AnyGeometryCodec[] = [boundingBox, rotatedBoundingBox, polygon, polyline, spline, pointCodec, segmentation];
