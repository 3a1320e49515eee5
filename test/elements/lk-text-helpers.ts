/** Shared by the <lk-text> tests: code point spans, where a string is on screen, real drags and clicks. */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';

export interface NerValue {
  start: number;
  end: number;
  selection: string;
}

/** Python-style code point offsets of a substring (the reference the export must equal). */
export function codePointSpan(text: string, needle: string, occurrence = 0): NerValue {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length, selection: needle };
}

export function nerOf(tool: unknown): NerValue {
  return (tool as { ner: NerValue }).ner;
}

/** The viewport rect of the n-th occurrence of `needle` inside the element's paragraphs. */
export function textRect(element: LkText, needle: string, occurrence = 0): DOMRect {
  let seen = 0;
  for (const paragraph of element.shadowRoot!.querySelectorAll('.paragraphs p')) {
    const node = paragraph.firstChild;
    if (!(node instanceof Text)) continue;
    for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
      if (seen++ !== occurrence) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return range.getBoundingClientRect();
    }
  }
  throw new Error(`${needle} is not rendered`);
}

export async function dragOver(element: LkText, needle: string, occurrence = 0): Promise<void> {
  const rect = textRect(element, needle, occurrence);
  const y = Math.round(rect.top + rect.height / 2);
  const from: [number, number] = [Math.round(rect.left + 1), y];
  const to: [number, number] = [Math.round(rect.right - 1), y];
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), y] });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
  await element.settled();
}

/** A real click on the n-th occurrence of `needle` (its middle, or just inside its start), optionally with a modifier held. */
export async function clickOn(
  element: LkText,
  needle: string,
  options: { occurrence?: number; at?: 'start' | 'middle'; modifier?: 'Shift' | 'Control' } = {},
): Promise<void> {
  const rect = textRect(element, needle, options.occurrence ?? 0);
  const x = options.at === 'start' ? rect.left + 1 : rect.left + rect.width / 2;
  if (options.modifier) await sendKeys({ down: options.modifier });
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(rect.top + rect.height / 2)] });
  if (options.modifier) await sendKeys({ up: options.modifier });
  await element.settled();
}

/** Ango's import shape around the given entries; they may be ones the test means to be refused, hence the cast. */
export function importOf(objects: unknown[], relations: unknown[] = [], classifications: unknown[] = []): AnnotationsInput {
  return [{ externalId: 'doc.txt', objects, classifications, relations }] as AnnotationsInput;
}
