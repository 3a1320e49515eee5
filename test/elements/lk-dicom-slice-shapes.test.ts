/**
 * <lk-dicom>: the shapes drawn are those of the slice shown, through real paging keys and a real
 * window/level drag. The surface skips drawing its shape bitmap while that bitmap is blank (a
 * slice without shapes): the box has to come back when its slice does.
 */
import { expect } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { flatSlice } from '../media/dicom/dicom-writer.js';
import { canvasOf, pagePoint, pixelAt, press, resetMouse, sendMouse } from './helpers.js';
import { blobUrls, mount } from './lk-dicom-helpers.js';

const ontology = {
  tools: [{ schemaId: 't-box', tool: 'bounding-box', title: 'Lesion', color: '#e53935', shortcutKey: '1' }],
  classifications: [],
  relations: [],
};
const blobs = blobUrls();

/** The on-screen RGB at asset point (x, y). */
function rgbAt(element: LkDicom, x: number, y: number): number[] {
  const canvas = canvasOf(element);
  const [px, py] = pagePoint(element, x, y);
  const rect = canvas.getBoundingClientRect();
  return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
}

/** How much redder than grey: the box's fill tints the grey picture with its class colour. */
const redTint = ([r, g]: number[]) => r! - g!;

describe('<lk-dicom> shapes of the slice shown', () => {
  after(() => blobs.revokeAll());
  afterEach(() => resetMouse());

  it('a box shows on its slice only: gone on the next slice (↓), back on its own (↑), kept through a W/L drag', async () => {
    const element = await mount({
      ontology,
      srcs: [1, 2, 3].map((instance) => blobs.url(flatSlice({ value: 100 * instance, instance }))),
      annotations: { objects: [{ objectId: 'lesion', schemaId: 't-box', page: 0, 'bounding-box': { x: 16, y: 16, width: 32, height: 32 } }] },
    });
    const inside = () => rgbAt(element, 32, 32);
    const outside = () => rgbAt(element, 4, 4);
    expect(element.slice).to.equal(0);
    expect(redTint(inside()), `slice 1 inside the box: ${inside()}`).to.be.greaterThan(10);
    expect(redTint(outside()), `slice 1 outside the box: ${outside()}`).to.equal(0);

    await press('ArrowDown');
    await element.settled();
    expect(element.slice).to.equal(1);
    expect(redTint(inside()), `slice 2 where the box was: ${inside()}`).to.equal(0);

    await press('ArrowUp');
    await element.settled();
    expect(element.slice).to.equal(0);
    expect(redTint(inside()), `slice 1 again, inside the box: ${inside()}`).to.be.greaterThan(10);

    // A right-drag (no tool held) changes the window: the picture is drawn again, the box with it.
    const before = element.voiWindow!;
    const [x, y] = pagePoint(element, 8, 56);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down', button: 'right' });
    await sendMouse({ type: 'move', position: [x + 60, y - 40] });
    await sendMouse({ type: 'up', button: 'right' });
    await element.settled();
    expect(element.voiWindow).not.to.deep.equal(before);
    expect(redTint(inside()), `after the W/L drag, inside the box: ${inside()}`).to.be.greaterThan(10);
    expect(redTint(outside()), `after the W/L drag, outside the box: ${outside()}`).to.equal(0);
  });
});
