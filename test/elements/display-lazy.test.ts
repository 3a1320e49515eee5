/**
 * The display panel is not part of an element's first download: an element without its side panel
 * never fetches it, and showing the side panel loads it with one `import()`, after which its
 * controls work on the first click. (Its own file: a fresh page, no display module loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { fetchJson, greyPicture, ONTOLOGY_URL, resetMouse, sendMouse, showSource } from './helpers.js';
import { fetched, recordEveryFetch } from './fetched-modules.js';

const picture = greyPicture();
const annotations = { objects: [{ objectId: 'car-1', schemaId: 't-car', 'bounding-box': { x: 40, y: 40, width: 120, height: 100 } }] };

before(async () => {
  recordEveryFetch();
  await import('../../src/elements/lk-image/define.js');
});
afterEach(() => resetMouse());

describe('display panel loads on demand', () => {
  it('an <lk-image> with no-sidebar never fetches the display panel; showing the side panel fetches it and its Hide all works on the first click', async () => {
    const element = await fixture<LkImage>(html`
      <lk-image no-sidebar style="--lk-height: 640px; width: 1000px" .ontology=${await fetchJson(ONTOLOGY_URL)} .annotations=${annotations}></lk-image>
    `);
    await showSource(element, picture.src);
    expect(fetched('lk-object-list'), 'the object list module is seen').to.equal(true);
    expect(fetched('lk-display-panel'), 'the display panel was fetched').to.equal(false);
    expect(customElements.get('lk-display-panel')).to.equal(undefined);
    expect(element.renderedIds()).to.deep.equal(['car-1']);

    element.noSidebar = false;
    await element.settled();
    expect(fetched('lk-display-panel'), 'the display panel was fetched').to.equal(true);
    const panel = element.shadowRoot!.querySelector('lk-display-panel')!;
    await panel.updateComplete;
    const hideAll = panel.shadowRoot!.querySelector<HTMLElement>('.hide-all')!;
    hideAll.scrollIntoView({ block: 'center' });
    const rect = hideAll.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await element.settled();
    expect(hideAll.getAttribute('aria-pressed')).to.equal('true');
    expect(element.renderedIds()).to.deep.equal([]);
    expect(element.export().task.tools.map((tool) => tool.objectId)).to.deep.equal(['car-1']);
  });
});
