/**
 * Keyboard bindings: built-in actions with defaults a host can remap or disable
 * (`element.shortcuts = { fit: 'shift+f', zoomIn: null }`).
 */
export type KeyAction =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'cancel'
  | 'help'
  | 'selectTool'
  | 'finish'
  | 'fit'
  | 'actualSize'
  | 'zoomIn'
  | 'zoomOut'
  | 'nudgeLeft'
  | 'nudgeRight'
  | 'nudgeUp'
  | 'nudgeDown'
  | 'nudgeLeftFar'
  | 'nudgeRightFar'
  | 'nudgeUpFar'
  | 'nudgeDownFar'
  | 'nextObject'
  | 'previousObject'
  | 'selectAll'
  | 'submit'
  | 'skip'
  | 'frameBack'
  | 'frameForward'
  | 'frameBackFar'
  | 'frameForwardFar'
  | 'entityStartBack'
  | 'entityStartForward'
  | 'entityEndBack'
  | 'entityEndForward'
  | 'toggleVisibility'
  | 'toggleLabels'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'copyToNextFrame'
  | 'copyToNextFrames'
  | 'propagateToEnd'
  | 'skipKeypoint'
  | 'keypointVisibility'
  | 'raiseIssue'
  | 'magicWand'
  | 'magneticLasso'
  | 'simplifyShape'
  | 'smoothShape'
  | 'unionShapes'
  | 'subtractShapes'
  | 'fillHoles'
  | 'removeIslands'
  | 'brushToShape'
  | 'shapeToBrush';

/** A binding is one or more chords separated by `|`, e.g. `mod+shift+z|mod+y`. `null` disables. */
export type KeyBindings = Partial<Record<KeyAction, string | null>>;

/**
 * Defaults avoid the browser's and the desktop's own keys: no Alt+←/→ (Back/Forward in Chromium and
 * Firefox on Windows and Linux), no Ctrl+Alt+arrows (GNOME switches workspaces), no Ctrl+Tab/W/T/N.
 */
export const defaultKeyBindings: Readonly<Record<KeyAction, string>> = {
  undo: 'mod+z',
  redo: 'mod+shift+z|mod+y',
  delete: 'delete|backspace',
  cancel: 'escape',
  help: '?|shift+?',
  selectTool: 'v',
  finish: 'enter|n',
  fit: 'f',
  actualSize: '0',
  zoomIn: '+|=|shift++',
  zoomOut: '-',
  nudgeLeft: 'arrowleft',
  nudgeRight: 'arrowright',
  nudgeUp: 'arrowup',
  nudgeDown: 'arrowdown',
  nudgeLeftFar: 'shift+arrowleft',
  nudgeRightFar: 'shift+arrowright',
  nudgeUpFar: 'shift+arrowup',
  nudgeDownFar: 'shift+arrowdown',
  nextObject: 'tab',
  previousObject: 'shift+tab',
  selectAll: 'mod+a',
  submit: 'mod+enter',
  skip: 'mod+shift+enter',
  // <lk-video>: step frames even with a selection (bare arrows nudge it then). Was Alt+←/→: browser Back/Forward.
  frameBack: 'a',
  frameForward: 'd',
  frameBackFar: 'shift+a',
  frameForwardFar: 'shift+d',
  // <lk-text>: move the selected entity's edges (earlier / later in the text). Was Ctrl+Alt+←/→: GNOME workspaces.
  entityStartBack: '[',
  entityStartForward: ']',
  entityEndBack: 'alt+shift+arrowleft',
  entityEndForward: 'alt+shift+arrowright',
  toggleVisibility: 'h',
  toggleLabels: 'l',
  copy: 'mod+c',
  paste: 'mod+v',
  duplicate: 'mod+d',
  copyToNextFrame: 'mod+shift+arrowright',
  // <lk-video>: onto the next N frames, N as set beside the player bar's copy button.
  copyToNextFrames: 'mod+shift+arrowdown',
  propagateToEnd: 'mod+shift+end',
  // Keypoints: V is the select tool, S stops a video track: X crosses a point out, O for occluded.
  skipKeypoint: 'x',
  keypointVisibility: 'o',
  raiseIssue: 'i',
  // 2D elements' smart tools and shape edits (docs/assisted-labeling.md). An ontology shortcut on the same chord wins.
  magicWand: 'shift+w',
  magneticLasso: 'shift+l',
  simplifyShape: 'shift+s',
  smoothShape: 'shift+m',
  unionShapes: 'shift+u',
  subtractShapes: 'shift+x',
  fillHoles: 'shift+h',
  removeIslands: 'shift+i',
  brushToShape: 'shift+b',
  shapeToBrush: 'shift+g',
};

/** Actions only one kind of element has: its shortcut help lists them with that element's keys, not with the shared ones. */
export const ELEMENT_ACTIONS: ReadonlySet<KeyAction> = new Set<KeyAction>([
  'frameBack',
  'frameForward',
  'frameBackFar',
  'frameForwardFar',
  'entityStartBack',
  'entityStartForward',
  'entityEndBack',
  'entityEndForward',
  'copyToNextFrame',
  'copyToNextFrames',
  'propagateToEnd',
  'magicWand',
  'magneticLasso',
  'simplifyShape',
  'smoothShape',
  'unionShapes',
  'subtractShapes',
  'fillHoles',
  'removeIslands',
  'brushToShape',
  'shapeToBrush',
]);

/** The chords bound to `action` now: the host's override (`null`: none) or the default. */
export function bindingOf(action: KeyAction, overrides: KeyBindings | undefined): string[] {
  const binding = overrides && action in overrides ? overrides[action] : defaultKeyBindings[action];
  return binding ? binding.split('|') : [];
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The chord an event spells, normalised: `mod` stands for Ctrl or ⌘. */
export function chordOf(event: KeyLike): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  parts.push(event.key === ' ' ? 'space' : event.key.toLowerCase());
  return parts.join('+');
}

/** Ontology shortcuts are written `ctrl+1`, `shift+a`, `alt+x` or a bare key. */
export function normaliseShortcut(shortcut: string): string {
  const lower = shortcut.toLowerCase();
  // `+` is the separator, so the plus key itself is written `+` or `shift++`.
  const plusKey = lower === '+' || lower.endsWith('++');
  const parts = (plusKey ? lower.slice(0, -1) : lower).split('+');
  const last = parts.pop() ?? '';
  const key = plusKey ? '+' : last;
  const mods = new Set(parts.map((part) => (part === 'ctrl' || part === 'cmd' || part === 'meta' ? 'mod' : part)));
  return [...['mod', 'alt', 'shift'].filter((mod) => mods.has(mod)), key].join('+');
}

export function resolveBindings(overrides: KeyBindings | undefined): Map<string, KeyAction> {
  const byChord = new Map<string, KeyAction>();
  for (const action of Object.keys(defaultKeyBindings) as KeyAction[]) {
    for (const chord of bindingOf(action, overrides)) byChord.set(normaliseShortcut(chord), action);
  }
  return byChord;
}

/** True when a key event should be left to a text field (typing never triggers shortcuts). */
export function isTypingTarget(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}
