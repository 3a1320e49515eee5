/**
 * `<lk-video>` copy forward (issue 18, item 4): Ctrl+Shift+→ copies the selection to the next
 * frame and goes there, "Copy to next N" and "Propagate to end" (Ctrl+Shift+End) write keyframes
 * the labeler corrects, one undo step each; Ctrl+C / Ctrl+V carries a shape to another frame.
 */
import { expect } from '@open-wc/testing';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import { click, drag, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { mountFrameNumbers } from './lk-video-helpers.js';
import { until } from './waits.js';

afterEach(() => resetMouse());

/** A car drawn on `frame` with the mouse, selected. */
async function drawCar(element: LkVideo, frame: number): Promise<string> {
  await element.seekToFrame(frame);
  await press('1');
  await drag(element, [200, 100], [280, 180]);
  await press('Escape');
  await click(element, [240, 140]);
  const id = element.session.selection[0];
  if (!id) throw new Error('nothing drawn');
  return id;
}

const keyframesOf = (element: LkVideo, id: string): number[] =>
  element.export().task.tools.filter((tool) => tool.objectId === id && tool.keyframe).map((tool) => tool.page!);

describe('<lk-video> copy forward and paste on another frame', () => {
  it('Ctrl+Shift+→ copies the selection to the next frame and goes there; one undo step', async () => {
    const element = await mountFrameNumbers();
    const id = await drawCar(element, 10);
    const changes = recordEvents(element, ['lk-change']);
    await sendKeys({ press: 'Control+Shift+ArrowRight' });
    await until(() => element.currentFrame === 11, 'frame 11');
    expect(changes).to.have.length(1);
    expect(keyframesOf(element, id)).to.deep.equal([10, 11]);
    const shapeOn = (frame: number) => element.export().task.tools.find((tool) => tool.objectId === id && tool.page === frame)!['bounding-box'];
    expect(shapeOn(11)).to.deep.equal(shapeOn(10));
    await sendKeys({ press: 'Control+z' });
    expect(keyframesOf(element, id)).to.deep.equal([10]);
  });

  it('"Copy to next" N frames and "Propagate to end" write keyframes to correct', async () => {
    const element = await mountFrameNumbers();
    const id = await drawCar(element, 290);
    await element.updateComplete;
    const count = element.shadowRoot!.querySelector<HTMLInputElement>('.copy-count')!;
    const box = count.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await press('Control+a');
    await sendKeys({ type: '3' });
    await press('Enter');
    const copyButton = element.shadowRoot!.querySelector<HTMLButtonElement>('.copy-forward')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(copyButton.left + copyButton.width / 2), Math.round(copyButton.top + copyButton.height / 2)] });
    expect(keyframesOf(element, id)).to.deep.equal([290, 291, 292, 293]);

    element.focus();
    await sendKeys({ press: 'Control+Shift+End' });
    expect(keyframesOf(element, id)).to.deep.equal([290, 291, 292, 293, 294, 295, 296, 297, 298, 299]);
    await sendKeys({ press: 'Control+z' });
    expect(keyframesOf(element, id)).to.deep.equal([290, 291, 292, 293]);
    await expect(element).to.be.accessible();
  });

  it('Ctrl+C on one frame, Ctrl+V on another: a new object there, where it was', async () => {
    const element = await mountFrameNumbers();
    const id = await drawCar(element, 5);
    await sendKeys({ press: 'Control+c' });
    await element.seekToFrame(40);
    // The pointer leaves the stage: the paste keeps the copied place.
    const toolbar = element.shadowRoot!.querySelector('[part~="toolbar"]')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(toolbar.left + 4), Math.round(toolbar.top + 4)] });
    element.focus();
    await sendKeys({ press: 'Control+v' });
    const pasted = element.export().task.tools.filter((tool) => tool.objectId !== id);
    expect(pasted.filter((tool) => tool.keyframe).map((tool) => tool.page)).to.deep.equal([40]);
    const original = element.export().task.tools.find((tool) => tool.objectId === id && tool.page === 5)!;
    expect(pasted.find((tool) => tool.page === 40)!['bounding-box']).to.deep.equal(original['bounding-box']);
  });
});
