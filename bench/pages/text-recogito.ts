import { createTextAnnotator, type TextAnnotation, type TextAnnotator, type TextSelector } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { longestTask, nextFrame, NOVEL_URL, scrollFrames, wordSpans } from './common.js';
import { highlightsPainted } from './text-paint.js';

let annotator: TextAnnotator<TextAnnotation, TextAnnotation>;
let container: HTMLDivElement;
let text = '';

/** A `TextAnnotation` as the page hands it over: without the live DOM `range` of each selector. */
interface RangelessAnnotation extends Omit<TextAnnotation, 'target'> {
  target: Omit<TextAnnotation['target'], 'selector'> & { selector: Omit<TextSelector, 'range'>[] };
}

window.bench = {
  async load(params) {
    const count = Number(params.count);
    text = await (await fetch(NOVEL_URL)).text();
    const spans = wordSpans(text, count);
    // A task boundary: the page's own preparation above is not part of the library's longest block.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { result: loadMs, longestTask: longest } = await longestTask(async () => {
      const start = performance.now();
      container = document.createElement('div');
      container.style.cssText = 'height: 800px; overflow: auto; white-space: pre-wrap; font: 16px/1.5 serif';
      container.textContent = text;
      document.body.append(container);
      annotator = createTextAnnotator<TextAnnotation, TextAnnotation>(container, { renderer: 'CSS_HIGHLIGHTS' });
      // `replace = false`: text-annotator 4.1's default (replace) path stores the annotations
      // without reviving their DOM ranges, so nothing is indexed or painted (its renderer then
      // throws "Failed to construct 'Highlight'"); the upsert path revives and indexes them.
      // The cast: text-annotator 4.1's types ask for each selector's live DOM `range`, which that
      // path builds itself from `start`/`end`.
      const input = spans.map((s): RangelessAnnotation => ({
        id: s.id,
        bodies: [],
        target: { annotation: s.id, selector: [{ quote: text.slice(s.start, s.end), start: s.start, end: s.end }] },
      }));
      annotator.setAnnotations(input as TextAnnotation[], false);
      await highlightsPainted();
      return performance.now() - start;
    });
    return { loadMs, longestTask: longest };
  },
  async scroll() {
    return scrollFrames(container);
  },
  async selectSpan() {
    // What a user's selection costs until the library announces the new annotation.
    container.scrollTop = 0;
    await nextFrame();
    const node = container.firstChild!;
    const range = document.createRange();
    range.setStart(node, 100);
    range.setEnd(node, 110);
    const start = performance.now();
    const created = new Promise<void>((resolve) => annotator.on('createAnnotation', () => resolve()));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    container.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    const made = await Promise.race([created.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
    // A synthetic pointerup may not reach the library's handler: report no number rather than a timeout.
    return { ms: made ? performance.now() - start : Number.NaN };
  },
  async exportAll() {
    const start = performance.now();
    const json = JSON.stringify(annotator.getAnnotations().map((a) => ({ id: a.id, target: { selector: a.target.selector.map(({ quote, start, end }) => ({ quote, start, end })) } })));
    return { exportMs: performance.now() - start, bytes: json.length };
  },
};
