import '../../src/elements/lk-text/define.js';
import type { Ontology } from '../../src/index.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { longestTask, nextFrame, NOVEL_URL, scrollFrames, wordSpans } from './common.js';
import { highlightsPainted } from './text-paint.js';

const ontology: Ontology = {
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
    // A task boundary: the page's own preparation above is not part of the library's longest block.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { result: loadMs, longestTask: longest } = await longestTask(async () => {
      const start = performance.now();
      element = document.createElement('lk-text') as LkText;
      element.style.cssText = '--lk-height: 800px; width: 1200px; display: block';
      element.setAttribute('no-sidebar', '');
      element.ontology = ontology;
      document.body.append(element);
      element.text = text;
      // The documented path for large imports: read in steps, the main thread given back between them.
      await element.importInSteps({ objects }, { replace: true });
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
    // Selection → lk-change through the element's own path, as a mouse drag ends: the press, a
    // selection of ten characters in the shadow root's text, then the release (timed from there)
    // until lk-change and the frame that shows the new entity. A class is active, so the release
    // creates the entity.
    element.session.setActiveSchema('e-person');
    const scroller = element.shadowRoot!.querySelector('.scroller')!;
    scroller.scrollTop = 0;
    await nextFrame();
    await nextFrame();
    const paragraphs = element.shadowRoot!.querySelector('.paragraphs')!;
    const node = [...paragraphs.querySelectorAll('p')].map((p) => p.firstChild).find((n): n is Text => n instanceof Text && n.data.length > 40)!;
    const box = node.parentElement!.getBoundingClientRect();
    const at = { bubbles: true, composed: true, button: 0, clientX: box.left + 5, clientY: box.top + 5 };
    paragraphs.dispatchEvent(new PointerEvent('pointerdown', at));
    getSelection()!.setBaseAndExtent(node, 20, node, 30);
    await nextFrame();
    const changed = new Promise<void>((resolve) => element.addEventListener('lk-change', () => resolve(), { once: true }));
    const start = performance.now();
    paragraphs.dispatchEvent(new PointerEvent('pointerup', at));
    await changed;
    const eventMs = performance.now() - start;
    await nextFrame();
    return { ms: performance.now() - start, eventMs, created: element.session.store.state.objects.size };
  },
  async exportAll() {
    const start = performance.now();
    const json = JSON.stringify(element.export());
    return { exportMs: performance.now() - start, bytes: json.length };
  },
};
