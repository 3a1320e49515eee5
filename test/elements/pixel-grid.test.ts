/**
 * Past 800 % zoom the picture's pixels are shown exactly (nearest-neighbour) with a grid on their
 * edges (issue 18, item 6, part); below it the picture is smoothed and has no grid. Zoomed with
 * the real + key; read from the canvas pixels.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { canvasOf, fetchJson, nextEvent, ONTOLOGY_URL, pictureUrl, pixelAt, press } from './helpers.js';

let ontology: unknown;
let pictureSrc: string;
const GREY = 100;

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
  // Left half uniform grey; right half a checker of single black and white pixels.
  pictureSrc = await pictureUrl(200, 150, (context) => {
    context.fillStyle = `rgb(${GREY}, ${GREY}, ${GREY})`;
    context.fillRect(0, 0, 100, 150);
    for (let y = 0; y < 150; y++) {
      for (let x = 100; x < 200; x++) {
        context.fillStyle = (x + y) % 2 ? '#ffffff' : '#000000';
        context.fillRect(x, y, 1, 1);
      }
    }
  });
});
after(() => URL.revokeObjectURL(pictureSrc));

async function mount(): Promise<LkImage> {
  const element = await fixture<LkImage>(html`<lk-image no-sidebar style="--lk-height: 480px; width: 640px" .ontology=${ontology}></lk-image>`);
  const ready = nextEvent(element, 'lk-ready');
  element.src = pictureSrc;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

/** The canvas red channel at an asset point. */
function redAt(element: LkImage, x: number, y: number): number {
  const view = element.view!;
  return pixelAt(canvasOf(element), x * view.scale + view.offsetX, y * view.scale + view.offsetY)[0]!;
}

/** The brightest red value on a short horizontal run across the pixel edge at asset x (the grid line). */
function edgeRed(element: LkImage, x: number, y: number): number {
  const view = element.view!;
  let max = 0;
  for (let dx = -1.5; dx <= 1.5; dx += 0.5) max = Math.max(max, pixelAt(canvasOf(element), x * view.scale + view.offsetX + dx, y * view.scale + view.offsetY)[0]!);
  return max;
}

describe('pixels past 800 % zoom', () => {
  it('are sampled nearest-neighbour with a grid past 800 %, smoothed without a grid below', async () => {
    const element = await mount();
    const centre = () => element.view!;
    expect(centre().scale).to.be.lessThan(8);
    // Below 800 %: the uniform half shows no grid.
    expect(edgeRed(element, 50, 75.5)).to.be.closeTo(GREY, 2);

    // Zoom in with the keyboard about the stage centre, until past 800 %.
    while (element.view!.scale <= 8) await press('+');
    await element.settled();
    const view = element.view!;
    // Asset pixels now in view around the centre of the stage.
    const cx = Math.floor((320 - view.offsetX) / view.scale);
    const cy = Math.floor((200 - view.offsetY) / view.scale);
    expect(cx, 'the stage centre is on the picture').to.be.within(1, 198);
    // A uniform pixel's centre stays its colour; its edge carries the grid line.
    const uniformX = Math.min(cx, 98);
    expect(redAt(element, uniformX + 0.5, cy + 0.5)).to.be.closeTo(GREY, 2);
    expect(edgeRed(element, uniformX + 1, cy + 0.5)).to.be.greaterThan(GREY + 10);
    // A quarter into a checker pixel: exactly black or white (smoothing would mix its neighbours in).
    const checkerX = Math.max(cx, 101);
    const red = redAt(element, checkerX + 0.25, cy + 0.5);
    expect(red <= 3 || red >= 252, `red ${red} is pure`).to.equal(true);
    await expect(element).to.be.accessible();
  });
});
