/** Shared by every bench page: synthetic assets, frame timing, long tasks. */
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { seededRandom } from '../../test/generators/seeded-random.js';

export interface FrameStats {
  median: number;
  p95: number;
  samples: number;
}

export function stats(samples: number[]): FrameStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

/** Resolves after the next frame has been produced (rAF, then a task after its rendering). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Time from a change to the frame that shows it, for `count` consecutive changes. */
export async function frameTimes(count: number, change: (i: number) => void): Promise<FrameStats> {
  const samples: number[] = [];
  await nextFrame();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    change(i);
    await nextFrame();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

/**
 * `count` changes, each timed to the frame that shows it, a frame apart: the first (cold:
 * code paths and caches not warm yet) and the median of the rest, which is what a labeller
 * clicking through objects feels.
 */
export async function repeatedChanges(count: number, change: (i: number) => void): Promise<{ first: number; median: number }> {
  // What the step before left running (a view settling after pan/zoom) is not this step's cost.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    await nextFrame();
    const start = performance.now();
    change(i);
    await nextFrame();
    samples.push(performance.now() - start);
  }
  return { first: samples[0] ?? NaN, median: stats(samples.slice(1)).median };
}

/**
 * The floor under every frame time here: a change of one pixel to the frame that shows it, on a
 * page with nothing else. Frame times near it are as fast as this browser and machine go.
 */
export function frameFloor(): Promise<FrameStats> {
  const pixel = document.createElement('div');
  pixel.style.cssText = 'position:fixed;left:0;top:0;height:1px;background:#000';
  document.body.append(pixel);
  return frameTimes(60, (i) => (pixel.style.width = `${1 + (i % 2)}px`)).finally(() => pixel.remove());
}

/** Longest main-thread task seen while `work` runs (PerformanceObserver 'longtask'). */
/**
 * A full garbage collection where the page may ask for one (the bench starts Chromium with
 * --expose-gc): what the bench page itself made before a timed step (a generated 100,000-object
 * record, a 12-megapixel picture) is not collected inside the step and billed to the library.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function longestTask<T>(work: () => Promise<T>): Promise<{ result: T; longestTask: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const result = await work();
  await nextFrame();
  observer.disconnect();
  return { result, longestTask: longest };
}

/** What a page draws over the synthetic ground (shapes to find), and PNG to keep those exact. */
export interface SyntheticScene {
  paint?(context: OffscreenCanvasRenderingContext2D): void;
  png?: boolean;
}

/**
 * An `<lk-image>` without sidebar (`size` default 1280 × 720) that `setup` configured, added to the
 * page on `src`; resolves with it at `lk-ready`. The page defines the element (its own import).
 */
export async function lkImageReady(src: string, setup: (element: LkImage) => void, size = { width: 1280, height: 720 }): Promise<LkImage> {
  const element = document.createElement('lk-image') as LkImage;
  element.style.cssText = `--lk-height: ${size.height}px; width: ${size.width}px; display: block`;
  element.setAttribute('no-sidebar', '');
  setup(element);
  const ready = new Promise((resolve) => element.addEventListener('lk-ready', resolve, { once: true }));
  element.src = src;
  document.body.append(element);
  await ready;
  return element;
}

/**
 * A 4000×3000 photo-like image as a blob URL (noise + gradients, so it is not trivially
 * compressible), JPEG unless `scene.png`, with `scene.paint` drawn over the noise.
 */
export async function syntheticImage(width = 4000, height = 3000, scene: SyntheticScene = {}): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#3a6073');
  gradient.addColorStop(1, '#16222a');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  for (let i = 0; i < 4000; i++) {
    context.fillStyle = `hsl(${(i * 37) % 360} 40% ${30 + (i % 40)}%)`;
    context.fillRect((i * 7919) % width, (i * 104729) % height, 30 + (i % 90), 20 + (i % 60));
  }
  scene.paint?.(context);
  const blob = await canvas.convertToBlob(scene.png ? { type: 'image/png' } : { type: 'image/jpeg', quality: 0.85 });
  return URL.createObjectURL(blob);
}

export interface ShapeSpec {
  id: string;
  kind: 'box' | 'polygon';
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Deterministic shapes spread over a 4000×3000 plane. */
export function shapes(count: number, kind: 'box' | 'polygon'): ShapeSpec[] {
  const columns = Math.ceil(Math.sqrt((count * 4) / 3));
  const cell = 4000 / columns;
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    kind,
    x: (i % columns) * cell + cell * 0.1,
    y: Math.floor(i / columns) * cell + cell * 0.1,
    w: cell * 0.7,
    h: cell * 0.6,
  }));
}

/** 8 points around the ellipse inscribed in the shape's box. */
export function octagon(s: Pick<ShapeSpec, 'x' | 'y' | 'w' | 'h'>): [number, number][] {
  return Array.from({ length: 8 }, (_, k) => {
    const a = (k / 8) * Math.PI * 2;
    return [s.x + s.w / 2 + (Math.cos(a) * s.w) / 2, s.y + s.h / 2 + (Math.sin(a) * s.h) / 2];
  });
}

declare global {
  interface Window {
    bench: Record<string, (params: Record<string, unknown>) => Promise<unknown>>;
  }
}

export const NOVEL_URL = '/fixtures/text/pride_and_prejudice.txt';

/** `count` word spans spread evenly over `text` (UTF-16 offsets; the novel is ASCII). */
export function wordSpans(text: string, count: number): { id: string; start: number; end: number }[] {
  const words: [number, number][] = [];
  for (const match of text.matchAll(/[A-Za-z]{4,}/g)) words.push([match.index, match.index + match[0].length]);
  const step = Math.max(1, Math.floor(words.length / count));
  return Array.from({ length: Math.min(count, words.length) }, (_, i) => {
    const [start, end] = words[i * step]!;
    return { id: `e${i}`, start, end };
  });
}

/** Scrolls `scroller` by a screen each frame and times the frames. */
export function scrollFrames(scroller: Element, count = 60): Promise<FrameStats> {
  return frameTimes(count, () => {
    scroller.scrollTop += scroller.clientHeight;
  });
}

export interface InputFrameStats extends FrameStats {
  /** Input events that were followed by a frame (several events before one frame count once). */
  inputs: number;
  /** Input event → the frame after its handling: what a person waits to see the change. */
  latency: FrameStats;
  /**
   * Input event → the next frame's animation frame callbacks (they run once the frame after the
   * input is done on the main thread). `latency` ends in a task after that frame, which Chromium
   * holds back while it runs frames first after pointer drags and wheel input: this one is not.
   */
  nextFrame: FrameStats;
  /** Frame intervals: the p95 and the longest frame show the jank. */
  frames: number;
  max: number;
}

/**
 * Records frames until `stop()` is called, while input (a drag, held keys, wheel) drives the page
 * from outside: the latency from each input event (pointermove, keydown, wheel; its timeStamp,
 * so time queued behind a busy main thread counts) to the frame after it, and the interval
 * between consecutive animation frames. A 1-pixel element changes every frame so Chromium
 * (frame-rate limit off) produces frames back to back: an idle frame takes ~1 ms instead of
 * waiting for the 60 Hz tick, and an interval is the real cost of its frame.
 */
export function recordFrames(): { stop(): InputFrameStats } {
  const samples: number[] = [];
  const latencies: number[] = [];
  const toNextFrame: number[] = [];
  const pixel = document.createElement('div');
  pixel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
  document.body.append(pixel);
  let last = performance.now();
  let running = true;
  let pending = false;
  const tick = (now: number) => {
    if (!running) return;
    samples.push(now - last);
    last = now;
    pixel.style.width = samples.length % 2 ? '1px' : '2px';
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
  const onInput = (event: Event) => {
    if (pending || !running) return;
    pending = true;
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      requestAnimationFrame(() => toNextFrame.push(performance.now() - start));
      setTimeout(() => {
        pending = false;
        latencies.push(performance.now() - start);
      }, 0);
    });
  };
  const types = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const;
  for (const type of types) window.addEventListener(type, onInput, { capture: true, passive: true });
  return {
    stop() {
      running = false;
      pixel.remove();
      for (const type of types) window.removeEventListener(type, onInput, { capture: true });
      return { ...stats(samples), frames: samples.length, max: Math.max(0, ...samples), inputs: latencies.length, latency: stats(latencies), nextFrame: stats(toNextFrame) };
    },
  };
}

/** Center of an element's box in the viewport, for real mouse input from the harness. */
export function centerOf(element: Element): { x: number; y: number; width: number; height: number; left: number; top: number } {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, width: box.width, height: box.height, left: box.left, top: box.top };
}

/** `count` distinct pseudo-random integers in [0, max), the same on every run. */
export function randomFrames(count: number, max: number, seed = 5): number[] {
  const next = seededRandom(seed);
  const picked = new Set<number>();
  while (picked.size < Math.min(count, max)) picked.add(Math.floor(next() * max));
  return [...picked];
}
