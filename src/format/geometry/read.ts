/** Shared by the geometry readers: the problem they report and finite-number fields. */
import { child, field, isFiniteNumber, isRecord, report, type ImportWalk, type Path } from '../import-reader.js';

/**
 * What a geometry reader sees of the import: problems, and where known the record's version (the
 * current one when absent), the text and the page sizes.
 */
export type Walk = Pick<ImportWalk, 'problems'> & Partial<Pick<ImportWalk, 'formatVersion' | 'text' | 'pages'>>;

/**
 * The largest coordinate or size read (labelkit): a million asset pixels or points is far beyond
 * any asset, and anything larger (1e308) would overflow to Infinity in the first sum.
 */
export const MAX_COORDINATE = 1e6;

export const isCoordinate = (value: unknown): value is number => isFiniteNumber(value) && Math.abs(value) <= MAX_COORDINATE;

/** The problem message of a number that is no coordinate. */
export const coordinateMessage = (key: string, value: unknown): string =>
  isFiniteNumber(value) ? `"${key}" is far outside any asset (more than ${MAX_COORDINATE} in size).` : `"${key}" must be a finite number.`;

export const bad = (walk: Walk, path: Path, message: string): undefined => report(walk, 'bad-geometry', path, message);

/**
 * `keys` of a record, each a coordinate (a finite number within `MAX_COORDINATE`; `angles` may be
 * any finite number), or undefined after reporting the first that is not.
 */
export function numbers<K extends string>(walk: Walk, value: unknown, path: Path, keys: readonly K[], angles: readonly K[] = []): Record<K, number> | undefined {
  if (!isRecord(value)) return bad(walk, path, `Expected an object with ${keys.join(', ')}.`);
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const v = field(value, key);
    if (angles.includes(key) ? !isFiniteNumber(v) : !isCoordinate(v)) return bad(walk, child(path, key), coordinateMessage(key, v));
    out[key] = v as number;
  }
  return out;
}
