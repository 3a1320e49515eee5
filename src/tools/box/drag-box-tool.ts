/**
 * Press, drag, release: an axis-aligned box from the press to the release point. The box is a
 * draft while the pointer is down and becomes an object in one `'create'` transaction on release,
 * so a cancelled drag leaves nothing and a drawn box is one undo step. A press that moves less
 * than the click slop, or a box without area, creates nothing.
 */
import { normalizeBox } from '../../core/geometry.js';
import type { Box, Geometry, Point } from '../../core/model.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import { isDrag, planePoint } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';

export interface DragBoxToolOptions {
  /** State prefix: `${name}.idle`, `${name}.pressing`, `${name}.dragging`. */
  name: string;
  /** The geometry a dragged box becomes. */
  geometryOf(box: Box): Geometry;
}

type Phase = 'idle' | 'pressing' | 'dragging';

export function createDragBoxTool(context: ToolContext, schemaId: string, options: DragBoxToolOptions): Tool {
  let phase: Phase = 'idle';
  let start: Point = [0, 0];
  let current: Point = [0, 0];

  const boxNow = (): Box =>
    normalizeBox({ x: start[0], y: start[1], width: current[0] - start[0], height: current[1] - start[1] });

  function reset(): void {
    phase = 'idle';
    context.setDraft(undefined);
  }

  return {
    get state() {
      return `${options.name}.${phase}`;
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || phase !== 'idle' || !context.session.canEdit) return;
      start = planePoint(context, pointer);
      current = start;
      phase = 'pressing';
    },
    pointerMove(pointer: ToolPointer) {
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      if (phase === 'pressing' && isDrag(context, start, current)) phase = 'dragging';
      if (phase === 'dragging') context.setDraft({ schemaId, geometry: options.geometryOf(boxNow()) });
    },
    pointerUp(pointer: ToolPointer) {
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      const dragged = phase === 'dragging' || isDrag(context, start, current);
      const box = boxNow();
      reset();
      if (!dragged || box.width <= 0 || box.height <= 0 || !context.session.canEdit) return;
      createObjectOnPlane(context, schemaId, options.geometryOf(box));
    },
    finish() {
      return false;
    },
    cancel() {
      if (phase === 'idle') return false;
      reset();
      return true;
    },
    dispose() {
      if (phase !== 'idle') reset();
    },
  };
}
