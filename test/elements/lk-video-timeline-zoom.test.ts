/**
 * `<lk-video>` timeline zoom (issue 18, "a day in the chair"): two keyframes one frame apart overlap
 * on the fitted timeline of a 300-frame video, so a click reaches only one of them. Ctrl+wheel over
 * them zooms about the pointer (they stay under it) and the ruler's labels get closer; then each
 * diamond is clicked by itself and the video shows its frame.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { LkTimeline } from '../../src/elements/panels/timeline/lk-timeline.js';
import { carTrack, frameShown, mountFrameNumbers } from './lk-video-helpers.js';
import { resetMouse, sendMouse } from './helpers.js';
import { until } from './waits.js';

afterEach(() => resetMouse());

function timelineOf(element: LkVideo): LkTimeline {
  return element.shadowRoot!.querySelector<LkTimeline>('lk-timeline')!;
}

function diamond(timeline: LkTimeline, frame: number): HTMLElement {
  return timeline.shadowRoot!.querySelector<HTMLElement>(`.key[data-object-id="car"][data-frame="${frame}"]`)!;
}

function centre(target: Element): [number, number] {
  const box = target.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

/** The frame numbers the ruler labels on screen (inside the scroller, right of the row labels). */
function rulerLabels(timeline: LkTimeline): number[] {
  const scroller = timeline.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
  return [...timeline.shadowRoot!.querySelectorAll<HTMLElement>('.ruler .tick')]
    .filter((tick) => {
      const x = tick.getBoundingClientRect().left;
      return x >= scroller.left + 140 && x <= scroller.right;
    })
    .map((tick) => Number(tick.textContent));
}

describe('<lk-video> timeline zoom', () => {
  it('keyframes one frame apart overlap when fitted; Ctrl+wheel zooms about the pointer until each is clicked by itself', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers({ task: { tools: carTrack('car', [150, 151]) } });
    const timeline = timelineOf(element);
    await timeline.updateComplete;

    // Fitted: the two diamonds cover each other; a click on the middle of frame 150's lands on 151's.
    const [x150, y] = centre(diamond(timeline, 150));
    const [x151] = centre(diamond(timeline, 151));
    expect(Math.abs(x151 - x150), 'diamonds closer than their width').to.be.below(diamond(timeline, 150).getBoundingClientRect().width);
    await sendMouse({ type: 'click', position: [x150, y] });
    await until(() => element.currentFrame === 151, 'frame 151');
    expect(element.currentFrame, 'the other keyframe took the click').to.equal(151);
    const fittedLabels = rulerLabels(timeline);

    // Back to frame 0: the cursor is far from the pointer, the zoom must follow the pointer, not the cursor.
    await element.seekToFrame(0);
    await timeline.updateComplete;
    for (let notch = 0; notch < 12; notch++) {
      await executeServerCommand('input:wheel', { x: x150, y, deltaY: -100, modifiers: ['Control'] });
      await timeline.updateComplete;
    }
    await timeline.updateComplete;
    const zoomed150 = centre(diamond(timeline, 150));
    const zoomed151 = centre(diamond(timeline, 151));
    expect(Math.abs(zoomed151[0] - zoomed150[0]), 'apart by more than a diamond').to.be.above(diamond(timeline, 150).getBoundingClientRect().width);
    // About the pointer: the two keyframes are still where the labeler was looking.
    expect(Math.abs((zoomed150[0] + zoomed151[0]) / 2 - x150), 'still under the pointer').to.be.below(24);
    // The ruler's labels adapt: closer together, around frame 150.
    const labels = rulerLabels(timeline);
    const gap = (values: number[]) => values[1]! - values[0]!;
    expect(gap(labels), `labels ${labels.join(', ')} vs ${fittedLabels.join(', ')}`).to.be.below(gap(fittedLabels));
    expect(labels.some((frame) => frame >= 140 && frame <= 160)).to.equal(true);

    await sendMouse({ type: 'click', position: zoomed150 });
    await until(() => element.currentFrame === 150, 'frame 150');
    expect(await frameShown(element)).to.equal(150);
    expect(element.session.selection).to.deep.equal(['car']);
    await sendMouse({ type: 'click', position: centre(diamond(timeline, 151)) });
    await until(() => element.currentFrame === 151, 'frame 151');
    expect(await frameShown(element)).to.equal(151);
  });

  it('the + and − buttons zoom about the current-frame cursor, which stays where it was on screen', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers();
    const timeline = timelineOf(element);
    await element.seekToFrame(220);
    await timeline.updateComplete;
    const cursorX = () => timeline.shadowRoot!.querySelector('.cursor')!.getBoundingClientRect().left;
    const before = cursorX();
    const zoomIn = timeline.shadowRoot!.querySelector<HTMLElement>('[aria-label="Zoom timeline in"]')!;
    for (let i = 0; i < 4; i++) {
      await sendMouse({ type: 'click', position: centre(zoomIn) });
      await timeline.updateComplete;
    }
    expect(Math.abs(cursorX() - before)).to.be.below(3);
  });

  it('the wheel over the ruler zooms without Ctrl; over the rows it still scrolls them', async function () {
    this.timeout(120000);
    const element = await mountFrameNumbers({ task: { tools: carTrack('car', [150, 151]) } });
    const timeline = timelineOf(element);
    await timeline.updateComplete;
    const fitted = timeline.pxPerFrame;
    const ruler = centre(timeline.shadowRoot!.querySelector('.ruler .track')!);
    await executeServerCommand('input:wheel', { x: ruler[0], y: ruler[1], deltaY: -100 });
    await timeline.updateComplete;
    expect(timeline.pxPerFrame).to.be.closeTo(fitted * 1.5, 1e-9);
    const row = centre(timeline.shadowRoot!.querySelector('.row .track')!);
    await executeServerCommand('input:wheel', { x: row[0], y: row[1], deltaY: -100 });
    await timeline.updateComplete;
    expect(timeline.pxPerFrame, 'no zoom over a row without Ctrl').to.be.closeTo(fitted * 1.5, 1e-9);
  });
});
