import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { longestTask, nextFrame, NOVEL_URL, scrollFrames, wordSpans } from './common.js';
import { highlightsPainted } from './text-paint.js';

const ontology = {
  tools: [{ schemaId: 'e-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' }],
  classifications: [],
  relations: [],
};

let element: LkText;
let text = '';

window.bench = {
  async load(params) {
    const count = Number(params.count);
    text = await (await fetch(NOVEL_URL)).text();
    // The novel is ASCII: UTF-16 offsets are code points.
    const objects = wordSpans(text, count).map((s) => ({ objectId: s.id, schemaId: 'e-person', ner: { start: s.start, end: s.end, selection: text.slice(s.start, s.end) } }));
    const { result: loadMs, longestTask: longest } = await longestTask(async () => {
      const start = performance.now();
      element = document.createElement('lk-text') as LkText;
      element.style.cssText = '--lk-height: 800px; width: 1200px; display: block';
      element.setAttribute('no-sidebar', '');
      element.ontology = ontology;
      document.body.append(element);
      element.text = text;
      element.annotations = { objects };
      await element.settled();
      await highlightsPainted();
      return performance.now() - start;
    });
    return { loadMs, longestTask: longest };
  },
  async scroll() {
    const scroller = element.shadowRoot!.querySelector('.scroller')!;
    return scrollFrames(scroller);
  },
  async selectSpan() {
    // Selection → lk-change: the path a user's finished selection takes with a class active.
    const changed = new Promise<void>((resolve) => element.addEventListener('lk-change', () => resolve(), { once: true }));
    const start = performance.now();
    element.session.setActiveSchema('e-person');
    element.session.store.transact({ origin: 'user', reason: 'create' }, (tx) =>
      tx.putObject({
        objectId: 'new-span',
        schemaId: 'e-person',
        keyframes: [{ frame: 0, geometry: { type: 'ner', value: { start: 100, end: 110, selection: text.slice(100, 110) } } }],
        classifications: [],
        metadata: { createdAt: '', createdBy: '', createdIn: '' },
      }),
    );
    await changed;
    await nextFrame();
    return { ms: performance.now() - start };
  },
  async exportAll() {
    const start = performance.now();
    const json = JSON.stringify(element.export());
    return { exportMs: performance.now() - start, bytes: json.length };
  },
};
