/**
 * Safe reads of untrusted host input for the import codec: throwing getters, proxies and odd
 * arrays turn into problems, never exceptions. Problems are collected, each with its JSON path.
 */
import type { AuditMetadata, ObjectAnnotation, ObjectMetadata } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import type { Ontology } from '../core/ontology.js';
import type { OntologyLookup } from './ontology-lookup.js';
import type { OffsetUnit } from './types.js';
import type { Steps } from './steps.js';

export type Json = Record<string, unknown>;

/**
 * A JSON path spelled out only when a problem names it: clean input with 10,000 objects builds
 * none of their paths. Template literals and `String()` spell it.
 */
export class JsonPath {
  constructor(
    private readonly parent: Path,
    private readonly key: string | number,
  ) {}

  toString(): string {
    return typeof this.key === 'number' ? `${String(this.parent)}[${this.key}]` : `${String(this.parent)}.${this.key}`;
  }
}

export type Path = string | JsonPath;

/** `parent[key]` or `parent.key`, spelled out later. */
export const child = (parent: Path, key: string | number): JsonPath => new JsonPath(parent, key);

/** State shared by one import: the problems found so far and what fills gaps. */
export interface ImportWalk {
  problems: Problem[];
  ontology: Ontology;
  lookup: OntologyLookup;
  newId: () => string;
  /** Audit metadata for items that carry none; shared by those items, never changed. */
  metadata: AuditMetadata;
  /** The `formatVersion` of the record being read; absent: the current one. */
  formatVersion?: number;
  /** The loaded document text (`<lk-text>`): entity offsets are checked against it and read in its unit. */
  text?: TextOffsets;
  /** PDF page sizes in points (rotation applied), by 0-based page, where known: PDF rects are scaled to them. */
  pages?: readonly (PageSize | undefined)[];
}

export type PageSize = { width: number; height: number };

export type { OffsetUnit };

/** A document's text as the `ner` codec needs it: its length in both units and conversions between them. */
export interface TextOffsets {
  /** The unit offsets are read and written in. */
  unit: OffsetUnit;
  /** Length in code points. */
  readonly length: number;
  /** Length in UTF-16 code units. */
  readonly utf16Length: number;
  toUtf16(codePoint: number): number;
  toCodePoint(utf16: number): number;
  /** Whether the text between two code point offsets equals `expected`. */
  sliceEquals(start: number, end: number, expected: string): boolean;
}

/** What an object entry says beyond its object. */
export interface EntryFacts {
  /** The input gave the objectId (a generated one is never a duplicate). */
  givenId: boolean;
  /** On tracks: the entry is flagged `keyframe: true` (the user set the shape on this frame). */
  keyframe: boolean;
  /** On tracks: the entry is flagged `interpolationStopped: true` (the object leaves from this frame). */
  stopped: boolean;
}

/** One object entry as read: on tracks several share an objectId and become one object's keyframes. */
export interface ToolEntry extends EntryFacts {
  path: Path;
  object: ObjectAnnotation;
}

/** Records a problem; returns undefined so callers can `return report(...)`. */
export function report(walk: Pick<ImportWalk, 'problems'>, code: string, path: Path, message: string): undefined {
  walk.problems.push({ code, path: String(path), message });
  return undefined;
}

export function isList(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked proxy
  }
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !isList(value);
}

/** `record[key]`, or undefined when reading it throws. */
export function field(record: Json, key: string): unknown {
  try {
    return record[key];
  } catch {
    return undefined;
  }
}

/** The elements of a list as a plain array, or undefined when it is no list or cannot be read. */
export function items(value: unknown): unknown[] | undefined {
  if (!isList(value)) return undefined;
  try {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(value[i]);
    return out;
  } catch {
    return undefined;
  }
}

/** Own enumerable string keys, or undefined when they cannot be read. */
export function keysOf(record: Json): string[] | undefined {
  try {
    return Object.keys(record);
  } catch {
    return undefined;
  }
}

const MAX_DEPTH = 200;

/** A reader that pauses (`yield`) between slices of its work and returns `T`. */
export type ImportSteps<T> = Steps<T>;

/** Objects `inspectSteps` visits between two pauses (a few milliseconds). */
const INSPECT_STEP_VISITS = 4000;
/** A list this long is walked item by item with pauses between (the 100,000 tool entries); shorter ones are walked through. */
const LONG_LIST = 64;

/**
 * Walks untrusted input once before it is read: a getter or proxy trap that throws, a cycle, or
 * nesting deeper than any valid record is a problem at its path. On clean input it allocates
 * nothing per value and descends only into objects (records can hold 100k entries, and this runs
 * cold, before the engine has optimised anything). Pauses (`yield`) between the items of a long
 * list once a few thousand objects were visited; returns whether the input is clean.
 */
export function* inspectSteps(walk: Pick<ImportWalk, 'problems'>, value: unknown): ImportSteps<boolean> {
  if (typeof value !== 'object' || value === null) return true;
  const before = walk.problems.length;
  /** The objects from the root to the one being read: a cycle leads back to one of them. */
  const ancestors: object[] = [];
  /** The keys from the root to the object being read. */
  const keys: (string | number)[] = [];
  let visits = 0;
  const pathHere = (last: string | number | undefined) =>
    (last === undefined ? keys : [...keys, last]).reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), '$');
  const hasOwn = Object.prototype.hasOwnProperty;
  /** Whether `v` may be entered (no cycle, not too deep); entering pushes it. */
  const enter = (v: object): boolean => {
    if (ancestors.includes(v)) {
      report(walk, 'cycle', pathHere(undefined), 'The input refers back to itself here.');
      return false;
    }
    if (ancestors.length > MAX_DEPTH) {
      report(walk, 'too-deep', pathHere(undefined), `The input nests deeper than ${MAX_DEPTH} levels.`);
      return false;
    }
    ancestors.push(v);
    visits++;
    return true;
  };
  /** The walk of one object and all below it, without pauses. */
  const visit = (v: object): void => {
    if (!enter(v)) return;
    /** Set while one key is read, so that a throw is reported at that key's path. */
    let reading: string | number | undefined;
    try {
      if (isList(v)) {
        const length = v.length;
        for (let i = 0; i < length; i++) {
          reading = i;
          const item: unknown = v[i];
          reading = undefined;
          if (typeof item !== 'object' || item === null) continue;
          keys.push(i);
          visit(item);
          keys.pop();
        }
      } else {
        for (const key in v) {
          if (!hasOwn.call(v, key)) continue;
          reading = key;
          const item: unknown = (v as Json)[key];
          reading = undefined;
          if (typeof item !== 'object' || item === null) continue;
          keys.push(key);
          visit(item);
          keys.pop();
        }
      }
    } catch {
      report(walk, 'unreadable', pathHere(reading), 'This part of the input could not be read.');
    } finally {
      ancestors.pop();
    }
  };
  /**
   * The same walk, pausing: records and short lists are entered this way (the path down to the
   * long list of entries), the items of a long list with `visit`, a pause after every few thousand.
   */
  function* visitInSteps(v: object): ImportSteps<void> {
    if (!enter(v)) return;
    let reading: string | number | undefined;
    try {
      if (isList(v)) {
        const length = v.length;
        const long = length > LONG_LIST;
        let paused = visits;
        for (let i = 0; i < length; i++) {
          reading = i;
          const item: unknown = v[i];
          reading = undefined;
          if (typeof item !== 'object' || item === null) continue;
          keys.push(i);
          if (long) visit(item);
          else yield* visitInSteps(item);
          keys.pop();
          if (visits - paused >= INSPECT_STEP_VISITS) {
            yield;
            paused = visits;
          }
        }
      } else {
        for (const key in v) {
          if (!hasOwn.call(v, key)) continue;
          reading = key;
          const item: unknown = (v as Json)[key];
          reading = undefined;
          if (typeof item !== 'object' || item === null) continue;
          keys.push(key);
          yield* visitInSteps(item);
          keys.pop();
        }
      }
    } catch {
      report(walk, 'unreadable', pathHere(reading), 'This part of the input could not be read.');
    } finally {
      ancestors.pop();
    }
  }
  yield* visitInSteps(value);
  return walk.problems.length === before;
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Whether an objectId was given (else one is generated). */
export const isGivenId = (id: unknown): boolean => id !== undefined && id !== null && id !== '';

/** The objectId read from an item (`raw`), or a new one where it has none. A present id that is no string is a problem. */
export function idFrom(walk: ImportWalk, raw: unknown, path: Path): string | undefined {
  if (!isGivenId(raw)) return walk.newId();
  if (typeof raw !== 'string') return report(walk, 'wrong-type', child(path, 'objectId'), '"objectId" must be a string.');
  return raw;
}

/**
 * Records `id` as used at `path`; an id the input gave twice is a problem. Generated ids are not
 * checked: they are the host's `newId`, not the input.
 */
export function claimId(walk: Pick<ImportWalk, 'problems'>, ids: Map<string, Path>, id: string, path: Path, given: boolean): boolean {
  const other = ids.get(id);
  if (given && other !== undefined) {
    report(walk, 'duplicate-object-id', child(path, 'objectId'), `objectId "${id}" is already used at ${String(other)}.`);
    return false;
  }
  ids.set(id, path);
  return true;
}

const AUDIT_KEYS = ['createdAt', 'createdBy', 'createdIn', 'updatedAt', 'updatedBy', 'updatedIn'] as const;
const TIME_KEYS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);

/** An audit time as an ISO string: a string as given, Unix milliseconds (Ango's field table) converted; undefined when neither. */
function auditTime(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isFiniteNumber(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The item's audit metadata (at `path`), exactly as it came: the audit fields it has and no
 * others, times given as Unix ms turned into ISO strings. An item without any (no `metadata`, or
 * one with no audit field) shares the import's default. A field of the wrong type is a problem.
 */
export function metadataOf(walk: ImportWalk, value: unknown, path: Path): AuditMetadata {
  if (!isRecord(value)) {
    if (value !== undefined && value !== null) report(walk, 'wrong-type', path, '"metadata" must be an object.');
    return walk.metadata;
  }
  let out: AuditMetadata | undefined;
  for (const key of AUDIT_KEYS) {
    const v = field(value, key);
    if (v === undefined || v === null) continue;
    const read = TIME_KEYS.has(key) ? auditTime(v) : typeof v === 'string' ? v : undefined;
    if (read === undefined) {
      const what = TIME_KEYS.has(key) ? 'an ISO-8601 string or Unix milliseconds' : 'a string';
      report(walk, 'wrong-type', child(path, key), `"${key}" must be ${what}.`);
      continue;
    }
    (out ??= {})[key] = read;
  }
  return out ?? walk.metadata;
}

/**
 * An object's metadata: the audit fields, labelkit's `index` (a whole number from 1) and the
 * assisting `model` (a string) where the item has them.
 */
export function objectMetadataOf(walk: ImportWalk, value: unknown, path: Path): ObjectMetadata {
  const metadata: ObjectMetadata = metadataOf(walk, value, path);
  const index = isRecord(value) ? field(value, 'index') : undefined;
  const model = isRecord(value) ? field(value, 'model') : undefined;
  const withIndex = typeof index === 'number' && Number.isSafeInteger(index) && index >= 1 ? { ...metadata, index } : metadata;
  return typeof model === 'string' && model !== '' ? { ...withIndex, model } : withIndex;
}

/** Whether the item is locked (FORMAT.md: only `true` locks). */
export const isLocked = (record: Json): boolean => field(record, 'lock') === true;

/**
 * The category an item names: by `schemaId`, or by `title` where the schemaId is missing (first
 * match), among the categories allowed at this place (`list`, looked up through a map built once
 * per list). `elsewhere` finds a category of that title outside `list`, for a clearer message.
 */
export function categoryOf<T extends { schemaId: string; title: string }>(
  walk: ImportWalk,
  list: readonly T[],
  record: Json,
  path: Path,
  what: string,
  elsewhere?: (title: string) => unknown,
): T | undefined {
  const schemaId = field(record, 'schemaId');
  if (schemaId !== undefined && schemaId !== null && schemaId !== '') {
    if (typeof schemaId !== 'string') return report(walk, 'wrong-type', child(path, 'schemaId'), '"schemaId" must be a string.');
    const found = walk.lookup.inList(list, schemaId);
    if (found) return found;
    const known = walk.lookup.category(schemaId) !== undefined;
    return report(walk, 'unknown-schema', child(path, 'schemaId'), known ? `"${schemaId}" is not ${what} at this place.` : `"${schemaId}" is not in the ontology.`);
  }
  const title = field(record, 'title');
  if (typeof title !== 'string' || title === '') return report(walk, 'unknown-schema', path, `Neither "schemaId" nor "title" names ${what}.`);
  const found = list.find((c) => c.title === title);
  if (found) return found;
  const known = elsewhere?.(title) !== undefined;
  return report(walk, 'unknown-schema', child(path, 'title'), known ? `"${title}" is not ${what} at this place.` : `No ${what} is titled "${title}".`);
}
