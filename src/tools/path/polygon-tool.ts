/** `polygon`: click vertices, close on the first vertex, Enter/N or a double click; ≥ 3 vertices. */
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { Tool, ToolContext } from '../tool.js';
import { createClickPathTool } from './click-path-tool.js';

export function createPolygonTool(context: ToolContext, schemaId: string): Tool {
  return createClickPathTool(context, schemaId, {
    name: 'polygon',
    minPoints: 3,
    closable: true,
    draftGeometry: (points) => ({ type: 'polygon', value: [...points] }),
    commit: (points) => void createObjectOnPlane(context, schemaId, { type: 'polygon', value: points }),
  });
}
