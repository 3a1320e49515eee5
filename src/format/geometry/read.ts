/** Shared by the geometry readers: the problem they report and finite-number fields. */
import { child, field, isFiniteNumber, isRecord, report, type ImportWalk, type Path } from '../import-reader.js';

export type Walk = Pick<ImportWalk, 'problems'>;

export const bad = (walk: Walk, path: Path, message: string): undefined => report(walk, 'bad-geometry', path, message);

/** `keys` of a record, each a finite number, or undefined after reporting the first that is not. */
export function numbers<K extends string>(walk: Walk, value: unknown, path: Path, keys: readonly K[]): Record<K, number> | undefined {
  if (!isRecord(value)) return bad(walk, path, `Expected an object with ${keys.join(', ')}.`);
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const v = field(value, key);
    if (!isFiniteNumber(v)) return bad(walk, child(path, key), `"${key}" must be a finite number.`);
    out[key] = v;
  }
  return out;
}
