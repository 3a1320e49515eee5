/**
 * `<lk-video>`: picking a track that is not on the frame shown (issue 18, "a day in the chair") —
 * from the object list or with Tab — brings the playhead to the nearest frame it is drawn on, and
 * the shape is there, selected (its handles on screen). On frame-numbers.webm, whose pixels say
 * which frame is shown.
 */
import { expect } from '@open-wc/testing';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { carTrack, frameShown, mountFrameNumbers, stageOnScreen } from './lk-video-helpers.js';
import { press, resetMouse, sendMouse } from './helpers.js';
import { until } from './waits.js';

afterEach(() => resetMouse());

// Both boxes span (200, 100)–(280, 180): a selected one has a white handle on its top-left corner.
const TRACKS = {
  task: {
    tools: [
      ...carTrack('early', [10, { frame: 40, stop: true }]), // drawn on frames 10–39
      ...carTrack('late', [200, { frame: 260, stop: true }]), // drawn on frames 200–259
    ],
  },
};

async function clickListRow(element: LkVideo, objectId: string): Promise<void> {
  const list = element.shadowRoot!.querySelector('lk-object-list')!;
  const row = list.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-object-id="${objectId}"]`)!;
  const box = row.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + 40), Math.round(box.top + box.height / 2)] });
}

/** The frame shown (by its pixels), whether the track is drawn there and whether it shows its selection handle. */
async function onScreen(element: LkVideo, objectId: string): Promise<{ frame: number; drawn: boolean; handle: boolean }> {
  const frame = await frameShown(element);
  const at = await stageOnScreen(element);
  const [r, g, b] = at(200, 100);
  return { frame, drawn: element.renderedIds().includes(objectId), handle: r > 240 && g > 240 && b > 240 };
}

describe('<lk-video> picking a track that is not on this frame', () => {
  it('from the object list: the playhead goes to its nearest drawn frame, where it is shown selected', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers(TRACKS);
    expect(element.currentFrame).to.equal(0);

    await clickListRow(element, 'late');
    await until(() => element.currentFrame === 200, 'frame 200');
    expect(element.session.selection).to.deep.equal(['late']);
    expect(await onScreen(element, 'late')).to.deep.equal({ frame: 200, drawn: true, handle: true });

    // From frame 200, the nearest frame the early track is drawn on is its last one, 39.
    await clickListRow(element, 'early');
    await until(() => element.currentFrame === 39, 'frame 39');
    expect(await onScreen(element, 'early')).to.deep.equal({ frame: 39, drawn: true, handle: true });

    // Picking a track that is on this frame leaves the playhead alone.
    await element.seekToFrame(30);
    await clickListRow(element, 'late');
    await until(() => element.currentFrame === 200, 'frame 200');
    await clickListRow(element, 'late');
    await element.settled();
    expect(element.currentFrame).to.equal(200);
  });

  it("by its timeline row's name: the playhead stays (the labeler chose this frame, e.g. to bring a stopped track back)", async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers(TRACKS);
    await element.seekToFrame(100);
    const timeline = element.shadowRoot!.querySelector('lk-timeline')!;
    await timeline.updateComplete;
    const label = timeline.shadowRoot!.querySelector(`.row[data-object-id="late"] .label`)!;
    label.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const name = label.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(name.left + name.width / 2), Math.round(name.top + name.height / 2)] });
    window.scrollTo(0, 0);
    expect(element.session.selection).to.deep.equal(['late']);
    await element.settled();
    expect(element.currentFrame).to.equal(100);
    expect(await frameShown(element)).to.equal(100);
  });

  it('with Tab and Shift+Tab: every track in the list order, the playhead following each one', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers(TRACKS);
    await element.seekToFrame(100);
    element.focus();
    await press('Tab');
    await until(() => element.currentFrame === 39, 'frame 39');
    expect(element.session.selection).to.deep.equal(['early']);
    expect(await onScreen(element, 'early')).to.deep.equal({ frame: 39, drawn: true, handle: true });
    await press('Tab');
    await until(() => element.currentFrame === 200, 'frame 200');
    expect(element.session.selection).to.deep.equal(['late']);
    expect(await onScreen(element, 'late')).to.deep.equal({ frame: 200, drawn: true, handle: true });
    await press('Shift+Tab');
    await until(() => element.currentFrame === 39, 'frame 39 again');
    expect(element.session.selection).to.deep.equal(['early']);
  });
});
