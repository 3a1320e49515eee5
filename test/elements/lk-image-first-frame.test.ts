/**
 * Issue #19 (image load → drawn): the picture fitted when it arrives is one jump of the view, not a
 * gesture, so the first frame after `lk-ready` already shows every shape painted at the fitted view.
 * (Before, the shapes waited for the view to "settle", 120 ms later: that frame showed only those
 * the bitmap painted before the picture came, at the view before the fit.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { canvasOf, frames, nextEvent, pagePoint, pictureUrl, pixelAt } from './helpers.js';

const WIDTH = 4000;
const HEIGHT = 3000;
const GROUND = [0x20, 0x30, 0x40];

const ontology = {
  tools: [{ schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#ff0000', shortcutKey: '1' }],
  classifications: [],
  relations: [],
};

/** One box near each corner of the picture: the far ones lie outside what a bitmap painted at the unfitted view covers. */
const boxes = [
  { objectId: 'top-left', x: 100, y: 100 },
  { objectId: 'top-right', x: 3500, y: 100 },
  { objectId: 'bottom-left', x: 100, y: 2500 },
  { objectId: 'bottom-right', x: 3500, y: 2500 },
].map(({ objectId, x, y }) => ({ objectId, schemaId: 't-box', 'bounding-box': { x, y, width: 400, height: 400 } }));

/** The stage's RGB at an asset point, as the user sees it now. */
function rgbAt(element: LkImage, x: number, y: number): number[] {
  const canvas = canvasOf(element);
  const [px, py] = pagePoint(element, x, y);
  const rect = canvas.getBoundingClientRect();
  return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
}

describe('<lk-image> first frame after the picture loads', () => {
  let src = '';

  before(async () => {
    src = await pictureUrl(WIDTH, HEIGHT, (context) => {
      context.fillStyle = `rgb(${GROUND.join(',')})`;
      context.fillRect(0, 0, WIDTH, HEIGHT);
    });
  });

  after(() => URL.revokeObjectURL(src));

  it('shows every shape at the fitted view in the first frame after lk-ready, as it stays once settled', async () => {
    const element = await fixture<LkImage>(html`
      <lk-image style="--lk-height: 450px; width: 800px" no-sidebar renderer="canvas" .ontology=${ontology} .annotations=${{ objects: boxes }}></lk-image>
    `);
    const ready = nextEvent(element, 'lk-ready');
    element.src = src;
    await ready;
    await frames(1);
    const firstFrame = boxes.map((box) => rgbAt(element, box['bounding-box'].x + 200, box['bounding-box'].y + 200));
    const ground = rgbAt(element, 2000, 1500);
    expect(ground, 'the picture between the boxes').to.deep.equal(GROUND);
    for (const [k, rgb] of firstFrame.entries()) {
      // The box's translucent red fill over the picture.
      expect(rgb[0]! - GROUND[0]!, `${boxes[k]!.objectId}: red over the picture`).to.be.above(20);
    }
    await element.settled();
    const settled = boxes.map((box) => rgbAt(element, box['bounding-box'].x + 200, box['bounding-box'].y + 200));
    expect(firstFrame).to.deep.equal(settled);
    expect(element.renderedIds().sort()).to.deep.equal(boxes.map((box) => box.objectId).sort());
  });
});
