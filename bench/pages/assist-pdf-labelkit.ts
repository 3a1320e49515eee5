/**
 * Assisted labeling on `<lk-pdf>` (docs/assisted-labeling.md): what the host model's round trips
 * cost the main thread on a PDF page. As in assist-labelkit.ts the host answers after a delay (the
 * model runs elsewhere), so the time measured is labelkit's own: copying the page's bitmap for the
 * hook, reading the answers, drawing the suggestions over the page, writing accepted objects.
 * Target: no main-thread task over 50 ms (PerformanceObserver 'longtask').
 */
import '../../src/elements/lk-pdf/define.js';
import type { Ontology } from '../../src/index.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { AssistPrediction } from '../../src/assist/types.js';
import { assistBench, until, type ToolForBench } from './assist-common.js';

const ontology: Ontology = {
  tools: [
    { schemaId: 't-figure', tool: 'bounding-box', title: 'Figure', color: '#e53935' },
    { schemaId: 't-area', tool: 'pdf', title: 'Area', color: '#1e88e5' },
    { schemaId: 't-poly', tool: 'polygon', title: 'Outline', color: '#43a047' },
  ],
};

let element: LkPdf;
/** The page's size in points (page 1). */
let page = { width: 612, height: 792 };

/** `count` boxes in a grid over the page (points): every other one a `pdf` class's area, the rest figures. */
function predictions(count: number): AssistPrediction[] {
  const columns = Math.ceil(Math.sqrt((count * page.width) / page.height));
  const rows = Math.ceil(count / columns);
  const cellW = page.width / columns;
  const cellH = page.height / rows;
  return Array.from({ length: count }, (_, i) => ({
    schemaId: i % 2 ? 't-area' : 't-figure',
    geometry: { 'bounding-box': { x: (i % columns) * cellW + cellW * 0.1, y: Math.floor(i / columns) * cellH + cellH * 0.1, width: cellW * 0.8, height: cellH * 0.8 } },
    score: 0.5 + ((i * 37) % 50) / 100,
  }));
}

const { assist, layer, steps } = assistBench({
  element: () => element,
  tool: () => (element as unknown as { tool: ToolForBench }).tool,
  predictions,
  prompts: { from: { x: 100, y: 400 }, step: 30, radius: 80 },
  beforeSegment: () => element.session.setActiveSchema('t-poly'),
});

window.bench = {
  async load(params) {
    element = document.createElement('lk-pdf') as LkPdf;
    element.style.cssText = '--lk-height: 800px; width: 1200px; display: block';
    element.setAttribute('no-sidebar', '');
    element.setAttribute('pdfjs-base', '/pdfjs/');
    element.ontology = ontology;
    element.assist = assist;
    document.body.append(element);
    const start = performance.now();
    const ready = new Promise<void>((resolve, reject) => {
      element.addEventListener('lk-ready', () => resolve(), { once: true });
      element.addEventListener('lk-error', (e) => reject(new Error(`lk-error ${JSON.stringify((e as CustomEvent).detail)}`)), { once: true });
    });
    element.src = String(params.pdf);
    await ready;
    await element.settled();
    await until(() => Boolean(layer()?.shadowRoot?.querySelector('.detect')));
    const pages = (element.export().metadata as { pages: { width: number; height: number }[] }).pages;
    page = pages[0]!;
    return { loadMs: performance.now() - start, imagePixels: element.pageCanvas(0)!.width * element.pageCanvas(0)!.height };
  },
  ...steps,
};
