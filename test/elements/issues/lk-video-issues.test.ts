/**
 * Review issues on `<lk-video>` (issue 22): a pin shows only on its frame, an issue placed by a
 * click belongs to the frame shown, and the panel's jump seeks to the issue's frame.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../../src/elements/lk-video/lk-video.js';
import { FRAME_NUMBERS_URL } from '../../media/video/video-helpers.js';
import { buttonNamed, click as clickControl, query } from '../panels/helpers.js';
import { fetchJson, nextEvent, ONTOLOGY_URL, pagePoint, resetMouse } from '../helpers.js';
import { issuesPanel, nextIssue, pinLayers, pinPoint, pinsShown } from './issue-helpers.js';

afterEach(() => resetMouse());

async function mount(): Promise<LkVideo> {
  const ontology = await fetchJson(ONTOLOGY_URL);
  const element = await fixture<LkVideo>(html`
    <lk-video style="--lk-height: 640px; width: 1000px" mode="review" preload="auto" .ontology=${ontology} .user=${{ id: 'rev-1' }}></lk-video>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = FRAME_NUMBERS_URL;
  await ready;
  await element.settled();
  element.issues = [
    { issueId: 'on-10', page: 10, position: { x: 60, y: 40 }, errorCodes: [], status: 'open', thread: [{ text: 'Frame ten', by: 'rev', at: '2026-01-01T10:00:00.000Z' }] },
  ];
  await element.updateComplete;
  element.focus();
  return element;
}

describe('review issues on <lk-video>', () => {
  it('shows a pin only on its frame, and the panel jumps to that frame', async () => {
    const element = await mount();
    expect(element.currentFrame).to.equal(0);
    expect([...(await pinsShown(element)).keys()]).to.deep.equal([]);
    await element.seekToFrame(10);
    await element.updateComplete;
    const pin = (await pinsShown(element)).get('on-10');
    expect(pin, 'pin on frame 10').to.not.equal(undefined);
    const [x, y] = pagePoint(element, 60, 40);
    expect(pinPoint(pin!)[0]).to.be.closeTo(x, 1.5);
    expect(pinPoint(pin!)[1]).to.be.closeTo(y, 1.5);
    await element.seekToFrame(11);
    await element.updateComplete;
    expect([...(await pinsShown(element)).keys()]).to.deep.equal([]);

    const panel = await issuesPanel(element);
    await clickControl(query(panel, 'li[data-issue="on-10"] button.open-issue'));
    await element.seekToFrame(element.currentFrame);
    expect(element.currentFrame).to.equal(10);
    await element.updateComplete;
    expect([...(await pinsShown(element)).keys()]).to.deep.equal(['on-10']);
  });

  it('an issue placed by a click belongs to the frame shown', async () => {
    const element = await mount();
    await element.seekToFrame(5);
    const panel = await issuesPanel(element);
    await clickControl(buttonNamed(panel, 'Add issue'));
    // The layer that takes the placing click covers the picture, never the player bar under it.
    const [layer] = await pinLayers(element);
    const surface = element.shadowRoot!.querySelector('.surface')!.getBoundingClientRect();
    expect(layer!.getBoundingClientRect().bottom).to.equal(surface.bottom);
    await sendMouse({ type: 'click', position: pagePoint(element, 100, 80) });
    await panel.updateComplete;
    await sendKeys({ type: 'Missed the bottle' });
    const created = nextIssue(element);
    await sendKeys({ press: 'Control+Enter' });
    const { issue } = (await created).detail;
    expect(issue.page).to.equal(5);
    expect(issue.position!.x).to.be.closeTo(100, 1);
    expect(issue.thread[0]!.by).to.equal('rev-1');
  });
});
