/**
 * Relation labels that read over anything (issue 18): on the image surface, over the text and on
 * PDF pages each relation's title sits on a tag of the relation's colour in black or white,
 * whichever contrasts more, and the display's labels switch (L) hides and shows them. Assertions
 * on pixels (canvas and screen) and on what the DOM shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/lk-image/define.js';
import '../../src/elements/lk-text/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { greyPicture, mountImageOn, pagePoint } from './helpers.js';
import { codePointSpan, importOf } from './lk-text-helpers.js';
import { mount as mountPdf, PAPER } from './pdf-helpers.js';
import { pixels } from './pixels.js';

const YELLOW = [0xfd, 0xd8, 0x35];
const BLACK = [0, 0, 0];
const ontology = {
  tools: [
    { schemaId: 't-head', tool: 'point', title: 'Head', color: '#e53935' },
    { schemaId: 't-sun', tool: 'bounding-box', title: 'Sun', color: '#fdd835' },
    { schemaId: 'n-person', tool: 'ner', title: 'Person', color: '#e53935' },
  ],
  relations: [{ schemaId: 'r-follows', tool: 'one-to-one', title: 'Follows', color: '#fdd835' }],
};

/** WCAG contrast ratio of two colours given as `rgb(…)` strings or `#rrggbb`. */
function contrast(a: string, b: string): number {
  const channels = (colour: string) => (colour.startsWith('#') ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) : colour.match(/\d+/g)!.slice(0, 3).map(Number));
  const luminance = (colour: string) => {
    const [r, g, b] = channels(colour).map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** How many pixels of an RGBA buffer lie within `within` of `rgb` (sum of channel differences). */
function count(data: Uint8ClampedArray | number[], rgb: number[], within = 40): number {
  let found = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - rgb[0]!) + Math.abs(data[i + 1]! - rgb[1]!) + Math.abs(data[i + 2]! - rgb[2]!) < within) found++;
  return found;
}

describe('relation labels', () => {
  const picture = greyPicture();

  /** The screen's pixels of a box `2 × half` high and six times as wide centred on an asset point. */
  async function around(element: LkImage, x: number, y: number, half: number): Promise<Uint8ClampedArray> {
    const [px, py] = pagePoint(element, x, y);
    return (await pixels({ left: px - half * 3, top: py - half, width: half * 6, height: half * 2 })).data;
  }

  it('on the image: black letters on a yellow tag at the line’s middle; L hides and shows them', async () => {
    const element = await mountImageOn(picture.src, ontology, {
      objects: [
        { objectId: 'a', schemaId: 't-head', point: [60, 150] },
        { objectId: 'b', schemaId: 't-head', point: [340, 150] },
      ],
      relations: [{ schemaId: 'r-follows', objectId: 'rel-1', from: 'a', to: 'b' }],
    });
    const shown = await around(element, 200, 150, 8);
    expect(count(shown, YELLOW), 'the tag').to.be.greaterThan(20);
    expect(count(shown, BLACK), 'its letters').to.be.greaterThan(5);
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(count(await around(element, 200, 150, 8), BLACK), 'no letters with labels off').to.equal(0);
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(count(await around(element, 200, 150, 8), BLACK)).to.be.greaterThan(5);
  });

  it('on the image, a selected shape’s class title is black on a light class colour (it was white)', async () => {
    const element = await mountImageOn(picture.src, ontology, { objects: [{ objectId: 'sun', schemaId: 't-sun', 'bounding-box': { x: 100, y: 100, width: 120, height: 80 } }] });
    element.session.select(['sun']);
    await element.settled();
    // Above the box's top-left corner, clear of its white corner handle.
    const [px, py] = pagePoint(element, 100, 100);
    const { data } = await pixels({ left: px + 6, top: py - 22, width: 24, height: 14 });
    expect(count(data, YELLOW), 'the tag').to.be.greaterThan(20);
    expect(count(data, [40, 40, 20], 120), 'its dark letters').to.be.greaterThan(10);
    expect(count(data, [255, 255, 255], 120), 'no white letters').to.equal(0);
  });

  it('over the text: the arc’s title on a tag of its colour, in the ink that contrasts more', async () => {
    const story = 'Mr. Darcy met Elizabeth Bennet at the ball.\n';
    const element = await fixture<LkText>(html`
      <lk-text
        style="--lk-height: 400px; width: 800px"
        .ontology=${ontology}
        .annotations=${importOf(
          [
            { objectId: 'darcy', schemaId: 'n-person', ner: codePointSpan(story, 'Darcy') },
            { objectId: 'eliza', schemaId: 'n-person', ner: codePointSpan(story, 'Elizabeth') },
          ],
          [{ schemaId: 'r-follows', objectId: 'rel', from: 'darcy', to: 'eliza' }],
        )}
        .text=${story}
      ></lk-text>
    `);
    await element.settled();
    const group = element.shadowRoot!.querySelector('svg.arrows g[data-relation-id="rel"]')!;
    const text = group.querySelector('text')!;
    const tag = group.querySelector('rect.label-tag')!;
    expect(text.textContent).to.equal('Follows');
    expect(contrast(text.getAttribute('fill')!, tag.getAttribute('fill')!)).to.be.at.least(4.5);
    const letters = text.getBoundingClientRect();
    const behind = tag.getBoundingClientRect();
    expect(behind.left <= letters.left && behind.right >= letters.right && behind.top <= letters.top && behind.bottom >= letters.bottom, 'the tag is under all of the title').to.equal(true);
    const image = await pixels({ left: behind.left, top: behind.top, width: behind.width, height: behind.height });
    expect(count(image.data, YELLOW), 'the tag').to.be.greaterThan(20);
    expect(count(image.data, BLACK), 'its letters').to.be.greaterThan(5);
  });

  it('on a PDF page: the line’s title centred on it, readable; L hides it', async () => {
    const element = await mountPdf(PAPER, {
      annotations: {
        tools: [
          { objectId: 'a', schemaId: 't-figure', page: 0, 'bounding-box': { x: 100, y: 100, width: 100, height: 100 }, classifications: [] },
          { objectId: 'b', schemaId: 't-figure', page: 0, 'bounding-box': { x: 300, y: 400, width: 100, height: 100 }, classifications: [] },
        ],
        relations: [{ objectId: 'r', schemaId: 'r-cites', from: 'a', to: 'b', direction: 'straight' }],
      },
    });
    const label = element.shadowRoot!.querySelector<HTMLElement>('.page[data-page="0"] .relation-label[data-relation-id="r"]')!;
    expect(label.textContent!.trim()).to.equal('Cites');
    const style = getComputedStyle(label);
    expect(contrast(style.color, style.backgroundColor)).to.be.at.least(4.5);
    const page = element.shadowRoot!.querySelector('.page[data-page="0"]')!.getBoundingClientRect();
    const box = label.getBoundingClientRect();
    // The middle of the line from (150, 150) to (350, 450).
    expect(box.left + box.width / 2).to.be.closeTo(page.left + 250 * element.pageScale, 1);
    expect(box.top + box.height / 2).to.be.closeTo(page.top + 300 * element.pageScale, 1);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(element.shadowRoot!.querySelector('.relation-label')).to.equal(null);
  });
});
