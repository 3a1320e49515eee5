/**
 * Review issues on `<lk-dicom>` (issue 22): an issue placed by a click belongs to the slice shown,
 * its pin shows on that slice only, and the panel's jump goes back to it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { buttonNamed, click as clickControl, query } from '../panels/helpers.js';
import { fetchJson, ONTOLOGY_URL, pagePoint, press, resetMouse } from '../helpers.js';
import { DICOM, mount } from '../lk-dicom-helpers.js';
import { issuesPanel, nextIssue, pinPoint, pinsShown } from './issue-helpers.js';

afterEach(() => resetMouse());

describe('review issues on <lk-dicom>', () => {
  it('places an issue on the slice shown; its pin shows on that slice only; the jump goes back', async () => {
    const element = await mount({ src: `${DICOM}/rtdose.dcm`, mode: 'review', ontology: await fetchJson(ONTOLOGY_URL) });
    const panel = await issuesPanel(element);
    await press('PageDown');
    await press('PageDown');
    await element.settled();
    expect(element.slice).to.equal(2);
    await clickControl(buttonNamed(panel, 'Add issue'));
    await sendMouse({ type: 'click', position: pagePoint(element, 5, 4) });
    await panel.updateComplete;
    await sendKeys({ type: 'Dose hot spot missed' });
    const created = nextIssue(element);
    await sendKeys({ press: 'Control+Enter' });
    const { issue } = (await created).detail;
    expect(issue.page).to.equal(2);
    expect(issue.position!.x).to.be.closeTo(5, 0.2);
    expect(issue.position!.y).to.be.closeTo(4, 0.2);
    await element.updateComplete;
    const [x, y] = pagePoint(element, issue.position!.x, issue.position!.y);
    const pin = (await pinsShown(element)).get(issue.issueId)!;
    expect(pinPoint(pin)[0]).to.be.closeTo(x, 1.5);
    expect(pinPoint(pin)[1]).to.be.closeTo(y, 1.5);

    element.focus();
    await press('PageDown');
    await element.settled();
    expect(element.slice).to.equal(3);
    expect([...(await pinsShown(element)).keys()]).to.deep.equal([]);
    await clickControl(query(panel, `li[data-issue="${issue.issueId}"] button.open-issue`));
    await element.settled();
    expect(element.slice).to.equal(2);
    expect([...(await pinsShown(element)).keys()]).to.deep.equal([issue.issueId]);
  });
});
