/**
 * The document's text with what every view of it needs: code point mapping and lines. Caret
 * movement and word snapping are in `caret.ts` (they load with the editing code). DOM-free;
 * offsets are UTF-16 unless a name says code points.
 */
import { createCodePointIndex, type CodePointIndex } from './code-points.js';
import { splitParagraphs, type ParagraphLayout } from './paragraphs.js';

export interface TextDocument {
  readonly text: string;
  readonly codePoints: CodePointIndex;
  readonly layout: ParagraphLayout;
}

export function createTextDocument(text: string): TextDocument {
  return { text, codePoints: createCodePointIndex(text), layout: splitParagraphs(text) };
}
