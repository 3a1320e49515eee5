import type { ElementShortcut, ElementShortcuts } from '../panels/shared/element-shortcuts.js';
import { SMART_SHORTCUTS } from './smart-shortcuts.js';

/** The keys every 2D canvas handles itself (not remappable), for its shortcut help. */
export const CANVAS_SHORTCUTS: readonly ElementShortcut[] = [
  { id: 'pan', label: 'Pan: hold and drag', chords: ['space'], pointer: 'middle-drag' },
  { id: 'brush-size', label: 'Brush smaller / larger (magic wand: tolerance lower / higher)', chords: ['[', ']'], pointer: 'Shift+wheel' },
  ...SMART_SHORTCUTS,
];

/** `<lk-image>`'s own section of the help. */
export const IMAGE_SHORTCUTS: ElementShortcuts = { heading: 'Canvas', shortcuts: CANVAS_SHORTCUTS };
