/**
 * The names of the smart tools and edits, without their code (the toolbar, keys and the surface
 * import this much statically; the tools themselves load with `import()`).
 */
export type SmartToolKind = 'magic-wand' | 'magnetic-lasso';

export const SMART_TOOL_KINDS: readonly SmartToolKind[] = ['magic-wand', 'magnetic-lasso'];

/** Class tool types a smart tool can draw: its region becomes an ordinary object of that type. */
export function drawsWithSmartTools(tool: string | undefined): tool is 'polygon' | 'segmentation' {
  return tool === 'polygon' || tool === 'segmentation';
}

/** The edits of selected polygons and segmentations (and brush masks), one undo step each. */
export type ShapeEdit = 'simplifyShape' | 'smoothShape' | 'unionShapes' | 'subtractShapes' | 'fillHoles' | 'removeIslands' | 'brushToShape' | 'shapeToBrush';

export const SHAPE_EDITS: readonly ShapeEdit[] = ['simplifyShape', 'smoothShape', 'unionShapes', 'subtractShapes', 'fillHoles', 'removeIslands', 'brushToShape', 'shapeToBrush'];
