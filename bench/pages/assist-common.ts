/**
 * What the assist bench pages share (assist-labelkit.ts on `<lk-image>`, assist-pdf-labelkit.ts on
 * `<lk-pdf>`): a host model that answers after MODEL_MS (it runs elsewhere, so every millisecond
 * measured is labelkit's own) and the three measured round trips. Target: no main-thread task over
 * 50 ms (PerformanceObserver 'longtask').
 */
import type { AssistPrediction, AssistSegmentResult, LabelkitAssist } from '../../src/assist/types.js';
import { SEGMENT_DEBOUNCE_MS } from '../../src/assist/assist-layer.js';
import { longestTask, nextFrame } from './common.js';

/** The model's own time, spent off the main thread. */
export const MODEL_MS = 30;

interface AssistLayerForBench extends HTMLElement {
  detect(): Promise<void>;
  setSmartSegment(on: boolean): void;
  visibleSuggestions: readonly unknown[];
  accept(suggestions: readonly unknown[]): void;
}
export interface ToolForBench {
  state: string;
  pointerDown(pointer: object): void;
  pointerUp(pointer: object): void;
}

export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextFrame();
}

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), MODEL_MS));

/** A 400-point outline round (x, y): what a segmentation model answers for a large object. */
function outline(x: number, y: number, radius: number): [number, number][] {
  return Array.from({ length: 400 }, (_, i) => {
    const angle = (i / 400) * 2 * Math.PI;
    return [x + radius * Math.cos(angle) * (1 + 0.05 * Math.sin(9 * angle)), y + radius * Math.sin(angle)];
  });
}

export interface AssistBenchOptions {
  element: () => HTMLElement & { export(): { task: { tools: unknown[] } }; settled(): Promise<void> };
  /** The element's active tool (the smart segment tool once it is on). */
  tool: () => ToolForBench;
  /** `count` predictions in the element's coordinates. */
  predictions: (count: number) => AssistPrediction[];
  /** Segment prompts: the first at `from`, each next `step` to the right; outlines of `radius`. */
  prompts: { from: { x: number; y: number }; step: number; radius: number };
  /** Called before the prompts (e.g. choosing a polygon class). */
  beforeSegment?: () => void;
}

/** The host model and the bench steps `detect`, `acceptAll` and `segment` for one element. */
export function assistBench({ element, tool, predictions, prompts, beforeSegment }: AssistBenchOptions) {
  let predictionCount = 0;
  /** Answers to segment prompts so far (the tool's draft follows each). */
  let answered = 0;
  const assist: LabelkitAssist = {
    name: 'bench-model',
    detect: ({ image }) => {
      image.close();
      return later(predictions(predictionCount));
    },
    segment: ({ image, points }) => {
      image.close();
      const last = points.at(-1) ?? prompts.from;
      return later<AssistSegmentResult>({ polygon: outline(last.x, last.y, prompts.radius) }).finally(() => answered++);
    },
  };
  const layer = () => element().shadowRoot!.querySelector('lk-assist-layer') as AssistLayerForBench;
  const steps = {
    /** Detect round trip with `count` predictions: picture copy, answers read, suggestions drawn. */
    async detect(params: Record<string, unknown>) {
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
        await element().settled();
      });
      return { ms: performance.now() - start, longestTask: longest, objects: element().export().task.tools.length };
    },
    /** `count` smart segment prompts, each waited for: the draft follows every answer (time past the debounce and the model's). */
    async segment(params: Record<string, unknown>) {
      const count = Number(params.count);
      beforeSegment?.();
      layer().setSmartSegment(true);
      await until(() => tool().state.startsWith('smart-segment'));
      const times: number[] = [];
      const { longestTask: longest } = await longestTask(async () => {
        for (let i = 0; i < count; i++) {
          const before = answered;
          const pointer = { x: prompts.from.x + i * prompts.step, y: prompts.from.y, button: 0, shiftKey: false, altKey: i % 3 === 2, ctrlKey: false, pointerType: 'mouse', pressure: 0.5 };
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
  return { assist, layer, steps };
}
