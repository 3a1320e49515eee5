/** `polyline`: click vertices, finish with Enter/N or a double click; ≥ 2 vertices, never closed. */
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { Tool, ToolContext } from '../tool.js';
import { createClickPathTool } from './click-path-tool.js';

export function createPolylineTool(context: ToolContext, schemaId: string): Tool {
  return createClickPathTool(context, schemaId, {
    name: 'polyline',
    minPoints: 2,
    closable: false,
    draftGeometry: (points) => ({ type: 'polyline', value: [...points] }),
    commit: (points) => void createObjectOnPlane(context, schemaId, { type: 'polyline', value: points }),
  });
}
