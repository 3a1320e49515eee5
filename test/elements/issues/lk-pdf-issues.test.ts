/**
 * Review issues on `<lk-pdf>` (issue 22): placed by a real click on a page (page and point in PDF
 * points), pins on their page's point through a zoom change, and the panel's jump to an issue on
 * another page.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LkPdf } from '../../../src/elements/lk-pdf/lk-pdf.js';
import { buttonNamed, click as clickControl, query } from '../panels/helpers.js';
import { resetMouse } from '../helpers.js';
import { mount, pageBox } from '../pdf-helpers.js';
import { ERROR_CODES, issuesPanel, nextIssue, pinPoint, pinsShown } from './issue-helpers.js';

afterEach(() => resetMouse());

/** Page coordinates of a point given in PDF points on `page`. */
function onPage(element: LkPdf, page: number, x: number, y: number): [number, number] {
  const box = pageBox(element, page);
  return [box.left + x * element.pageScale, box.top + y * element.pageScale];
}

async function mountReview(): Promise<LkPdf> {
  const element = await mount(undefined, { mode: 'review' });
  element.errorCodes = ERROR_CODES;
  await element.updateComplete;
  await issuesPanel(element);
  return element;
}

describe('review issues on <lk-pdf>', () => {
  it('places an issue by clicking on a page: its page and point in PDF points, the pin on that point through zoom', async () => {
    const element = await mountReview();
    const panel = await issuesPanel(element);
    await clickControl(buttonNamed(panel, 'Add issue'));
    await panel.updateComplete;
    await sendMouse({ type: 'click', position: onPage(element, 0, 200, 300).map(Math.round) as [number, number] });
    await panel.updateComplete;
    await sendKeys({ type: 'Claim not marked' });
    await clickControl(query(panel, 'input[value="missing-object"]'));
    const created = nextIssue(element);
    await clickControl(buttonNamed(panel, 'Raise issue'));
    const { issue } = (await created).detail;
    expect(issue.page).to.equal(0);
    expect(issue.position!.x).to.be.closeTo(200, 1);
    expect(issue.position!.y).to.be.closeTo(300, 1);
    expect(issue.errorCodes).to.deep.equal(['missing-object']);
    // The click selected no text and drew nothing.
    expect(element.export().task.tools).to.have.length(0);

    const pin = async () => (await pinsShown(element)).get(issue.issueId)!;
    let [x, y] = onPage(element, 0, 200, 300);
    expect(pinPoint(await pin())[0]).to.be.closeTo(x, 1.5);
    expect(pinPoint(await pin())[1]).to.be.closeTo(y, 1.5);
    const scale = element.pageScale;
    element.zoom = '200';
    await element.settled();
    expect(element.pageScale).not.to.be.closeTo(scale, 0.01);
    [x, y] = onPage(element, 0, 200, 300);
    expect(pinPoint(await pin())[0]).to.be.closeTo(x, 1.5);
    expect(pinPoint(await pin())[1]).to.be.closeTo(y, 1.5);
  });

  it('jumps to an issue on another page: the page scrolls and the pin is centred', async () => {
    const element = await mountReview();
    element.issues = [
      { issueId: 'p3', page: 2, position: { x: 300, y: 400 }, errorCodes: ['wrong-class'], status: 'open', thread: [{ text: 'Third page', by: 'rev', at: '2026-01-01T10:00:00.000Z' }] },
    ];
    const panel = await issuesPanel(element);
    await panel.updateComplete;
    expect(query(panel, 'li[data-issue="p3"] .where').textContent).to.contain('page 3');
    await clickControl(query(panel, 'li[data-issue="p3"] button.open-issue'));
    await element.settled();
    const pin = (await pinsShown(element)).get('p3')!;
    const scroller = element.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
    const [x, y] = pinPoint(pin);
    expect(y).to.be.closeTo(scroller.top + scroller.height / 2, 2);
    const [px, py] = onPage(element, 2, 300, 400);
    expect(x).to.be.closeTo(px, 1.5);
    expect(y).to.be.closeTo(py, 1.5);
    expect(element.page).to.equal(2);
  });
});
