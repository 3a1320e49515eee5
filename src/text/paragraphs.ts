/**
 * The document split into lines, each rendered as one paragraph. Line terminators (`\r\n`, `\n`,
 * `\r`) stay in the document's offsets but are not part of any paragraph's text, so a CRLF
 * counts as two characters exactly as the file holds it. DOM-free; offsets are UTF-16.
 */

export interface Paragraph {
  /** UTF-16 offset of the paragraph's first character in the document. */
  readonly start: number;
  /** The line's text without its terminator. */
  readonly text: string;
}

export interface ParagraphLayout {
  readonly paragraphs: readonly Paragraph[];
  /** Index of the paragraph that holds a UTF-16 offset (a terminator belongs to the line it ends). */
  paragraphAt(utf16: number): number;
}

export function splitParagraphs(text: string): ParagraphLayout {
  const paragraphs: Paragraph[] = [];
  const starts: number[] = [];
  let start = 0;
  const pattern = /\r\n|\n|\r/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    paragraphs.push({ start, text: text.slice(start, match.index) });
    starts.push(start);
    start = match.index + match[0].length;
  }
  paragraphs.push({ start, text: text.slice(start) });
  starts.push(start);
  const startArray = Float64Array.from(starts);
  return {
    paragraphs,
    paragraphAt(utf16) {
      // The last paragraph whose start is <= utf16.
      let low = 0;
      let high = startArray.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (startArray[mid]! <= utf16) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}
