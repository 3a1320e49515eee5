/** Mounting `<lk-video>` on a real fixture and reading the frame the stage shows, for the video element tests. */
import { fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { captureScreen } from '../server/screen-client.js';
import { FRAME_NUMBERS_URL, frameNumberFrom } from '../media/video/video-helpers.js';
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
