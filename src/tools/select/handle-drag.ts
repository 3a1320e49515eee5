/**
 * What dragging a handle does to a shape. Pure and computed from the shape as it was when the drag
 * began, so every move replaces the last one instead of accumulating rounding.
 */
import { resizeBox, resizeRotatedBox, rotateBoxTowards } from '../../core/geometry.js';
import type { Geometry, Point } from '../../core/model.js';
import type { Handle } from '../tool.js';
import { insertVertex, moveVertex, vertexAt } from './vertex-edits.js';

/** Rotation snaps to multiples of this with Shift held. */
export const ROTATION_SNAP_DEGREES = 15;

/**
 * The shape after dragging `handle` by `(dx, dy)` from where it was grabbed. Resize and rotate
 * follow the handle's own position plus the drag, so grabbing a handle off centre does not jump.
 * A midpoint drag inserts a vertex after `index` that follows the pointer.
 */
export function dragHandle(geometry: Geometry, handle: Handle, dx: number, dy: number, snap: boolean): Geometry | undefined {
  const kind = handle.handle;
  const target: Point = [handle.position[0] + dx, handle.position[1] + dy];
  switch (kind.kind) {
    case 'resize':
      if (geometry.type === 'bounding-box') return { type: geometry.type, value: resizeBox(geometry.value, kind.edge, dx, dy) };
      if (geometry.type === 'rotated-bounding-box') return { type: geometry.type, value: resizeRotatedBox(geometry.value, kind.edge, target) };
      return undefined;
    case 'rotate':
      if (geometry.type !== 'rotated-bounding-box') return undefined;
      return { type: geometry.type, value: rotateBoxTowards(geometry.value, target, snap ? ROTATION_SNAP_DEGREES : undefined) };
    case 'vertex': {
      const vertex = vertexAt(geometry, kind);
      return vertex && moveVertex(geometry, kind, [vertex[0] + dx, vertex[1] + dy]);
    }
    case 'midpoint':
      return insertVertex(geometry, kind, target);
  }
}
