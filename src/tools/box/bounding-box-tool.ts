/** `bounding-box`: drag an axis-aligned box (`bounding-box.idle` → `.pressing` → `.dragging`). */
import type { Tool, ToolContext } from '../tool.js';
import { createDragBoxTool } from './drag-box-tool.js';

export function createBoundingBoxTool(context: ToolContext, schemaId: string): Tool {
  return createDragBoxTool(context, schemaId, {
    name: 'bounding-box',
    geometryOf: (box) => ({ type: 'bounding-box', value: box }),
  });
}
