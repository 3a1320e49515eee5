/**
 * Assisted labeling, the smart segment tool (issue 20, part 1): clicks (positive), Alt+clicks
 * (negative) and a dragged box go to `assist.segment`, debounced, the call in flight aborted by a
 * newer prompt; the answer is the draft, Enter makes it an object, Esc drops it. A slow or failing
 * model never blocks the element: a failure is `lk-error` `assist-failed` and the draft stays.
 */
import { expect } from '@open-wc/testing';
import { SEGMENT_DEBOUNCE_MS } from '../../src/assist/assist-layer.js';
import type { AssistSegmentRequest, AssistSegmentResult } from '../../src/assist/types.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { click, drag, nextEvent, press, recordEvents, resetMouse, sendKeys } from '../elements/helpers.js';
import { assistControl, assistControls, clickOn, mountWithAssist, until } from './assist-helpers.js';

interface Call {
  request: AssistSegmentRequest;
  /** performance.now() when the element called the hook. */
  at: number;
  answer(result: AssistSegmentResult): void;
  fail(error: unknown): void;
}

/** A `segment` hook the test answers by hand; it records every call and whether its signal was aborted. */
function handSegmenter() {
  const calls: Call[] = [];
  const segment = (request: AssistSegmentRequest) =>
    new Promise<AssistSegmentResult>((resolve, reject) => {
      calls.push({ request, at: performance.now(), answer: resolve, fail: reject });
    });
  return { calls, assist: { name: 'hand', segment } };
}

const square = (x: number, y: number, size: number): { polygon: [number, number][] } => ({
  polygon: [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ],
});

/** The active tool's state, read through the element's (internal) surface. */
const toolState = (element: LkImage) => (element as unknown as { surface?: { activeTool: { state: string } } }).surface?.activeTool.state ?? '';

async function smartSegmentOn(element: LkImage): Promise<void> {
  await clickOn(assistControl(element, '.smart-segment')!);
  await until(() => toolState(element).startsWith('smart-segment'), 'the smart segment tool');
  element.focus();
}


afterEach(() => resetMouse());

describe('assist.segment: the smart segment tool', () => {
  it('sends each prompt after a quiet spell, aborts the call a newer prompt replaces, and ignores its late answer', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWithAssist(assist);
    await smartSegmentOn(element);
    expect(assistControl(element, '.smart-segment')!.getAttribute('aria-pressed')).to.equal('true');

    let lastUp = 0;
    element.addEventListener('pointerup', () => (lastUp = performance.now()));
    await click(element, [316, 220]);
    await until(() => calls.length === 1, 'the first call');
    expect(calls[0]!.at - lastUp).to.be.at.least(SEGMENT_DEBOUNCE_MS - 5);
    expect(calls[0]!.request.points).to.deep.equal([{ x: calls[0]!.request.points[0]!.x, y: calls[0]!.request.points[0]!.y, positive: true }]);
    expect(calls[0]!.request.schemaId).to.equal('outline');
    expect(calls[0]!.request.image).to.be.instanceOf(ImageBitmap);

    // Alt+click: a negative point; the first call, still in flight, is aborted.
    await sendKeys({ down: 'Alt' });
    await click(element, [250, 220]);
    await sendKeys({ up: 'Alt' });
    await until(() => calls.length === 2, 'the second call');
    expect(calls[0]!.request.signal.aborted).to.equal(true);
    expect(calls[1]!.request.signal.aborted).to.equal(false);
    expect(calls[1]!.request.points.map((p) => p.positive)).to.deep.equal([true, false]);
    expect(assistControls(element, 'circle.point.negative')).to.have.length(1);

    // The late answer to the aborted call is dropped; the current one is the draft.
    calls[0]!.answer(square(10, 10, 20));
    calls[1]!.answer(square(290, 110, 50));
    await until(() => toolState(element) === 'smart-segment.prompted', 'prompted');
    const changes = recordEvents(element, ['lk-change']);
    await press('Enter');
    const [tool] = element.export().task.tools;
    expect(tool!.polygon).to.deep.equal(square(290, 110, 50).polygon);
    expect(tool!.metadata.createdIn).to.equal('Assist');
    expect(tool!.metadata.model).to.equal('hand');
    expect(changes).to.have.length(1);
    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.tools).to.have.length(0);
  });

  it('a dragged box is the prompt; a mask answer becomes a segmentation; Esc leaves nothing', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWithAssist(assist);
    element.session.setActiveSchema('region');
    await smartSegmentOn(element);
    await drag(element, [280, 100], [350, 320]);
    await until(() => calls.length === 1, 'the box call');
    const box = calls[0]!.request.box!;
    expect(box.x).to.be.closeTo(280, 1);
    expect(box.height).to.be.closeTo(220, 1);
    expect(calls[0]!.request.schemaId).to.equal('region');
    expect(calls[0]!.request.points).to.deep.equal([]);
    const mask = new Uint8Array(640 * 360);
    for (let y = 120; y < 300; y++) for (let x = 300; x < 340; x++) mask[y * 640 + x] = 1;
    calls[0]!.answer({ mask: { width: 640, height: 360, data: mask } });
    await until(() => toolState(element) === 'smart-segment.prompted', 'the draft');
    await press('Escape');
    expect(element.export().task.tools).to.have.length(0);

    await drag(element, [280, 100], [350, 320]);
    await until(() => calls.length === 2, 'the second box call');
    calls[1]!.answer({ mask: { width: 640, height: 360, data: mask } });
    await until(() => toolState(element) === 'smart-segment.prompted', 'the draft again');
    await press('Enter');
    const [tool] = element.export().task.tools;
    const zones = tool!.segmentation!.zones;
    expect(zones).to.have.length(1);
    const xs = zones[0]!.region.map((p) => p[0]);
    const ys = zones[0]!.region.map((p) => p[1]);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).to.deep.equal([300, 340, 120, 300]);
  });

  it('a failing model gives lk-error assist-failed and keeps the draft, which Enter still accepts', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWithAssist(assist);
    await smartSegmentOn(element);
    await click(element, [316, 220]);
    await until(() => calls.length === 1, 'the first call');
    calls[0]!.answer(square(290, 110, 50));
    await until(() => toolState(element) === 'smart-segment.prompted', 'the draft');
    await click(element, [316, 150]);
    await until(() => calls.length === 2, 'the second call');
    const error = nextEvent(element, 'lk-error');
    calls[1]!.fail(new Error('GPU out of memory'));
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.message).to.contain('segment');
    await press('Enter');
    expect(element.export().task.tools.map((tool) => tool.polygon)).to.deep.equal([square(290, 110, 50).polygon]);
  });

  it('an answer labelkit cannot read is assist-failed with its problem, and the draft stays', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWithAssist(assist);
    await smartSegmentOn(element);
    await click(element, [316, 220]);
    await until(() => calls.length === 1, 'the call');
    const error = nextEvent(element, 'lk-error');
    calls[0]!.answer({ mask: { width: 10, height: 10, data: new Uint8Array(100) } });
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.cause.problems[0].path).to.equal('$.mask');
    await press('Enter');
    expect(element.export().task.tools).to.have.length(0);
  });

  it('a model that never answers blocks nothing: the view zooms, other tools draw, Esc aborts the call', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWithAssist(assist);
    await smartSegmentOn(element);
    await click(element, [316, 220]);
    await until(() => calls.length === 1, 'the call');
    const scale = element.view!.scale;
    await press('+');
    expect(element.view!.scale).to.be.greaterThan(scale);
    await press('Escape');
    expect(calls[0]!.request.signal.aborted).to.equal(true);
    // Another class, another tool: a box drawn while the model never answered.
    element.session.setActiveSchema('bottle');
    await until(() => toolState(element).startsWith('bounding-box'), 'the box tool');
    await drag(element, [100, 100], [160, 200]);
    expect(element.export().task.tools.map((tool) => tool.schemaId)).to.deep.equal(['bottle']);
  });
});
