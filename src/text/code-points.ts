/**
 * Unicode code point offsets (the export's unit) ↔ UTF-16 offsets (the DOM's unit).
 * Only astral characters (surrogate pairs) make the two differ, so the index keeps the sorted
 * positions of those alone and answers with a binary search. DOM-free.
 */

export interface CodePointIndex {
  /** Length of the text in code points. */
  readonly length: number;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** UTF-16 offset of a code point offset (clamped to the text). */
  toUtf16(codePoint: number): number;
  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down to the pair's start. */
  toCodePoint(utf16: number): number;
  /** The text between two code point offsets, `end` exclusive (Python-style slicing, clamped). */
  slice(start: number, end: number): string;
  /** Whether `slice(start, end)` equals `expected`, without copying the text out. */
  sliceEquals(start: number, end: number, expected: string): boolean;
}

/** Counts the entries of a sorted array that are strictly smaller than `value`. */
function countBelow(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A well-formed pair; `u`-less, so the pattern sees code units (a lone surrogate matches nothing). */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function createCodePointIndex(text: string): CodePointIndex {
  // UTF-16 positions of the high surrogate of every well-formed pair. A regular expression finds
  // them (the engine scans 684k characters of a novel in well under a millisecond; a loop over
  // charCodeAt, run once and cold, takes several).
  const astral: number[] = [];
  for (const match of text.matchAll(SURROGATE_PAIR)) astral.push(match.index);
  const astralUtf16 = Uint32Array.from(astral);
  // The same characters as code point offsets: the i-th pair sits i units earlier.
  const astralCodePoints = Uint32Array.from(astral, (position, i) => position - i);
  const utf16Length = text.length;
  const length = utf16Length - astral.length;

  const toUtf16 = (codePoint: number): number => {
    const clamped = Math.max(0, Math.min(length, Math.floor(codePoint)));
    return clamped + countBelow(astralCodePoints, clamped);
  };
  const toCodePoint = (utf16: number): number => {
    const clamped = Math.max(0, Math.min(utf16Length, Math.floor(utf16)));
    // Each pair that starts before `clamped` counts one unit too many. An offset inside a pair
    // (just after its high surrogate) lands on the pair's start by the same subtraction.
    return clamped - countBelow(astralUtf16, clamped);
  };
  return {
    length,
    utf16Length,
    toUtf16,
    toCodePoint,
    slice: (start, end) => {
      const from = toUtf16(start);
      const to = toUtf16(Math.max(start, end));
      return text.slice(from, to);
    },
    sliceEquals: (start, end, expected) => {
      const from = toUtf16(start);
      const to = toUtf16(Math.max(start, end));
      return to - from === expected.length && text.startsWith(expected, from);
    },
  };
}
