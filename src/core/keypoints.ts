/**
 * Pure helpers on keypoints instances (labelkit `keypoints`, COCO keypoints): the parts every 2D
 * surface needs whatever it loads (bounds, hit distance, moves, interpolation, one point's edits).
 * The drawing tool, the painter and the codec load only with an ontology that has a keypoints
 * class (elements/base/keypoints-kit.ts).
 *
 * A point with `visibility` 0 is absent: it has no place on the plane, so it is left out of bounds,
 * hit tests, handles and drawing, and moves leave its `x, y` as they are.
 */
import type { Box, Keypoint, Keypoints, Point } from './model.js';

export const isLabelled = (point: Keypoint): boolean => point.visibility > 0;

/** The extent of the labelled points; undefined when none is labelled. */
export function keypointsBounds(value: Keypoints): Box | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of value.points) {
    if (!isLabelled(point)) continue;
    if (point.x < minX) minX = point.x;
    if (point.x > maxX) maxX = point.x;
    if (point.y < minY) minY = point.y;
    if (point.y > maxY) maxY = point.y;
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Distance from `p` to the nearest labelled point (Infinity when none is labelled). */
export function keypointsDistance(value: Keypoints, [px, py]: Point): number {
  let best = Infinity;
  for (const point of value.points) if (isLabelled(point)) best = Math.min(best, Math.hypot(point.x - px, point.y - py));
  return best;
}

/** The instance moved by `(dx, dy)`: labelled points and the box. */
export function translateKeypoints(value: Keypoints, dx: number, dy: number): Keypoints {
  const points = value.points.map((point) => (isLabelled(point) ? { ...point, x: point.x + dx, y: point.y + dy } : point));
  return value.box ? { points, box: { ...value.box, x: value.box.x + dx, y: value.box.y + dy } } : { points };
}

/** The labelled point `index` as a plane point, or undefined (no such point, or absent). */
export function keypointAt(value: Keypoints, index: number): Point | undefined {
  const point = value.points[index];
  return point && isLabelled(point) ? [point.x, point.y] : undefined;
}

/** The instance with point `index` changed by `patch`; undefined when there is no such point. */
export function withKeypoint(value: Keypoints, index: number, patch: Partial<Omit<Keypoint, 'name'>>): Keypoints | undefined {
  const point = value.points[index];
  if (!point) return undefined;
  const points = value.points.slice();
  points[index] = { ...point, ...patch };
  return value.box ? { points, box: value.box } : { points };
}

/**
 * The next visibility of a point on the visibility key: visible → occluded → absent → visible. An
 * absent point keeps its `x, y`, so the key brings it back where it was.
 */
export function nextVisibility(visibility: Keypoint['visibility']): Keypoint['visibility'] {
  return visibility === 2 ? 1 : visibility === 1 ? 0 : 2;
}

/**
 * Per point linear interpolation a fraction `t` of the way from `a` to `b`: a point labelled on
 * both sides moves (with the earlier side's visibility); a point absent on either side is absent
 * in between (the earlier side's entry: nothing says where it was). The box is interpolated where
 * both sides have one. Undefined when the two do not list the same names in the same order.
 */
export function interpolateKeypoints(a: Keypoints, b: Keypoints, t: number, lerpBox: (a: Box, b: Box, t: number) => Box): Keypoints | undefined {
  if (a.points.length !== b.points.length) return undefined;
  const points: Keypoint[] = [];
  for (let i = 0; i < a.points.length; i++) {
    const from = a.points[i]!;
    const to = b.points[i]!;
    if (from.name !== to.name) return undefined;
    if (!isLabelled(from) || !isLabelled(to)) points.push(isLabelled(from) ? { name: from.name, x: 0, y: 0, visibility: 0 } : from);
    else points.push({ name: from.name, x: from.x * (1 - t) + to.x * t, y: from.y * (1 - t) + to.y * t, visibility: from.visibility });
  }
  return a.box && b.box ? { points, box: lerpBox(a.box, b.box, t) } : { points };
}

/**
 * Skeleton edges as 0-based index pairs into `count` names. The ontology keeps them as given:
 * COCO numbers points from 1, datumaro and others from 0; a list that uses index 0 anywhere is
 * read as 0-based, any other as COCO's 1-based. Pairs outside the names are dropped.
 */
export function skeletonEdges(skeleton: readonly (readonly [number, number])[] | undefined, count: number): [number, number][] {
  if (!skeleton || skeleton.length === 0) return [];
  const base = skeleton.some(([i, j]) => i === 0 || j === 0) ? 0 : 1;
  return skeleton.map(([i, j]): [number, number] => [i - base, j - base]).filter(([i, j]) => i >= 0 && j >= 0 && i < count && j < count);
}
