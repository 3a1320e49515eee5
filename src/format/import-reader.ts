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
 * A plain copy of untrusted input (own enumerable keys, array elements), so the rest of the
 * import reads data without traps. A getter that throws, a cycle or nesting deeper than any
 * valid record is a problem at its path (and that part is left out).
 */
export function snapshot(walk: Pick<ImportWalk, 'problems'>, value: unknown, path = '$'): unknown {
  const onPath = new Set<object>();
  const copy = (v: unknown, at: string, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (onPath.has(v)) return report(walk, 'cycle', at, 'The input refers back to itself here.');
    if (depth > MAX_DEPTH) return report(walk, 'too-deep', at, `The input nests deeper than ${MAX_DEPTH} levels.`);
    onPath.add(v);
    try {
      if (isList(v)) {
        const list = items(v);
        if (!list) return report(walk, 'unreadable', at, 'This list could not be read.');
        return list.map((item, i) => copy(item, `${at}[${i}]`, depth + 1));
      }
      const keys = keysOf(v as Json);
      if (!keys) return report(walk, 'unreadable', at, 'This object could not be read.');
      const out: Json = {};
      for (const key of keys) {
        let item: unknown;
        try {
          item = (v as Json)[key];
        } catch {
          report(walk, 'unreadable', `${at}.${key}`, `Reading "${key}" failed.`);
          continue;
        }
        out[key] = copy(item, `${at}.${key}`, depth + 1);
      }
      return out;
    } finally {
      onPath.delete(v);
    }
  };
  return copy(value, path, 0);
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
