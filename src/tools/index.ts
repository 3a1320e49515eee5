/**
 * The 2D drawing tools: state machines in asset coordinates behind the `Tool` contract
 * (`tool.ts`). `toolFactories` maps each ontology tool type that draws a shape on a plane to its
 * factory; brush/eraser (`createBrushTool`) and the select tool have their own signatures.
 */
import type { ToolType } from '../core/ontology.js';
import { createBoundingBoxTool } from './box/bounding-box-tool.js';
import { createRotatedBoundingBoxTool } from './box/rotated-bounding-box-tool.js';
import { createPolygonTool } from './path/polygon-tool.js';
import { createPolylineTool } from './path/polyline-tool.js';
import { createSplineTool } from './path/spline-tool.js';
import { createPointTool } from './point/point-tool.js';
import { createSegmentationTool } from './segmentation/segmentation-tool.js';
import type { ToolFactory } from './tool.js';

/** Tool types whose objects are shapes drawn with the pointer on a 2D plane. */
export type ShapeToolType = Extract<ToolType, 'bounding-box' | 'rotated-bounding-box' | 'polygon' | 'polyline' | 'spline' | 'point' | 'segmentation'>;

export const toolFactories: Readonly<Record<ShapeToolType, ToolFactory>> = {
  'bounding-box': createBoundingBoxTool,
  'rotated-bounding-box': createRotatedBoundingBoxTool,
  polygon: createPolygonTool,
  polyline: createPolylineTool,
  spline: createSplineTool,
  point: createPointTool,
  segmentation: createSegmentationTool,
};

export { createSelectTool, type FocusedVertex, type SelectTool } from './select/select-tool.js';
export { createBrushTool, ERASE_ALL, type BrushToolOptions } from './brush/brush-tool.js';
export {
  createBoundingBoxTool,
  createRotatedBoundingBoxTool,
  createPolygonTool,
  createPolylineTool,
  createSplineTool,
  createPointTool,
  createSegmentationTool,
};
export type { VertexPlace } from './select/vertex-edits.js';
export type * from './tool.js';
