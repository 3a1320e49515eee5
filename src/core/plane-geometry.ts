/** Reading and writing an object's geometry on one plane, whatever the plane model. */
import type { Geometry, ObjectAnnotation } from './model.js';
import { shapeAtFrame, upsertKeyframe } from './interpolation.js';
import type { PlaneModel } from './session.js';

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
  const frame = planeModel === 'single' ? 0 : plane;
  return { ...object, keyframes: [{ frame, geometry }] };
}

/** A new object of `schemaId` drawn on `plane`. Metadata is stamped by the store. */
export function newObject(objectId: string, schemaId: string, plane: number, geometry: Geometry, planeModel: PlaneModel): ObjectAnnotation {
  return {
    objectId,
    schemaId,
    keyframes: [{ frame: planeModel === 'single' ? 0 : plane, geometry }],
    classifications: [],
    metadata: { createdAt: '', createdBy: '', createdIn: '' },
  };
}
