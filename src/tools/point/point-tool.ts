/**
 * `point`: a press shows the point as a draft that follows the pointer; the release places it
 * (one `'create'` step). Esc while pressed drops it. States `point.idle` → `point.placing`.
 */
import type { Point } from '../../core/model.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import { planePoint } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';

export function createPointTool(context: ToolContext, schemaId: string): Tool {
  let placing = false;

  const show = (point: Point) => context.setDraft({ schemaId, geometry: { type: 'point', value: point } });

  function reset(): void {
    placing = false;
    context.setDraft(undefined);
  }

  return {
    get state() {
      return placing ? 'point.placing' : 'point.idle';
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || placing || !context.session.canEdit) return;
      placing = true;
      show(planePoint(context, pointer));
    },
    pointerMove(pointer: ToolPointer) {
      if (placing) show(planePoint(context, pointer));
    },
    pointerUp(pointer: ToolPointer) {
      if (!placing) return;
      const point = planePoint(context, pointer);
      reset();
      if (context.session.canEdit) createObjectOnPlane(context, schemaId, { type: 'point', value: point });
    },
    finish() {
      return false;
    },
    cancel() {
      if (!placing) return false;
      reset();
      return true;
    },
    dispose() {
      if (placing) reset();
    },
  };
}
