/**
 * The assist controls load only for hosts that use them: without `assist` the layer's module is
 * never fetched and nothing is drawn over the stage; setting it loads them, a new hook redraws the
 * bar with its own functions, and unsetting it removes them. (Its own file: a fresh page.)
 */
import { expect } from '@open-wc/testing';
import { mountImageOn, IMAGE_URL } from '../elements/helpers.js';
import { BOTTLE_ONTOLOGY, assistControl, until } from './assist-helpers.js';
import { fetched } from '../elements/fetched-modules.js';

describe('assist loads lazily', () => {
  it('is not loaded without assist, loads when set, follows a new hook and goes when unset', async () => {
    const element = await mountImageOn(IMAGE_URL, BOTTLE_ONTOLOGY, undefined);
    expect(customElements.get('lk-assist-layer')).to.equal(undefined);
    expect(element.shadowRoot!.querySelector('lk-assist-layer')).to.equal(null);
    expect(fetched('/src/assist/'), 'an assist module was fetched').to.equal(false);

    element.assist = { detect: async () => [] };
    await until(() => assistControl(element, '.detect') !== null, 'the Detect button');
    expect(assistControl(element, '.smart-segment')).to.equal(null);

    element.assist = { segment: async () => ({ polygon: [[0, 0], [1, 0], [1, 1]] }) };
    await until(() => assistControl(element, '.smart-segment') !== null, 'the Smart segment button');
    expect(assistControl(element, '.detect')).to.equal(null);

    element.assist = undefined;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('lk-assist-layer')).to.equal(null);
  });
});
