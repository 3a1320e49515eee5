/**
 * Assisted labeling, tracking (issue 20, part 1): on `<lk-video>`, Track sends the selected objects
 * on the frame shown to `assist.track`, and its answers become keyframes on the next frames, which
 * the labeler corrects as any keyframe; one undo step.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { AssistTrackRequest, AssistTrackedShape } from '../../src/assist/types.js';
import { FRAME_NUMBERS_URL } from '../media/video/video-helpers.js';
import { click, drag, nextEvent, press, recordEvents, resetMouse, sendKeys, sendMouse, showSource } from '../elements/helpers.js';
import { BOTTLE_ONTOLOGY, assistControl, clickOn, until } from './assist-helpers.js';

afterEach(() => resetMouse());

/** A tracker that moves each box 4 px right per frame. */
function slidingTracker() {
  const requests: AssistTrackRequest[] = [];
  const track = async (request: AssistTrackRequest): Promise<AssistTrackedShape[]> => {
    requests.push(request);
    const shapes: AssistTrackedShape[] = [];
    for (const object of request.objects) {
      const box = (object.geometry as { 'bounding-box': { x: number; y: number; width: number; height: number } })['bounding-box'];
      for (let page = request.from + 1; page <= request.to; page++) {
        shapes.push({ objectId: object.objectId, page, geometry: { 'bounding-box': { ...box, x: box.x + 4 * (page - request.from) } } });
      }
    }
    return shapes;
  };
  return { requests, assist: { name: 'slider-tracker', track } };
}

async function mount(assist: unknown): Promise<LkVideo> {
  const element = await fixture<LkVideo>(html`
    <lk-video style="--lk-height: 640px; width: 1000px" .ontology=${BOTTLE_ONTOLOGY} .assist=${assist} .user=${{ id: 'u-1', email: 'ann@example.com' }}></lk-video>
  `);
  await showSource(element, FRAME_NUMBERS_URL);
  await until(() => assistControl(element, '.track') !== null, 'the Track button');
  element.focus();
  return element;
}

describe('assist.track on <lk-video>', () => {
  it('propagates the selected box to the next N frames as keyframes, one undo step, stamped Assist', async () => {
    const { assist, requests } = slidingTracker();
    const element = await mount(assist);
    await element.seekToFrame(20);
    await press('1');
    await drag(element, [200, 100], [280, 180]);
    await press('Escape');
    await click(element, [240, 140]);
    const id = element.session.selection[0]!;
    expect(id).to.be.a('string');

    const count = assistControl<HTMLInputElement>(element, '.track-frames')!;
    await clickOn(count);
    await press('Control+a');
    await sendKeys({ type: '3' });
    await press('Tab');
    const changes = recordEvents(element, ['lk-change']);
    await clickOn(assistControl(element, '.track')!);
    await until(() => changes.length === 1, 'the tracked keyframes');

    expect(requests).to.have.length(1);
    const [request] = requests;
    expect([request!.from, request!.to]).to.deep.equal([20, 23]);
    expect(request!.objects.map((o) => [o.objectId, o.schemaId, o.title])).to.deep.equal([[id, 'bottle', 'Bottle']]);
    expect(request!.image).to.be.instanceOf(ImageBitmap);
    expect([request!.image.width, request!.image.height]).to.deep.equal([640, 360]);

    const entries = element.export({ keyframesOnly: true }).task.tools.filter((tool) => tool.objectId === id);
    expect(entries.map((entry) => entry.page)).to.deep.equal([20, 21, 22, 23]);
    const x0 = entries[0]!['bounding-box']!.x;
    expect(entries.map((entry) => entry['bounding-box']!.x - x0)).to.deep.equal([0, 4, 8, 12]);
    expect(entries[0]!.metadata.updatedIn).to.equal('Assist');

    element.focus();
    await sendKeys({ press: 'Control+z' });
    expect(element.export({ keyframesOnly: true }).task.tools.filter((tool) => tool.objectId === id).map((entry) => entry.page)).to.deep.equal([20]);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('a tracker that fails gives lk-error assist-failed and changes nothing', async () => {
    const element = await mount({ track: () => Promise.reject(new Error('lost')) });
    await press('1');
    await drag(element, [200, 100], [280, 180]);
    await press('Escape');
    await click(element, [240, 140]);
    const before = element.export().task.tools;
    const error = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.track')!);
    expect((await error).detail.code).to.equal('assist-failed');
    expect(element.export().task.tools).to.deep.equal(before);
  });
});
