/**
 * Visibility for the labeler (issue 18, item 5): hide all with H, hide a class, fill opacity,
 * outlines only and labels on/off, through the display panel and the shared surface. Real keys and
 * clicks; assertions on what is painted, what the export holds (unchanged) and what can be hit.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { LkDisplayPanel } from '../../src/elements/panels/display/lk-display-panel.js';
import { canvasOf, click, drag, fetchJson, ONTOLOGY_URL, pagePoint, greyPicture, mountImageOn, pixelAt, press, resetMouse, sendKeys, sendMouse } from './helpers.js';

let ontology: unknown;
const picture = greyPicture();

const annotations = {
  objects: [
    { objectId: 'car-1', schemaId: 't-car', 'bounding-box': { x: 40, y: 40, width: 120, height: 100 } },
    { objectId: 'road-1', schemaId: 't-road', polygon: [[240, 40], [360, 40], [360, 140], [240, 140]] },
  ],
};

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});
afterEach(() => resetMouse());

async function mount(input: unknown = annotations): Promise<LkImage> {
  return mountImageOn(picture.src, ontology, input);
}

function panelOf(element: LkImage): LkDisplayPanel {
  const panel = element.shadowRoot!.querySelector('lk-display-panel');
  if (!panel) throw new Error('no display panel');
  return panel;
}

function control<T extends HTMLElement>(element: LkImage, selector: string): T {
  const found = panelOf(element).shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function clickControl(element: LkImage, selector: string): Promise<void> {
  const target = control(element, selector);
  target.scrollIntoView({ block: 'center' });
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await panelOf(element).updateComplete;
  await element.settled();
}

/** The canvas colour at an asset point. */
function colourAt(element: LkImage, x: number, y: number): number[] {
  const canvas = canvasOf(element);
  const [px, py] = pagePoint(element, x, y);
  const rect = canvas.parentElement!.getBoundingClientRect();
  return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
}

const GREY = [128, 128, 128];

/** Colours equal within rounding (the GPU blends in 8 bits), or within `tolerance` per channel. */
function expectClose(actual: number[], expected: number[], tolerance = 2): void {
  expect(actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance), `${actual} ≈ ${expected}`).to.equal(true);
}

describe('display: what the labeler sees', () => {
  it('H hides every shape and shows them again; the export keeps them', async () => {
    const element = await mount();
    const before = element.export().task.tools;
    expect(colourAt(element, 100, 90)).not.to.deep.equal(GREY);
    expect(element.renderedIds()).to.have.members(['car-1', 'road-1']);

    await press('h');
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([]);
    expect(colourAt(element, 100, 90)).to.deep.equal(GREY);
    expect(colourAt(element, 40, 90)).to.deep.equal(GREY);
    expect(control(element, '.hide-all').getAttribute('aria-pressed')).to.equal('true');
    // Hidden shapes cannot be hit.
    await click(element, [100, 90]);
    expect(element.session.selection).to.deep.equal([]);
    expect(element.export().task.tools).to.deep.equal(before);

    element.focus();
    await press('h');
    await element.settled();
    expect(element.renderedIds()).to.have.members(['car-1', 'road-1']);
    expect(colourAt(element, 100, 90)).not.to.deep.equal(GREY);
    await expect(element).to.be.accessible();
  });

  it('H hides the shapes there are: one drawn after is shown (and can be picked); H again shows them all', async () => {
    const element = await mount();
    await press('h');
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([]);
    // Draw a car where nothing shows: the labeler sees the new shape, the old ones stay hidden.
    await press('1');
    await drag(element, [60, 170], [180, 260]);
    await press('Escape');
    await element.settled();
    const drawn = element.export().task.tools.find((tool) => tool.objectId !== 'car-1' && tool.objectId !== 'road-1')!;
    expect(drawn, 'a new car in the export').to.not.equal(undefined);
    expect(element.renderedIds()).to.deep.equal([drawn.objectId]);
    expect(colourAt(element, 120, 215)).not.to.deep.equal(GREY);
    expect(colourAt(element, 100, 90), 'the old car stays hidden').to.deep.equal(GREY);
    expect(control(element, '.hide-all').getAttribute('aria-pressed')).to.equal('true');
    await click(element, [120, 215]);
    expect(element.session.selection).to.deep.equal([drawn.objectId]);

    element.focus();
    await press('h');
    await element.settled();
    expect(element.renderedIds()).to.have.members(['car-1', 'road-1', drawn.objectId]);
    // Hide all again hides the new one too: it is one of the shapes there are now.
    await press('h');
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([]);
  });

  it('the Hide all button does what H does', async () => {
    const element = await mount();
    await clickControl(element, '.hide-all');
    expect(element.renderedIds()).to.deep.equal([]);
    await clickControl(element, '.hide-all');
    expect(element.renderedIds()).to.have.members(['car-1', 'road-1']);
  });

  it('hides one class from the class list', async () => {
    const element = await mount();
    await clickControl(element, 'input[data-schema-id="t-car"]');
    expect(element.renderedIds()).to.deep.equal(['road-1']);
    expect(colourAt(element, 100, 90)).to.deep.equal(GREY);
    expect(colourAt(element, 300, 90)).not.to.deep.equal(GREY);
    const row = element.shadowRoot!.querySelector('lk-object-list')!.shadowRoot!.querySelector('[data-object-id="car-1"]')!;
    expect(row.classList.contains('is-hidden')).to.equal(true);
    await clickControl(element, 'input[data-schema-id="t-car"]');
    expect(element.renderedIds()).to.have.members(['car-1', 'road-1']);
  });

  it('the fill opacity slider and outlines only change the fill, not the outline', async () => {
    const element = await mount();
    const inside = colourAt(element, 100, 90);
    // Keyboard on the slider: End takes it to 100 %, an opaque fill in the class colour (#e53935).
    control(element, '.fill-opacity').focus();
    await sendKeys({ press: 'End' });
    await element.settled();
    expect(element.session.display.fillOpacity).to.equal(1);
    expectClose(colourAt(element, 100, 90), [0xe5, 0x39, 0x35]);
    await sendKeys({ press: 'Home' });
    await element.settled();
    expect(colourAt(element, 100, 90)).to.deep.equal(GREY);
    // The outline with no fill under it.
    const outline = colourAt(element, 40, 90);
    expect(outline).not.to.deep.equal(GREY);

    await sendKeys({ press: 'End' });
    await clickControl(element, '.outline-only');
    expect(colourAt(element, 100, 90)).to.deep.equal(GREY);
    expectClose(colourAt(element, 40, 90), outline);
    await clickControl(element, '.outline-only');
    expect(colourAt(element, 100, 90)).not.to.deep.equal(inside);
  });

  it('labels on and off', async () => {
    const element = await mount();
    await click(element, [100, 90]);
    await element.settled();
    expect(element.session.selection).to.deep.equal(['car-1']);
    // The class title sits above the box's top-left corner in the class colour.
    const labelled = colourAt(element, 44, 32);
    expect(labelled).not.to.deep.equal(GREY);
    await clickControl(element, '.labels');
    expect(colourAt(element, 44, 32)).to.deep.equal(GREY);
    await clickControl(element, '.labels');
    expect(colourAt(element, 44, 32)).to.deep.equal(labelled);
  });
});

describe('relation lines', () => {
  const related = {
    objects: [
      { objectId: 'a', schemaId: 't-head', point: [60, 150] },
      { objectId: 'b', schemaId: 't-head', point: [340, 150] },
    ],
    relations: [{ schemaId: 'r-follows', objectId: 'rel-1', from: 'a', to: 'b' }],
  };

  /** The pixel nearest in colour to `hex` on a short vertical run across the line at asset x = `x`. */
  function nearestOnColumn(element: LkImage, x: number, y: number, hex: string): number[] {
    const wanted = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const distance = (rgb: number[]) => rgb.reduce((sum, value, i) => sum + Math.abs(value - wanted[i]!), 0);
    let best = colourAt(element, x, y);
    for (let dy = -3; dy <= 3; dy += 0.5) {
      const candidate = colourAt(element, x, y + dy);
      if (distance(candidate) < distance(best)) best = candidate;
    }
    return best;
  }

  it('are drawn in their relation class colour', async () => {
    const element = await mount(related);
    const colour = element.session.ontology!.relations.find((relation) => relation.schemaId === 'r-follows')!.color;
    const pixel = nearestOnColumn(element, 200, 150, colour);
    const wanted = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    // Drawn at 90 % over the grey picture.
    expectClose(pixel, wanted.map((value) => Math.round(0.9 * value + 0.1 * 128)), 12);
    // Selecting the relation draws it fully opaque and thicker, still in its colour.
    element.session.select(['rel-1']);
    await element.settled();
    expectClose(nearestOnColumn(element, 200, 150, colour), wanted, 12);
    await expect(element).to.be.accessible();
  });
});
