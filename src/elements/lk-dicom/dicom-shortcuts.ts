import { CANVAS_SHORTCUTS } from '../base/canvas-shortcuts.js';
import type { ElementShortcuts } from '../panels/shared/element-shortcuts.js';

/** The keys and pointer input `<lk-dicom>` handles itself, for its shortcut help (docs/elements/lk-dicom.md, Display). */
export const DICOM_SHORTCUTS: ElementShortcuts = {
  heading: 'Slices and window',
  shortcuts: [
    { id: 'previous-slice', label: 'Previous slice (↑ when nothing is selected)', chords: ['pageup', 'arrowup'], pointer: 'Alt+wheel' },
    { id: 'next-slice', label: 'Next slice (↓ when nothing is selected)', chords: ['pagedown', 'arrowdown'], pointer: 'Alt+wheel' },
    { id: 'back-ten', label: 'Ten slices back', chords: ['shift+arrowup'] },
    { id: 'forward-ten', label: 'Ten slices forward', chords: ['shift+arrowdown'] },
    { id: 'previous-labelled', label: 'Previous labelled slice (objects or brush paint)', chords: ['shift+pageup'] },
    { id: 'next-labelled', label: 'Next labelled slice (objects or brush paint)', chords: ['shift+pagedown'] },
    { id: 'first-slice', label: 'First slice', chords: ['home'] },
    { id: 'last-slice', label: 'Last slice', chords: ['end'] },
    {
      id: 'window-level',
      label: 'Window / level: right/left wider/narrower, down/up lower/higher centre',
      chords: [],
      pointer: 'right-drag (select tool), or drag in W/L mode',
    },
    ...CANVAS_SHORTCUTS,
  ],
};
