import { CANVAS_SHORTCUTS } from '../base/canvas-shortcuts.js';
import type { ElementShortcuts } from '../panels/shared/element-shortcuts.js';

/** The keys `<lk-video>` handles itself, for its shortcut help (docs/elements/lk-video.md, Keyboard). */
export const VIDEO_SHORTCUTS: ElementShortcuts = {
  heading: 'Video',
  shortcuts: [
    { id: 'play', label: 'Play / pause', chords: ['space'] },
    { id: 'previous-frame', label: 'Previous frame (← only when nothing is selected)', chords: ['arrowleft'], action: 'frameBack' },
    { id: 'next-frame', label: 'Next frame (→ only when nothing is selected)', chords: ['arrowright'], action: 'frameForward' },
    { id: 'back-ten', label: 'Ten frames back', chords: ['shift+arrowleft'], action: 'frameBackFar' },
    { id: 'forward-ten', label: 'Ten frames forward', chords: ['shift+arrowright'], action: 'frameForwardFar' },
    { id: 'first-frame', label: 'First frame', chords: ['home'] },
    { id: 'last-frame', label: 'Last frame', chords: ['end'] },
    { id: 'previous-keyframe', label: 'Previous keyframe', chords: [','] },
    { id: 'next-keyframe', label: 'Next keyframe', chords: ['.'] },
    { id: 'copy-to-next-frame', label: 'Copy the selection to the next frame and go there', chords: [], action: 'copyToNextFrame' },
    { id: 'copy-to-next-frames', label: 'Copy the selection onto the next N frames (N beside the copy button)', chords: [], action: 'copyToNextFrames' },
    { id: 'propagate-to-end', label: 'Copy the selection onto every frame to the end', chords: [], action: 'propagateToEnd' },
    { id: 'stop', label: 'The object under the pointer leaves the scene on this frame', chords: ['s'] },
    ...CANVAS_SHORTCUTS,
  ],
};
