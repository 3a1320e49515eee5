/**
 * `rotated-bounding-box`: drag draws an axis-aligned box with rotation 0; the select tool's rotate
 * handle turns it. Corners are not stored (the export derives them).
 */
import type { Tool, ToolContext } from '../tool.js';
import { createDragBoxTool } from './drag-box-tool.js';

export function createRotatedBoundingBoxTool(context: ToolContext, schemaId: string): Tool {
  return createDragBoxTool(context, schemaId, {
    name: 'rotated-bounding-box',
    geometryOf: (box) => ({ type: 'rotated-bounding-box', value: { ...box, rotation: 0 } }),
  });
}
