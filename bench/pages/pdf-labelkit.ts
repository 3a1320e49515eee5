// Bundled only when src/elements/lk-pdf/define.ts exists (bench/run.mjs checks): until then the
// PDF scenario is reported as "lk-pdf not built".
import '../../src/elements/lk-pdf/define.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { Ontology } from '../../src/index.js';
import { nextFrame, stats } from './common.js';

const ontology: Ontology = { tools: [{ schemaId: 't-area', tool: 'pdf', title: 'Area', color: '#1e88e5', shortcutKey: '1' }], classifications: [], relations: [] };

let element: LkPdf;

/** Canvas pixels held by the element (every canvas in its shadow tree): what rendered pages keep alive. */
function canvasBytes(root: ParentNode): { canvases: number; bytes: number } {
  let canvases = 0;
  let bytes = 0;
  const walk = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      if (child instanceof HTMLCanvasElement) {
        canvases++;
        bytes += child.width * child.height * 4;
      }
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root);
  return { canvases, bytes };
}

window.bench = {
  /**
   * Setting `src` → the first page's canvas painted (its drawing started, settled, then the frame
   * that shows it), and → lk-ready, which also waits for every page's size (500 round trips to
   * pdf.js's worker, made once the first page is drawn): the two are timed apart. `connectedMs`:
   * how long the element is on the page before `src` is set (one frame by default), as for a host
   * that places it while the file's URL is still on its way (the element starts pdf.js meanwhile).
   */
  async load(params) {
    element = document.createElement('lk-pdf') as LkPdf;
    element.style.cssText = '--lk-height: 800px; width: 1200px; display: block';
    element.setAttribute('no-sidebar', '');
    // As a host does that serves the package's dist/pdfjs/ itself (bench/run.mjs serves it at /pdfjs/).
    element.setAttribute('pdfjs-base', '/pdfjs/');
    element.ontology = ontology;
    document.body.append(element);
    await nextFrame();
    const connectedMs = Number(params.connectedMs ?? 0);
    if (connectedMs > 0) await new Promise((resolve) => setTimeout(resolve, connectedMs));
    const start = performance.now();
    let failed: Error | undefined;
    const ready = new Promise<number>((resolve, reject) => {
      element.addEventListener('lk-ready', () => resolve(performance.now() - start), { once: true });
      element.addEventListener('lk-error', (e) => reject((failed = new Error(`lk-error ${JSON.stringify((e as CustomEvent).detail)}`))), { once: true });
    });
    ready.catch(() => undefined);
    element.src = String(params.pdf);
    while (!element.pageCanvas(0)) {
      if (failed) throw failed;
      await nextFrame();
    }
    await element.settled();
    await nextFrame();
    const firstPageMs = performance.now() - start;
    const readyMs = await ready;
    await element.settled();
    return { firstPageMs, readyMs, pageCount: element.pageCount, ...canvasBytes(element.shadowRoot ?? element) };
  },

  /**
   * Scrolls to the end in steps of `step` pages, letting the visible pages render at each stop
   * (a reader skimming), then reports how long each stop took to render and what canvases remain.
   */
  async scrollToEnd(params) {
    const step = Math.max(1, Number(params.step ?? 5));
    const times: number[] = [];
    for (let page = step; page < element.pageCount; page += step) {
      const start = performance.now();
      element.page = page;
      await element.settled();
      times.push(performance.now() - start);
    }
    element.page = element.pageCount - 1;
    await element.settled();
    await nextFrame();
    const held = canvasBytes(element.shadowRoot ?? element);
    return { pageRender: stats(times), lastPage: element.page, ...held };
  },
};
