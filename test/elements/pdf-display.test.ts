/**
 * The display settings on <lk-pdf> (issue 18): each area and text selection shows its class name at
 * its top-left corner, and the display panel's labels box, the L key, H and the class list act on
 * them. Real keys, drags and clicks; assertions on the tags' text and place, on the pixels of the
 * screen and on the export (unchanged).
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import { FIGURE_BOX, mountFigureAndClaim, pageBox, span, toolsOf } from './pdf-helpers.js';
import { pixels, rowsWithColour } from './pixels.js';

const box = FIGURE_BOX;

async function labelled(): Promise<{ element: LkPdf; claim: string }> {
  const { element, claim } = await mountFigureAndClaim();
  await element.settled();
  element.focus();
  return { element, claim };
}

/** The class-name tags on page 1: object id → text. */
function tags(element: LkPdf): Record<string, string> {
  const found: Record<string, string> = {};
  for (const tag of element.shadowRoot!.querySelectorAll<HTMLElement>('.page[data-page="0"] .class-label')) found[tag.dataset['objectId']!] = tag.textContent!.trim();
  return found;
}

function tagOf(element: LkPdf, id: string): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>(`.class-label[data-object-id="${id}"]`)!;
}

async function clickControl(element: LkPdf, selector: string): Promise<void> {
  const control = element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!.querySelector<HTMLElement>(selector)!;
  control.scrollIntoView({ block: 'center' });
  const rect = control.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await element.settled();
}

/** The strip just above the box's top-left corner, where its tag sits. */
async function aboveBox(element: LkPdf) {
  const page = pageBox(element, 0);
  const scale = element.pageScale;
  return pixels({ left: page.left + box.x * scale, top: page.top + box.y * scale - 11, width: 30, height: 10 });
}

describe('<lk-pdf> display: class names on areas and text', () => {
  it('shows each shape’s class name at its top-left corner, as text in a tag of the class colour', async () => {
    const { element, claim } = await labelled();
    expect(tags(element)).to.deep.equal({ figure: 'Figure', [claim]: 'Claim' });
    const page = pageBox(element, 0);
    const tag = tagOf(element, 'figure').getBoundingClientRect();
    expect(tag.left).to.be.closeTo(page.left + box.x * element.pageScale, 1);
    expect(tag.bottom).to.be.closeTo(page.top + box.y * element.pageScale, 1);
    const text = span(element, 0, /^Hello, here is some text/).rect;
    const claimTag = tagOf(element, claim).getBoundingClientRect();
    expect(claimTag.left).to.be.closeTo(text.left, 3);
    expect(claimTag.bottom).to.be.closeTo(text.top, 4);
    expect(rowsWithColour(await aboveBox(element), '#1e88e5').length).to.be.greaterThan(0);
    await expect(element).to.be.accessible();
  });

  it('L and the Labels box hide and show them; the export never changes', async () => {
    const { element, claim } = await labelled();
    const before = toolsOf(element);
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(tags(element)).to.deep.equal({});
    expect(rowsWithColour(await aboveBox(element), '#1e88e5')).to.deep.equal([]);
    await clickControl(element, '.labels');
    expect(tags(element)).to.deep.equal({ figure: 'Figure', [claim]: 'Claim' });
    expect(toolsOf(element)).to.deep.equal(before);
  });

  it('H hides every shape with its tag; hiding a class hides only that class', async () => {
    const { element, claim } = await labelled();
    await sendKeys({ press: 'h' });
    await element.settled();
    expect(tags(element)).to.deep.equal({});
    element.focus();
    await sendKeys({ press: 'h' });
    await element.settled();
    await clickControl(element, 'input[data-schema-id="t-figure"]');
    expect(tags(element)).to.deep.equal({ [claim]: 'Claim' });
    expect(element.shadowRoot!.querySelector('.overlay [data-object-id="figure"]')).to.equal(null);
    expect(toolsOf(element)).to.have.length(2);
  });

  it('fill opacity and outlines only act on areas and text selections', async () => {
    const { element } = await labelled();
    const scale = element.pageScale;
    /** The middle of the box, and its left edge (where the page is now: a focused control may scroll the window). */
    const middle = () => {
      const page = pageBox(element, 0);
      return pixels({ left: page.left + (box.x + 30) * scale, top: page.top + (box.y + 20) * scale, width: 40 * scale, height: 20 * scale });
    };
    const edge = () => {
      const page = pageBox(element, 0);
      return pixels({ left: page.left + box.x * scale - 2, top: page.top + (box.y + 20) * scale, width: 5, height: 20 * scale });
    };
    const blue = '#1e88e5';
    expect(rowsWithColour(await middle(), blue), 'a light tint at the default').to.deep.equal([]);
    const slider = element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!.querySelector<HTMLInputElement>('.fill-opacity')!;
    slider.focus();
    await sendKeys({ press: 'End' });
    await element.settled();
    expect(rowsWithColour(await middle(), blue).length, 'opaque at 100 %').to.be.greaterThan(5);
    await clickControl(element, '.outline-only');
    expect(rowsWithColour(await middle(), blue)).to.deep.equal([]);
    expect(rowsWithColour(await edge(), blue, 1).length, 'the outline').to.be.greaterThan(5);
    expect(element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!.querySelector('.brightness')).to.equal(null);
  });
});
