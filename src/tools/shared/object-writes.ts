/** The store writes drawing and editing tools share: always origin `'user'`, on the context's plane. */
import type { Geometry, ObjectAnnotation } from '../../core/model.js';
import { newObject, withGeometryOnPlane } from '../../core/plane-geometry.js';
import type { ToolContext } from '../tool.js';

/** Creates one object of `schemaId` with `geometry` on this plane (one undo step) and selects it. */
export function createObjectOnPlane(context: ToolContext, schemaId: string, geometry: Geometry): string | undefined {
  const { session } = context;
  const objectId = context.newObjectId();
  const change = session.store.transact({ origin: 'user', reason: 'create' }, (tx) => {
    tx.putObject(newObject(objectId, schemaId, context.plane, geometry, session.planeModel));
  });
  if (!change) return undefined;
  session.select([objectId]);
  return objectId;
}

/** `object` with `geometry` on this plane: a keyframe here on video tracks, the one shape elsewhere. */
export function objectWithGeometry(context: ToolContext, object: ObjectAnnotation, geometry: Geometry): ObjectAnnotation {
  return withGeometryOnPlane(object, context.plane, geometry, context.session.planeModel);
}

/**
 * An object the user may edit here: it exists, is not locked or hidden, the mode allows edits,
 * and it is visible on this plane. Returns the object and its geometry on this plane.
 */
export function editableObject(context: ToolContext, objectId: string): { object: ObjectAnnotation; geometry: Geometry } | undefined {
  const { session } = context;
  if (!session.canEdit) return undefined;
  const object = session.store.state.objects.get(objectId);
  if (!object || object.lock || session.hidden.has(objectId)) return undefined;
  const geometry = context.geometryOf(objectId);
  return geometry ? { object, geometry } : undefined;
}
