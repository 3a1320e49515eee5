/**
 * What an `<lk-text>` page does not download: the shape clipboard and the shape geometry (bounds,
 * moves, splines) are for elements that draw shapes; text has none, and Ctrl/⌘+C, V and D stay the
 * browser's (copying the document's text). (Its own file: a fresh page.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { clickOn, codePointSpan } from './lk-text-helpers.js';
import { fetched, recordEveryFetch } from './fetched-modules.js';

const TEXT = 'Mr. Darcy met Elizabeth Bennet at the ball.\n';
const ontology = { tools: [{ schemaId: 'n-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' }] };
const annotations = { objects: [{ objectId: 'darcy', schemaId: 'n-person', ner: codePointSpan(TEXT, 'Darcy') }] };

before(async () => {
  recordEveryFetch();
  await import('../../src/elements/lk-text/define.js');
});
afterEach(() => resetMouse());

describe('lk-text first load', () => {
  it('fetches neither the shape clipboard nor the shape geometry, and leaves Ctrl+C / Ctrl+V to the browser', async () => {
    const element = await fixture<LkText>(html`
      <lk-text style="--lk-height: 420px; width: 900px" .ontology=${ontology} .annotations=${annotations} .text=${TEXT}></lk-text>
    `);
    await element.settled();
    expect(fetched('/src/core/session.'), 'the session module is seen').to.equal(true);
    const modules = ['/src/core/geometry.', '/src/core/spline.', '/src/core/clipboard.', '/src/elements/base/shape-clipboard.'];
    expect(modules.filter(fetched)).to.deep.equal([]);

    await clickOn(element, 'Darcy');
    expect(element.session.selection).to.deep.equal(['darcy']);
    const prevented: boolean[] = [];
    const record = (event: KeyboardEvent) => prevented.push(event.defaultPrevented);
    document.addEventListener('keydown', record);
    try {
      await sendKeys({ press: 'Control+c' });
      await sendKeys({ press: 'Control+v' });
    } finally {
      document.removeEventListener('keydown', record);
    }
    await element.settled();
    expect(prevented.filter((was) => was), 'a copy or paste key taken from the browser').to.deep.equal([]);
    expect(element.export().task.tools.map((tool) => tool.objectId)).to.deep.equal(['darcy']);
    expect(modules.filter(fetched)).to.deep.equal([]);
  });
});
