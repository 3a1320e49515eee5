/**
 * Assisted labeling on `<lk-pdf>` (issue 20 §1): the host's `detect` gets the page shown as the
 * element drew it, with `pageNumber` and `imageScale`; its boxes (PDF points) are suggestions on
 * that page, accepted with Enter, a click or Accept all into objects made in "Assist"; a `pdf`
 * class's box becomes an area selection. The smart segment tool sends page coordinates and its
 * answer is the draft. All on the real pdflatex paper, with real mouse and keys.
 */
import { expect } from '@open-wc/testing';
import type { AssistDetectRequest, AssistPrediction, AssistSegmentRequest, AssistSegmentResult, LabelkitAssist } from '../../src/assist/types.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import { nextEvent, press, recordEvents, resetMouse, sendKeys, sendMouse } from '../elements/helpers.js';
import { mount, pageBox, PAPER, span, toolsOf } from '../elements/pdf-helpers.js';
import { assistControl, assistControls, clickOn, until } from './assist-helpers.js';
import { inkBlockDetect } from '../../stories/assist/pdf-page-assist.js';

/** The paper at 75 %: a page is 0.75 CSS px per point, so the hook's coordinates are not the screen's. */
const ZOOM = '75';

const FIGURES: AssistPrediction[] = [
  { schemaId: 't-figure', geometry: { 'bounding-box': { x: 100, y: 300, width: 200, height: 120 } }, score: 0.9 },
  { title: 'Figure', geometry: { 'bounding-box': { x: 320, y: 450, width: 150, height: 90 } }, score: 0.7 },
  { schemaId: 't-figure', geometry: { 'bounding-box': { x: 50, y: 600, width: 80, height: 40 } }, score: 0.2 },
];

function detector(predictions: unknown = FIGURES) {
  const requests: AssistDetectRequest[] = [];
  const assist: LabelkitAssist = {
    name: 'layout-v2',
    detect: async (request) => {
      requests.push(request);
      return predictions as AssistPrediction[];
    },
  };
  return { requests, assist };
}

async function mountWith(assist: LabelkitAssist): Promise<LkPdf> {
  const element = await mount(PAPER, { zoom: ZOOM, height: 700 });
  element.assist = assist;
  await until(() => assistControl(element, '.bar') !== null, 'the assist bar');
  await element.settled();
  element.focus();
  return element;
}

const chips = (element: LkPdf) => assistControls<HTMLButtonElement>(element, '.chip');
const chipTexts = (element: LkPdf) => chips(element).map((chip) => chip.textContent!.trim());

async function detect(element: LkPdf, expected: number): Promise<void> {
  await clickOn(assistControl(element, '.detect')!);
  await until(() => chips(element).length === expected, `${expected} suggestion chips`);
  element.focus();
}

/** The viewport point of a point on `page` (PDF points). */
function onScreen(element: LkPdf, page: number, [x, y]: [number, number]): [number, number] {
  const box = pageBox(element, page);
  return [Math.round(box.left + x * element.pageScale), Math.round(box.top + y * element.pageScale)];
}

const toolState = (element: LkPdf) => (element as unknown as { tool: { state: string } }).tool.state;

afterEach(() => resetMouse());

describe('<lk-pdf> assist.detect', () => {
  it('asks for the page shown with its drawn bitmap, and draws the suggestions on that page', async () => {
    const { assist, requests } = detector();
    const element = await mountWith(assist);
    await detect(element, 2);
    const [request] = requests;
    expect(request!.assetId).to.equal('paper-1');
    expect(request!.page).to.equal(0);
    expect(request!.pageNumber).to.equal(1);
    expect(request!.image).to.be.instanceOf(ImageBitmap);
    // The bitmap the element drew: its pixels per point are the zoom times the device pixel ratio.
    const canvas = element.pageCanvas(0)!;
    expect([request!.image.width, request!.image.height]).to.deep.equal([canvas.width, canvas.height]);
    expect(request!.imageScale).to.be.closeTo(0.75 * devicePixelRatio, 0.01);
    const pageWidth = (element.export().metadata as { pages: { width: number }[] }).pages[0]!.width;
    expect(request!.image.width / request!.imageScale).to.be.closeTo(pageWidth, 1);
    expect(chipTexts(element)).to.deep.equal(['Figure 0.90', 'Figure 0.70']);
    // The best suggestion's dashed outline is over its box on page 1, wherever the page is.
    const outline = assistControl<SVGPathElement & HTMLElement>(element, 'path.suggestion.current')!;
    expect(getComputedStyle(outline).strokeDasharray).to.not.equal('none');
    const drawn = outline.getBoundingClientRect();
    const [left, top] = onScreen(element, 0, [100, 300]);
    expect(drawn.left).to.be.closeTo(left, 3);
    expect(drawn.top).to.be.closeTo(top, 3);
    expect(drawn.width).to.be.closeTo(200 * 0.75, 3);
    expect(toolsOf(element)).to.have.length(0);
  });

  it('Enter accepts the best one, a click another, Delete rejects: objects on page 1 made in "Assist" by the model', async () => {
    const element = await mountWith(detector().assist);
    const moreFigures = [...FIGURES, { schemaId: 't-figure', geometry: { 'bounding-box': { x: 60, y: 650, width: 40, height: 40 } }, score: 0.6 }];
    element.assist = detector(moreFigures).assist;
    await detect(element, 3);
    const changes = recordEvents(element, ['lk-change']);
    await press('Enter');
    await until(() => chips(element).length === 2, 'two chips left');
    expect(changes).to.have.length(1);
    await clickOn(chips(element).find((chip) => chip.textContent!.includes('0.60'))!);
    await until(() => chips(element).length === 1, 'one chip left');
    element.focus();
    await press('Delete');
    await until(() => chips(element).length === 0, 'no chip left');
    const tools = toolsOf(element);
    expect(tools.map((tool) => tool['bounding-box'])).to.deep.equal([
      { x: 100, y: 300, width: 200, height: 120 },
      { x: 60, y: 650, width: 40, height: 40 },
    ]);
    for (const tool of tools) {
      expect(tool.page).to.equal(0);
      expect(tool.metadata.createdIn).to.equal('Assist');
      expect(tool.metadata.model).to.equal('layout-v2');
    }
    // The rejected one (0.70) made nothing.
    expect(changes).to.have.length(2);
  });

  it('Accept all is one undo step', async () => {
    const element = await mountWith(detector().assist);
    await detect(element, 2);
    const changes = recordEvents(element, ['lk-change']);
    await clickOn(assistControl(element, '.accept-all')!);
    await until(() => toolsOf(element).length === 2, 'two objects');
    expect(changes).to.have.length(1);
    element.focus();
    await sendKeys({ press: 'Control+z' });
    expect(toolsOf(element)).to.have.length(0);
    await sendKeys({ press: 'Control+Shift+z' });
    expect(toolsOf(element).every((tool) => tool.metadata.createdIn === 'Assist' && tool.page === 0)).to.equal(true);
  });

  it("a pdf class's box becomes an area selection of that page, with the text inside it", async () => {
    const element = await mountWith(detector([]).assist);
    // A box round the first line of text, in points.
    const line = span(element, 0, /^Hello, here is some text/).rect;
    const page = pageBox(element, 0);
    const scale = element.pageScale;
    const box = { x: (line.left - page.left) / scale - 2, y: (line.top - page.top) / scale - 2, width: line.width / scale + 4, height: line.height / scale + 4 };
    element.assist = detector([{ schemaId: 't-claim', geometry: { 'bounding-box': box }, score: 0.8 }]).assist;
    await detect(element, 1);
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'the area');
    const [tool] = toolsOf(element);
    expect(tool!.schemaId).to.equal('t-claim');
    expect(tool!.metadata.createdIn).to.equal('Assist');
    const pdf = tool!.pdf!;
    expect(pdf.position.rects).to.deep.equal([]);
    expect(pdf.position.pageNumber).to.equal(1);
    expect(pdf.position.boundingRect.x1).to.be.closeTo(box.x, 0.01);
    expect(pdf.position.boundingRect.y2).to.be.closeTo(box.y + box.height, 0.01);
    expect((pdf.content as { text: string }).text).to.match(/^Hello, here is some text/);
  });

  it("a host detector working in the image's pixels (the story's ink blocks) lands on the text once divided by imageScale", async () => {
    const element = await mountWith({ name: 'ink-blocks', detect: inkBlockDetect('Claim') });
    await clickOn(assistControl(element, '.detect')!);
    await until(() => chips(element).length > 0, 'ink-block suggestions');
    element.focus();
    await clickOn(assistControl(element, '.accept-all')!);
    await until(() => toolsOf(element).length > 0, 'area entries');
    const texts = toolsOf(element).map((tool) => (tool.pdf!.content as { text: string }).text);
    // Every block found in the bitmap covers words of the text layer: the coordinates are the page's.
    expect(texts.every((text) => text.length > 0)).to.equal(true);
    expect(texts.join(' ')).to.contain('Hello, here is some text');
  });

  it('on page 2 the request and the objects are for page 2', async () => {
    const { assist, requests } = detector();
    const element = await mountWith(assist);
    element.goToPage(1);
    await element.settled();
    await until(() => element.page === 1, 'page 2 shown');
    await detect(element, 2);
    expect(requests[0]!.page).to.equal(1);
    expect(requests[0]!.pageNumber).to.equal(2);
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'one object');
    expect(toolsOf(element)[0]!.page).to.equal(1);
  });

  it('a slow detector never holds the page: another page shown aborts its request, and its late answer is dropped', async () => {
    const requests: AssistDetectRequest[] = [];
    let answer: (predictions: AssistPrediction[]) => void = () => undefined;
    const element = await mountWith({
      detect: (request) => {
        requests.push(request);
        return new Promise((resolve) => (answer = resolve));
      },
    });
    await clickOn(assistControl(element, '.detect')!);
    await until(() => requests.length === 1, 'the request');
    // The reader scrolls on while the model works; the request was for page 1.
    element.goToPage(1);
    await element.settled();
    await until(() => element.page === 1, 'page 2 shown');
    expect(requests[0]!.signal.aborted).to.equal(true);
    answer(FIGURES);
    await until(() => assistControl<HTMLButtonElement>(element, '.detect')!.disabled === false, 'Detect usable again');
    expect(chips(element)).to.have.length(0);
    // A new Detect asks for page 2.
    await clickOn(assistControl(element, '.detect')!);
    await until(() => requests.length === 2, 'the second request');
    expect(requests[1]!.pageNumber).to.equal(2);
    expect(requests[1]!.signal.aborted).to.equal(false);
  });

  it('malformed predictions give lk-error assist-failed naming them; the good one is shown and the element stays usable', async () => {
    const bad = [FIGURES[0], { schemaId: 't-figure', geometry: 'box', score: 0.9 }, { schemaId: 't-figure', geometry: { 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }, score: 'high' }];
    const element = await mountWith(detector(bad).assist);
    const error = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.detect')!);
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.cause.problems.map((p: { path: string }) => p.path)).to.deep.equal(['$[1].geometry', '$[2].score']);
    await until(() => chips(element).length === 1, 'the good suggestion');
    element.focus();
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'accepted');
    // An answer that is not an array at all.
    element.assist = detector({ boxes: [] }).assist;
    const second = nextEvent(element, 'lk-error');
    await clickOn(assistControl(element, '.detect')!);
    expect((await second).detail.code).to.equal('assist-failed');
    await until(() => assistControl<HTMLButtonElement>(element, '.detect')!.disabled === false, 'Detect usable again');
    expect(toolsOf(element)).to.have.length(1);
  });
});

interface Call {
  request: AssistSegmentRequest;
  answer(result: AssistSegmentResult): void;
  fail(error: unknown): void;
}

function handSegmenter() {
  const calls: Call[] = [];
  const assist: LabelkitAssist = {
    name: 'sam-pdf',
    segment: (request) =>
      new Promise<AssistSegmentResult>((resolve, reject) => {
        calls.push({ request, answer: resolve, fail: reject });
      }),
  };
  return { calls, assist };
}

const TRIANGLE: [number, number][] = [
  [120, 150],
  [260, 150],
  [190, 260],
];

async function smartSegmentOn(element: LkPdf, schemaId = 't-region'): Promise<void> {
  element.session.setActiveSchema(schemaId);
  await clickOn(assistControl(element, '.smart-segment')!);
  await until(() => toolState(element).startsWith('smart-segment'), 'the smart segment tool');
  element.focus();
}

async function clickPage(element: LkPdf, at: [number, number], alt = false): Promise<void> {
  if (alt) await sendKeys({ down: 'Alt' });
  await sendMouse({ type: 'click', position: onScreen(element, 0, at) });
  if (alt) await sendKeys({ up: 'Alt' });
}

const draftPath = (element: LkPdf) => element.shadowRoot!.querySelector('.page[data-page="0"] .overlay path.draft');

describe('<lk-pdf> assist.segment: the smart segment tool', () => {
  it('clicks go to the model in page points; a newer prompt aborts the call in flight; the answer is the draft; Enter makes it an object', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWith(assist);
    await smartSegmentOn(element);
    await clickPage(element, [190, 200]);
    await until(() => calls.length === 1, 'the first call');
    const [first] = calls;
    expect(first!.request.page).to.equal(0);
    expect(first!.request.pageNumber).to.equal(1);
    expect(first!.request.schemaId).to.equal('t-region');
    expect(first!.request.points).to.have.length(1);
    // Page coordinates (points), not screen pixels: within a screen pixel of where the click was.
    expect(first!.request.points[0]!.x).to.be.closeTo(190, 1 / 0.75 + 0.01);
    expect(first!.request.points[0]!.y).to.be.closeTo(200, 1 / 0.75 + 0.01);
    expect(first!.request.points[0]!.positive).to.equal(true);

    await clickPage(element, [300, 200], true);
    await until(() => calls.length === 2, 'the second call');
    expect(first!.request.signal.aborted).to.equal(true);
    expect(calls[1]!.request.points.map((p) => p.positive)).to.deep.equal([true, false]);
    expect(assistControls(element, 'circle.point.negative')).to.have.length(1);

    first!.answer({ polygon: [[1, 1], [5, 1], [5, 5]] });
    calls[1]!.answer({ polygon: TRIANGLE });
    await until(() => draftPath(element) !== null, 'the draft on page 1');
    const changes = recordEvents(element, ['lk-change']);
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'the object');
    const [tool] = toolsOf(element);
    expect(tool!.polygon).to.deep.equal(TRIANGLE);
    expect(tool!.page).to.equal(0);
    expect(tool!.metadata.createdIn).to.equal('Assist');
    expect(tool!.metadata.model).to.equal('sam-pdf');
    expect(changes).to.have.length(1);
    await sendKeys({ press: 'Control+z' });
    expect(toolsOf(element)).to.have.length(0);
  });

  it('a dragged box is the prompt, in points; a mask in image pixels becomes a polygon in points', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWith(assist);
    await smartSegmentOn(element);
    const from = onScreen(element, 0, [100, 100]);
    const to = onScreen(element, 0, [300, 250]);
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 4; i++) await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / 4), Math.round(from[1] + ((to[1] - from[1]) * i) / 4)] });
    await sendMouse({ type: 'up' });
    await until(() => calls.length === 1, 'the box call');
    const { request } = calls[0]!;
    expect(request.box!.x).to.be.closeTo(100, 2);
    expect(request.box!.width).to.be.closeTo(200, 3);
    expect(request.points).to.deep.equal([]);
    // A mask of the image's size: a rectangle from 120 to 200 points across, 140 to 220 down.
    const { width, height } = request.image;
    const s = request.imageScale;
    const mask = new Uint8Array(width * height);
    for (let y = Math.round(140 * s); y < Math.round(220 * s); y++) for (let x = Math.round(120 * s); x < Math.round(200 * s); x++) mask[y * width + x] = 1;
    calls[0]!.answer({ mask: { width, height, data: mask } });
    await until(() => draftPath(element) !== null, 'the draft');
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'the object');
    const polygon = toolsOf(element)[0]!.polygon!;
    const xs = polygon.map((p) => p[0]);
    const ys = polygon.map((p) => p[1]);
    expect(Math.min(...xs)).to.be.closeTo(120, 2);
    expect(Math.max(...xs)).to.be.closeTo(200, 2);
    expect(Math.min(...ys)).to.be.closeTo(140, 2);
    expect(Math.max(...ys)).to.be.closeTo(220, 2);
  });

  it("with a pdf class the answer's bounding box is the draft, and Enter makes it an area entry of the page", async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWith(assist);
    await smartSegmentOn(element, 't-claim');
    // Drags go to the tool, not to the text layer (no area mode needed).
    await clickPage(element, [190, 200]);
    await until(() => calls.length === 1, 'the call');
    expect(calls[0]!.request.schemaId).to.equal('t-claim');
    calls[0]!.answer({ polygon: TRIANGLE });
    await until(() => draftPath(element) !== null, 'the draft');
    await press('Enter');
    await until(() => toolsOf(element).length === 1, 'the area entry');
    const [tool] = toolsOf(element);
    expect(tool!.schemaId).to.equal('t-claim');
    expect(tool!.metadata.createdIn).to.equal('Assist');
    const { boundingRect, rects, pageNumber } = tool!.pdf!.position;
    expect(rects).to.deep.equal([]);
    expect(pageNumber).to.equal(1);
    expect([boundingRect.x1, boundingRect.y1, boundingRect.x2, boundingRect.y2]).to.deep.equal([120, 150, 260, 260]);
    expect(element.pendingSelection).to.equal(undefined);
  });

  it("the page's shapes follow the store while a draft is shown, and prompts are drawn where clicked after a scroll", async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWith(assist);
    const shapesOnPage = () => element.shadowRoot!.querySelectorAll('.page[data-page="0"] .overlay [data-object-id]').length;
    await smartSegmentOn(element);
    await clickPage(element, [190, 200]);
    await until(() => calls.length === 1, 'the first call');
    calls[0]!.answer({ polygon: TRIANGLE });
    await until(() => draftPath(element) !== null, 'the draft');
    await press('Enter');
    await until(() => shapesOnPage() === 1, 'the accepted shape drawn on the page');

    // A second draft over it: the shape stays drawn, and an undo takes it off the page while the draft stays.
    await clickPage(element, [300, 300]);
    await until(() => calls.length === 2, 'the second call');
    calls[1]!.answer({ polygon: TRIANGLE.map(([x, y]): [number, number] => [x + 100, y + 100]) });
    await until(() => draftPath(element) !== null, 'the second draft');
    expect(shapesOnPage()).to.equal(1);
    await sendKeys({ press: 'Control+z' });
    await until(() => shapesOnPage() === 0, 'the undone shape gone from the page');
    expect(draftPath(element)).to.not.equal(null);

    // Scrolled: the layer measures the page again, so a new prompt point sits under the pointer.
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const scrolled = new Promise((resolve) => scroller.addEventListener('scroll', resolve, { once: true }));
    scroller.scrollTop += 120;
    await scrolled;
    await element.settled();
    await clickPage(element, [250, 400]);
    const [x, y] = onScreen(element, 0, [250, 400]);
    await until(() => {
      const point = assistControls(element, 'circle.point').at(-1)?.getBoundingClientRect();
      return point !== undefined && Math.abs(point.left + point.width / 2 - x) <= 1.5 && Math.abs(point.top + point.height / 2 - y) <= 1.5;
    }, 'the prompt point drawn where the page was clicked');
  });

  it('a failing model gives lk-error assist-failed and keeps the draft; Esc drops it', async () => {
    const { calls, assist } = handSegmenter();
    const element = await mountWith(assist);
    await smartSegmentOn(element);
    await clickPage(element, [190, 200]);
    await until(() => calls.length === 1, 'the first call');
    calls[0]!.answer({ polygon: TRIANGLE });
    await until(() => draftPath(element) !== null, 'the draft');
    await clickPage(element, [150, 230]);
    await until(() => calls.length === 2, 'the second call');
    const error = nextEvent(element, 'lk-error');
    calls[1]!.fail(new Error('GPU out of memory'));
    const { detail } = await error;
    expect(detail.code).to.equal('assist-failed');
    expect(detail.message).to.not.contain('GPU');
    expect(draftPath(element)).to.not.equal(null);
    expect(assistControls(element, 'circle.point')).to.have.length(2);
    // Esc drops the draft and the prompts; nothing was written.
    element.focus();
    await press('Escape');
    await until(() => draftPath(element) === null, 'no draft');
    expect(toolsOf(element)).to.have.length(0);
    // Still usable: the next prompt is asked after the debounce.
    await clickPage(element, [190, 200]);
    await until(() => calls.length === 3, 'a new call');
    expect(calls[2]!.request.points).to.have.length(1);
  });
});
