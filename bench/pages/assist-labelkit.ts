/**
 * Assisted labeling (docs/assisted-labeling.md): what the host model's round trips cost the main
 * thread. The host's functions answer after a delay (the model runs elsewhere: a worker, a server),
 * so every millisecond measured here is labelkit's own: copying the picture for the hook, reading
 * the answers through the import codecs, drawing suggestions and drafts, writing accepted objects.
 * Target: no main-thread task over 50 ms (PerformanceObserver 'longtask').
 */
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { AssistPrediction, AssistSegmentResult, LabelkitAssist } from '../../src/assist/types.js';
import { SEGMENT_DEBOUNCE_MS } from '../../src/assist/assist-layer.js';
import { lkImageReady, longestTask, nextFrame, octagon, shapes, syntheticImage } from './common.js';

/** The model's own time, spent off the main thread. */
const MODEL_MS = 30;

const ontology = {
  tools: [
    { schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935' },
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

let element: LkImage;
let predictionCount = 0;
/** Answers to segment prompts so far (the tool's draft follows each). */
let answered = 0;

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), MODEL_MS));

/** A 400-point outline round (x, y): what a segmentation model answers for a large object. */
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
    const predictions: AssistPrediction[] = shapes(predictionCount, predictionCount % 2 ? 'polygon' : 'box').map((s, i) =>
      i % 2
        ? { schemaId: 't-poly', geometry: { polygon: octagon(s) }, score: 0.5 + ((i * 37) % 50) / 100 }
        : { schemaId: 't-box', geometry: { 'bounding-box': { x: s.x, y: s.y, width: s.w, height: s.h } }, score: 0.5 + ((i * 37) % 50) / 100 },
    );
    return later(predictions);
  },
  segment: ({ image, points }) => {
    image.close();
    const last = points.at(-1) ?? { x: 2000, y: 1500 };
    return later<AssistSegmentResult>({ polygon: outline(last.x, last.y, 300) }).finally(() => answered++);
  },
};

const layer = () => element.shadowRoot!.querySelector('lk-assist-layer') as AssistLayerForBench;
const tool = () => (element as unknown as { surface: { activeTool: ToolForBench } }).surface.activeTool;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextFrame();
}

window.bench = {
  async load() {
    const src = await syntheticImage();
    const start = performance.now();
    element = await lkImageReady(src, (created) => {
      created.ontology = ontology;
      created.assist = assist;
    });
    await element.settled();
    await until(() => Boolean(layer()?.shadowRoot?.querySelector('.detect')));
    return { loadMs: performance.now() - start };
  },
  /** Detect round trip with `count` predictions: picture copy, answers read, suggestions drawn. */
  async detect(params) {
    predictionCount = Number(params.count);
    const start = performance.now();
    const { longestTask: longest } = await longestTask(async () => {
      await layer().detect();
      await nextFrame();
    });
    return { ms: performance.now() - start - MODEL_MS, longestTask: longest, shown: layer().visibleSuggestions.length };
  },
  /** Accept all: the visible suggestions written as objects in one transaction and drawn. */
  async acceptAll() {
    const start = performance.now();
    const { longestTask: longest } = await longestTask(async () => {
      layer().accept(layer().visibleSuggestions);
      await element.settled();
    });
    return { ms: performance.now() - start, longestTask: longest, objects: element.export().task.tools.length };
  },
  /** `count` smart segment prompts, each waited for: the draft follows every answer (time past the debounce and the model's). */
  async segment(params) {
    const count = Number(params.count);
    layer().setSmartSegment(true);
    await until(() => tool().state.startsWith('smart-segment'));
    const times: number[] = [];
    const { longestTask: longest } = await longestTask(async () => {
      for (let i = 0; i < count; i++) {
        const before = answered;
        const pointer = { x: 1000 + i * 150, y: 1500, button: 0, shiftKey: false, altKey: i % 3 === 2, ctrlKey: false, pointerType: 'mouse', pressure: 0.5 };
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
