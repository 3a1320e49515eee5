/**
 * Pure geometry on the model's shapes, in asset coordinates (y down).
 *
 * Rotated boxes follow FORMAT.md §2.1: `x, y, width, height` describe the unrotated box and
 * `rotation` turns it clockwise on screen about its centre, so a local offset `(u, v)` from
 * the centre lands at `centre + (u·cos − v·sin, u·sin + v·cos)`.
 *
 * Hit tests and bounds run per pointer move over many shapes: they work on scalars and do
 * not allocate points.
 */
import type { Box, Geometry, PdfRect, Point, RotatedBox } from './model.js';
import { forEachCatmullRomPoint } from './spline.js';
import { keypointsBounds, keypointsDistance, translateKeypoints } from './keypoints.js';
import { normalizeBox, normalizeRotation } from './box-normalize.js';

export { normalizeBox, normalizeRotation };

export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

const DEG = Math.PI / 180;
const EMPTY_BOX: Readonly<Box> = { x: 0, y: 0, width: 0, height: 0 };

/** A rotated box with width/height ≥ 0 (same centre) and rotation in (-180, 180]. */
export function normalizeRotatedBox(b: RotatedBox): RotatedBox {
  return { ...normalizeBox(b), rotation: normalizeRotation(b.rotation) };
}

/** The 4 rotated corners, clockwise on screen from the rotated top-left (FORMAT.md `corners`). */
export function rotatedBoxCorners(b: RotatedBox): Point[] {
  const { x, y, width, height } = normalizeBox(b);
  const cx = x + width / 2;
  const cy = y + height / 2;
  const cos = Math.cos(b.rotation * DEG);
  const sin = Math.sin(b.rotation * DEG);
  const hw = width / 2;
  const hh = height / 2;
  const corner = (u: number, v: number): Point => [cx + u * cos - v * sin, cy + u * sin + v * cos];
  return [corner(-hw, -hh), corner(hw, -hh), corner(hw, hh), corner(-hw, hh)];
}

/** Inverse of `rotatedBoxCorners`: corners clockwise from the rotated top-left. Undefined unless 4. */
export function rotatedBoxFromCorners(corners: readonly Point[]): RotatedBox | undefined {
  if (corners.length !== 4) return undefined;
  const [tl, tr, br, bl] = corners as readonly [Point, Point, Point, Point];
  const cx = (tl[0] + tr[0] + br[0] + bl[0]) / 4;
  const cy = (tl[1] + tr[1] + br[1] + bl[1]) / 4;
  const width = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
  const height = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
  const rotation = normalizeRotation(Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) / DEG);
  return { x: cx - width / 2, y: cy - height / 2, width, height, rotation };
}

function pointsBounds(points: readonly Point[]): Box {
  if (points.length === 0) return { ...EMPTY_BOX };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [px, py] of points) {
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function splineBounds(control: readonly Point[]): Box {
  if (control.length === 0) return { ...EMPTY_BOX };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  forEachCatmullRomPoint(control, (px, py) => {
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  });
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function rectBox(r: PdfRect): Box {
  return { x: Math.min(r.x1, r.x2), y: Math.min(r.y1, r.y2), width: Math.abs(r.x2 - r.x1), height: Math.abs(r.y2 - r.y1) };
}

/**
 * Axis-aligned bounds. Rotated boxes by their corners, splines by the sampled curve,
 * segmentation by all regions (holes lie inside them), PDF by `boundingRect`; NER has no
 * plane extent and gives the empty box `{0, 0, 0, 0}`, as do empty point lists.
 */
export function geometryBounds(g: Geometry): Box {
  switch (g.type) {
    case 'bounding-box':
      return normalizeBox(g.value);
    case 'rotated-bounding-box': {
      const { x, y, width, height } = normalizeBox(g.value);
      const cos = Math.abs(Math.cos(g.value.rotation * DEG));
      const sin = Math.abs(Math.sin(g.value.rotation * DEG));
      const w = width * cos + height * sin;
      const h = width * sin + height * cos;
      return { x: x + width / 2 - w / 2, y: y + height / 2 - h / 2, width: w, height: h };
    }
    case 'polygon':
    case 'polyline':
      return pointsBounds(g.value);
    case 'spline':
      return splineBounds(g.value);
    case 'point':
      return { x: g.value[0], y: g.value[1], width: 0, height: 0 };
    case 'segmentation': {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const zone of g.value.zones) {
        for (const [px, py] of zone.region) {
          if (px < minX) minX = px;
          if (px > maxX) maxX = px;
          if (py < minY) minY = py;
          if (py > maxY) maxY = py;
        }
      }
      return minX === Infinity ? { ...EMPTY_BOX } : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    }
    case 'pdf':
      return rectBox(g.value.position.boundingRect);
    case 'keypoints':
      return keypointsBounds(g.value) ?? { ...EMPTY_BOX };
    default: // ner
      return { ...EMPTY_BOX };
  }
}

/** Even-odd rule; the polygon is implicitly closed. Points exactly on an edge may go either way. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  const [px, py] = p;
  let inside = false;
  const n = polygon.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSq;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  return Math.sqrt(segmentDistanceSq(p[0], p[1], a[0], a[1], b[0], b[1]));
}

/** Distance to the nearest edge (closing edge included when `closed`); one point: distance to it; none: Infinity. */
export function distanceToPolyline(p: Point, points: readonly Point[], closed: boolean): number {
  const n = points.length;
  if (n === 0) return Infinity;
  const [px, py] = p;
  if (n === 1) return Math.hypot(points[0]![0] - px, points[0]![1] - py);
  let best = Infinity;
  const edges = closed && n > 2 ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    const d = segmentDistanceSq(px, py, a[0], a[1], b[0], b[1]);
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

/** 0 inside the axis-aligned rectangle, else the distance to it. */
function rectDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = px < x0 ? x0 - px : px > x1 ? px - x1 : 0;
  const dy = py < y0 ? y0 - py : py > y1 ? py - y1 : 0;
  return dx === 0 && dy === 0 ? 0 : Math.hypot(dx, dy);
}

function withinTolerance(distance: number, tolerance: number): number | undefined {
  return distance <= tolerance ? distance : undefined;
}

function splineDistance(px: number, py: number, control: readonly Point[]): number {
  let best = Infinity;
  let ax = NaN;
  let ay = NaN;
  forEachCatmullRomPoint(control, (x, y) => {
    const d = Number.isNaN(ax) ? (x - px) ** 2 + (y - py) ** 2 : segmentDistanceSq(px, py, ax, ay, x, y);
    if (d < best) best = d;
    ax = x;
    ay = y;
  });
  return Math.sqrt(best);
}

/**
 * How well `p` hits the shape: 0 inside a filled shape (box, rotated box, polygon,
 * segmentation outside its holes, PDF selection rects), otherwise the distance to the
 * outline or line when it is within `tolerance` (a near miss next to an edge still picks
 * it); `undefined` is a miss. Lower is better. NER has no plane shape and never hits.
 */
export function hitTestGeometry(g: Geometry, p: Point, tolerance: number): number | undefined {
  const [px, py] = p;
  switch (g.type) {
    case 'bounding-box': {
      const { x, y, width, height } = g.value;
      return withinTolerance(
        rectDistance(px, py, Math.min(x, x + width), Math.min(y, y + height), Math.max(x, x + width), Math.max(y, y + height)),
        tolerance,
      );
    }
    case 'rotated-bounding-box': {
      const { x, y, width, height, rotation } = g.value;
      const hw = Math.abs(width) / 2;
      const hh = Math.abs(height) / 2;
      const dx = px - (x + width / 2);
      const dy = py - (y + height / 2);
      const cos = Math.cos(rotation * DEG);
      const sin = Math.sin(rotation * DEG);
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      return withinTolerance(rectDistance(u, v, -hw, -hh, hw, hh), tolerance);
    }
    case 'polygon':
      if (g.value.length >= 3 && pointInPolygon(p, g.value)) return 0;
      return withinTolerance(distanceToPolyline(p, g.value, true), tolerance);
    case 'polyline':
      return withinTolerance(distanceToPolyline(p, g.value, false), tolerance);
    case 'spline':
      return withinTolerance(splineDistance(px, py, g.value), tolerance);
    case 'point':
      return withinTolerance(Math.hypot(g.value[0] - px, g.value[1] - py), tolerance);
    case 'segmentation': {
      let best = Infinity;
      for (const zone of g.value.zones) {
        if (pointInPolygon(p, zone.region) && !zone.holes.some((hole) => pointInPolygon(p, hole))) return 0;
        best = Math.min(best, distanceToPolyline(p, zone.region, true));
        for (const hole of zone.holes) best = Math.min(best, distanceToPolyline(p, hole, true));
      }
      return withinTolerance(best, tolerance);
    }
    case 'pdf': {
      const { boundingRect, rects } = g.value.position;
      let best = Infinity;
      for (const r of rects.length > 0 ? rects : [boundingRect]) {
        const d = rectDistance(px, py, Math.min(r.x1, r.x2), Math.min(r.y1, r.y2), Math.max(r.x1, r.x2), Math.max(r.y1, r.y2));
        if (d < best) best = d;
      }
      return withinTolerance(best, tolerance);
    }
    case 'keypoints':
      return withinTolerance(keypointsDistance(g.value, p), tolerance);
    case 'ner':
      return undefined;
  }
}

/**
 * The edge nearest to `p`: a new vertex at `point` goes after `points[index]`.
 * Undefined with fewer than 2 points.
 */
export function closestEdge(
  points: readonly Point[],
  p: Point,
  closed: boolean,
): { index: number; point: Point; distance: number } | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const [px, py] = p;
  const edges = closed && n > 2 ? n : n - 1;
  let bestIndex = -1;
  let bestSq = Infinity;
  let bestX = 0;
  let bestY = 0;
  for (let i = 0; i < edges; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % n]!;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
    const qx = ax + t * dx;
    const qy = ay + t * dy;
    const d = (qx - px) ** 2 + (qy - py) ** 2;
    if (d < bestSq) {
      bestSq = d;
      bestIndex = i;
      bestX = qx;
      bestY = qy;
    }
  }
  return { index: bestIndex, point: [bestX, bestY], distance: Math.sqrt(bestSq) };
}

function shift(points: readonly Point[], dx: number, dy: number): Point[] {
  return points.map(([x, y]) => [x + dx, y + dy]);
}

/** PDF coordinates are stored to 0.01 pt (docs/elements/lk-pdf.md): finer is noise from the zoom. */
export function pdfPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

function shiftRect(r: PdfRect, dx: number, dy: number): PdfRect {
  return { ...r, x1: pdfPoints(r.x1 + dx), x2: pdfPoints(r.x2 + dx), y1: pdfPoints(r.y1 + dy), y2: pdfPoints(r.y2 + dy) };
}

/** The shape moved by `(dx, dy)`. NER is returned as is; PDF rects keep their page size. */
export function translateGeometry(g: Geometry, dx: number, dy: number): Geometry {
  switch (g.type) {
    case 'bounding-box':
      return { type: g.type, value: { ...g.value, x: g.value.x + dx, y: g.value.y + dy } };
    case 'rotated-bounding-box':
      return { type: g.type, value: { ...g.value, x: g.value.x + dx, y: g.value.y + dy } };
    case 'polygon':
    case 'polyline':
    case 'spline':
      return { type: g.type, value: shift(g.value, dx, dy) };
    case 'point':
      return { type: g.type, value: [g.value[0] + dx, g.value[1] + dy] };
    case 'segmentation':
      return {
        type: g.type,
        value: {
          zones: g.value.zones.map((zone) => ({
            region: shift(zone.region, dx, dy),
            holes: zone.holes.map((hole) => shift(hole, dx, dy)),
          })),
        },
      };
    case 'pdf': {
      const { position, content } = g.value;
      return {
        type: g.type,
        value: {
          position: {
            ...position,
            boundingRect: shiftRect(position.boundingRect, dx, dy),
            rects: position.rects.map((r) => shiftRect(r, dx, dy)),
          },
          content,
        },
      };
    }
    case 'keypoints':
      return { type: g.type, value: translateKeypoints(g.value, dx, dy) };
    default: // ner
      return g;
  }
}

/** Which box edges a handle moves: -1 the low edge (left/top), 1 the high edge, 0 none. */
function handleSides(handle: ResizeHandle): { h: -1 | 0 | 1; v: -1 | 0 | 1 } {
  return {
    h: handle.includes('w') ? -1 : handle.includes('e') ? 1 : 0,
    v: handle.includes('n') ? -1 : handle.includes('s') ? 1 : 0,
  };
}

/** Drag a resize handle by `(dx, dy)`: the handle's edges move, the others stay. Normalised (a drag past the opposite edge flips). */
export function resizeBox(b: Box, handle: ResizeHandle, dx: number, dy: number): Box {
  const { h, v } = handleSides(handle);
  let x0 = b.x;
  let y0 = b.y;
  let x1 = b.x + b.width;
  let y1 = b.y + b.height;
  if (h === -1) x0 += dx;
  if (h === 1) x1 += dx;
  if (v === -1) y0 += dy;
  if (v === 1) y1 += dy;
  return normalizeBox({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
}

/**
 * Drag a rotated box's resize handle to `pointer` (asset coordinates). Works in the box's
 * rotated frame: the handle's edges follow the pointer, the opposite edges stay where they
 * are on screen, the rotation is unchanged. Normalised (dragging past the opposite edge flips).
 */
export function resizeRotatedBox(b: RotatedBox, handle: ResizeHandle, pointer: Point): RotatedBox {
  const { x, y, width, height } = normalizeBox(b);
  const cx = x + width / 2;
  const cy = y + height / 2;
  const cos = Math.cos(b.rotation * DEG);
  const sin = Math.sin(b.rotation * DEG);
  const dx = pointer[0] - cx;
  const dy = pointer[1] - cy;
  const u = dx * cos + dy * sin;
  const v = -dx * sin + dy * cos;
  const sides = handleSides(handle);
  let left = -width / 2;
  let right = width / 2;
  let top = -height / 2;
  let bottom = height / 2;
  if (sides.h === -1) left = u;
  if (sides.h === 1) right = u;
  if (sides.v === -1) top = v;
  if (sides.v === 1) bottom = v;
  const lu = (left + right) / 2;
  const lv = (top + bottom) / 2;
  const ncx = cx + lu * cos - lv * sin;
  const ncy = cy + lu * sin + lv * cos;
  const w = Math.abs(right - left);
  const h = Math.abs(bottom - top);
  return { x: ncx - w / 2, y: ncy - h / 2, width: w, height: h, rotation: normalizeRotation(b.rotation) };
}

/**
 * Turn the box so its rotation handle (above the top edge) points at `pointer`. With
 * `snapDegrees` > 0 the rotation snaps to multiples of it. A pointer on the centre keeps the rotation.
 */
export function rotateBoxTowards(b: RotatedBox, pointer: Point, snapDegrees?: number): RotatedBox {
  const dx = pointer[0] - (b.x + b.width / 2);
  const dy = pointer[1] - (b.y + b.height / 2);
  if (dx === 0 && dy === 0) return { ...b, rotation: normalizeRotation(b.rotation) };
  // "Up" in the box frame is (sin θ, -cos θ) on screen.
  let degrees = Math.atan2(dx, -dy) / DEG;
  if (snapDegrees !== undefined && snapDegrees > 0) degrees = Math.round(degrees / snapDegrees) * snapDegrees;
  return { ...b, rotation: normalizeRotation(degrees) };
}

/** Unsigned area (shoelace); the polygon is implicitly closed. */
export function polygonArea(points: readonly Point[]): number {
  const n = points.length;
  let twice = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    twice += xj * yi - xi * yj;
  }
  return Math.abs(twice) / 2;
}

/**
 * Ramer–Douglas–Peucker: drops points closer than `tolerance` to the simplified line
 * (freehand strokes). The first and last points are always kept.
 */
export function simplifyPolyline(points: readonly Point[], tolerance: number): Point[] {
  const n = points.length;
  if (n <= 2) return points.map(([x, y]) => [x, y]);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const toleranceSq = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    let farthest = -1;
    let farthestSq = toleranceSq;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      const d = segmentDistanceSq(px, py, ax, ay, bx, by);
      if (d > farthestSq) {
        farthestSq = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    if (keep[i]) out.push([points[i]![0], points[i]![1]]);
  }
  return out;
}

/** `p` clamped into the plane `[0, width] × [0, height]`. */
export function clampToPlane(p: Point, width: number, height: number): Point {
  return [Math.min(Math.max(p[0], 0), width), Math.min(Math.max(p[1], 0), height)];
}
