/**
 * The smart tools, loaded with `import()` the first time a class draws with one or a shape edit
 * runs: magic wand, magnetic lasso and the polygon/segmentation edits. They need no model: only
 * the picture's pixels (`ToolContext.picturePixels`).
 */
export { createMagicWandTool, type MagicWandTool } from './magic-wand-tool.js';
export { createMagneticLassoTool, type MagneticLassoTool } from './magnetic-lasso-tool.js';
export { runShapeEdit, type EditOutcome } from './shape-edit-actions.js';
export type { ShapeEdit, SmartToolKind } from './smart-kinds.js';
export { lumaInSteps, type PicturePixels } from './picture.js';
