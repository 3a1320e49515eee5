/**
 * Copy and paste on `<lk-pdf>` (issue 18, item 4): a box copied on one page is pasted on the page
 * shown now, at the same place, as one undo step; Ctrl+D duplicates beside it.
 */
import { expect } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import { recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { mount, PAPER, pageBox, toolsOf } from './pdf-helpers.js';
import { until } from './waits.js';

afterEach(() => resetMouse());

function at(element: LkPdf, page: number, x: number, y: number): [number, number] {
  const box = pageBox(element, page);
  return [Math.round(box.left + x * element.pageScale), Math.round(box.top + y * element.pageScale)];
}

describe('<lk-pdf> copy and paste', () => {
  it('pastes a copied box onto another page at the same place; Ctrl+D duplicates; one undo step each', async () => {
    const box = { x: 300, y: 400, width: 100, height: 60 };
    const element = await mount(PAPER, {
      zoom: '100',
      height: 700,
      annotations: { tools: [{ objectId: 'figure', schemaId: 't-figure', page: 0, 'bounding-box': box, classifications: [] }] },
    });
    await sendMouse({ type: 'click', position: at(element, 0, box.x + 50, box.y + 30) });
    expect(element.session.selection).to.deep.equal(['figure']);
    await sendKeys({ press: 'Control+c' });
    element.goToPage(1);
    await until(() => element.session.plane === 1, 'page 2 shown');
    expect(element.session.plane).to.equal(1);
    element.focus();
    const changes = recordEvents(element, ['lk-change']);
    await sendKeys({ press: 'Control+v' });
    expect(changes).to.have.length(1);
    const pasted = toolsOf(element).find((tool) => tool.objectId !== 'figure')!;
    expect(pasted.page).to.equal(1);
    expect(pasted['bounding-box']).to.deep.equal(toolsOf(element).find((tool) => tool.objectId === 'figure')!['bounding-box']);
    expect(element.session.selection).to.deep.equal([pasted.objectId]);

    await sendKeys({ press: 'Control+d' });
    const duplicate = toolsOf(element).find((tool) => tool.objectId !== 'figure' && tool.objectId !== pasted.objectId)!;
    expect(duplicate.page).to.equal(1);
    expect(duplicate['bounding-box']!.x).to.be.greaterThan(pasted['bounding-box']!.x);
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Control+z' });
    expect(toolsOf(element).map((tool) => tool.objectId)).to.deep.equal(['figure']);
  });
});
