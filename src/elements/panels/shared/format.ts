/** Small display helpers shared by the panels (text only: every result goes into a lit text binding). */
import type { ObjectAnnotation } from '../../../core/model.js';
import type { Ontology, RelationCategory, ToolCategory } from '../../../core/ontology.js';
import type { PlaneModel } from '../../../core/session.js';

const FALLBACK_COLOR = '#6e7781';
const COLOR = /^#[0-9a-f]{6}$/i;

/** A colour safe to put into a style property: the class colour if it is `#rrggbb`, else grey. */
export function safeColor(color: string | undefined): string {
  return color !== undefined && COLOR.test(color) ? color : FALLBACK_COLOR;
}

/** The end of an object id, enough to tell objects of one class apart. */
export function shortId(objectId: string): string {
  return objectId.length <= 8 ? objectId : `…${objectId.slice(-6)}`;
}

export function toolCategory(ontology: Ontology | undefined, schemaId: string): ToolCategory | undefined {
  return ontology?.tools.find((tool) => tool.schemaId === schemaId);
}

export function relationCategory(ontology: Ontology | undefined, schemaId: string): RelationCategory | undefined {
  return ontology?.relations.find((relation) => relation.schemaId === schemaId);
}

/**
 * "Car 3": the class title (or the schemaId when the ontology lacks it) and the object's number in
 * its class (`metadata.index`); "Car …a1b2c3" (the short id) for an object without a number.
 */
export function objectLabel(ontology: Ontology | undefined, objectId: string, schemaId: string | undefined, index?: number): string {
  const title = schemaId === undefined ? 'Unknown' : (toolCategory(ontology, schemaId)?.title ?? schemaId);
  return `${title} ${index ?? shortId(objectId)}`;
}

/** `objectLabel` of a stored object (or of an id no object has any more). */
export function labelOf(ontology: Ontology | undefined, object: ObjectAnnotation | undefined, objectId: string): string {
  return objectLabel(ontology, objectId, object?.schemaId, object?.metadata.index);
}

/**
 * Where an object is, in words: the text it covers (a text span, a PDF text selection), else its
 * page or slice (`planeNoun`, counted from 1 as the element shows them), a track's first and last
 * frame (counted from 0, as the timeline does), or nothing on a single picture.
 */
export function objectPlace(object: ObjectAnnotation, planeModel: PlaneModel, planeNoun = 'page'): string {
  const first = object.keyframes[0];
  if (!first) return '';
  const geometry = first.geometry;
  if (geometry.type === 'ner') return `“${geometry.value.selection}”`;
  if (geometry.type === 'pdf' && 'text' in geometry.value.content && geometry.value.content.text) {
    return `“${geometry.value.content.text}” (${planeNoun} ${first.frame + 1})`;
  }
  if (planeModel === 'paged') return `${planeNoun} ${first.frame + 1}`;
  if (planeModel === 'track') {
    // Without a stop a track goes on to the last frame; a stop is the first frame without the object.
    const last = object.keyframes.at(-1)!;
    if (!last.stopped) return `frames ${first.frame}–end`;
    const end = Math.max(first.frame, last.frame - 1);
    return end === first.frame ? `frame ${first.frame}` : `frames ${first.frame}–${end}`;
  }
  return '';
}

/** A random id for a new answer or relation (`randomUUID` needs a secure context; this does not). */
export function newId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi.randomUUID === 'function' && globalThis.isSecureContext) return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const KEY_NAMES: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  escape: 'Esc',
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  tab: 'Tab',
  space: 'Space',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
};

function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** `mod+shift+z` → `Ctrl+Shift+Z` (`⌘+Shift+Z` on Apple devices); `shift++` → `Shift++`. */
export function formatChord(chord: string): string {
  let key: string;
  let modifiers: string[];
  if (chord === '+') {
    key = '+';
    modifiers = [];
  } else if (chord.endsWith('++')) {
    key = '+';
    modifiers = chord.slice(0, -2).split('+');
  } else {
    const parts = chord.split('+');
    key = parts.pop() ?? '';
    modifiers = parts;
  }
  const names = modifiers.map((modifier) => {
    const lower = modifier.toLowerCase();
    if (lower === 'mod' || lower === 'ctrl' || lower === 'cmd' || lower === 'meta') return isApple() ? '⌘' : 'Ctrl';
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
  const lowerKey = key.toLowerCase();
  const keyName = KEY_NAMES[lowerKey] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...names, keyName].join('+');
}

/** Every chord of a binding (`mod+shift+z|mod+y`), formatted, joined with " or ". */
export function formatBinding(binding: string): string {
  return binding
    .split('|')
    .map((chord) => formatChord(chord))
    .join(' or ');
}
