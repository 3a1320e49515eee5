/**
 * Issue #19: with many objects, `settled()` called as the picture arrives waits for the settled
 * bitmap's render that is due at the next frame (painted tile by tile, never all objects in one
 * task) instead of painting every object itself in one task.
 */
import { expect } from '@open-wc/testing';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { denseRecord } from '../generators/dense-record.js';
import { DENSE_SCENE, denseImageElement, flatPictureUrl } from './dense-scene.js';
import { nextEvent } from '../elements/helpers.js';

const { count: COUNT, width, height } = DENSE_SCENE;

interface SurfaceRuns {
  paintRun: { slices: number; finished: boolean } | undefined;
}

describe('settled() right after the picture loads, with many objects', function () {
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

  it('draws every object, the bitmap painted in slices rather than in settled()’s one task', async () => {
    const { record } = denseRecord(COUNT, { width, height });
    element = denseImageElement();
    // Every object is in before the surface and the picture are: at lk-ready the bitmap's render is due.
    element.annotations = record as never;
    document.body.append(element);
    // The bitmap painted once before the picture (at the view before its fit), as when the picture decodes after the surface starts.
    await element.settled();
    const ready = nextEvent(element, 'lk-ready', 120_000);
    element.src = src;
    await ready;
    await element.settled();
    expect(element.renderedIds()).to.have.length(COUNT);
    const run = (element as unknown as { surface: SurfaceRuns }).surface.paintRun;
    expect(run?.finished).to.equal(true);
    expect(run?.slices, 'tasks that painted the bitmap at the fitted view').to.be.above(1);
  });
});
