/**
 * Past 800 % zoom the picture's pixels are shown exactly (nearest-neighbour) with a grid on their
 * edges (issue 18, item 6, part); below it the picture is smoothed and has no grid. Zoomed with
 * the real + key; read from the canvas pixels. Brightness, contrast, gamma and invert change the
 * picture on screen (not its pixels, not the shapes), set with the display panel's controls.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { canvasOf, fetchJson, nextEvent, ONTOLOGY_URL, pictureUrl, pixelAt, press, sendKeys, sendMouse } from './helpers.js';

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

async function mount(renderer = 'auto', sidebar = false): Promise<LkImage> {
  const element = await fixture<LkImage>(
    html`<lk-image ?no-sidebar=${!sidebar} renderer=${renderer} style="--lk-height: 480px; width: ${sidebar ? 920 : 640}px" .ontology=${ontology}></lk-image>`,
  );
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

describe('picture adjustments', () => {
  async function clickIn(element: LkImage, selector: string): Promise<HTMLElement> {
    const panel = element.shadowRoot!.querySelector('lk-display-panel')!;
    const target = panel.shadowRoot!.querySelector<HTMLElement>(selector)!;
    target.scrollIntoView({ block: 'center' });
    const box = target.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await panel.updateComplete;
    await element.settled();
    return target;
  }

  for (const renderer of ['canvas', 'webgl']) {
    it(`invert, brightness and contrast on the ${renderer} renderer, from the display panel`, async () => {
      const element = await mount(renderer, true);
      const before = redAt(element, 50, 75);
      expect(before).to.be.closeTo(GREY, 2);
      await clickIn(element, '.invert');
      expect(redAt(element, 50, 75)).to.be.closeTo(255 - GREY, 3);
      await clickIn(element, '.invert');
      // The keyboard on the brightness slider: End = 300 %.
      (await clickIn(element, '.brightness')).focus();
      await sendKeys({ press: 'End' });
      await element.settled();
      expect(element.session.display.brightness).to.equal(3);
      expect(redAt(element, 50, 75)).to.be.closeTo(255, 3);
      await clickIn(element, '.reset-picture');
      expect(redAt(element, 50, 75)).to.be.closeTo(GREY, 2);
      // Contrast at its lowest pulls grey 100 towards mid-grey.
      (await clickIn(element, '.contrast')).focus();
      await sendKeys({ press: 'Home' });
      await element.settled();
      expect(redAt(element, 50, 75)).to.be.within(GREY + 10, 140);
      // The export and the picture's own pixels are untouched: the brush, the asset, nothing changed.
      expect(element.export().task.tools).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });
  }

  it('gamma on the WebGL renderer', async () => {
    const element = await mount('webgl', true);
    const gamma = element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!.querySelector<HTMLInputElement>('.gamma')!;
    gamma.scrollIntoView({ block: 'center' });
    gamma.focus();
    await sendKeys({ press: 'End' });
    await element.settled();
    expect(element.session.display.gamma).to.equal(3);
    // 100/255 to the power 1/3, about 186.
    expect(redAt(element, 50, 75)).to.be.closeTo(Math.round(255 * Math.pow(GREY / 255, 1 / 3)), 4);
  });
});
