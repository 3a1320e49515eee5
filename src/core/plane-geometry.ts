/** Reading and writing an object's geometry on one plane, whatever the plane model. */
import type { Geometry, ObjectAnnotation } from './model.js';
import { shapeAtFrame, upsertKeyframe } from './interpolation.js';
import { withOneShape } from './one-shape.js';
import type { PlaneModel } from './session.js';

export { newObject } from './one-shape.js';

/** The geometry the object shows on `plane`, or undefined where it is not visible there. */
export function geometryOnPlane(object: ObjectAnnotation, plane: number, planeModel: PlaneModel): Geometry | undefined {
  if (planeModel === 'track') {
    const shape = shapeAtFrame(object.keyframes, plane);
    return shape && !shape.stopped ? shape.geometry : undefined;
  }
  const keyframe = object.keyframes[0];
  if (!keyframe) return undefined;
  return planeModel === 'single' || keyframe.frame === plane ? keyframe.geometry : undefined;
}

/** The object with `geometry` on `plane`: a (new) keyframe on tracks, the one shape elsewhere. */
export function withGeometryOnPlane(
  object: ObjectAnnotation,
  plane: number,
  geometry: Geometry,
  planeModel: PlaneModel,
): ObjectAnnotation {
  if (planeModel === 'track') return { ...object, keyframes: upsertKeyframe(object.keyframes, { frame: plane, geometry }) };
  return withOneShape(object, planeModel === 'single' ? 0 : plane, geometry);
}
