/**
 * Press, drag, release: an axis-aligned box from the press to the release point. The box is a
 * draft while the pointer is down and becomes an object in one `'create'` transaction on release,
 * so a cancelled drag leaves nothing and a drawn box is one undo step. A press that moves less
 * than the click slop, or a box without area, creates nothing.
 */
import type { Box, Geometry } from '../../core/model.js';
import { DragGesture } from '../shared/drag-gesture.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';

export interface DragBoxToolOptions {
  /** State prefix: `${name}.idle`, `${name}.pressing`, `${name}.dragging`. */
  name: string;
  /** The geometry a dragged box becomes. */
  geometryOf(box: Box): Geometry;
}

export function createDragBoxTool(context: ToolContext, schemaId: string, options: DragBoxToolOptions): Tool {
  const gesture = new DragGesture(context);

  function reset(): void {
    gesture.cancel();
    context.setDraft(undefined);
  }

  return {
    get state() {
      return `${options.name}.${gesture.phase}`;
    },
    pointerDown(pointer: ToolPointer) {
      gesture.press(pointer);
    },
    pointerMove(pointer: ToolPointer) {
      if (gesture.move(pointer)) context.setDraft({ schemaId, geometry: options.geometryOf(gesture.box) });
    },
    pointerUp(pointer: ToolPointer) {
      const release = gesture.release(pointer);
      if (!release) return;
      const { dragged, box } = release;
      reset();
      if (!dragged || box.width <= 0 || box.height <= 0 || !context.session.canEdit) return;
      createObjectOnPlane(context, schemaId, options.geometryOf(box));
    },
    finish() {
      return false;
    },
    cancel() {
      if (gesture.phase === 'idle') return false;
      reset();
      return true;
    },
    dispose() {
      if (gesture.phase !== 'idle') reset();
    },
  };
}
