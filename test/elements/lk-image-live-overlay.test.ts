/**
 * `<lk-image>` draws selected, moving and just-added shapes (on the Canvas2D renderer: on a small
 * canvas of their own over the stage, src/canvas/live-overlay.ts) with real mouse and keys: the
 * selection's handles where the shape is, a drag shown step by step, the settled layer showing the
 * shape where it was dropped once deselected, and a drawn shape looking the same before and after
 * the settled layer takes it in. Frames are waited for, not `settled()`, where that would render
 * the whole stage and hide what a live frame alone shows.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { canvasOf, click, frames, greyPicture, mountImageOn, pagePoint, pixelAt, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { until } from './waits.js';

const picture = greyPicture();
afterEach(() => resetMouse());

const ONTOLOGY = { tools: [{ schemaId: 'box', tool: 'bounding-box', title: 'Box', color: '#ff0000', shortcutKey: '1' }] };
const BOX = { objectId: 'a', schemaId: 'box', 'bounding-box': { x: 100, y: 80, width: 120, height: 90 } };

const RED = [255, 0, 0];
const WHITE = [255, 255, 255];
const GREY = [128, 128, 128];

/** The stage pixel (RGB) over an asset point, the live overlay composited. */
function stagePixel(element: LkImage, x: number, y: number): number[] {
  const view = element.view!;
  return pixelAt(canvasOf(element), x * view.scale + view.offsetX, y * view.scale + view.offsetY).slice(0, 3);
}

function expectNear(actual: number[], expected: number[], what: string, tolerance = 40): void {
  expect(
    actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance),
    `${what}: ${actual.join(',')} near ${expected.join(',')}`,
  ).to.equal(true);
}

/** How much redder than grey a pixel is (the fill's strength). */
const redness = ([r, g]: number[]) => r! - g!;

async function mountBox(): Promise<LkImage> {
  const element = await mountImageOn(picture.src, ONTOLOGY, { objects: [BOX] });
  // The view fitted at load settles first: while the view moves, the settled bitmap is not painted
  // again (a box selected then stays in it, under its live copy, until the view settles).
  const surface = (element as unknown as { surface: { viewSettled: boolean } }).surface;
  await until(() => surface.viewSettled, 'the view fitted at load settled');
  return element;
}

describe('<lk-image> live shapes (selection, drag, new shapes)', () => {
  it('a click selects the box: handles at its corners and a stronger fill show in the next frames', async () => {
    const element = await mountBox();
    expectNear(stagePixel(element, 100, 120), RED, 'left edge before');
    expectNear(stagePixel(element, 100, 80), RED, 'top-left corner before');
    const fillBefore = redness(stagePixel(element, 160, 125));

    await click(element, [160, 125]);
    expect(element.session.selection).to.deep.equal(['a']);
    await frames(2);

    expectNear(stagePixel(element, 100, 80), WHITE, 'top-left handle');
    expectNear(stagePixel(element, 220, 170), WHITE, 'bottom-right handle');
    expectNear(stagePixel(element, 100, 120), RED, 'left edge');
    expect(redness(stagePixel(element, 160, 125)), 'selected fill is stronger').to.be.greaterThan(fillBefore + 10);
    expectNear(stagePixel(element, 300, 250), GREY, 'the picture away from the box', 8);
  });

  it('a drag of the selected box shows it at each step, and once deselected the settled layer shows it where it was dropped', async () => {
    const element = await mountBox();
    const fillSettled = redness(stagePixel(element, 160, 125));
    await click(element, [160, 125]);
    await frames(2);

    const [x0, y0] = pagePoint(element, 160, 125);
    const [x1] = pagePoint(element, 260, 125);
    await sendMouse({ type: 'move', position: [x0, y0] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round((x0 + x1) / 2), y0] });
    await frames(2);
    expectNear(stagePixel(element, 150, 100), RED, 'left edge halfway');
    expectNear(stagePixel(element, 100, 100), GREY, 'the old left edge halfway', 12);
    await sendMouse({ type: 'move', position: [x1, y0] });
    await frames(2);
    expectNear(stagePixel(element, 200, 100), RED, 'left edge at the end of the drag');
    expectNear(stagePixel(element, 150, 100), GREY, 'left edge halfway, gone', 12);
    await sendMouse({ type: 'up' });

    const [tool] = element.export().task.tools;
    expect(tool!['bounding-box']!.x).to.be.closeTo(200, 1);

    await click(element, [50, 250]);
    expect(element.session.selection).to.deep.equal([]);
    await frames(2);
    expectNear(stagePixel(element, 200, 80), RED, 'top-left corner, no handle');
    expectNear(stagePixel(element, 200, 100), RED, 'left edge');
    expectNear(stagePixel(element, 100, 100), GREY, 'the first place', 12);
    expect(redness(stagePixel(element, 260, 125)), 'settled fill again').to.be.closeTo(fillSettled, 6);
  });

  it('a pasted box shows at once, and looks the same after the settled layer takes it in', async () => {
    const element = await mountBox();
    await click(element, [160, 125]);
    await sendKeys({ press: 'Control+c' });
    // The stage laid out and drawn (the sidebar lists the objects): what follows is live frames only.
    await element.settled();
    await frames(3);
    // The copy (120 × 90) centred at the pointer: from (240, 185) to (360, 275).
    await sendMouse({ type: 'move', position: pagePoint(element, 300, 230) });
    await sendKeys({ press: 'Control+v' });
    const [, copy] = element.export().task.tools;
    const { x, y, width, height } = copy!['bounding-box']!;
    expect([x, y, width, height].map(Math.round)).to.deep.equal([240, 185, 120, 90]);
    await click(element, [50, 250]);
    expect(element.session.selection).to.deep.equal([]);
    await frames(2);
    expect(element.renderedIds()).to.include(copy!.objectId);

    // Across its left edge, inside, and outside: before and after the whole stage is rendered again.
    const probes: [number, number][] = [-4, -2, 0, 2, 4, 60, 140].map((dx) => [x + dx, y + 45]);
    probes[5]![1] = y + 15;
    const fresh = probes.map(([x, y]) => stagePixel(element, x, y));
    expectNear(fresh[2]!, RED, "the copy's left edge");
    expect(redness(fresh[5]!), "the copy's fill").to.be.greaterThan(10);
    await element.settled();
    const settled = probes.map(([x, y]) => stagePixel(element, x, y));
    settled.forEach((pixel, k) => expectNear(pixel, fresh[k]!, `probe ${probes[k]!.join(',')}`, 3));
  });
});
