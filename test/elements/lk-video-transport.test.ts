/**
 * The video transport draws its icons as inline SVG, not font glyphs (⏮ ⏭ showed as empty boxes
 * where the fonts lack them): every button carries an SVG icon and a name, and the icon is painted.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { FRAME_NUMBERS_URL } from '../media/video/video-helpers.js';
import { fetchJson, nextEvent, ONTOLOGY_URL } from './helpers.js';
import { pixels } from './pixels.js';

describe('<lk-video> transport icons', () => {
  it('are inline SVG in every button, painted, with an accessible name', async () => {
    const element = await fixture<LkVideo>(html`<lk-video style="--lk-height: 640px; width: 1000px" .ontology=${await fetchJson(ONTOLOGY_URL)}></lk-video>`);
    const ready = nextEvent(element, 'lk-ready');
    element.src = FRAME_NUMBERS_URL;
    await ready;
    await element.updateComplete;
    const buttons = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.transport button')];
    expect(buttons.length).to.be.greaterThan(8);
    for (const button of buttons) {
      const name = button.getAttribute('aria-label') ?? button.textContent!.trim();
      expect(button.querySelector('svg.icon'), name).to.exist;
      // Only plain words besides the icon: no symbol a font may lack.
      expect(button.textContent!.trim(), name).to.match(/^[A-Za-z ]*$/);
      expect(name.length, 'a name').to.be.greaterThan(0);
    }
    // The play icon is painted: the button shows pixels of the text colour inside its box.
    const play = element.shadowRoot!.querySelector<HTMLButtonElement>('.transport .play')!;
    const icon = play.querySelector('svg')!.getBoundingClientRect();
    expect(icon.width).to.equal(16);
    const image = await pixels(icon);
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 90 && image.data[i + 1]! < 90 && image.data[i + 2]! < 90) dark++;
    expect(dark, 'painted icon pixels').to.be.greaterThan(30);
    await expect(element).to.be.accessible();
  });
});
