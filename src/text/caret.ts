/**
 * Caret movement by grapheme or word, word snapping and reading direction over a text document:
 * what the keyboard and pointer editing of `<lk-text>` need. DOM-free; offsets are UTF-16.
 */
import type { TextDocument } from './text-document.js';

export type CaretUnit = 'grapheme' | 'word';

export interface TextCaret {
  /** The caret offset one grapheme or word away in `direction`, crossing line ends as one step. */
  moveCaret(offset: number, direction: 1 | -1, unit: CaretUnit): number;
  /** A span with line terminators at its edges removed; empty spans come back as they are. */
  trimLineEnds(start: number, end: number): [number, number];
  /** A span widened to whole words at both ends, then trimmed of edge whitespace. */
  snapToWords(start: number, end: number): [number, number];
  /** Whether a line reads right to left (its first strong character is Hebrew, Arabic, Syriac, Thaana or N'Ko…). */
  isRightToLeft(paragraphIndex: number): boolean;
  /** Nearest grapheme boundary at or before `offset` (never splits a surrogate pair or a combining sequence). */
  graphemeFloor(offset: number): number;
}

const LINE_END = /[\r\n]/;
/** The first strong (letter) character, and whether it belongs to a right-to-left script. */
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const SPACE = /\s/u;

export function createTextCaret(document: TextDocument): TextCaret {
  const { text, layout } = document;
  // Made on first use: creating a word segmenter loads its dictionaries (tens of milliseconds).
  let graphemeSegmenter: Intl.Segmenter | undefined;
  let wordSegmenter: Intl.Segmenter | undefined;
  const graphemes = () => (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
  const words = () => (wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));

  /** The paragraph holding `offset`, with `offset` relative to it (clamped into its text). */
  const locate = (offset: number) => {
    const index = layout.paragraphAt(offset);
    const paragraph = layout.paragraphs[index]!;
    return { index, paragraph, local: Math.max(0, Math.min(paragraph.text.length, offset - paragraph.start)) };
  };

  const moveWithin = (segmenter: Intl.Segmenter, offset: number, direction: 1 | -1, unit: CaretUnit): number => {
    const { index, paragraph, local } = locate(offset);
    const lineText = paragraph.text;
    if (direction > 0 && local >= lineText.length) {
      const next = layout.paragraphs[index + 1];
      return next ? next.start : paragraph.start + lineText.length;
    }
    if (direction < 0 && local <= 0) {
      const previous = layout.paragraphs[index - 1];
      return previous ? previous.start + previous.text.length : paragraph.start;
    }
    const segments = segmenter.segment(lineText);
    if (direction > 0) {
      let at = local;
      // Words: skip to the end of the next word-like segment, like Ctrl+→ in editors.
      for (;;) {
        const segment = segments.containing(at);
        if (!segment) return paragraph.start + lineText.length;
        at = segment.index + segment.segment.length;
        if (unit === 'grapheme' || segment.isWordLike || at >= lineText.length) return paragraph.start + at;
      }
    }
    let at = local;
    for (;;) {
      const segment = segments.containing(at - 1);
      if (!segment) return paragraph.start;
      at = segment.index;
      if (unit === 'grapheme' || segment.isWordLike || at <= 0) return paragraph.start + at;
    }
  };

  const trimLineEnds = (start: number, end: number): [number, number] => {
    let from = start;
    let to = end;
    while (from < to && LINE_END.test(text[from]!)) from++;
    while (to > from && LINE_END.test(text[to - 1]!)) to--;
    return from < to ? [from, to] : [start, end];
  };

  return {
    moveCaret: (offset, direction, unit) => moveWithin(unit === 'word' ? words() : graphemes(), offset, direction, unit),
    trimLineEnds,
    isRightToLeft(paragraphIndex) {
      const letter = layout.paragraphs[paragraphIndex]?.text.match(FIRST_LETTER)?.[0];
      return letter !== undefined && RTL_LETTER.test(letter);
    },
    graphemeFloor(offset) {
      const { paragraph, local } = locate(offset);
      if (offset - paragraph.start > paragraph.text.length) return offset;
      if (local === 0 || local >= paragraph.text.length) return paragraph.start + local;
      const segment = graphemes().segment(paragraph.text).containing(local);
      return paragraph.start + (segment ? segment.index : local);
    },
    snapToWords(start, end) {
      if (end <= start) return [start, end];
      let from = start;
      let to = end;
      const first = locate(from);
      const startSegment = words().segment(first.paragraph.text).containing(first.local);
      if (startSegment?.isWordLike) from = first.paragraph.start + startSegment.index;
      const last = locate(to - 1);
      const endSegment = words().segment(last.paragraph.text).containing(last.local);
      if (endSegment?.isWordLike) to = last.paragraph.start + endSegment.index + endSegment.segment.length;
      while (from < to && SPACE.test(text[from]!)) from++;
      while (to > from && SPACE.test(text[to - 1]!)) to--;
      return from < to ? [from, to] : trimLineEnds(start, end);
    },
  };
}
