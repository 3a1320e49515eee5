/** Mounting `<lk-video>` on a real fixture and reading the frame the stage shows, for the video element tests. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { captureScreen } from '../server/screen-client.js';
import { BOTTLES_URL, FRAME_NUMBERS_URL, frameNumberFrom } from '../media/video/video-helpers.js';
import { canvasOf, fetchJson, frames, ONTOLOGY_URL, showSource } from './helpers.js';

/** A screenshot of the stage once the frame asked for is drawn, read at asset (video) pixel coordinates. */
export async function stageOnScreen(element: LkVideo): Promise<(x: number, y: number) => [number, number, number, number]> {
  await element.settled();
  await frames(2);
  const rect = canvasOf(element).getBoundingClientRect();
  const left = Math.max(0, rect.left);
  const top = Math.max(0, rect.top);
  const region = { x: left, y: top, width: Math.min(rect.right, window.innerWidth) - left, height: Math.min(rect.bottom, window.innerHeight) - top };
  const screen = await captureScreen(region);
  const view = element.view!;
  return (x, y) => screen.at(rect.left + view.offsetX + x * view.scale, rect.top + view.offsetY + y * view.scale);
}

/**
 * The frame number the stage shows, read from the video's grey blocks in a screenshot of the
 * stage: what the user sees, whatever drew it.
 */
export async function frameShown(element: LkVideo): Promise<number> {
  const at = await stageOnScreen(element);
  return frameNumberFrom((x, y) => at(x, y)[0]);
}

export interface FrameNumbersMount {
  /** Default: the all-types ontology (test/fixtures/ontology). */
  ontology?: unknown;
  /** Default: `u-1` (ann@example.com). */
  user?: LkVideo['user'];
}

/** `<lk-video>` on frame-numbers.webm (300 frames) with the all-types ontology and `annotations`, loaded and focused. */
export async function mountFrameNumbers(annotations?: unknown, options: FrameNumbersMount = {}): Promise<LkVideo> {
  const ontology = options.ontology ?? (await fetchJson(ONTOLOGY_URL));
  const user = options.user ?? { id: 'u-1', email: 'ann@example.com' };
  const element = await fixture<LkVideo>(html`
    <lk-video style="--lk-height: 640px; width: 1000px" .ontology=${ontology} .user=${user}></lk-video>
  `);
  if (annotations) element.annotations = annotations as LkVideo['annotations'];
  await showSource(element, FRAME_NUMBERS_URL);
  element.focus();
  return element;
}

/** A car track of keyframes `frames` (an entry `{ frame, stop: true }` stops it there), for `annotations`. */
export function carTrack(objectId: string, keyframes: Array<number | { frame: number; stop: true }>): Array<Record<string, unknown>> {
  return keyframes.map((k) => {
    const frame = typeof k === 'number' ? k : k.frame;
    return {
      objectId,
      schemaId: 't-car',
      page: frame,
      keyframe: true,
      ...(typeof k === 'number' ? {} : { interpolationStopped: true }),
      'bounding-box': { x: 200, y: 100, width: 80, height: 80 },
      classifications: [],
    };
  });
}

export const THUMB = { width: 160, height: 90 };

/** The video as the screen shows it on the stage, scaled to 160×90 RGBA. */
export async function stagePixels(element: LkVideo): Promise<Uint8ClampedArray> {
  await element.settled();
  await frames(2);
  const rect = canvasOf(element).getBoundingClientRect();
  const view = element.view!;
  const video = { x: rect.left + view.offsetX, y: rect.top + view.offsetY, width: 640 * view.scale, height: 360 * view.scale };
  const screen = await captureScreen({ x: Math.max(0, video.x), y: Math.max(0, video.y), width: video.width, height: video.height });
  const thumb = document.createElement('canvas');
  thumb.width = THUMB.width;
  thumb.height = THUMB.height;
  const context = thumb.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(screen.canvas, 0, 0, screen.canvas.width, screen.canvas.height, 0, 0, THUMB.width, THUMB.height);
  return context.getImageData(0, 0, THUMB.width, THUMB.height).data;
}

/** Frame `frame` of `url` from a decoder of its own (a fresh <video>), scaled to 160×90 RGBA. */
export async function referenceFrame(url: string, fps: number, frame: number): Promise<Uint8ClampedArray> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = url;
  await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
  const presented = new Promise((resolve) => video.requestVideoFrameCallback(resolve));
  video.currentTime = (frame + 0.5) / fps;
  await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
  await Promise.race([presented, new Promise((resolve) => setTimeout(resolve, 300))]);
  const thumb = document.createElement('canvas');
  thumb.width = THUMB.width;
  thumb.height = THUMB.height;
  const context = thumb.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, THUMB.width, THUMB.height);
  video.removeAttribute('src');
  video.load();
  return context.getImageData(0, 0, THUMB.width, THUMB.height).data;
}

export function meanDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
  return sum / ((a.length / 4) * 3);
}

export const BOTTLES_FPS = 179 / 6;

/** The screen shows frame `frame` of the real file: closer to its own decode than to its neighbours'. */
export async function expectRealFrameShown(element: LkVideo, frame: number): Promise<void> {
  const shown = await stagePixels(element);
  const differences = await Promise.all([frame - 1, frame, frame + 1].map(async (f) => meanDifference(shown, await referenceFrame(BOTTLES_URL, BOTTLES_FPS, f))));
  expect(differences[1]!, `frame ${frame}: differences to ${frame - 1}, ${frame}, ${frame + 1}: ${differences.map((d) => d.toFixed(2))}`).to.be.below(Math.min(differences[0]!, differences[2]!));
}
