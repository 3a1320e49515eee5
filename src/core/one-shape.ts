/**
 * Objects that hold one shape (single-plane and paged assets). Apart from `plane-geometry.ts`
 * because it needs no interpolation: an element without tracks (`<lk-text>`) does not load it.
 */
import type { Geometry, ObjectAnnotation } from './model.js';
import type { PlaneModel } from './session.js';

/** The object with `geometry` as its one shape, on `frame`. */
export function withOneShape(object: ObjectAnnotation, frame: number, geometry: Geometry): ObjectAnnotation {
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
