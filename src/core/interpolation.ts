/**
 * Tracks on multi-plane assets (FORMAT.md "Video and other multi-plane assets"): the shape
 * of an object at any frame, computed on demand from its keyframes, never stored.
 *
 * - Before the first keyframe the object is not there.
 * - On a keyframe it has the keyframe's shape. A stop keyframe (`stopped`) marks the frame
 *   from which the object leaves the scene: it is not visible there nor after it, until the
 *   next keyframe brings it back.
 * - Between two keyframes, where the earlier is not a stop, the shape is interpolated
 *   linearly towards the later one (also when the later one is a stop: its shape is where
 *   the user left the object), or the earlier shape holds when the two cannot be
 *   interpolated.
 * - After the last keyframe, unless it is a stop, the last shape holds to the end.
 *
 * Keyframe lists are sorted by frame with at most one keyframe per frame (model.ts); the
 * edit helpers here keep them so and never mutate their input.
 */
import type { Box, Geometry, Keyframe, Point } from './model.js';
import { normalizeBox, normalizeRotation } from './box-normalize.js';
import { interpolateKeypoints } from './keypoints.js';

function lerp(a: number, b: number, t: number): number {
  // Exact at both ends (a + (b - a) * t is not exact at t = 1).
  return a * (1 - t) + b * t;
}

function lerpBox(a: Box, b: Box, t: number): Box {
  return normalizeBox({
    x: lerp(a.x, b.x, t),
    y: lerp(a.y, b.y, t),
    width: lerp(a.width, b.width, t),
    height: lerp(a.height, b.height, t),
  });
}

function lerpPoints(a: readonly Point[], b: readonly Point[], t: number): Point[] | undefined {
  if (a.length !== b.length || a.length === 0) return undefined;
  return a.map(([ax, ay], i) => {
    const [bx, by] = b[i]!;
    return [lerp(ax, bx, t), lerp(ay, by, t)];
  });
}

/**
 * The shape a fraction `t` (0..1) of the way from `a` to `b`, or undefined when the pair is
 * not interpolable: different types, different point counts, segmentation, NER, PDF.
 * Rotation turns the shorter way round (170° → -170° passes 180°, not 0°).
 */
export function interpolateGeometry(a: Geometry, b: Geometry, t: number): Geometry | undefined {
  switch (a.type) {
    case 'bounding-box':
      return b.type === a.type ? { type: a.type, value: lerpBox(a.value, b.value, t) } : undefined;
    case 'rotated-bounding-box': {
      if (b.type !== a.type) return undefined;
      const from = normalizeRotation(a.value.rotation);
      const turn = normalizeRotation(b.value.rotation - from);
      return {
        type: a.type,
        value: { ...lerpBox(a.value, b.value, t), rotation: normalizeRotation(from + turn * t) },
      };
    }
    case 'point':
      return b.type === a.type
        ? { type: a.type, value: [lerp(a.value[0], b.value[0], t), lerp(a.value[1], b.value[1], t)] }
        : undefined;
    case 'polygon':
    case 'polyline':
    case 'spline': {
      if (b.type !== a.type) return undefined;
      const value = lerpPoints(a.value, b.value, t);
      return value && { type: a.type, value };
    }
    case 'keypoints': {
      if (b.type !== a.type) return undefined;
      const value = interpolateKeypoints(a.value, b.value, t, lerpBox);
      return value && { type: a.type, value };
    }
    case 'segmentation':
    case 'ner':
    case 'pdf':
      return undefined;
  }
}

/** Index of the last keyframe with `frame <= target`, or -1. */
function lastAtOrBefore(keyframes: readonly Keyframe[], target: number): number {
  let lo = 0;
  let hi = keyframes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keyframes[mid]!.frame <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface ShapeAtFrame {
  geometry: Geometry;
  /** A keyframe sits on this frame (the user set the shape here). */
  keyframe: boolean;
  /** This frame is a stop keyframe: the object leaves the scene here and is not drawn. */
  stopped: boolean;
}

/**
 * The object's shape on `frame` (O(log n)), or undefined where it is not in the scene.
 * A stop keyframe is returned (`stopped: true`, with its geometry) so editors and exports
 * can show it; callers that draw skip it.
 */
export function shapeAtFrame(keyframes: readonly Keyframe[], frame: number): ShapeAtFrame | undefined {
  const index = lastAtOrBefore(keyframes, frame);
  if (index === -1) return undefined;
  const current = keyframes[index]!;
  if (current.frame === frame) return { geometry: current.geometry, keyframe: true, stopped: current.stopped === true };
  if (current.stopped) return undefined;
  const next = keyframes[index + 1];
  if (!next) return { geometry: current.geometry, keyframe: false, stopped: false };
  const t = (frame - current.frame) / (next.frame - current.frame);
  const geometry = interpolateGeometry(current.geometry, next.geometry, t) ?? current.geometry;
  return { geometry, keyframe: false, stopped: false };
}

/**
 * Frames where the object is drawn, as inclusive `[start, end]` ranges within
 * `[0, frameTotal - 1]`. Stop frames are not part of any range.
 */
export function visibleRanges(keyframes: readonly Keyframe[], frameTotal: number): Array<[start: number, endInclusive: number]> {
  const ranges: Array<[number, number]> = [];
  const last = frameTotal - 1;
  let start: number | undefined;
  for (const { frame, stopped } of keyframes) {
    if (frame > last) break;
    if (stopped) {
      if (start !== undefined && frame - 1 >= Math.max(start, 0)) ranges.push([Math.max(start, 0), frame - 1]);
      start = undefined;
    } else if (start === undefined) {
      start = frame;
    }
  }
  if (start !== undefined && last >= Math.max(start, 0)) ranges.push([Math.max(start, 0), last]);
  return ranges;
}

/**
 * Frames an export emits for one track, ascending: every visible frame plus every stop
 * frame, or with `keyframesOnly` just the keyframes (stops included). Frames outside
 * `[0, frameTotal)` are left out.
 */
export function framesToExport(keyframes: readonly Keyframe[], frameTotal: number, keyframesOnly: boolean): number[] {
  const inPlane = (frame: number) => frame >= 0 && frame < frameTotal;
  if (keyframesOnly) return keyframes.map((k) => k.frame).filter(inPlane);
  if (!Number.isFinite(frameTotal)) throw new RangeError('framesToExport needs a finite frameTotal');
  const frames: number[] = [];
  const stops = keyframes.filter((k) => k.stopped && inPlane(k.frame)).map((k) => k.frame);
  let s = 0;
  for (const [start, end] of visibleRanges(keyframes, frameTotal)) {
    // Stops never fall inside a visible range, so merging by position keeps the order.
    while (s < stops.length && stops[s]! < start) frames.push(stops[s++]!);
    for (let frame = start; frame <= end; frame++) frames.push(frame);
  }
  while (s < stops.length) frames.push(stops[s++]!);
  return frames;
}

/** Index of the keyframe on `frame`, or where one would be inserted as `-(insertAt) - 1`. */
function search(keyframes: readonly Keyframe[], frame: number): number {
  const index = lastAtOrBefore(keyframes, frame);
  return index !== -1 && keyframes[index]!.frame === frame ? index : -(index + 1) - 1;
}

/** A new sorted list with `keyframe` added, replacing any keyframe on the same frame. */
export function upsertKeyframe(keyframes: readonly Keyframe[], keyframe: Keyframe): Keyframe[] {
  const index = search(keyframes, keyframe.frame);
  const out = keyframes.slice();
  if (index >= 0) out[index] = keyframe;
  else out.splice(-index - 1, 0, keyframe);
  return out;
}

/** A new list without the keyframe on `frame` (a copy of the input when there is none). */
export function removeKeyframe(keyframes: readonly Keyframe[], frame: number): Keyframe[] {
  const index = search(keyframes, frame);
  const out = keyframes.slice();
  if (index >= 0) out.splice(index, 1);
  return out;
}

/**
 * A new list with the keyframe on `from` moved to `to`. Undefined when there is no keyframe
 * on `from`, another keyframe already sits on `to`, or `to` is not a frame index (integer ≥ 0).
 */
export function moveKeyframe(keyframes: readonly Keyframe[], from: number, to: number): Keyframe[] | undefined {
  const index = search(keyframes, from);
  if (index < 0 || !Number.isInteger(to) || to < 0) return undefined;
  if (from === to) return keyframes.slice();
  if (search(keyframes, to) >= 0) return undefined;
  const out = keyframes.slice();
  const [moved] = out.splice(index, 1);
  return upsertKeyframe(out, { ...moved!, frame: to });
}
