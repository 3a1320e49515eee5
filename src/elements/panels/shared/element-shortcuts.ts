import { createContext } from '@lit/context';
import type { KeyAction } from '../../base/keymap.js';

/** One key (or pointer input) an element handles itself, beyond the shared key bindings. */
export interface ElementShortcut {
  /** Stable id; the help's row carries it as `data-shortcut`. */
  id: string;
  /** What it does, as the help shows it. */
  label: string;
  /** Chords in the key-binding notation (`space`, `shift+arrowleft`, `,`); shown formatted. */
  chords: readonly string[];
  /** A remappable action (`element.shortcuts`): its bound keys are shown after `chords`, with the host's remapping. */
  action?: KeyAction;
  /** Pointer input that does the same, in words (`Alt+wheel`, `right-drag`). */
  pointer?: string;
}

/** The keys of one kind of element, under a heading ("Video", "Slices and window"). */
export interface ElementShortcuts {
  heading: string;
  shortcuts: readonly ElementShortcut[];
}

/**
 * An element's own keys, for the shortcut help inside it: `<lk-video>` provides its playback keys,
 * `<lk-dicom>` its slice and window keys. A help placed by the host takes them from its
 * `elementShortcuts` property instead.
 */
export const elementShortcutsContext = createContext<ElementShortcuts>(Symbol('lk-element-shortcuts'));
