import type { ElementShortcuts } from '../panels/shared/element-shortcuts.js';

/** The keys `<lk-text>` handles itself, for its shortcut help (docs/elements/lk-text.md, Keyboard). */
export const TEXT_SHORTCUTS: ElementShortcuts = {
  heading: 'Text',
  shortcuts: [
    { id: 'caret', label: 'Move the caret (Ctrl/⌘: by word; Home/End: line)', chords: ['arrowleft', 'arrowright', 'arrowup', 'arrowdown'] },
    { id: 'extend', label: 'Extend the waiting span', chords: ['shift+arrowleft', 'shift+arrowright'] },
    { id: 'start-back', label: "Move the selected entity's start earlier", chords: [], action: 'entityStartBack' },
    { id: 'start-forward', label: "Move the selected entity's start later", chords: [], action: 'entityStartForward' },
    { id: 'end-back', label: "Move the selected entity's end earlier", chords: [], action: 'entityEndBack' },
    { id: 'end-forward', label: "Move the selected entity's end later", chords: [], action: 'entityEndForward' },
  ],
};
