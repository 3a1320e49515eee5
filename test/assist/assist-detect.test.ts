/**
 * Assisted labeling, detection (issue 20, part 1): a host `assist.detect` answers predictions; the
 * element shows them as dashed suggestions with a score chip, a threshold slider hides low scores,
 * Enter or a click accepts one, Delete rejects one, Accept all is one undo step, and an accepted
 * suggestion is exported with `metadata.createdIn: "Assist"` and the model's name.
 */
import { expect } from '@open-wc/testing';
import type { AssistDetectRequest, AssistPrediction } from '../../src/assist/types.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { nextEvent, press, recordEvents, resetMouse, sendKeys } from '../elements/helpers.js';
import { assistControl, assistControls, clickOn, mountWithAssist, until } from './assist-helpers.js';

const PREDICTIONS: AssistPrediction[] = [
  { schemaId: 'bottle', geometry: { 'bounding-box': { x: 288, y: 108, width: 57, height: 205 } }, score: 0.92 },
  { title: 'Bottle', geometry: { 'bounding-box': { x: 510, y: 106, width: 62, height: 210 } }, score: 0.71 },
  { schemaId: 'bottle', geometry: { 'bounding-box': { x: 70, y: 80, width: 62, height: 200 } }, score: 0.3 },
];

function detector(predictions: unknown = PREDICTIONS) {
  const requests: AssistDetectRequest[] = [];
  return {
    requests,
    assist: {
      name: 'bottle-detector-v1',
      detect: async (request: AssistDetectRequest) => {
        requests.push(request);
        return predictions as AssistPrediction[];
      },
    },
  };
}

const chips = (element: LkImage) => assistControls<HTMLButtonElement>(element, '.chip');
const chipTexts = (element: LkImage) => chips(element).map((chip) => chip.textContent!.trim());

/** Clicks Detect and waits for the chips. */
async function detect(element: LkImage, expected: number): Promise<void> {
  // Where the button is once what the test just set (annotations, a selection) is drawn.
  await element.settled();
  await clickOn(assistControl(element, '.detect')!);
  await until(() => chips(element).length === expected, `${expected} suggestion chips`);
  element.focus();
}

afterEach(() => resetMouse());

describe('assist.detect: suggestions', () => {
  it('asks with the decoded picture and shows the suggestions above the threshold, dashed, with their scores', async () => {
    const { assist, requests } = detector();
    const element = await mountWithAssist(assist);
    await detect(element, 2);
    expect(requests).to.have.length(1);
    const [request] = requests;
    expect(request!.assetId).to.equal('bottles');
    expect(request!.page).to.equal(0);
    expect(request!.image).to.be.instanceOf(ImageBitmap);
    expect([request!.image.width, request!.image.height]).to.deep.equal([640, 360]);
    expect(request!.signal.aborted).to.equal(false);
    // Best first; the 0.30 one is under the default threshold (0.50).
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.92', 'Bottle 0.71']);
    // Dashed outlines where the boxes are on screen: the current one (the best) and the others.
    const current = assistControl<SVGPathElement & HTMLElement>(element, 'path.suggestion.current')!;
    const others = assistControl<SVGPathElement & HTMLElement>(element, 'path.suggestion:not(.current)')!;
    expect(getComputedStyle(current).strokeDasharray).to.not.equal('none');
    expect(getComputedStyle(others).strokeDasharray).to.not.equal('none');
    const view = element.view!;
    const box = current.getBBox();
    expect(box.x).to.be.closeTo(288 * view.scale + view.offsetX, 1);
    expect(box.width).to.be.closeTo(57 * view.scale, 1);
    expect(others.getBBox().x).to.be.closeTo(510 * view.scale + view.offsetX, 1);
    // Nothing is an object until accepted.
    expect(element.export().task.tools).to.have.length(0);
    // The bar, the slider and the chips are named controls.
    await expect(element).to.be.accessible();
  });

  it('the score slider hides suggestions below it', async () => {
    const element = await mountWithAssist(detector().assist);
    await detect(element, 2);
    const slider = assistControl<HTMLInputElement>(element, 'input.threshold')!;
    slider.focus();
    for (let i = 0; i < 6; i++) await press('ArrowRight');
    await until(() => chips(element).length === 1, 'one chip at 0.80');
    expect(slider.value).to.equal('0.8');
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.92']);
    slider.focus();
    for (let i = 0; i < 12; i++) await press('ArrowLeft');
    await until(() => chips(element).length === 3, 'every chip at 0.20');
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.92', 'Bottle 0.71', 'Bottle 0.30']);
  });

  it('arrow keys on the slider move the slider, not the selected object', async () => {
    const element = await mountWithAssist(detector().assist);
    element.annotations = { objects: [{ objectId: 'b1', schemaId: 'bottle', 'bounding-box': { x: 10, y: 10, width: 40, height: 40 } }] };
    element.session.select(['b1']);
    await detect(element, 2);
    const slider = assistControl<HTMLInputElement>(element, 'input.threshold')!;
    slider.focus();
    await press('ArrowRight');
    await press('ArrowRight');
    expect(slider.value).to.equal('0.6');
    expect(element.export().task.tools[0]!['bounding-box']).to.deep.equal({ x: 10, y: 10, width: 40, height: 40 });
  });

  it('Enter accepts the best suggestion as an object made in "Assist" by the model; one lk-change', async () => {
    const element = await mountWithAssist(detector().assist);
    await detect(element, 2);
    const changes = recordEvents(element, ['lk-change']);
    await press('Enter');
    await until(() => chips(element).length === 1, 'one chip left');
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.reason).to.equal('create');
    const [tool] = element.export().task.tools;
    expect(tool!['bounding-box']).to.deep.equal({ x: 288, y: 108, width: 57, height: 205 });
    expect(tool!.schemaId).to.equal('bottle');
    expect(tool!.metadata.createdIn).to.equal('Assist');
    expect(tool!.metadata.model).to.equal('bottle-detector-v1');
    expect(tool!.metadata.createdBy).to.equal('ann@example.com');
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.71']);
  });

  it('a click on a suggestion accepts that one', async () => {
    const element = await mountWithAssist(detector().assist);
    await detect(element, 2);
    await clickOn(chips(element)[1]!);
    await until(() => chips(element).length === 1, 'one chip left');
    const tools = element.export().task.tools;
    expect(tools.map((tool) => tool['bounding-box'])).to.deep.equal([{ x: 510, y: 106, width: 62, height: 210 }]);
    expect(tools[0]!.metadata.createdIn).to.equal('Assist');
  });

  it('Delete rejects the current suggestion and creates nothing', async () => {
    const element = await mountWithAssist(detector().assist);
    await detect(element, 2);
    const changes = recordEvents(element, ['lk-change']);
    await press('Delete');
    await until(() => chips(element).length === 1, 'one chip left');
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.71']);
    expect(element.export().task.tools).to.have.length(0);
    expect(changes).to.have.length(0);
  });

  it('Accept all makes every visible suggestion an object in one undo step', async () => {
    const element = await mountWithAssist(detector().assist);
    await detect(element, 2);
    const changes = recordEvents(element, ['lk-change']);
    await clickOn(assistControl(element, '.accept-all')!);
    await until(() => element.export().task.tools.length === 2, 'two objects');
    expect(changes).to.have.length(1);
    // The one under the threshold stays a suggestion.
    expect(chipTexts(element)).to.deep.equal([]);
    const record = element.export();
    expect(record.task.tools.every((tool) => tool.metadata.createdIn === 'Assist' && tool.metadata.model === 'bottle-detector-v1')).to.equal(true);
    element.focus();
    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.tools).to.have.length(0);
    await sendKeys({ press: 'Control+Shift+z' });
    expect(element.export().task.tools).to.have.length(2);
  });

  it('metadata.model is read back on import and exported again', async () => {
    const element = await mountWithAssist(detector().assist);
    const entry = { objectId: 'o1', schemaId: 'bottle', 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, metadata: { createdAt: '2026-01-02T03:04:05.000Z', createdIn: 'Assist', model: 'bottle-detector-v1' } };
    element.annotations = { objects: [entry] };
    const [tool] = element.export().task.tools;
    expect(tool!.metadata).to.deep.equal({ ...entry.metadata, index: 1 });
  });

  it('a prediction labelkit cannot read is left out with an lk-error assist-failed naming it; the rest are shown', async () => {
    const predictions = [PREDICTIONS[0], { schemaId: 'nope', geometry: { 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }, score: 0.9 }, { schemaId: 'bottle', geometry: { polygon: [[1, 2]] }, score: 2 }];
    const element = await mountWithAssist(detector(predictions).assist);
    const error = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.detect')!);
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.cause.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$[1].schemaId', '$[2].score']);
    await until(() => chips(element).length === 1, 'the one good suggestion');
    expect(chipTexts(element)).to.deep.equal(['Bottle 0.92']);
  });

  it("a detector's hundreds of answers: the main thread is given back before they are drawn, every readable one is shown and accepted, each bad one named by its index", async () => {
    // 400 boxes on a 20 × 20 grid; three unreadable ones spread over the reading's slices.
    const bad: Record<number, AssistPrediction> = {
      40: { schemaId: 'nope', geometry: { 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }, score: 0.9 },
      137: { schemaId: 'bottle', geometry: { 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }, score: 7 },
      390: { schemaId: 'bottle', geometry: { polygon: [[1, 2]] }, score: 0.8 },
    };
    const predictions = Array.from({ length: 400 }, (_, i): AssistPrediction => {
      const box = { x: (i % 20) * 14 + 2, y: Math.floor(i / 20) * 14 + 2, width: 10, height: 10 };
      return bad[i] ?? { schemaId: 'bottle', geometry: { 'bounding-box': box }, score: 0.6 + (i % 40) / 100 };
    });
    // A task the host queues as it answers: it runs before the suggestions are drawn only if
    // labelkit gives the main thread back between reading the answer and drawing it.
    let chipsWhenHostTaskRan: number | undefined;
    const element = await mountWithAssist({
      name: 'grid-detector',
      detect: async () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          chipsWhenHostTaskRan = chips(element).length;
          channel.port1.close();
        };
        channel.port2.postMessage(undefined);
        return predictions;
      },
    });
    const error = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.detect')!);
    const { detail } = await error;
    expect(detail.cause.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$[40].schemaId', '$[137].score', '$[390]']);
    await until(() => assistControl(element, '.accept-all')?.textContent?.includes('397') === true, 'Accept all (397)');
    expect(chipsWhenHostTaskRan).to.equal(0);
    await clickOn(assistControl(element, '.accept-all')!);
    await until(() => element.export().task.tools.length === 397, '397 objects');
    const written = element.export().task.tools.map((tool) => JSON.stringify(tool['bounding-box'])).sort();
    const expected = predictions
      .filter((_, i) => !(i in bad))
      .map((p) => JSON.stringify((p.geometry as Record<string, unknown>)['bounding-box']))
      .sort();
    expect(written).to.deep.equal(expected);
  });

  it('a detector that throws gives lk-error assist-failed and the element stays usable', async () => {
    const element = await mountWithAssist({
      detect: () => Promise.reject(new TypeError('model offline')),
    });
    const error = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.detect')!);
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.cause.name).to.equal('TypeError');
    expect(detail.message).to.not.contain('model offline');
    expect(assistControl<HTMLButtonElement>(element, '.detect')!.disabled).to.equal(false);
  });
});
