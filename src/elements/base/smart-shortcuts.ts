import type { ElementShortcut } from '../panels/shared/element-shortcuts.js';

/** The smart tools' and shape edits' keys (remappable actions), for the 2D elements' shortcut help. */
export const SMART_SHORTCUTS: readonly ElementShortcut[] = [
  { id: 'magic-wand', label: 'Magic wand (polygon, segmentation classes); Shift+click adds, Alt+click subtracts', chords: [], action: 'magicWand' },
  { id: 'magnetic-lasso', label: 'Magnetic lasso (polygon, segmentation classes)', chords: [], action: 'magneticLasso' },
  { id: 'simplify-shape', label: 'Simplify the selected shapes', chords: [], action: 'simplifyShape' },
  { id: 'smooth-shape', label: 'Smooth the selected shapes', chords: [], action: 'smoothShape' },
  { id: 'union-shapes', label: 'Union: merge the other selected shapes into the first', chords: [], action: 'unionShapes' },
  { id: 'subtract-shapes', label: 'Subtract the other selected shapes from the first', chords: [], action: 'subtractShapes' },
  { id: 'fill-holes', label: 'Fill the holes of the selected shapes', chords: [], action: 'fillHoles' },
  { id: 'remove-islands', label: 'Remove islands under 100 px² from the selected shapes', chords: [], action: 'removeIslands' },
  { id: 'brush-to-shape', label: "The brush class's mask here to a segmentation", chords: [], action: 'brushToShape' },
  { id: 'shape-to-brush', label: 'The selected shapes to brush pixels', chords: [], action: 'shapeToBrush' },
];
