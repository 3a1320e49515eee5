/** Shared by the tiled-image bench pages: the picture, the views both viewers are driven through. */
import { collectGarbage, frameTimes, nextFrame, type FrameStats } from './common.js';

/** The generated 40,000 × 40,000 grid (scripts/tiled-images.mjs), IIIF level 0 layout, as the bench server makes it. */
export const GRID_INFO = '/__lk-tiles/iiif/grid/info.json';
export const GRID_SIZE = 40_000;
export const STAGE = { width: 1280, height: 720 };

/** An asset-pixel rectangle the stage shows (its width; the height follows the stage's shape). */
export interface AssetView {
  x: number;
  y: number;
  width: number;
}

/** Pan and zoom steps for the frame-time step: from a 1/8 view, panning right and down while zooming in and out. */
export function panZoomViews(count: number): AssetView[] {
  return Array.from({ length: count }, (_, i) => {
    const width = 10_000 * (1 + 0.5 * Math.sin(i / 10));
    return { x: 12_000 + i * 120, y: 12_000 + i * 60, width };
  });
}

/** Views at 1/4 (the 1/4 level) that cross the whole picture row by row. */
export function sweepViews(): AssetView[] {
  const width = STAGE.width * 4;
  const height = STAGE.height * 4;
  const views: AssetView[] = [];
  for (let y = 0; y < GRID_SIZE; y += height * 2.5) for (let x = 0; x < GRID_SIZE; x += width * 1.5) views.push({ x, y, width });
  return views;
}

/**
 * JS heap in MiB (Chromium's performance.memory; GPU textures are not in it), after a full
 * collection where the page may ask for one (the bench starts Chromium with --expose-gc): what is
 * held, not garbage not yet collected.
 */
export function heapMiB(): number {
  collectGarbage();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : NaN;
}

/** How a bench page drives its viewer through the views. */
export interface TileViewer {
  show(view: AssetView): void;
  /** Resolves once the view shown has every tile it needs. */
  settled(): Promise<void>;
  /** What the viewer holds after the sweep (tiles, texture memory where it says). */
  held(): Record<string, number>;
}

/** Frame times while panning and zooming through `panZoomViews(60)`. */
export function panZoomStep(viewer: TileViewer): Promise<FrameStats> {
  const views = panZoomViews(60);
  return frameTimes(views.length, (i) => viewer.show(views[i]!));
}

/**
 * The sweep (the first `params.limit` views): each view shown until its tiles are in, then what is
 * held. The heap is read before the sweep, after every view (the middle one's and the most are
 * kept: a heap that grows with the picture crossed shows here) and at the end; the time the
 * readings take (a full collection each) is not in `sweepMs`.
 */
export async function sweepStep(viewer: TileViewer, params: Record<string, unknown>): Promise<Record<string, number>> {
  const views = sweepViews().slice(0, Number(params.limit) || undefined);
  const heapStartMiB = heapMiB();
  const heaps: number[] = [];
  let sweepMs = 0;
  for (const view of views) {
    const start = performance.now();
    viewer.show(view);
    await viewer.settled();
    sweepMs += performance.now() - start;
    heaps.push(heapMiB());
  }
  const start = performance.now();
  await nextFrame();
  sweepMs += performance.now() - start;
  const held = viewer.held();
  const heapMidMiB = heaps[Math.floor(heaps.length / 2)] ?? NaN;
  return { views: views.length, sweepMs, ...held, heapStartMiB, heapMidMiB, heapMaxMiB: Math.max(...heaps), heapMiB: heapMiB() };
}
