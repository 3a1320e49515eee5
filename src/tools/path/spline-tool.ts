/**
 * `spline`: drawn like a polyline; the clicked vertices are stored as the control points of the
 * centripetal Catmull-Rom curve through them (FORMAT.md §2.1). ≥ 2 control points.
 */
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { Tool, ToolContext } from '../tool.js';
import { createClickPathTool } from './click-path-tool.js';

export function createSplineTool(context: ToolContext, schemaId: string): Tool {
  return createClickPathTool(context, schemaId, {
    name: 'spline',
    minPoints: 2,
    closable: false,
    draftGeometry: (points) => ({ type: 'spline', value: [...points] }),
    commit: (points) => void createObjectOnPlane(context, schemaId, { type: 'spline', value: points }),
  });
}
