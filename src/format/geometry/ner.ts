/**
 * `ner`: a text entity, `{ start, end, selection }`, `end` exclusive. The model keeps code points;
 * the format's offsets are code points too unless the element reads and writes UTF-16 code units
 * (`offset-unit="utf16"`, FORMAT.md §2.1). Where the text is known, offsets are checked against it
 * at their JSON path and converted (`ner-out-of-range`, `ner-empty`, `ner-selection-mismatch`);
 * otherwise the element checks them when the text arrives.
 */
import type { TextSpan } from '../../core/model.js';
import { child, field, isFiniteNumber, isIndex, isRecord, report, type OffsetUnit, type Path, type TextOffsets } from '../import-reader.js';
import type { GeometryCodec } from './codec.js';
import { bad, type Walk } from './read.js';

/** `at.ner`, or `at.ner.key`: built only for a problem. */
const pathOf = (at: Path, key?: string): Path => (key === undefined ? child(at, 'ner') : child(child(at, 'ner'), key));

const UNIT_NAME: Record<OffsetUnit, string> = { codepoint: 'code point', utf16: 'UTF-16 code unit' };

/** Code point offsets of a span given in UTF-16 units, or undefined where an end splits a surrogate pair. */
function fromUtf16(text: TextOffsets, start: number, end: number): [number, number] | undefined {
  const s = text.toCodePoint(start);
  const e = text.toCodePoint(end);
  return text.toUtf16(s) === start && text.toUtf16(e) === end ? [s, e] : undefined;
}

/** The span in code points, checked against the text; undefined after reporting why not. */
function inText(walk: Walk, text: TextOffsets, start: number, end: number, selection: string, at: Path): TextSpan | undefined {
  const utf16 = text.unit === 'utf16';
  const length = utf16 ? text.utf16Length : text.length;
  const unit = UNIT_NAME[text.unit];
  if (end > length) return report(walk, 'ner-out-of-range', pathOf(at, 'end'), `"end" ${end} is past the end of the text (${length} ${unit}s).`);
  if (end === start) return report(walk, 'ner-empty', pathOf(at, 'end'), `The entity covers no text ([${start}, ${end})).`);
  const span = utf16 ? fromUtf16(text, start, end) : ([start, end] as [number, number]);
  if (!span) return report(walk, 'ner-out-of-range', pathOf(at), `[${start}, ${end}) splits a character in two (UTF-16 code unit offsets).`);
  if (selection !== '' && !text.sliceEquals(span[0], span[1], selection)) {
    const other: OffsetUnit = utf16 ? 'codepoint' : 'utf16';
    const otherSpan = other === 'utf16' ? (end <= text.utf16Length ? fromUtf16(text, start, end) : undefined) : end <= text.length ? ([start, end] as [number, number]) : undefined;
    const hint = otherSpan && text.sliceEquals(otherSpan[0], otherSpan[1], selection) ? ` It does match in ${UNIT_NAME[other]}s: set offset-unit="${other}" to read these offsets.` : '';
    return report(walk, 'ner-selection-mismatch', pathOf(at, 'selection'), `"selection" is not the text at [${start}, ${end}) (${unit} offsets).${hint}`);
  }
  return { start: span[0], end: span[1], selection };
}

export const nerCodec: GeometryCodec<'ner'> = {
  key: 'ner',
  parse(walk, value, at) {
    // Read field by field, nothing allocated but the geometry: imports of 10,000 entities run this cold.
    if (!isRecord(value)) return bad(walk, pathOf(at), 'Expected an object with start, end.');
    const start = field(value, 'start');
    if (!isFiniteNumber(start)) return bad(walk, pathOf(at, 'start'), '"start" must be a finite number.');
    const end = field(value, 'end');
    if (!isFiniteNumber(end)) return bad(walk, pathOf(at, 'end'), '"end" must be a finite number.');
    if (!isIndex(start)) return bad(walk, pathOf(at, 'start'), '"start" must be an offset (integer ≥ 0).');
    if (!isIndex(end) || end < start) return bad(walk, pathOf(at, 'end'), '"end" must be an integer offset ≥ "start" (exclusive).');
    // Past any text there could be (1e308): refused here even before the text is known.
    if (end > Number.MAX_SAFE_INTEGER) return report(walk, 'ner-out-of-range', pathOf(at, 'end'), `"end" ${end} is past the end of any text.`);
    const rawSelection = field(value, 'selection');
    if (rawSelection !== undefined && rawSelection !== null && typeof rawSelection !== 'string') return bad(walk, pathOf(at, 'selection'), '"selection" must be the covered text.');
    const selection = typeof rawSelection === 'string' ? rawSelection : '';
    if (walk.text) {
      const span = inText(walk, walk.text, start, end, selection, at);
      return span && { type: 'ner', value: span };
    }
    return { type: 'ner', value: { start, end, selection } };
  },
  export: ({ start, end, selection }, context) =>
    context?.text?.unit === 'utf16' ? { start: context.text.toUtf16(start), end: context.text.toUtf16(end), selection } : { start, end, selection },
};
