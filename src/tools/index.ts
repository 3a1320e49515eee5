export type { Tool, ToolContext, ToolFactory, ToolPointer, Handle, Draft, BrushDraft } from './tool.js';
export { createSelectTool } from './select-tool.js';
export { createBrushTool, type BrushToolOptions } from './brush-tool.js';
export { shapeToolFactories as toolFactories, createObject } from './shape-tools.js';
