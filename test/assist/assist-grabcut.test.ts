/**
 * The example host model (stories/assist/grabcut-segmenter.ts): OpenCV's GrabCut in a worker as
 * `assist.segment`, driven with the mouse on the bundled photo. A box dragged round the middle
 * bottle gives a polygon that covers it: IoU ≥ 0.7 with an outline drawn by hand
 * (test/assist/fixtures/middle-bottle.outline.json).
 */
import { expect } from '@open-wc/testing';
import { createGrabCutSegmenter, type GrabCutSegmenter } from '../../stories/assist/grabcut-segmenter.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { drag, fetchJson, press, resetMouse } from '../elements/helpers.js';
import { assistControl, clickOn, mountWithAssist, until } from './assist-helpers.js';

const OPENCV_URL = '/__lk-opencv/opencv.js';
type Xy = [number, number];

/** The pixels (centres) inside a polygon, as a 640 × 360 coverage mask. */
function coverage(polygon: readonly Xy[]): Uint8Array {
  const canvas = new OffscreenCanvas(640, 360);
  const context = canvas.getContext('2d')!;
  context.beginPath();
  polygon.forEach(([x, y], i) => (i ? context.lineTo(x, y) : context.moveTo(x, y)));
  context.closePath();
  context.fill();
  const alpha = context.getImageData(0, 0, 640, 360).data;
  return Uint8Array.from({ length: 640 * 360 }, (_, i) => (alpha[i * 4 + 3]! >= 128 ? 1 : 0));
}

function iou(a: readonly Xy[], b: readonly Xy[]): number {
  const ma = coverage(a);
  const mb = coverage(b);
  let both = 0;
  let either = 0;
  for (let i = 0; i < ma.length; i++) {
    both += ma[i]! & mb[i]!;
    either += ma[i]! | mb[i]!;
  }
  return both / either;
}

const message = (element: LkImage) => assistControl(element, '.message')?.textContent?.trim() ?? '';

let segmenter: GrabCutSegmenter | undefined;
afterEach(async () => {
  segmenter?.dispose();
  await resetMouse();
});

describe('example host model: GrabCut in a worker', function () {
  this.timeout(120000);

  it('a box dragged round the middle bottle gives a polygon with IoU ≥ 0.7 against the hand-drawn outline', async () => {
    const truth = ((await fetchJson('/test/assist/fixtures/middle-bottle.outline.json')) as { polygon: Xy[] }).polygon;
    segmenter = createGrabCutSegmenter(OPENCV_URL);
    const element = await mountWithAssist(segmenter);
    await clickOn(assistControl(element, '.smart-segment')!);
    element.focus();
    await drag(element, [282, 102], [350, 318], 6);
    await until(() => message(element) === 'Segmenting…', 'the request');
    await until(() => message(element) !== 'Segmenting…', 'the answer', 100000);
    await press('Enter');
    const [tool] = element.export().task.tools;
    expect(tool, 'an object from the draft').to.not.equal(undefined);
    const polygon = tool!.polygon as Xy[];
    const score = iou(polygon, truth);
    expect(score, `IoU ${score.toFixed(3)}`).to.be.at.least(0.7);
    expect(tool!.metadata.createdIn).to.equal('Assist');
    expect(tool!.metadata.model).to.equal('GrabCut (OpenCV.js)');
  });
});
