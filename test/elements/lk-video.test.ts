import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { LkTimeline } from '../../src/elements/panels/timeline/lk-timeline.js';
import type { ExportRecord, ExportTool } from '../../src/format/types.js';
import { THUMB, expectRealFrameShown, frameShown, meanDifference, stagePixels } from './lk-video-helpers.js';
import { clearRequestLog, servedRequests, signedUrl } from '../server/signed-assets-client.js';
import { BOTTLES_URL, FRAME_NUMBERS_URL, UNSUPPORTED_URL, blobUrl, fixtureBytes } from '../media/video/video-helpers.js';
import { mp4IndexOnly, webmIndexOnly, zeroedRange } from '../media/video/damaged-videos.js';
import {
  IMAGE_URL,
  ONTOLOGY_URL,
  click,
  drag,
  fetchJson,
  nextEvent,
  pagePoint,
  press,
  recordEvents,
  resetMouse,
  sendKeys,
  sendMouse,
} from './helpers.js';
import { until } from './waits.js';
import { seededRandom } from '../generators/seeded-random.js';

let ontology: unknown;
let videoExample: ExportRecord;

interface MountOptions {
  src?: string;
  mode?: string;
  reviewReadonly?: boolean;
  preload?: 'auto' | 'metadata';
  resolveUrl?: LkVideo['resolveUrl'];
  decoding?: LkVideo['decoding'];
}

async function mount(options: MountOptions = {}): Promise<LkVideo> {
  const element = await fixture<LkVideo>(html`
    <lk-video
      style="--lk-height: 640px; width: 1000px"
      asset-id="a-video"
      external-id="frame-numbers.webm"
      mode=${options.mode ?? 'annotate'}
      ?review-readonly=${options.reviewReadonly === true}
      preload=${options.preload ?? 'auto'}
      decoding=${options.decoding ?? 'webcodecs'}
      .ontology=${ontology}
      .resolveUrl=${options.resolveUrl}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
    ></lk-video>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = options.src ?? FRAME_NUMBERS_URL;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

const EXPIRING_PATH = 'video/frame-numbers.webm';
/** The last frame of frame-numbers.webm (300 frames). */
const LAST_FRAME = 299;

/** Types a frame number into the player bar's frame field and presses Enter, as a user does. */
async function typeFrame(element: LkVideo, frame: number): Promise<void> {
  await element.updateComplete;
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('.frame-input')!;
  const box = input.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await press('Control+a');
  await sendKeys({ type: String(frame) });
  await press('Enter');
}

/** A car drawn on frame 10 and moved 100 px right on frame 20: keyframes on 10 and 20. */
async function drawCarTrack(element: LkVideo): Promise<string> {
  const id = await drawCar(element, 10, [200, 100], [280, 180]);
  await element.seekToFrame(20);
  element.focus();
  await click(element, [240, 140]);
  await drag(element, [240, 140], [340, 140]);
  return id;
}

/** Picks the tool with its key, clicks the points and finishes with Enter (polygon, polyline, segmentation, spline). */
async function clickPath(element: LkVideo, key: string, points: Array<[number, number]>): Promise<void> {
  await press(key);
  for (const point of points) await click(element, point);
  await press('Enter');
}

/** The test ontology with a frame-specific radio on the car ("Occluded here"). */
function withFrameSpecific(): unknown {
  const copy = JSON.parse(JSON.stringify(ontology)) as { tools: Array<{ schemaId: string; classifications: unknown[] }> };
  copy.tools
    .find((t) => t.schemaId === 't-car')!
    .classifications.push({
      schemaId: 'c-occluded-now',
      tool: 'radio',
      title: 'Occluded here',
      frameSpecific: true,
      options: [
        { value: 'Yes', schemaId: 'o-here-yes' },
        { value: 'No', schemaId: 'o-here-no' },
      ],
    });
  return copy;
}

/** Clicks the centre of an element with the real mouse. */
async function clickOn(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

function transportButton(element: LkVideo, label: string): HTMLButtonElement {
  const button = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.transport button')].find(
    (b) => b.getAttribute('aria-label') === label || b.textContent?.trim().endsWith(label),
  );
  if (!button) throw new Error(`no ${label} button`);
  return button;
}

function timelineOf(element: LkVideo): LkTimeline {
  return element.shadowRoot!.querySelector<LkTimeline>('lk-timeline')!;
}

/** The stage shows `message` as an error (the status line load errors use), where the user sees it. */
async function expectStageError(element: LkVideo, message: string): Promise<void> {
  await element.updateComplete;
  const status = element.shadowRoot!.querySelector<HTMLElement>('.status.error');
  expect(status, 'an error on the stage').to.not.equal(null);
  expect(status!.getAttribute('role')).to.equal('alert');
  expect(status!.textContent).to.contain(message);
  expect(status!.checkVisibility(), 'visible').to.equal(true);
}

function boxOf(tool: ExportTool | undefined): { x: number; y: number; width: number; height: number } {
  const box = (tool as unknown as Record<string, unknown> | undefined)?.['bounding-box'];
  if (!box) throw new Error('no bounding box');
  return box as { x: number; y: number; width: number; height: number };
}

function close(actual: number, expected: number, tolerance = 2): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).to.be.at.most(tolerance);
}

/** Draws a car box on frame `frame` and returns its object id. */
async function drawCar(element: LkVideo, frame: number, from: [number, number], to: [number, number]): Promise<string> {
  await element.seekToFrame(frame);
  await press('1');
  await drag(element, from, to);
  await press('Escape');
  const id = element.session.selection[0] ?? [...element.session.store.state.objects.keys()].at(-1);
  if (!id) throw new Error('nothing drawn');
  return id;
}

/** Rejects when `promise` has not settled in `ms` (a jammed player), naming what hung. */
async function settles<T>(promise: Promise<T>, what: string, ms = 15000): Promise<T> {
  let timer = 0;
  const hung = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`${what} did not settle in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Replays one run of the edge property below: set it to the seed a failure printed.
 * Undefined: a new seed each run (printed in the browser log and in every failure message).
 */
const EDGE_PROPERTY_SEED: number | undefined = undefined;
/** Rounds of one to three calls: about 5 s in CI. */
const ROUNDS = 24;

describe('<lk-video>', () => {
  before(async function () {
    // The first test would otherwise pay for serving pixi.js and the surface modules cold.
    this.timeout(120000);
    await import('../../src/canvas/surface.js');
    ontology = await fetchJson(ONTOLOGY_URL);
    videoExample = (await fetchJson('/test/fixtures/format/export.video.json')) as ExportRecord;
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('loads the video: metadata with the file frame rate, frame 0 on the stage', async () => {
    const element = await mount();
    expect(element.export().metadata).to.deep.equal({ width: 640, height: 360, frameTotal: 300, frameRate: 30 });
    expect(element.effectiveFrameRate).to.deep.equal({ fps: 30, source: 'container' });
    expect(element.frameTotal).to.equal(300);
    expect(element.session.planeCount).to.equal(300);
    expect(await frameShown(element)).to.equal(0);
  });

  it('is accessible (axe), player bar and timeline included', async () => {
    const element = await mount();
    await drawCar(element, 10, [200, 100], [280, 180]);
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('shows frame n after seeking to n, and shows the frame number and time in the player bar', async () => {
    const element = await mount();
    for (const frame of [57, 241, 30, 299, 3]) {
      expect(await element.seekToFrame(frame)).to.equal(frame);
      expect(element.currentFrame).to.equal(frame);
      expect(await frameShown(element), `pixels of frame ${frame}`).to.equal(frame);
    }
    await element.seekToFrame(45);
    await element.updateComplete;
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('.frame-input')!;
    expect(input.value).to.equal('45');
    expect(element.shadowRoot!.querySelector('.time')!.textContent).to.contain('0:01.500');
    await typeFrame(element, 123);
    await until(() => element.currentFrame === 123, 'the typed frame');
    await until(() => element.paused, 'paused');
    expect(await frameShown(element)).to.equal(123);
  });

  it('steps frames with the arrow keys (Shift ten) and plays and pauses with Space', async () => {
    const element = await mount();
    await element.seekToFrame(100);
    await press('ArrowRight');
    await until(() => element.currentFrame === 101, 'frame 101');
    expect(await frameShown(element)).to.equal(101);
    await press('Shift+ArrowRight');
    await until(() => element.currentFrame === 111, 'frame 111');
    await press('ArrowLeft');
    await until(() => element.currentFrame === 110, 'frame 110');
    expect(await frameShown(element)).to.equal(110);
    await press('End');
    await until(() => element.currentFrame === 299, 'the last frame');
    await press('Home');
    await until(() => element.currentFrame === 0, 'the first frame');

    await press('Space');
    await until(() => !element.paused, 'playing');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await press('Space');
    await until(() => element.paused, 'paused');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const frame = element.currentFrame;
    expect(frame).to.be.greaterThan(3);
    expect(await frameShown(element)).to.equal(frame);
    const play = element.shadowRoot!.querySelector<HTMLButtonElement>('.play')!;
    expect(play.getAttribute('aria-label')).to.equal('Play');
  });

  it('makes keyframes by drawing and editing on two frames and interpolates between them', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    const id = await drawCar(element, 10, [200, 100], [280, 180]);
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['create']);
    expect(events[0]!.detail.tools[0].page).to.equal(10);

    await element.seekToFrame(20);
    expect(element.renderedIds(), 'the track holds after its keyframe').to.deep.equal([id]);
    await click(element, [240, 140]);
    expect(element.session.selection).to.deep.equal([id]);
    const previews = recordEvents(element, ['lk-input']);
    await drag(element, [240, 140], [340, 160]);
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['create', 'update']);
    expect(events[1]!.detail.tools, 'lk-change: every frame of the track').to.have.length(290);
    expect(previews.length, 'the drag was previewed').to.be.greaterThan(0);
    for (const preview of previews) {
      expect(preview.detail.objectIds).to.deep.equal([id]);
      expect(preview.detail.tools.map((t: ExportTool) => [t.page, t.keyframe]), 'lk-input: the keyframes only').to.deep.equal([
        [10, true],
        [20, true],
      ]);
    }

    const keyframes = element.export({ keyframesOnly: true }).task.tools;
    expect(keyframes.map((t) => [t.page, t.keyframe])).to.deep.equal([
      [10, true],
      [20, true],
    ]);
    close(boxOf(keyframes[0]).x, 200);
    close(boxOf(keyframes[1]).x, 300);
    close(boxOf(keyframes[1]).y, 120);

    const all = element.export().task.tools;
    expect(all.map((t) => t.page)).to.deep.equal(Array.from({ length: 290 }, (_, i) => i + 10));
    const middle = all.find((t) => t.page === 15)!;
    expect(middle.keyframe).to.equal(undefined);
    close(boxOf(middle).x, 250);
    close(boxOf(middle).y, 110);

    await element.seekToFrame(5);
    expect(element.renderedIds(), 'nothing before the first keyframe').to.deep.equal([]);
    await element.seekToFrame(15);
    expect(element.renderedIds()).to.deep.equal([id]);

    element.undo();
    expect(element.export({ keyframesOnly: true }).task.tools.map((t) => t.page)).to.deep.equal([10]);
    element.redo();
    expect(element.export({ keyframesOnly: true }).task.tools.map((t) => t.page)).to.deep.equal([10, 20]);
  });

  it('stops an object with hover + S; it is gone from that frame and comes back at a later keyframe', async () => {
    const element = await mount();
    const id = await drawCar(element, 10, [200, 100], [280, 180]);
    element.session.select([]);
    await element.seekToFrame(30);
    await sendMouse({ type: 'move', position: pagePoint(element, 240, 140) });
    await press('s');
    let tools = element.export({ keyframesOnly: true }).task.tools;
    expect(tools.map((t) => [t.page, t.keyframe, t.interpolationStopped])).to.deep.equal([
      [10, true, undefined],
      [30, true, true],
    ]);
    expect(element.session.activeSchemaId, 'S stopped the object, it did not pick a class').to.equal(undefined);
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([]);
    await element.seekToFrame(29);
    expect(element.renderedIds()).to.deep.equal([id]);

    // Back at a later keyframe: on frame 40 select the track by its timeline row, ◆ Keyframe brings
    // it back with the shape it left with, and dragging puts it in place.
    await typeFrame(element, 40);
    await until(() => element.currentFrame === 40, 'frame 40');
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([]);
    await timelineOf(element).updateComplete;
    await clickOn(timelineOf(element).shadowRoot!.querySelector(`.row[data-object-id="${id}"] .label`)!);
    expect(element.session.selection).to.deep.equal([id]);
    await element.updateComplete;
    await clickOn(transportButton(element, 'Keyframe'));
    await element.settled();
    expect(element.renderedIds()).to.deep.equal([id]);
    element.focus();
    await drag(element, [240, 140], [440, 140]);
    const back = element.export({ keyframesOnly: true }).task.tools.find((t) => t.page === 40)!;
    expect(back.keyframe).to.equal(true);
    close(boxOf(back).x, 400);
    tools = element.export().task.tools;
    expect(tools.filter((t) => t.page! < 40).map((t) => t.page)).to.deep.equal([...Array.from({ length: 20 }, (_, i) => i + 10), 30]);
    expect(tools.find((t) => t.page === 30)!.interpolationStopped).to.equal(true);
    expect(tools.find((t) => t.page === 41)).to.not.equal(undefined);

    // The button does the same for the selected object.
    await typeFrame(element, 50);
    await until(() => element.currentFrame === 50, 'frame 50');
    await element.updateComplete;
    await clickOn(transportButton(element, 'Stop here'));
    expect(element.export({ keyframesOnly: true }).task.tools.map((t) => [t.page, t.interpolationStopped === true])).to.deep.equal([
      [10, false],
      [30, true],
      [40, false],
      [50, true],
    ]);
  });

  it('exports the flat per-frame entries and keyframesOnly exactly, with frameTotal and frameRate', async () => {
    const element = await mount({ src: BOTTLES_URL });
    element.annotations = videoExample;
    const record = element.export();
    expect(record.metadata).to.deep.equal({ width: 640, height: 360, frameTotal: 1189, frameRate: 179 / 6 });
    // Each track gets its number in its class (metadata.index, a labelkit field), in import order.
    const numbers = new Map<string, number>();
    const perClass = new Map<string, number>();
    for (const t of videoExample.task.tools) {
      if (numbers.has(t.objectId)) continue;
      perClass.set(t.schemaId, (perClass.get(t.schemaId) ?? 0) + 1);
      numbers.set(t.objectId, perClass.get(t.schemaId)!);
    }
    const expected = videoExample.task.tools.map((t) => ({ ...t, metadata: { ...t.metadata, index: numbers.get(t.objectId) } }));
    expect(record.task.tools).to.deep.equal(expected);
    const keyframesOnly = element.export({ keyframesOnly: true }).task.tools;
    expect(keyframesOnly).to.deep.equal(expected.filter((t) => t.keyframe));
    // Import of the export rebuilds the keyframes: interpolation survives the round trip.
    element.annotations = element.export({ keyframesOnly: true });
    expect(element.export().task.tools, 'the numbers survive it too').to.deep.equal(expected);
    const object = element.session.store.state.objects.get('b1')!;
    expect(object.keyframes.map((k) => [k.frame, k.stopped === true])).to.deep.equal([
      [10, false],
      [12, false],
      [13, true],
    ]);
    await element.seekToFrame(11);
    expect(element.renderedIds()).to.deep.equal(['b1']);
    await element.seekToFrame(13);
    expect(element.renderedIds()).to.deep.equal([]);
  });

  it('frame numbers follow the real 179/6 fps file, not 30 fps', async () => {
    const element = await mount({ src: BOTTLES_URL });
    expect(element.effectiveFrameRate!.fps).to.be.closeTo(179 / 6, 1e-9);
    await element.seekToFrame(1000);
    expect(element.currentTime).to.be.closeTo(1000 / (179 / 6), 1e-9);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.time')!.textContent).to.contain('0:33.520');
  });

  it('reads the real file\'s frame rate and frame count from its headers also when the server caps its range answers', async () => {
    await clearRequestLog();
    const element = await mount({ src: await signedUrl('video/bottle-detection.mp4', { maxBytesPerResponse: 4096 }) });
    expect(element.effectiveFrameRate!.source).to.equal('container');
    expect(element.effectiveFrameRate!.fps).to.be.closeTo(179 / 6, 1e-9);
    expect(element.frameTotal).to.equal(1189);
    const probes = (await servedRequests()).filter((r) => r.path.endsWith('bottle-detection.mp4') && r.status === 206);
    expect(probes.length, 'the answers were capped, so more than one range was read').to.be.above(2);
  });

  it('shows tracks on the timeline and seeks when the timeline is scrubbed', async () => {
    const element = await mount();
    await drawCar(element, 10, [200, 100], [280, 180]);
    const timeline = element.shadowRoot!.querySelector<LkTimeline>('lk-timeline')!;
    await timeline.updateComplete;
    const rows = timeline.shadowRoot!.querySelectorAll('.row');
    expect(rows).to.have.length(1);
    expect(rows[0]!.getAttribute('aria-label')).to.equal('Car 1');
    const ruler = timeline.shadowRoot!.querySelector<HTMLElement>('.ruler .track')!.getBoundingClientRect();
    const at = (frame: number): [number, number] => [Math.round(ruler.left + ((frame + 0.5) * ruler.width) / 300), Math.round(ruler.top + ruler.height / 2)];
    await sendMouse({ type: 'move', position: at(150) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(200) });
    await sendMouse({ type: 'up' });
    await until(() => element.currentFrame === 200, 'frame 200 after scrubbing');
    await until(() => element.paused, 'paused');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await frameShown(element)).to.equal(200);
    expect(element.currentFrame).to.equal(200);
  });

  it('lets view mode play and step but not draw or stop', async () => {
    const element = await mount({ mode: 'view' });
    await press('1');
    await drag(element, [200, 100], [280, 180]);
    expect(element.export().task.tools).to.have.length(0);
    await press('ArrowRight');
    await until(() => element.currentFrame === 1, 'frame 1');
    expect(element.stopObject('nothing')).to.equal(false);
  });

  it('answers frame-specific classifications through the form on their own keyframe, surviving a round trip', async () => {
    const element = await mount();
    element.ontology = withFrameSpecific() as never;
    await element.updateComplete;
    const id = await drawCar(element, 10, [200, 100], [280, 180]);
    element.session.select([id]);
    await element.seekToFrame(15);
    const form = element.shadowRoot!.querySelector('lk-classification-form[follow-selection]') as HTMLElement & { updateComplete: Promise<unknown> };
    await form.updateComplete;
    const radio = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => input.value === 'Yes' && input.closest('[role="radiogroup"]')?.textContent?.includes('Yes'),
    )!;
    const box = radio.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await until(() => element.export({ keyframesOnly: true }).task.tools.length === 2, 'a keyframe on the answered frame');
    const keyframes = element.export({ keyframesOnly: true }).task.tools;
    expect(keyframes.map((t) => t.page)).to.deep.equal([10, 15]);
    const answersOn = (tool: ExportTool) => tool.classifications.filter((c) => c.schemaId === 'c-occluded-now').map((c) => [c.answer, c.page]);
    expect(answersOn(keyframes[0]!)).to.deep.equal([]);
    expect(answersOn(keyframes[1]!)).to.deep.equal([['Yes', 15]]);
    // Round trip: the answer stays on its keyframe.
    element.annotations = element.export({ keyframesOnly: true });
    expect(answersOn(element.export().task.tools.find((t) => t.page === 15)!)).to.deep.equal([['Yes', 15]]);
    expect(answersOn(element.export().task.tools.find((t) => t.page === 16)!)).to.deep.equal([]);
  });

  it('shows its playback keys in the shortcut help (?)', async () => {
    const element = await mount();
    await press('?');
    const help = element.shadowRoot!.querySelector('lk-shortcut-help')!;
    await help.updateComplete;
    const dialog = help.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const keysOf = (id: string) => help.shadowRoot!.querySelector(`table.element tr[data-shortcut="${id}"] td.keys`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(help.shadowRoot!.querySelector('table.element caption')!.textContent!.trim()).to.equal('Video');
    expect(keysOf('play')).to.equal('Space');
    // Never Alt+← →: the browser's Back and Forward on Windows and Linux.
    expect(keysOf('next-frame')).to.equal('→ or D');
    expect(keysOf('previous-frame')).to.equal('← or A');
    expect(keysOf('forward-ten')).to.equal('Shift+→ or Shift+D');
    expect(keysOf('back-ten')).to.equal('Shift+← or Shift+A');
    expect(keysOf('previous-keyframe')).to.equal(',');
    expect(keysOf('next-keyframe')).to.equal('.');
    expect(keysOf('stop')).to.equal('S');
    expect(keysOf('last-frame')).to.equal('End');
    await press('Escape');
    expect(dialog.open).to.equal(false);
    // The keys the help names do what it says.
    await press('Shift+ArrowRight');
    await until(() => element.currentFrame === 10, 'frame 10');
  });

  it('undoes a frame-specific answer and the keyframe it made with one Ctrl+Z, and redoes both with one Ctrl+Shift+Z', async () => {
    const element = await mount();
    element.ontology = withFrameSpecific() as never;
    await element.updateComplete;
    const id = await drawCar(element, 10, [200, 100], [280, 180]);
    element.session.select([id]);
    await element.seekToFrame(15);
    const form = element.shadowRoot!.querySelector('lk-classification-form[follow-selection]') as HTMLElement & { updateComplete: Promise<unknown> };
    await form.updateComplete;
    const radio = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => input.value === 'Yes')!;
    const box = radio.getBoundingClientRect();
    const events = recordEvents(element, ['lk-change']);
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await until(() => element.export({ keyframesOnly: true }).task.tools.length === 2, 'a keyframe on the answered frame');
    const answered = JSON.stringify(element.export({ keyframesOnly: true }).task.tools);
    const pagesAndAnswers = () =>
      element.export({ keyframesOnly: true }).task.tools.map((tool) => [tool.page, tool.classifications.filter((c) => c.schemaId === 'c-occluded-now').length]);
    expect(pagesAndAnswers()).to.deep.equal([
      [10, 0],
      [15, 1],
    ]);
    element.focus();
    await press('Control+z');
    await element.updateComplete;
    expect(pagesAndAnswers(), 'one undo removes the keyframe').to.deep.equal([[10, 0]]);
    const answersInStore = () => element.session.store.state.objects.get(id)!.classifications.filter((c) => c.schemaId === 'c-occluded-now');
    expect(answersInStore(), 'and the answer it was made for').to.deep.equal([]);
    expect(events.at(-1)!.detail.reason).to.equal('undo');
    await press('Control+Shift+z');
    await element.updateComplete;
    expect(JSON.stringify(element.export({ keyframesOnly: true }).task.tools), 'one redo brings both back').to.equal(answered);
    // The drawing before it is still its own step.
    await press('Control+z');
    await press('Control+z');
    expect(element.export().task.tools).to.have.length(0);
  });

  it('keeps locked tracks read-only, events and submit as every element', async () => {
    const element = await mount({ src: BOTTLES_URL });
    const events = recordEvents(element, ['lk-change', 'lk-select', 'lk-invalid', 'lk-submit']);
    element.submit();
    expect(events.map((e) => e.type)).to.deep.equal(['lk-invalid']);
    expect(events[0]!.detail.problems.map((p: { schemaId?: string }) => p.schemaId)).to.include('t-car');
    element.annotations = { ...videoExample, task: { ...videoExample.task, tools: videoExample.task.tools.map((t) => ({ ...t, lock: true })) } };
    expect(element.session.store.state.objects.get('b1')!.lock).to.equal(true);
    const before = JSON.stringify(element.export().task.tools);
    expect(element.stopObject('b1', 11)).to.equal(false);
    expect(element.deleteKeyframe('b1', 10)).to.equal(false);
    expect(element.moveKeyframe('b1', 12, 20)).to.equal(false);
    expect(element.addKeyframe('b1', 11)).to.equal(false);
    await element.seekToFrame(11);
    await sendMouse({ type: 'move', position: pagePoint(element, 125, 100) });
    await press('s');
    await click(element, [125, 100]);
    expect(element.session.selection).to.deep.equal(['b1']);
    await press('Delete');
    expect(JSON.stringify(element.export().task.tools)).to.equal(before);
    expect(events.map((e) => e.type)).to.deep.equal(['lk-invalid', 'lk-select']);
    // The car track counts for the required Car class; the required global Weather answer is still missing.
    expect(element.validate().map((p) => p.schemaId)).to.deep.equal(['c-weather']);
    element.session.store.transact({ origin: 'user', reason: 'classify' }, (tx) =>
      tx.putClassification({ objectId: 'w1', schemaId: 'c-weather', answer: ['Clear'], classifications: [], metadata: { createdAt: '', createdBy: '', createdIn: '' } }),
    );
    element.submit();
    expect(events.at(-1)!.type).to.equal('lk-submit');
    expect(events.at(-1)!.detail.record.task.classifications.map((c: { answer: unknown }) => c.answer)).to.deep.equal([['Clear']]);
    expect(events.at(-1)!.detail.record.task.tools).to.have.length(4);
  });

  it("plays through the host's fetchAsset (headers a <video> cannot send) from memory", async () => {
    await clearRequestLog();
    const url = await signedUrl('video/frame-numbers.webm');
    const element = await fixture<LkVideo>(html`<lk-video
      style="--lk-height: 480px; width: 800px"
      .ontology=${ontology}
      .fetchAsset=${(target: string, init: RequestInit) => fetch(target, { ...init, headers: { ...(init.headers as Record<string, string>), 'X-Labelkit-Test': 'token' } })}
    ></lk-video>`);
    const ready = nextEvent(element, 'lk-ready');
    element.src = url;
    await ready;
    expect(await element.seekToFrame(150)).to.equal(150);
    expect(await frameShown(element)).to.equal(150);
    const video = (await servedRequests()).filter((r) => r.path.endsWith('frame-numbers.webm'));
    expect(video.length).to.be.at.least(1);
    expect(video.every((r) => r.headers['x-labelkit-test'] === 'token')).to.equal(true);
  });

  it('plays at the speed chosen in the Speed menu (keyboard) and shows it', async function () {
    this.timeout(20000);
    const element = await mount();
    await typeFrame(element, 20);
    await until(() => element.currentFrame === 20, 'frame 20');
    // From the frame field, Tab reaches the Speed menu; ↓ ↓ goes from 1× to 2×.
    await press('Tab');
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('.transport select')!;
    expect(element.shadowRoot!.activeElement).to.equal(select);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(select.selectedOptions[0]!.textContent).to.equal('2×');
    expect(element.playbackRate).to.equal(2);
    await clickOn(transportButton(element, 'Play'));
    await until(() => element.currentFrame > 22, 'playing');
    const start = { frame: element.currentFrame, at: performance.now() };
    await until(() => performance.now() - start.at > 1500, '1.5 s');
    const frames = element.currentFrame - start.frame;
    const seconds = (performance.now() - start.at) / 1000;
    await clickOn(transportButton(element, 'Pause'));
    await until(() => element.paused, 'paused');
    // Media time runs at twice the wall clock (frames may be dropped, not time).
    expect(frames / 30 / seconds, `${frames} frames in ${seconds.toFixed(2)} s`).to.be.within(1.5, 2.5);
    expect(await frameShown(element)).to.equal(element.currentFrame);
  });

  for (const decoding of ['webcodecs', 'element'] as const) {
    it(`on the real H.264 file (decoding="${decoding}"): jumps, steps (← →, Shift ten) and plays and pauses frame-accurately, by the screen against independent decodes`, async function () {
      this.timeout(120000);
      const element = await mount({ src: BOTTLES_URL, decoding });
      expect(await element.decodingReady).to.equal(decoding);
      // The still photographed at 12 s is frame 358: the screen on 358 matches it better than on its neighbours.
      const still = await createImageBitmap(await (await fetch(IMAGE_URL)).blob());
      const thumb = document.createElement('canvas');
      thumb.width = THUMB.width;
      thumb.height = THUMB.height;
      thumb.getContext('2d')!.drawImage(still, 0, 0, THUMB.width, THUMB.height);
      const stillPixels = thumb.getContext('2d')!.getImageData(0, 0, THUMB.width, THUMB.height).data;
      const toStill = new Map<number, number>();
      for (const frame of [357, 359, 358]) {
        await typeFrame(element, frame);
        await until(() => element.currentFrame === frame && element.paused, `frame ${frame}`);
        toStill.set(frame, meanDifference(await stagePixels(element), stillPixels));
      }
      expect(toStill.get(358)!, JSON.stringify([...toStill])).to.be.below(Math.min(toStill.get(357)!, toStill.get(359)!));
      await expectRealFrameShown(element, 358);
      element.focus();
      await press('ArrowRight');
      await until(() => element.currentFrame === 359, 'frame 359');
      await expectRealFrameShown(element, 359);
      await press('Shift+ArrowLeft');
      await until(() => element.currentFrame === 349, 'frame 349');
      await expectRealFrameShown(element, 349);
      await element.updateComplete;
      // 349 / (179/6) s = 11.698 s; the frame field says 349.
      expect(element.shadowRoot!.querySelector('.time')!.textContent).to.contain('0:11.698');
      expect(element.shadowRoot!.querySelector<HTMLInputElement>('.frame-input')!.value).to.equal('349');
      await press('Space');
      await until(() => !element.paused, 'playing');
      await until(() => element.currentFrame > 360, 'playback past 360');
      await press('Space');
      await until(() => element.paused, 'paused');
      await element.settled();
      expect(element.currentFrame).to.be.above(360);
      await expectRealFrameShown(element, element.currentFrame);
    });
  }

  it('draws with every 2D tool on a frame of the real file: each object starts with a keyframe there, edits later add keyframes, frames between are interpolated', async function () {
    this.timeout(120000);
    const element = await mount({ src: BOTTLES_URL });
    const events = recordEvents(element, ['lk-change']);
    await typeFrame(element, 100);
    await until(() => element.currentFrame === 100, 'frame 100');
    element.focus();
    await press('1');
    await drag(element, [40, 40], [120, 100]);
    await press('2');
    await drag(element, [400, 60], [460, 160]);
    await clickPath(element, '3', [[150, 200], [250, 200], [200, 280]]);
    await clickPath(element, '4', [[20, 300], [120, 280], [220, 300]]);
    await press('5');
    await click(element, [300, 100]);
    await clickPath(element, '6', [[480, 200], [600, 200], [600, 300]]);
    await clickPath(element, '8', [[20, 330], [200, 320], [400, 330]]);
    await press('7');
    await drag(element, [500, 40], [600, 40], 8);
    const drawn = element.export({ keyframesOnly: true }).task.tools;
    expect(drawn.map((t) => [t.schemaId, t.page, t.keyframe])).to.deep.equal(
      ['t-car', 't-sign', 't-road', 't-lane', 't-head', 't-sky', 't-curb'].map((schemaId) => [schemaId, 100, true]),
    );
    // Seven objects and the brush mask.
    expect(events.filter((e) => e.detail.reason === 'create')).to.have.length(8);
    // The brush paints this frame's mask (FORMAT.md: brushDataUrls by frame).
    expect(Object.keys(element.export().task.brushDataUrls ?? {})).to.deep.equal(['100']);

    // On frame 140, move the polygon and the point with the select tool: keyframes there.
    await press('v');
    await typeFrame(element, 140);
    await until(() => element.currentFrame === 140, 'frame 140');
    element.focus();
    await click(element, [200, 230]);
    await drag(element, [200, 230], [260, 230]);
    await click(element, [300, 100]);
    await drag(element, [300, 100], [300, 160]);
    const keyed = element.export({ keyframesOnly: true }).task.tools;
    const pagesOf = (schemaId: string, tools = keyed) => tools.filter((t) => t.schemaId === schemaId).map((t) => t.page);
    expect(pagesOf('t-road')).to.deep.equal([100, 140]);
    expect(pagesOf('t-head')).to.deep.equal([100, 140]);
    expect(pagesOf('t-car')).to.deep.equal([100]);
    // Frame 120 lies halfway: the polygon has moved 30 px, the point 30 px; the box holds.
    const all = element.export().task.tools;
    const at = (schemaId: string, page: number) => all.find((t) => t.schemaId === schemaId && t.page === page)!;
    const polygon = (at('t-road', 120) as unknown as { polygon: number[][] }).polygon;
    close(polygon[0]![0]!, 180);
    close(polygon[0]![1]!, 200);
    close((at('t-head', 120) as unknown as { point: number[] }).point[1]!, 130);
    close(boxOf(at('t-car', 120)).x, 40);
    expect(at('t-road', 120).keyframe).to.equal(undefined);
    // On screen on 120, every object is drawn.
    await typeFrame(element, 120);
    await until(() => element.currentFrame === 120, 'frame 120');
    await element.settled();
    expect(element.renderedIds()).to.have.length(7);
    // One Ctrl+Z takes back the point's move: its keyframe on 140 goes.
    element.focus();
    await press('Control+z');
    expect(pagesOf('t-head', element.export({ keyframesOnly: true }).task.tools)).to.deep.equal([100]);
  });

  it('adds and removes a keyframe of the selected object with the player bar buttons', async () => {
    const element = await mount();
    const id = await drawCarTrack(element);
    await typeFrame(element, 15);
    await until(() => element.currentFrame === 15, 'frame 15');
    await element.updateComplete;
    expect(transportButton(element, 'Remove').disabled, 'no keyframe on 15 to remove').to.equal(true);
    await clickOn(transportButton(element, 'Keyframe'));
    const pages = () => element.export({ keyframesOnly: true }).task.tools.map((t) => t.page);
    expect(pages()).to.deep.equal([10, 15, 20]);
    close(boxOf(element.export({ keyframesOnly: true }).task.tools[1]).x, 250);
    await element.updateComplete;
    await clickOn(transportButton(element, 'Remove'));
    expect(pages()).to.deep.equal([10, 20]);
    expect(element.session.selection).to.deep.equal([id]);
  });

  it('moves a keyframe by dragging its diamond in the timeline; the video follows; , and . jump between keyframes', async () => {
    const element = await mount();
    const id = await drawCarTrack(element);
    const timeline = timelineOf(element);
    await timeline.updateComplete;
    const row = timeline.shadowRoot!.querySelector<HTMLElement>(`.row[data-object-id="${id}"]`)!;
    expect(row.querySelector<HTMLElement>('.swatch')!.style.background, 'the row in the class colour').to.equal('rgb(229, 57, 53)');
    const diamond = row.querySelector<HTMLElement>('.key[data-frame="20"]')!;
    const track = row.querySelector<HTMLElement>('.track')!.getBoundingClientRect();
    const xOf = (frame: number) => Math.round(track.left + ((frame + 0.5) * track.width) / 300);
    const from = diamond.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(from.left + from.width / 2), Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [xOf(30), Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'move', position: [xOf(40), Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'up' });
    expect(element.export({ keyframesOnly: true }).task.tools.map((t) => t.page)).to.deep.equal([10, 40]);
    await until(() => element.currentFrame === 40, 'the video on the moved keyframe');
    expect(await frameShown(element)).to.equal(40);
    // The cursor sits on the current frame.
    await timeline.updateComplete;
    const cursor = timeline.shadowRoot!.querySelector<HTMLElement>('.cursor')!.getBoundingClientRect();
    expect(Math.abs(cursor.left + cursor.width / 2 - xOf(40))).to.be.below(2);
    element.session.select([]);
    element.focus();
    await press(',');
    await until(() => element.currentFrame === 10, 'the previous keyframe');
    await press('.');
    await until(() => element.currentFrame === 40, 'the next keyframe');
    expect(await frameShown(element)).to.equal(40);
    await press('Control+z');
    expect(element.export({ keyframesOnly: true }).task.tools.map((t) => t.page)).to.deep.equal([10, 20]);
  });

  it('answers a global classification in the Task form with the mouse; it is exported at task level', async () => {
    const element = await mount({ src: BOTTLES_URL });
    const events = recordEvents(element, ['lk-change']);
    const form = element.shadowRoot!.querySelector('lk-classification-form[heading="Task"]') as HTMLElement & { updateComplete: Promise<unknown> };
    await form.updateComplete;
    const clear = [...form.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.choice')].find((label) => label.textContent?.trim() === 'Clear')!.querySelector('input')!;
    await clickOn(clear);
    const weather = element.export().task.classifications.find((c) => c.schemaId === 'c-weather')!;
    expect(weather.answer).to.deep.equal(['Clear']);
    expect(weather).to.not.have.property('page');
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['classify']);
    // Frames do not matter to it.
    await element.seekToFrame(500);
    expect(element.export().task.classifications.find((c) => c.schemaId === 'c-weather')!.answer).to.deep.equal(['Clear']);
  });

  it('in review mode with review-readonly steps and plays but does not edit tracks', async () => {
    const element = await mount({ mode: 'review', reviewReadonly: true });
    element.annotations = { task: { tools: [{ objectId: 'r1', schemaId: 't-car', page: 5, keyframe: true, classifications: [], 'bounding-box': { x: 200, y: 100, width: 80, height: 80 } }] } };
    await element.seekToFrame(8);
    const before = JSON.stringify(element.export().task.tools);
    await sendMouse({ type: 'move', position: pagePoint(element, 240, 140) });
    await press('s');
    element.session.select(['r1']);
    await element.updateComplete;
    expect(transportButton(element, 'Keyframe').disabled).to.equal(true);
    expect(transportButton(element, 'Stop here').disabled).to.equal(true);
    const timeline = timelineOf(element);
    await timeline.updateComplete;
    timeline.shadowRoot!.querySelector<HTMLElement>('.key[data-object-id="r1"]')!.focus();
    await press('Delete');
    await press(']');
    expect(JSON.stringify(element.export().task.tools)).to.equal(before);
    element.focus();
    await press('d');
    await until(() => element.currentFrame === 9, 'frame 9');
  });

  describe('at the edges', () => {
    const LAST = 299;
    const KEYFRAMES = [0, 1, 150, 298, 299];
    const clamp = (frame: number) => Math.min(LAST, Math.max(0, frame));

    /** A car with keyframes on the first two and last two frames and one in the middle. */
    function edgeKeyframes(): ExportRecord {
      const entry = videoExample.task.tools.find((tool) => tool.objectId === 'b1')!;
      const tools = KEYFRAMES.map((page) => ({ ...entry, page, keyframe: true as const }));
      return { ...videoExample, metadata: { width: 640, height: 360, frameTotal: 300, frameRate: 30 }, task: { ...videoExample.task, tools } };
    }

    it('settles on the frame already shown, → on the last frame and ← on frame 0, and seeks still change the picture after', async () => {
      const element = await mount();
      await element.seekToFrame(100);
      expect(await settles(element.seekToFrame(100), 'the second seekToFrame(100)')).to.equal(100);
      await settles(element.settled(), 'settled()');
      expect(await element.seekToFrame(50)).to.equal(50);
      expect(await frameShown(element)).to.equal(50);
      await press('End');
      await until(() => element.currentFrame === LAST, 'the last frame');
      await settles(element.settled(), 'settled() on the last frame');
      await press('ArrowRight');
      await settles(element.settled(), 'settled() after → on the last frame');
      expect(element.currentFrame).to.equal(LAST);
      expect(await frameShown(element)).to.equal(LAST);
      await press('ArrowLeft');
      await until(() => element.currentFrame === LAST - 1, 'the frame before the last');
      expect(await frameShown(element)).to.equal(LAST - 1);
      await press('Home');
      await until(() => element.currentFrame === 0, 'frame 0');
      await press('ArrowLeft');
      await settles(element.settled(), 'settled() after ← on frame 0');
      expect(await settles(element.seekToFrame(50), 'seekToFrame(50) after ← on frame 0')).to.equal(50);
      expect(await frameShown(element)).to.equal(50);
      expect(await element.seekToFrame(LAST)).to.equal(LAST);
      expect(await settles(element.stepFrames(1), 'stepFrames(1) on the last frame')).to.equal(LAST);
      await press('Home');
      await until(() => element.currentFrame === 0, 'frame 0 again');
      expect(await frameShown(element)).to.equal(0);
    });

    /**
     * Property: whatever the order of seeks, steps (API and keys), Home/End, keyframe jumps, play
     * and pause, at the edges and overlapping, every call settles, `settled()` resolves, the
     * screen shows the frame the element reports (and the player bar), and a round whose last
     * call goes to a known frame ends there.
     */
    it('property: random seeks, steps, keys, keyframe jumps, play and pause at the edges all settle, and the screen shows the frame reported', async function () {
      this.timeout(120000);
      const seed = EDGE_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 32);
      console.log(`lk-video edge property: seed ${seed} (set EDGE_PROPERTY_SEED = ${seed} to replay)`);
      const random = seededRandom(seed);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const element = await mount();
      element.annotations = edgeKeyframes();
      await element.settled();
      const input = () => element.shadowRoot!.querySelector<HTMLInputElement>('.frame-input')!;
      const history: string[] = [];

      interface Call {
        name: string;
        /** The frame this call goes to when it is the last (undefined: relative, or playback). */
        absolute?: number;
        pauseOnly?: boolean;
        run(): Promise<unknown>;
      }
      const seekTargets = (plane: number) => [0, 1, LAST - 1, LAST, plane, plane, plane + 1, plane - 1, -3, LAST + 10, Math.floor(random() * 300)];
      const keyframeAfter = (plane: number, direction: -1 | 1) =>
        (direction > 0 ? KEYFRAMES.find((k) => k > plane) : [...KEYFRAMES].reverse().find((k) => k < plane)) ?? plane;
      function call(plane: number, alone: boolean): Call {
        const kind = pick(['seek', 'seek', 'step', 'key', 'key', 'keyframe', 'play', 'pause'] as const);
        if (kind === 'seek') {
          const frame = pick(seekTargets(plane));
          return { name: `seekToFrame(${frame})`, absolute: clamp(frame), run: () => element.seekToFrame(frame) };
        }
        if (kind === 'step') {
          const delta = pick([-10, -1, 1, 10]);
          return { name: `stepFrames(${delta})`, ...(alone ? { absolute: clamp(plane + delta) } : {}), run: () => element.stepFrames(delta) };
        }
        if (kind === 'key') {
          const key = pick(['ArrowLeft', 'ArrowRight', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Home', 'End', 'Home', 'End']);
          const frame = { ArrowLeft: plane - 1, ArrowRight: plane + 1, 'Shift+ArrowLeft': plane - 10, 'Shift+ArrowRight': plane + 10, Home: 0, End: LAST }[key]!;
          const absolute = key === 'Home' || key === 'End' || alone ? clamp(frame) : undefined;
          return { name: `press ${key}`, ...(absolute !== undefined ? { absolute } : {}), run: () => press(key) };
        }
        if (kind === 'keyframe') {
          const direction = pick([-1, 1] as const);
          const key = pick([',', '.', 'api'] as const);
          const run = key === 'api' ? async () => element.jumpToKeyframe(direction) : () => press(direction < 0 ? ',' : '.');
          return { name: key === 'api' ? `jumpToKeyframe(${direction})` : `press ${direction < 0 ? ',' : '.'}`, ...(alone ? { absolute: keyframeAfter(plane, direction) } : {}), run };
        }
        if (kind === 'pause') return { name: 'pause()', pauseOnly: true, run: () => element.pause() };
        if (!alone) return { name: 'play()', run: () => element.play() };
        return {
          name: 'play(), a few frames, pause()',
          run: async () => {
            const from = element.currentFrame;
            await element.play();
            await until(() => element.paused || element.currentFrame >= from + 3 || element.currentFrame < from, 'playback to move on');
            await element.pause();
          },
        };
      }

      const started = performance.now();
      for (let round = 0; round < ROUNDS; round++) {
        const plane = element.currentFrame;
        const size = random() < 0.6 ? 1 : 2 + Math.floor(random() * 2);
        const calls = Array.from({ length: size }, () => call(plane, size === 1));
        const label = `seed ${seed}, round ${round} from frame ${plane}: ${calls.map((c) => c.name).join(' ∥ ')}`;
        history.push(label);
        const context = `${label}\nbefore: ${history.slice(-6, -1).join('\n')}`;
        // Overlapping: each call starts before the one before it has settled.
        const pending: Array<Promise<unknown>> = [];
        for (const c of calls) {
          // A key press is handled by the time it is sent; the calls before it are still running.
          if (c.name.startsWith('press')) await settles(c.run(), `${c.name} (${context})`);
          else pending.push(c.run());
        }
        await settles(Promise.all(pending), `the calls (${context})`);
        await settles(element.settled(), `settled() (${context})`);
        if (!element.paused) await settles(element.pause(), `pause() (${context})`);
        await settles(element.settled(), `settled() after pausing (${context})`);
        // A pause after the last move keeps its frame.
        const lastMove = calls.map((c) => !c.pauseOnly).lastIndexOf(true);
        const expected = lastMove >= 0 ? calls[lastMove]!.absolute : undefined;
        if (expected !== undefined) expect(element.currentFrame, `the frame asked for last (${context})`).to.equal(expected);
        expect(await frameShown(element), `the screen shows the frame reported (${context})`).to.equal(element.currentFrame);
        await element.updateComplete;
        expect(input().value, `the player bar (${context})`).to.equal(String(element.currentFrame));
      }
      console.log(`lk-video edge property: ${ROUNDS} rounds in ${Math.round(performance.now() - started)} ms`);
    });
  });

  describe('bad input', () => {
    it('reports an unsupported codec as asset-unsupported and stays usable', async () => {
      const element = await fixture<LkVideo>(html`<lk-video style="--lk-height: 480px; width: 800px" .ontology=${ontology}></lk-video>`);
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      element.src = UNSUPPORTED_URL;
      expect((await error).detail.code).to.equal('asset-unsupported');
      element.annotations = videoExample;
      expect(element.export().task.tools.length).to.be.greaterThan(0);
      const ready = nextEvent(element, 'lk-ready');
      element.src = FRAME_NUMBERS_URL;
      await ready;
      expect(element.export().task.tools.length, 'annotations survive the failed load').to.be.greaterThan(0);
      // And from one video to the next.
      const next = nextEvent(element, 'lk-ready');
      element.src = BOTTLES_URL;
      await next;
      expect(element.frameTotal).to.equal(1189);
      expect(await element.seekToFrame(11)).to.equal(11);
      expect(element.renderedIds()).to.deep.equal(['b1']);
    });

    it('reports a truncated file and a missing file, never with the URL in the message', async () => {
      const element = await fixture<LkVideo>(html`<lk-video style="--lk-height: 480px; width: 800px" .ontology=${ontology}></lk-video>`);
      const bytes = await fixtureBytes(BOTTLES_URL);
      let error = nextEvent<CustomEvent>(element, 'lk-error');
      element.src = blobUrl(bytes.subarray(0, bytes.length >> 1), 'video/mp4');
      expect((await error).detail.code).to.equal('asset-load');
      error = nextEvent<CustomEvent>(element, 'lk-error');
      element.src = '/test/fixtures/video/missing.webm?X-Amz-Signature=secret';
      const { detail } = await error;
      expect(detail.code).to.equal('asset-not-found');
      expect(detail.message).not.to.contain('secret');
      expect(detail.message).not.to.contain('missing.webm');
    });

    it('opens a truncated WebM, reports the frame past the cut as asset-load, and the frame number says what is shown', async () => {
      const bytes = await fixtureBytes(FRAME_NUMBERS_URL);
      const element = await mount({ src: blobUrl(bytes.subarray(0, bytes.length >> 1), 'video/webm') });
      const id = await drawCar(element, 10, [200, 100], [280, 180]);
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      await typeFrame(element, 280);
      const { detail } = await error;
      expect(detail.code).to.equal('asset-load');
      expect(detail.message).to.match(/truncated|damaged/);
      await element.settled();
      expect(element.currentFrame).to.not.equal(280);
      expect(element.currentFrame).to.equal(await frameShown(element));
      expect(element.session.store.state.objects.has(id)).to.equal(true);
      // On the stage too, as a load error is.
      await expectStageError(element, detail.message);
      // Frames before the cut still work, and the message goes.
      expect(await element.seekToFrame(40)).to.equal(40);
      expect(await frameShown(element)).to.equal(40);
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.status.error')).to.equal(null);
    });

    it('shows a decode error in a zeroed range of the real file on the stage, and seeks past the damage show their frames', async function () {
      this.timeout(120000);
      const bytes = await fixtureBytes(BOTTLES_URL);
      // Bytes in the keyframe group of frames 500–749 are lost; the file keeps its size and index.
      const element = await mount({ src: blobUrl(zeroedRange(bytes, 200_000, 220_000), 'video/mp4') });
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      const shown = await settles(element.seekToFrame(600), 'the seek into the damage');
      const { detail } = await error;
      expect(detail.code).to.equal('asset-load');
      expect(shown).to.not.equal(600);
      expect(element.currentFrame).to.equal(shown);
      await expectStageError(element, detail.message);
      // Past the damage, and back before it: the frames asked for, not the last one decoded.
      for (const frame of [900, 50]) {
        expect(await settles(element.seekToFrame(frame), `seekToFrame(${frame})`)).to.equal(frame);
        await expectRealFrameShown(element, frame);
      }
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.status.error')).to.equal(null);
      // By keyboard too.
      element.focus();
      await press('ArrowRight');
      await until(() => element.currentFrame === 51, 'frame 51');
      await expectRealFrameShown(element, 51);
    });

    it('fires no lk-ready for a file with its index but no frames (MP4 moov first and cut, WebM cut in its first cluster): asset-load, on the stage', async () => {
      const mp4 = mp4IndexOnly(await fixtureBytes(BOTTLES_URL));
      const webm = webmIndexOnly(await fixtureBytes(FRAME_NUMBERS_URL));
      for (const [bytes, type] of [
        [mp4, 'video/mp4'],
        [webm, 'video/webm'],
      ] as const) {
        const element = await fixture<LkVideo>(html`<lk-video style="--lk-height: 480px; width: 800px" .ontology=${ontology}></lk-video>`);
        let ready = false;
        element.addEventListener('lk-ready', () => (ready = true));
        const outcome = Promise.race([nextEvent<CustomEvent>(element, 'lk-error'), nextEvent<CustomEvent>(element, 'lk-ready')]);
        element.src = blobUrl(bytes, type);
        const { type: fired, detail } = await outcome;
        expect(fired, `${type}: what fired`).to.equal('lk-error');
        expect(detail.code, type).to.equal('asset-load');
        expect(detail.message, type).to.match(/no frame|truncated|damaged/);
        expect(ready, `${type}: lk-ready`).to.equal(false);
        await expectStageError(element, detail.message);
      }
    });

    it('opens from a fresh URL when the signed URL has already expired, without ever requesting the expired one', async () => {
      await clearRequestLog();
      const expired = await signedUrl('video/frame-numbers.webm', { ttlSeconds: -60 });
      let asked = 0;
      const errors: CustomEvent[] = [];
      const element = await fixture<LkVideo>(html`<lk-video
        style="--lk-height: 480px; width: 800px"
        asset-id="a-video"
        .ontology=${ontology}
        .resolveUrl=${() => {
          asked++;
          return signedUrl('video/frame-numbers.webm');
        }}
        @lk-error=${(e: CustomEvent) => errors.push(e)}
      ></lk-video>`);
      const ready = nextEvent(element, 'lk-ready');
      element.src = expired;
      await ready;
      expect(asked).to.be.at.least(1);
      expect(errors).to.deep.equal([]);
      expect(await element.seekToFrame(77)).to.equal(77);
      expect(await frameShown(element)).to.equal(77);
      const expiredExp = new URLSearchParams(expired.split('?')[1]).get('exp');
      const requests = (await servedRequests()).filter((r) => r.path.endsWith('frame-numbers.webm'));
      expect(requests.length, 'the video was read').to.be.greaterThan(0);
      expect(requests.filter((r) => new URLSearchParams(r.query).get('exp') === expiredExp), 'requests with the expired URL').to.deep.equal([]);
    });

    /**
     * The signed URL expires while the element is open, and the frames asked for next are not
     * buffered: the server caps its range answers (`maxBytesPerResponse`) and the video was opened
     * with preload="metadata", so the far end of the file must be fetched again, with the expired
     * URL. The server's log proves the 403 and the request with the fresh URL.
     */
    async function expireMidSession(resolveUrl?: LkVideo['resolveUrl']): Promise<{ element: LkVideo; id: string; url: string; errors: CustomEvent[] }> {
      await clearRequestLog();
      const url = await signedUrl(EXPIRING_PATH, { ttlSeconds: 2, maxBytesPerResponse: 32 * 1024 });
      const element = await mount({ src: url, preload: 'metadata', ...(resolveUrl ? { resolveUrl } : {}) });
      const errors: CustomEvent[] = [];
      element.addEventListener('lk-error', (e) => errors.push(e as CustomEvent));
      const id = await drawCar(element, 5, [200, 100], [280, 180]);
      const exp = Number(new URLSearchParams(url.split('?')[1]).get('exp'));
      // Until the server refuses the URL (the signature holds to the second).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 300));
      const probe = await fetch(url, { headers: { Range: 'bytes=0-0' } });
      expect(probe.status, 'the URL has expired').to.equal(403);
      return { element, id, url, errors };
    }

    /** The video requests the server answered since the test began: [status, exp] in order. */
    async function videoRequests(): Promise<Array<[number, string]>> {
      return (await servedRequests())
        .filter((r) => r.path.endsWith('frame-numbers.webm') && r.headers['range'] !== 'bytes=0-0')
        .map((r) => [r.status, new URLSearchParams(r.query).get('exp') ?? '']);
    }

    it('keeps the position and the annotations when the URL expires mid-session: a seek refreshes it first, never sending the expired URL', async function () {
      this.timeout(120000);
      const reasons: string[] = [];
      const { element, id, url, errors } = await expireMidSession(({ reason }) => {
        reasons.push(reason);
        return signedUrl(EXPIRING_PATH, { maxBytesPerResponse: 32 * 1024 });
      });
      const before = JSON.stringify(element.export().task.tools);
      // Far ahead, typed into the frame field: those bytes were never fetched.
      await typeFrame(element, 290);
      await until(() => element.currentFrame === 290 && element.paused, 'frame 290');
      await element.settled();
      expect(await frameShown(element), 'the frame asked for, after reopening').to.equal(290);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
      expect(reasons).to.include('expired');
      expect(JSON.stringify(element.export().task.tools)).to.equal(before);
      expect(element.session.store.state.objects.has(id)).to.equal(true);
      const expired = new URLSearchParams(url.split('?')[1]).get('exp');
      const requests = await videoRequests();
      expect(requests.filter(([status]) => status === 403), `the video never sent the expired URL: ${JSON.stringify(requests)}`).to.deep.equal([]);
      expect(requests.some(([status, exp]) => status === 206 && exp !== expired), 'read with the fresh URL').to.equal(true);
      // And it goes on working from the fresh URL: a step and a seek back.
      element.focus();
      await press('d');
      await until(() => element.currentFrame === 291, 'frame 291');
      expect(await frameShown(element)).to.equal(291);
      expect(await element.seekToFrame(12)).to.equal(12);
      expect(await frameShown(element)).to.equal(12);
    });

    it('refreshes an expired URL on the first seek after it expired and lands on the frame asked for', async function () {
      this.timeout(120000);
      const reasons: string[] = [];
      const { element, errors } = await expireMidSession(({ reason }) => {
        reasons.push(reason);
        return signedUrl(EXPIRING_PATH, { maxBytesPerResponse: 32 * 1024 });
      });
      expect(await element.seekToFrame(LAST_FRAME)).to.equal(LAST_FRAME);
      expect(element.currentFrame).to.equal(LAST_FRAME);
      expect(await frameShown(element)).to.equal(LAST_FRAME);
      expect(reasons).to.deep.equal(['expired']);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    });

    it('makes no request once removed, also when removed while the refresh hook is still answering', async function () {
      this.timeout(120000);
      let answer!: (url: string) => void;
      let hookCalled!: () => void;
      const called = new Promise<void>((resolve) => (hookCalled = resolve));
      const { element } = await expireMidSession(() => {
        hookCalled();
        return new Promise<string>((resolve) => (answer = resolve));
      });
      const seek = element.seekToFrame(290);
      await called;
      element.remove();
      const fresh = await signedUrl(EXPIRING_PATH, { ttlSeconds: 300, maxBytesPerResponse: 32 * 1024 });
      answer(fresh);
      await settles(seek, 'the seek the removal cut short');
      // A window to watch for requests that must not come (before the fix: at once, for seconds).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const freshExp = new URLSearchParams(fresh.split('?')[1]).get('exp');
      const withFresh = (await servedRequests()).filter((r) => r.path.endsWith('frame-numbers.webm') && new URLSearchParams(r.query).get('exp') === freshExp);
      expect(withFresh, 'requests with the URL the hook gave after the removal').to.deep.equal([]);
    });

    it('keeps playing from a fresh URL when the URL expires during playback', async function () {
      this.timeout(120000);
      const { element, errors } = await expireMidSession(() => signedUrl(EXPIRING_PATH, { maxBytesPerResponse: 32 * 1024 }));
      element.playbackRate = 2;
      await press('Space');
      await until(() => element.currentFrame > 150, 'playback past frame 150');
      expect(element.paused, 'still playing after reopening').to.equal(false);
      await press('Space');
      await until(() => element.paused, 'paused');
      await element.settled();
      expect(await frameShown(element)).to.equal(element.currentFrame);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
      const requests = await videoRequests();
      expect(requests.some(([status]) => status === 403), `the video met the expired URL: ${JSON.stringify(requests)}`).to.equal(true);
    });

    it('reports asset-expired without a refresh hook and keeps the annotations and the frame shown', async function () {
      this.timeout(120000);
      const { element, id, errors } = await expireMidSession();
      const before = JSON.stringify(element.export().task.tools);
      const error = nextEvent<CustomEvent>(element, 'lk-error');
      await typeFrame(element, 290);
      const { detail } = await error;
      expect(detail.code).to.equal('asset-expired');
      expect(detail.message).not.to.contain('sig=');
      expect(detail.message).not.to.contain('frame-numbers');
      await expectStageError(element, detail.message);
      await element.settled();
      expect(errors).to.have.length(1);
      expect(JSON.stringify(element.export().task.tools)).to.equal(before);
      // The frame number says what the stage shows (the video could not go further).
      expect(element.currentFrame).to.equal(await frameShown(element));
      // Still usable: the object is selected and removed with the keyboard, and undone.
      await click(element, [240, 140]);
      expect(element.session.selection).to.deep.equal([id]);
      await press('Delete');
      expect(element.export().task.tools).to.have.length(0);
      await press('Control+z');
      expect(JSON.stringify(element.export().task.tools)).to.equal(before);
    });
  });
});
