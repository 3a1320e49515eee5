/** `ner`: a text entity, `{ start, end, selection }` in code points, `end` exclusive. */
import { child, field, isFiniteNumber, isIndex, isRecord, type Path } from '../import-reader.js';
import type { GeometryCodec } from './codec.js';
import { bad } from './read.js';

/** `at.ner`, or `at.ner.key`: built only for a problem. */
const pathOf = (at: Path, key?: string): Path => (key === undefined ? child(at, 'ner') : child(child(at, 'ner'), key));

export const nerCodec: GeometryCodec<'ner'> = {
  key: 'ner',
  parse(walk, value, at) {
    // Read field by field, nothing allocated but the geometry: imports of 10,000 entities run this cold.
    if (!isRecord(value)) return bad(walk, pathOf(at), 'Expected an object with start, end.');
    const start = field(value, 'start');
    if (!isFiniteNumber(start)) return bad(walk, pathOf(at, 'start'), '"start" must be a finite number.');
    const end = field(value, 'end');
    if (!isFiniteNumber(end)) return bad(walk, pathOf(at, 'end'), '"end" must be a finite number.');
    if (!isIndex(start)) return bad(walk, pathOf(at, 'start'), '"start" must be a code point offset (integer ≥ 0).');
    if (!isIndex(end) || end < start) return bad(walk, pathOf(at, 'end'), '"end" must be an integer ≥ "start" (exclusive).');
    const selection = field(value, 'selection');
    if (selection !== undefined && selection !== null && typeof selection !== 'string') return bad(walk, pathOf(at, 'selection'), '"selection" must be the covered text.');
    return { type: 'ner', value: { start, end, selection: typeof selection === 'string' ? selection : '' } };
  },
  export: ({ start, end, selection }) => ({ start, end, selection }),
};
