/** Whether one closed ring lies inside another (a hole inside its zone's region). */
import { pointInPolygon } from '../../core/geometry.js';
import type { Point } from '../../core/model.js';

function orientation(a: Point, b: Point, c: Point): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** Proper crossing of segments `ab` and `cd` (touching at an end point does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Every vertex of `inner` inside `outer` and no edge of `inner` crossing an edge of `outer`. */
export function ringInside(inner: readonly Point[], outer: readonly Point[]): boolean {
  if (outer.length < 3 || inner.length < 3) return false;
  if (!inner.every((p) => pointInPolygon(p, outer))) return false;
  for (let i = 0; i < inner.length; i++) {
    const a = inner[i]!;
    const b = inner[(i + 1) % inner.length]!;
    for (let j = 0; j < outer.length; j++) {
      if (segmentsCross(a, b, outer[j]!, outer[(j + 1) % outer.length]!)) return false;
    }
  }
  return true;
}
