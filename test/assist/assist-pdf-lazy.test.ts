/**
 * `<lk-pdf>` loads the assist controls only for hosts that use them (its own file: a fresh page,
 * where no other test loaded the layer first).
 */
import { expect } from '@open-wc/testing';
import { mount, PAPER } from '../elements/pdf-helpers.js';
import { assistControl, until } from './assist-helpers.js';
import { fetched } from '../elements/fetched-modules.js';

describe('<lk-pdf> assist loads lazily', () => {
  it('is not loaded without assist, loads when set and goes when unset', async () => {
    const element = await mount(PAPER);
    expect(customElements.get('lk-assist-layer')).to.equal(undefined);
    expect(fetched('/src/assist/'), 'an assist module was fetched').to.equal(false);

    element.assist = { detect: async () => [] };
    await until(() => assistControl(element, '.detect') !== null, 'the Detect button');
    expect(fetched('/src/assist/')).to.equal(true);
    expect(assistControl(element, '.smart-segment')).to.equal(null);

    element.assist = undefined;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('lk-assist-layer')).to.equal(null);
  });
});
