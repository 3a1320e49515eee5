/**
 * The canvas follows the host's size both ways: growing and shrinking `--lk-height` (or the host
 * box) resizes the drawing buffer and what it paints, with no window resize involved.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { canvasOf, fetchJson, nextEvent, ONTOLOGY_URL, pictureUrl, pixelAt, press } from './helpers.js';

let ontology: unknown;
let pictureSrc: string;

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
  // A tall solid red picture: fitted to a tall stage, it reaches the stage's bottom.
  pictureSrc = await pictureUrl(200, 600, (context) => {
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, 200, 600);
  });
});

after(() => URL.revokeObjectURL(pictureSrc));

async function mount(): Promise<LkImage> {
  const element = await fixture<LkImage>(html`<lk-image no-sidebar style="--lk-height: 300px; width: 400px" .ontology=${ontology}></lk-image>`);
  const ready = nextEvent(element, 'lk-ready');
  element.src = pictureSrc;
  await ready;
  await element.settled();
  return element;
}

/** Waits until the canvas has taken the stage's size (a ResizeObserver reports it at the next frame). */
async function canvasFollowsStage(element: LkImage): Promise<DOMRect> {
  const stage = canvasOf(element).parentElement!;
  const wanted = stage.getBoundingClientRect();
  await new Promise<void>((resolve) => {
    const check = () => {
      const box = canvasOf(element).getBoundingClientRect();
      if (Math.abs(box.height - wanted.height) < 1 && Math.abs(box.width - wanted.width) < 1) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  await element.settled();
  return wanted;
}

describe('<lk-image> follows the host size', () => {
  it('grows and shrinks the canvas, its buffer and its pixels with --lk-height', async () => {
    const element = await mount();
    const toolbarHeight = element.shadowRoot!.querySelector('[part~="toolbar"]')!.getBoundingClientRect().height;
    const start = canvasOf(element).getBoundingClientRect();
    expect(start.height).to.be.closeTo(300 - toolbarHeight, 1);

    element.style.setProperty('--lk-height', '700px');
    const grown = await canvasFollowsStage(element);
    const canvas = canvasOf(element);
    expect(grown.height).to.be.closeTo(700 - toolbarHeight, 1);
    expect(canvas.getBoundingClientRect().height).to.be.closeTo(grown.height, 1);
    expect(canvas.height).to.equal(Math.round(grown.height * devicePixelRatio));
    // Fit after growing: the picture fills the taller stage, so the stage's middle near its bottom is red.
    element.focus();
    await press('f');
    await element.settled();
    const [r, g, b] = pixelAt(canvas, grown.width / 2, grown.height - 60);
    expect([r, g, b]).to.deep.equal([255, 0, 0]);

    element.style.setProperty('--lk-height', '260px');
    const shrunk = await canvasFollowsStage(element);
    expect(shrunk.height).to.be.closeTo(260 - toolbarHeight, 1);
    expect(canvasOf(element).height).to.equal(Math.round(shrunk.height * devicePixelRatio));
  });

  it('follows a host box that changes width', async () => {
    const element = await mount();
    element.style.width = '640px';
    const wider = await canvasFollowsStage(element);
    expect(wider.width).to.be.closeTo(640, 1);
    expect(canvasOf(element).width).to.equal(Math.round(640 * devicePixelRatio));
    element.style.width = '320px';
    const narrower = await canvasFollowsStage(element);
    expect(canvasOf(element).getBoundingClientRect().width).to.be.closeTo(narrower.width, 1);
    await expect(element).to.be.accessible();
  });
});
