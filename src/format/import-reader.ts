/**
 * Safe reads of untrusted host input for the import codec: throwing getters, proxies and odd
 * arrays turn into problems, never exceptions. Problems are collected, each with its JSON path.
 */
import type { AuditMetadata } from '../core/model.js';
import type { Problem } from '../core/problem.js';
import type { Ontology } from '../core/ontology.js';
import type { OntologyLookup } from './ontology-lookup.js';

export type Json = Record<string, unknown>;

/** State shared by one import: the problems found so far and what fills gaps. */
export interface ImportWalk {
  problems: Problem[];
  ontology: Ontology;
  lookup: OntologyLookup;
  newId: () => string;
  /** Audit metadata for items that carry none (or only part of it). */
  metadata: AuditMetadata;
}

/** Records a problem; returns undefined so callers can `return report(...)`. */
export function report(walk: Pick<ImportWalk, 'problems'>, code: string, path: string, message: string): undefined {
  walk.problems.push({ code, path, message });
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

/**
 * Walks untrusted input once before it is read: a getter or proxy trap that throws, a cycle, or
 * nesting deeper than any valid record is a problem at its path. Allocates nothing on clean input
 * (records can hold 100k entries). Returns whether the input is clean.
 */
export function inspect(walk: Pick<ImportWalk, 'problems'>, value: unknown): boolean {
  const before = walk.problems.length;
  const onPath = new Set<object>();
  const keys: (string | number)[] = [];
  const pathHere = () => keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), '$');
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (onPath.has(v)) return void report(walk, 'cycle', pathHere(), 'The input refers back to itself here.');
    if (keys.length > MAX_DEPTH) return void report(walk, 'too-deep', pathHere(), `The input nests deeper than ${MAX_DEPTH} levels.`);
    onPath.add(v);
    const depth = keys.length;
    try {
      if (isList(v)) {
        const length = v.length;
        for (let i = 0; i < length; i++) {
          keys.push(i);
          visit(v[i]);
          keys.pop();
        }
      } else {
        for (const key in v) {
          if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
          keys.push(key);
          visit((v as Json)[key]);
          keys.pop();
        }
      }
    } catch {
      // `keys` still ends with the key whose read threw: the path points at it.
      report(walk, 'unreadable', pathHere(), 'This part of the input could not be read.');
    } finally {
      keys.length = depth;
      onPath.delete(v);
    }
  };
  visit(value);
  return walk.problems.length === before;
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The item's objectId, or a new one where it has none. A present id that is no string is a problem. */
export function idOf(walk: ImportWalk, record: Json, path: string): string | undefined {
  const id = field(record, 'objectId');
  if (id === undefined || id === null || id === '') return walk.newId();
  if (typeof id !== 'string') return report(walk, 'wrong-type', `${path}.objectId`, '"objectId" must be a string.');
  return id;
}

/**
 * Records `id` as used at `path`; an id the input gave twice is a problem. Generated ids are not
 * checked: they are the host's `newId`, not the input.
 */
export function claimId(walk: ImportWalk, ids: Map<string, string>, id: string, path: string, given: boolean): boolean {
  const other = ids.get(id);
  if (given && other !== undefined) {
    report(walk, 'duplicate-object-id', `${path}.objectId`, `objectId "${id}" is already used at ${other}.`);
    return false;
  }
  ids.set(id, path);
  return true;
}

/** Whether the item carries its own objectId (else `idOf` generates one). */
export function hasOwnId(record: Json): boolean {
  const id = field(record, 'objectId');
  return id !== undefined && id !== null && id !== '';
}

/** The item's audit metadata over the import's default: string fields only. */
export function metadataOf(walk: ImportWalk, value: unknown): AuditMetadata {
  const out: AuditMetadata = { ...walk.metadata };
  if (!isRecord(value)) return out;
  for (const key of ['createdAt', 'createdBy', 'createdIn', 'updatedAt', 'updatedBy', 'updatedIn'] as const) {
    const v = field(value, key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** `{ lock: true }` when the item is locked, else nothing (FORMAT.md: only `true` locks). */
export function lockOf(record: Json): { lock?: true } {
  return field(record, 'lock') === true ? { lock: true } : {};
}

/**
 * The category an item names: by `schemaId`, or by `title` where the schemaId is missing (first
 * match). `elsewhere` finds a category of that title outside `list`, for a clearer message.
 */
export function categoryOf<T extends { schemaId: string; title: string }>(
  walk: ImportWalk,
  list: readonly T[],
  record: Json,
  path: string,
  what: string,
  elsewhere?: (title: string) => unknown,
): T | undefined {
  const schemaId = field(record, 'schemaId');
  if (schemaId !== undefined && schemaId !== null && schemaId !== '') {
    if (typeof schemaId !== 'string') return report(walk, 'wrong-type', `${path}.schemaId`, '"schemaId" must be a string.');
    const found = list.find((c) => c.schemaId === schemaId);
    if (found) return found;
    const known = walk.lookup.category(schemaId) !== undefined;
    return report(walk, 'unknown-schema', `${path}.schemaId`, known ? `"${schemaId}" is not ${what} at this place.` : `"${schemaId}" is not in the ontology.`);
  }
  const title = field(record, 'title');
  if (typeof title !== 'string' || title === '') return report(walk, 'unknown-schema', path, `Neither "schemaId" nor "title" names ${what}.`);
  const found = list.find((c) => c.title === title);
  if (found) return found;
  const known = elsewhere?.(title) !== undefined;
  return report(walk, 'unknown-schema', `${path}.title`, known ? `"${title}" is not ${what} at this place.` : `No ${what} is titled "${title}".`);
}
