/**
 * Assisted labeling on `<lk-pdf>` (docs/assisted-labeling.md): what the host model's round trips
 * cost the main thread on a PDF page. As in assist-labelkit.ts the host answers after a delay (the
 * model runs elsewhere), so the time measured is labelkit's own: copying the page's bitmap for the
 * hook, reading the answers, drawing the suggestions over the page, writing accepted objects.
 * Target: no main-thread task over 50 ms (PerformanceObserver 'longtask').
 */
import '../../src/elements/lk-pdf/define.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { AssistPrediction, AssistSegmentResult, LabelkitAssist } from '../../src/assist/types.js';
import { SEGMENT_DEBOUNCE_MS } from '../../src/assist/assist-layer.js';
import { longestTask, nextFrame } from './common.js';

/** The model's own time, spent off the main thread. */
const MODEL_MS = 30;

const ontology = {
  tools: [
    { schemaId: 't-figure', tool: 'bounding-box', title: 'Figure', color: '#e53935' },
    { schemaId: 't-area', tool: 'pdf', title: 'Area', color: '#1e88e5' },
    { schemaId: 't-poly', tool: 'polygon', title: 'Outline', color: '#43a047' },
  ],
};

interface AssistLayerForBench extends HTMLElement {
  detect(): Promise<void>;
  setSmartSegment(on: boolean): void;
  visibleSuggestions: readonly unknown[];
  accept(suggestions: readonly unknown[]): void;
}
interface ToolForBench {
  state: string;
  pointerDown(pointer: object): void;
  pointerUp(pointer: object): void;
}

let element: LkPdf;
let predictionCount = 0;
let answered = 0;
/** The page's size in points (page 1). */
let page = { width: 612, height: 792 };

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), MODEL_MS));

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

/** A 400-point outline round (x, y) in points. */
function outline(x: number, y: number, radius: number): [number, number][] {
  return Array.from({ length: 400 }, (_, i) => {
    const angle = (i / 400) * 2 * Math.PI;
    return [x + radius * Math.cos(angle) * (1 + 0.05 * Math.sin(9 * angle)), y + radius * Math.sin(angle)];
  });
}

const assist: LabelkitAssist = {
  name: 'bench-model',
  detect: ({ image }) => {
    image.close();
    return later(predictions(predictionCount));
  },
  segment: ({ image, points }) => {
    image.close();
    const last = points.at(-1) ?? { x: 300, y: 400 };
    return later<AssistSegmentResult>({ polygon: outline(last.x, last.y, 80) }).finally(() => answered++);
  },
};

const layer = () => element.shadowRoot!.querySelector('lk-assist-layer') as AssistLayerForBench;
const tool = () => (element as unknown as { tool: ToolForBench }).tool;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextFrame();
}

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
  /** Detect round trip on page 1 with `count` predictions: bitmap copy, answers read, suggestions drawn. */
  async detect(params) {
    predictionCount = Number(params.count);
    const start = performance.now();
    const { longestTask: longest } = await longestTask(async () => {
      await layer().detect();
      await nextFrame();
    });
    return { ms: performance.now() - start - MODEL_MS, longestTask: longest, shown: layer().visibleSuggestions.length };
  },
  /** Accept all: figures and area selections written in one transaction and drawn on the page. */
  async acceptAll() {
    const start = performance.now();
    const { longestTask: longest } = await longestTask(async () => {
      layer().accept(layer().visibleSuggestions);
      await element.settled();
    });
    return { ms: performance.now() - start, longestTask: longest, objects: element.export().task.tools.length };
  },
  /** `count` smart segment prompts on page 1, each waited for until the draft follows its answer. */
  async segment(params) {
    const count = Number(params.count);
    element.session.setActiveSchema('t-poly');
    layer().setSmartSegment(true);
    await until(() => tool().state.startsWith('smart-segment'));
    const times: number[] = [];
    const { longestTask: longest } = await longestTask(async () => {
      for (let i = 0; i < count; i++) {
        const before = answered;
        const pointer = { x: 100 + i * 30, y: 400, button: 0, shiftKey: false, altKey: i % 3 === 2, ctrlKey: false, pointerType: 'mouse', pressure: 0.5 };
        const start = performance.now();
        tool().pointerDown(pointer);
        tool().pointerUp(pointer);
        await until(() => answered > before);
        await nextFrame();
        times.push(performance.now() - start - MODEL_MS - SEGMENT_DEBOUNCE_MS);
      }
    });
    times.sort((a, b) => a - b);
    return { roundTripMedian: times[Math.floor(times.length / 2)]!, longestTask: longest };
  },
};
