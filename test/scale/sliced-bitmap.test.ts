/**
 * Issue #21: with many objects the settled bitmap is painted a slice at a time (the objects a
 * sliced index build adds are painted over it in slices too, never all in one task). What the user
 * sees once it is done must be what one full render paints.
 */
import { expect } from '@open-wc/testing';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { denseRecord } from '../generators/dense-record.js';
import { DENSE_SCENE, denseImageElement, flatPictureUrl } from './dense-scene.js';
import { canvasOf, nextEvent } from '../elements/helpers.js';

const { count: COUNT, width, height } = DENSE_SCENE;

/** Every RGBA value the canvas shows now. */
function canvasPixels(canvas: HTMLCanvasElement): Uint8ClampedArray {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  return context.getImageData(0, 0, copy.width, copy.height).data;
}

/**
 * The largest difference between two pictures in any channel, colours weighted by their alpha (as
 * they are composed), in levels of 255.
 */
function largestDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): { levels: number; at: number } {
  let levels = 0;
  let at = -1;
  for (let i = 0; i < a.length; i += 4) {
    let d = Math.abs(a[i + 3]! - b[i + 3]!);
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(a[i + c]! * a[i + 3]! - b[i + c]! * b[i + 3]!) / 255);
    if (d > levels) [levels, at] = [d, i / 4];
  }
  return { levels, at };
}

/** The surface's full render of the bitmap in one task (what a settled render did before the bitmap was sliced). */
function renderAllAtOnce(element: LkImage): void {
  const surface = (element as unknown as { surface: { cacheDirty: boolean; renderNow(): void } }).surface;
  surface.cacheDirty = true;
  surface.renderNow();
}

describe('the settled bitmap painted in slices', function () {
  this.timeout(180_000);
  let element: LkImage | undefined;
  let src = '';

  before(async () => {
    src = await flatPictureUrl();
  });

  after(() => {
    element?.remove();
    URL.revokeObjectURL(src);
  });

  it('once every object is drawn, shows the pixels of one full render (within a few levels of anti-aliasing)', async () => {
    const { record } = denseRecord(COUNT, { width, height });
    element = denseImageElement();
    element.src = src;
    const ready = nextEvent(element, 'lk-ready', 120_000);
    document.body.append(element);
    await element.importInSteps(record as never, { replace: true });
    await ready;
    await element.settled();
    expect(element.renderedIds()).to.have.length(COUNT);
    const sliced = canvasPixels(canvasOf(element));

    renderAllAtOnce(element);
    expect(element.renderedIds()).to.have.length(COUNT);
    const whole = canvasPixels(canvasOf(element));
    expect(whole.length).to.equal(sliced.length);
    // Painted a tile at a time, anti-aliasing next to a tile's edge may round a few levels apart from
    // the whole; a shape painted over another's outline, or missing, differs by far more.
    const { levels, at } = largestDifference(sliced, whole);
    const canvasWidth = canvasOf(element).width;
    expect(levels, `largest difference, at (${at % canvasWidth}, ${Math.floor(at / canvasWidth)})`).to.be.at.most(4);
  });
});
