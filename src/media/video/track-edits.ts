/**
 * Keyframe edits on a video track, as pure functions over an object (the store applies the
 * result in one user transaction, so each edit is one undo step). Interpolation rules are those of
 * core/interpolation.ts (FORMAT.md §2.1, video).
 */
import { moveKeyframe, removeKeyframe, shapeAtFrame, upsertKeyframe } from '../../core/interpolation.js';
import type { ClassificationAnswer, ObjectAnnotation } from '../../core/model.js';

/**
 * The object leaving the scene from `frame` on (`interpolationStopped`): a stop keyframe there,
 * holding the shape it has on that frame. Undefined when it is not in the scene on `frame`.
 */
export function stopTrack(object: ObjectAnnotation, frame: number): ObjectAnnotation | undefined {
  const shape = shapeAtFrame(object.keyframes, frame);
  if (!shape || shape.stopped) return undefined;
  return { ...object, keyframes: upsertKeyframe(object.keyframes, { frame, geometry: shape.geometry, stopped: true }) };
}

/** A keyframe on `frame` fixing the (interpolated) shape the object has there. Undefined when it is not visible there or already has one. */
export function addKeyframeAt(object: ObjectAnnotation, frame: number): ObjectAnnotation | undefined {
  const shape = shapeAtFrame(object.keyframes, frame);
  if (!shape || shape.stopped || shape.keyframe) return undefined;
  return { ...object, keyframes: upsertKeyframe(object.keyframes, { frame, geometry: shape.geometry }) };
}

/**
 * The shape the object has on `from` copied onto every frame after it up to `to`, as keyframes the
 * labeler corrects one by one (keyframes and stops in that range are replaced: the object stays in
 * the scene there). Undefined when it is not in the scene on `from` or the range is empty.
 */
export function copyShapeToFrames(object: ObjectAnnotation, from: number, to: number): ObjectAnnotation | undefined {
  const shape = shapeAtFrame(object.keyframes, from);
  if (!shape || shape.stopped || to <= from) return undefined;
  const copies = Array.from({ length: to - from }, (_, i) => ({ frame: from + 1 + i, geometry: shape.geometry }));
  const kept = object.keyframes.filter((k) => k.frame <= from || k.frame > to);
  const before = kept.filter((k) => k.frame <= from);
  const after = kept.filter((k) => k.frame > to);
  return { ...object, keyframes: [...before, ...copies, ...after] };
}

/**
 * The object back in the scene on `frame`, where it is not (after a stop, or before its first
 * keyframe): a keyframe there with the shape it left with (the stop's), or before its first
 * keyframe the shape it enters with. The user then moves it into place. Undefined where it is in
 * the scene already or the frame holds a keyframe.
 */
export function bringBackAt(object: ObjectAnnotation, frame: number): ObjectAnnotation | undefined {
  if (shapeAtFrame(object.keyframes, frame) || object.keyframes.some((k) => k.frame === frame)) return undefined;
  const before = object.keyframes.filter((k) => k.frame < frame).at(-1);
  const geometry = (before ?? object.keyframes[0])?.geometry;
  if (!geometry) return undefined;
  return { ...object, keyframes: upsertKeyframe(object.keyframes, { frame, geometry }) };
}

/**
 * The object without its keyframe on `frame`. `'delete'` when no shape keyframe would remain
 * (a track of stops alone shows nothing): the caller deletes the object. Undefined when there is no
 * keyframe on `frame`.
 */
export function deleteKeyframeAt(object: ObjectAnnotation, frame: number): ObjectAnnotation | 'delete' | undefined {
  if (!object.keyframes.some((k) => k.frame === frame)) return undefined;
  const keyframes = removeKeyframe(object.keyframes, frame);
  if (!keyframes.some((k) => !k.stopped)) return 'delete';
  return { ...object, keyframes };
}

/** The object with its keyframe on `from` moved to `to`; undefined when that is not possible (occupied, negative, none there). */
export function moveKeyframeTo(object: ObjectAnnotation, from: number, to: number): ObjectAnnotation | undefined {
  const keyframes = moveKeyframe(object.keyframes, from, to);
  return keyframes && from !== to ? { ...object, keyframes } : undefined;
}

/** The nearest keyframe frame strictly before (`-1`) or after (`+1`) `frame` among `objects`. */
export function neighbourKeyframe(objects: Iterable<ObjectAnnotation>, frame: number, direction: -1 | 1): number | undefined {
  let best: number | undefined;
  for (const object of objects) {
    for (const { frame: k } of object.keyframes) {
      if (direction > 0 ? k > frame && (best === undefined || k < best) : k < frame && (best === undefined || k > best)) best = k;
    }
  }
  return best;
}

function answerPages(answers: readonly ClassificationAnswer[], into: Set<number>): Set<number> {
  for (const answer of answers) {
    if (answer.page !== undefined) into.add(answer.page);
    answerPages(answer.classifications, into);
  }
  return into;
}

/**
 * Frame-specific answers belong to keyframes (FORMAT.md §2.2: one entry per keyframe with
 * `page`): the object with a keyframe, holding its interpolated shape, on every frame that has an
 * answer and is visible but has no keyframe yet. Undefined when nothing is missing.
 */
export function keyframesForAnswers(object: ObjectAnnotation): ObjectAnnotation | undefined {
  let next = object;
  for (const page of answerPages(object.classifications, new Set())) next = addKeyframeAt(next, page) ?? next;
  return next === object ? undefined : next;
}
