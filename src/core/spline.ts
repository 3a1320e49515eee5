/**
 * Centripetal Catmull-Rom curves through a spline's control points (FORMAT.md `spline`).
 * Open curve: the end points are duplicated as phantom neighbours, so the curve starts and
 * ends exactly at the first and last control points.
 */
import type { Point } from './model.js';

/** Knot intervals below this are treated as coincident points. */
const EPSILON = 1e-9;

/**
 * Visits the sampled curve without allocating a point array (hit tests, bounds).
 * Calls `visit` with the first control point, then `segmentsPerSpan` samples per span; the
 * last sample of each span is exactly the span's end control point.
 */
export function forEachCatmullRomPoint(
  control: readonly Point[],
  visit: (x: number, y: number) => void,
  segmentsPerSpan = 16,
  alpha = 0.5,
): void {
  const n = control.length;
  if (n === 0) return;
  const first = control[0]!;
  visit(first[0], first[1]);
  const steps = Math.max(1, Math.floor(segmentsPerSpan));
  for (let i = 0; i < n - 1; i++) {
    const p0 = control[i - 1] ?? control[i]!;
    const p1 = control[i]!;
    const p2 = control[i + 1]!;
    const p3 = control[i + 2] ?? p2;
    const dt1 = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) ** alpha;
    if (dt1 < EPSILON) {
      // A zero-length span: the curve stays on the point (no loop, no NaN).
      for (let s = 1; s <= steps; s++) visit(p2[0], p2[1]);
      continue;
    }
    let dt0 = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) ** alpha;
    let dt2 = Math.hypot(p3[0] - p2[0], p3[1] - p2[1]) ** alpha;
    // Phantom (duplicated) or coincident neighbours: borrow the span's own interval.
    if (dt0 < EPSILON) dt0 = dt1;
    if (dt2 < EPSILON) dt2 = dt1;
    // Tangents of the non-uniform Catmull-Rom spline at p1 and p2, scaled to the span.
    const m1x = ((p1[0] - p0[0]) / dt0 - (p2[0] - p0[0]) / (dt0 + dt1) + (p2[0] - p1[0]) / dt1) * dt1;
    const m1y = ((p1[1] - p0[1]) / dt0 - (p2[1] - p0[1]) / (dt0 + dt1) + (p2[1] - p1[1]) / dt1) * dt1;
    const m2x = ((p2[0] - p1[0]) / dt1 - (p3[0] - p1[0]) / (dt1 + dt2) + (p3[0] - p2[0]) / dt2) * dt1;
    const m2y = ((p2[1] - p1[1]) / dt1 - (p3[1] - p1[1]) / (dt1 + dt2) + (p3[1] - p2[1]) / dt2) * dt1;
    for (let s = 1; s <= steps; s++) {
      if (s === steps) {
        visit(p2[0], p2[1]);
        break;
      }
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const h00 = 2 * t3 - 3 * t2 + 1;
      const h10 = t3 - 2 * t2 + t;
      const h01 = -2 * t3 + 3 * t2;
      const h11 = t3 - t2;
      visit(h00 * p1[0] + h10 * m1x + h01 * p2[0] + h11 * m2x, h00 * p1[1] + h10 * m1y + h01 * p2[1] + h11 * m2y);
    }
  }
}

/**
 * The sampled curve through all control points: `(n - 1) * segmentsPerSpan + 1` points for
 * n ≥ 2 control points, the point itself for one, none for none.
 * `alpha` 0.5 is centripetal (no cusps or self-intersections within a span); 0 uniform, 1 chordal.
 */
export function catmullRomPoints(control: readonly Point[], segmentsPerSpan = 16, alpha = 0.5): Point[] {
  const out: Point[] = [];
  forEachCatmullRomPoint(control, (x, y) => out.push([x, y]), segmentsPerSpan, alpha);
  return out;
}
