/**
 * <lk-video>'s WebCodecs path (docs/elements/lk-video.md, "Decoding"): seeks, steps and scrubbing
 * on an MP4 decode with a `VideoDecoder` from the file's own samples, read through the host
 * contract, and on a WebM likewise (demuxed by mediabunny); what it cannot decode (a codec the
 * browser lacks, a decoder failure, `decoding="element"`) stays on the
 * `<video>` element. Frame accuracy is checked on the screen against independent `<video>` decodes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-video/define.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { LkTimeline } from '../../src/elements/panels/timeline/lk-timeline.js';
import { expectRealFrameShown, frameShown } from './lk-video-helpers.js';
import { clearRequestLog, servedRequests, signedUrl } from '../server/signed-assets-client.js';
import { BOTTLES_URL, FRAME_NUMBERS_URL, blobUrl, fixtureBytes } from '../media/video/video-helpers.js';
import { zeroedRange } from '../media/video/damaged-videos.js';
import { ONTOLOGY_URL, fetchJson, nextEvent, press, resetMouse, sendMouse } from './helpers.js';
import { until } from './waits.js';

/** Frames of bottle-detection.mp4; its keyframes are 0, 250, 500, 750 and 1000. */
const BOTTLES_FRAMES = 1189;

async function mount(src: string, attributes: Partial<Pick<LkVideo, 'decoding' | 'resolveUrl' | 'preload'>> = {}): Promise<LkVideo> {
  const element = await fixture<LkVideo>(html`
    <lk-video
      style="--lk-height: 640px; width: 1000px"
      decoding=${attributes.decoding ?? 'webcodecs'}
      preload=${attributes.preload ?? 'auto'}
      .resolveUrl=${attributes.resolveUrl}
      .ontology=${await fetchJson(ONTOLOGY_URL)}
    ></lk-video>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = src;
  await ready;
  await element.decodingReady;
  await element.settled();
  element.focus();
  return element;
}

/** Presses `key` and waits for the frame it goes to. */
/** Where on the timeline's ruler a pointer lands on `frame` (`x(frame)`), at the ruler's middle (`y`). */
async function rulerPoints(element: LkVideo, frameTotal = BOTTLES_FRAMES): Promise<{ x: (frame: number) => number; y: number }> {
  const timeline = element.shadowRoot!.querySelector<LkTimeline>('lk-timeline')!;
  await timeline.updateComplete;
  const ruler = timeline.shadowRoot!.querySelector<HTMLElement>('.ruler .track')!.getBoundingClientRect();
  return { x: (frame) => Math.round(ruler.left + ((frame + 0.5) * ruler.width) / frameTotal), y: Math.round(ruler.top + ruler.height / 2) };
}

async function pressTo(element: LkVideo, key: string, frame: number): Promise<void> {
  await press(key);
  await until(() => element.currentFrame === frame, `frame ${frame} after ${key}`);
  await element.settled();
}

describe('<lk-video> decoding with WebCodecs', () => {
  before(async function () {
    // The first test would otherwise pay for serving pixi.js, the surface and the decoder cold.
    this.timeout(60000);
    await import('../../src/canvas/surface.js');
    await import('../../src/media/video/decode/frame-decoder.js');
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('decodes the real H.264 MP4 with WebCodecs: jumps into a keyframe group, steps back across a keyframe and on, frame-accurately', async function () {
    this.timeout(90000);
    const element = await mount(BOTTLES_URL);
    expect(element.decodingPath).to.equal('webcodecs');
    expect(element.frameTotal).to.equal(BOTTLES_FRAMES);
    // Frame 620 is 120 frames into the group of keyframe 500.
    expect(await element.seekToFrame(620)).to.equal(620);
    await expectRealFrameShown(element, 620);
    expect(await element.seekToFrame(501)).to.equal(501);
    await pressTo(element, 'ArrowLeft', 500);
    await expectRealFrameShown(element, 500);
    // Back over the keyframe: 499 is the last frame of the previous group.
    await pressTo(element, 'ArrowLeft', 499);
    await expectRealFrameShown(element, 499);
    await pressTo(element, 'ArrowRight', 500);
    await pressTo(element, 'ArrowRight', 501);
    await expectRealFrameShown(element, 501);
    await pressTo(element, 'Shift+ArrowRight', 511);
    await expectRealFrameShown(element, 511);
    // Near the end (the last group ends with the file, flushed out of the decoder).
    expect(await element.seekToFrame(BOTTLES_FRAMES - 2)).to.equal(BOTTLES_FRAMES - 2);
    await expectRealFrameShown(element, BOTTLES_FRAMES - 2);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it('scrubbing the timeline over the whole file keeps the decoded frames within their bound and lands on the frame under the pointer', async function () {
    this.timeout(90000);
    const element = await mount(BOTTLES_URL);
    const { x, y } = await rulerPoints(element);
    await sendMouse({ type: 'move', position: [x(0), y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 20; i++) await sendMouse({ type: 'move', position: [x(Math.round((i * (BOTTLES_FRAMES - 1)) / 20)), y] });
    await sendMouse({ type: 'move', position: [x(700), y] });
    await sendMouse({ type: 'up' });
    await until(() => Math.abs(element.currentFrame - 700) <= 1, 'about frame 700 after scrubbing');
    await element.settled();
    const landed = element.currentFrame;
    await expectRealFrameShown(element, landed);
    const cache = element.decodedFrames!;
    expect(cache.frames, 'frames held').to.be.within(1, cache.limits.maxFrames);
    expect(cache.bytes, 'bytes held').to.be.at.most(cache.limits.maxBytes);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it('→ pressed quickly over a keyframe, then ← back over it: each frame landed on is exact (frames decoded ahead and kept behind)', async function () {
    this.timeout(90000);
    const element = await mount(BOTTLES_URL);
    expect(await element.seekToFrame(246)).to.equal(246);
    // Six presses without waiting for the frames, as a held key sends them: 246 → 252, over keyframe 250.
    for (let i = 0; i < 6; i++) await press('ArrowRight');
    await until(() => element.currentFrame === 252, 'frame 252 after six →');
    await element.settled();
    await expectRealFrameShown(element, 252);
    for (let i = 0; i < 3; i++) await press('ArrowLeft');
    await until(() => element.currentFrame === 249, 'frame 249 after three ←');
    await element.settled();
    await expectRealFrameShown(element, 249);
    const cache = element.decodedFrames!;
    expect(cache.frames, 'frames held').to.be.within(1, cache.limits.maxFrames);
    expect(cache.bytes, 'bytes held').to.be.at.most(cache.limits.maxBytes);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it('a quick scrub forward that turns back inside a keyframe group lands on the exact frame under the pointer', async function () {
    this.timeout(90000);
    const element = await mount(BOTTLES_URL);
    const { x, y } = await rulerPoints(element);
    await sendMouse({ type: 'move', position: [x(100), y] });
    await sendMouse({ type: 'down' });
    // Forward over four keyframe groups in big moves, then back into the group of keyframe 250.
    for (const frame of [300, 520, 780, 1050, 900, 600, 420, 400]) await sendMouse({ type: 'move', position: [x(frame), y] });
    await sendMouse({ type: 'up' });
    await until(() => Math.abs(element.currentFrame - 400) <= 1, 'about frame 400 after scrubbing back');
    await element.settled();
    await expectRealFrameShown(element, element.currentFrame);
    const cache = element.decodedFrames!;
    expect(cache.frames, 'frames held').to.be.within(1, cache.limits.maxFrames);
    expect(cache.bytes, 'bytes held').to.be.at.most(cache.limits.maxBytes);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it('plays from the decoded frame shown and pauses on a frame the decoder shows again', async function () {
    this.timeout(60000);
    const element = await mount(BOTTLES_URL);
    await element.seekToFrame(800);
    await press('Space');
    await until(() => !element.paused, 'playing');
    await until(() => element.currentFrame > 810, 'playback past 810');
    await press('Space');
    await until(() => element.paused, 'paused');
    await element.settled();
    expect(element.currentFrame).to.be.above(810);
    await expectRealFrameShown(element, element.currentFrame);
  });

  it('decoding="element" keeps the <video> element decoding, frame-accurately', async function () {
    this.timeout(60000);
    const element = await mount(BOTTLES_URL, { decoding: 'element' });
    expect(element.decodingPath).to.equal('element');
    expect(element.decodedFrames).to.equal(undefined);
    expect(await element.seekToFrame(620)).to.equal(620);
    await expectRealFrameShown(element, 620);
    await pressTo(element, 'ArrowLeft', 619);
    await expectRealFrameShown(element, 619);
  });

  it('decodes the real VP9 WebM with WebCodecs (mediabunny demuxes it): jumps, steps over a keyframe both ways and scrubbing land on the exact frame', async function () {
    this.timeout(90000);
    const element = await mount(FRAME_NUMBERS_URL);
    expect(element.decodingPath).to.equal('webcodecs');
    expect(element.frameTotal).to.equal(300);
    for (const frame of [137, 12]) {
      expect(await element.seekToFrame(frame)).to.equal(frame);
      expect(await frameShown(element)).to.equal(frame);
    }
    // Keyframes every 30 frames: 58 → 61 steps into the group of 60, then back over it.
    expect(await element.seekToFrame(58)).to.equal(58);
    for (const frame of [59, 60, 61]) {
      await pressTo(element, 'ArrowRight', frame);
      expect(await frameShown(element)).to.equal(frame);
    }
    for (const frame of [60, 59]) {
      await pressTo(element, 'ArrowLeft', frame);
      expect(await frameShown(element)).to.equal(frame);
    }
    const { x, y } = await rulerPoints(element, 300);
    await sendMouse({ type: 'move', position: [x(20), y] });
    await sendMouse({ type: 'down' });
    for (const frame of [70, 160, 250, 190, 215]) await sendMouse({ type: 'move', position: [x(frame), y] });
    await sendMouse({ type: 'up' });
    await until(() => Math.abs(element.currentFrame - 215) <= 1, 'about frame 215 after scrubbing');
    await element.settled();
    expect(await frameShown(element)).to.equal(element.currentFrame);
    const cache = element.decodedFrames!;
    expect(cache.frames, 'frames held').to.be.within(1, cache.limits.maxFrames);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it("a WebM read through the host's fetchAsset decodes with WebCodecs from the bytes the host gave: every request carries the host's header, seeks and steps request nothing more", async function () {
    this.timeout(60000);
    await clearRequestLog();
    const url = await signedUrl('video/frame-numbers.webm');
    const element = await fixture<LkVideo>(html`<lk-video
      style="--lk-height: 640px; width: 1000px"
      .ontology=${await fetchJson(ONTOLOGY_URL)}
      .fetchAsset=${(target: string, init: RequestInit) => fetch(target, { ...init, headers: { ...(init.headers as Record<string, string>), 'X-Labelkit-Test': 'token' } })}
    ></lk-video>`);
    const ready = nextEvent(element, 'lk-ready');
    element.src = url;
    await ready;
    expect(await element.decodingReady).to.equal('webcodecs');
    await element.settled();
    element.focus();
    const webmRequests = async () => (await servedRequests()).filter((r) => r.path.endsWith('frame-numbers.webm'));
    const before = await webmRequests();
    expect(before.length).to.be.at.least(1);
    expect(before.every((r) => r.headers['x-labelkit-test'] === 'token')).to.equal(true);
    expect(await element.seekToFrame(271)).to.equal(271);
    expect(await frameShown(element)).to.equal(271);
    await pressTo(element, 'ArrowLeft', 270);
    await pressTo(element, 'ArrowLeft', 269);
    expect(await frameShown(element)).to.equal(269);
    expect((await webmRequests()).length).to.equal(before.length);
    expect(element.decodingPath).to.equal('webcodecs');
  });

  it('preload="metadata" keeps a WebM on the <video> element (its blocks are listed by reading the whole file), frame-accurately', async () => {
    const element = await mount(FRAME_NUMBERS_URL, { preload: 'metadata' });
    expect(element.decodingPath).to.equal('element');
    expect(await element.seekToFrame(137)).to.equal(137);
    expect(await frameShown(element)).to.equal(137);
  });

  it('a WebM whose codec VideoDecoder refuses stays on the <video> element, frame-accurately', async function () {
    this.timeout(60000);
    // As in a browser without a VP9 decoder: isConfigSupported says no.
    const isConfigSupported = VideoDecoder.isConfigSupported;
    VideoDecoder.isConfigSupported = (config) => Promise.resolve({ supported: false, config });
    try {
      const element = await mount(FRAME_NUMBERS_URL);
      expect(element.decodingPath).to.equal('element');
      for (const frame of [137, 12]) {
        expect(await element.seekToFrame(frame)).to.equal(frame);
        expect(await frameShown(element)).to.equal(frame);
      }
      await pressTo(element, 'ArrowRight', 13);
      expect(await frameShown(element)).to.equal(13);
    } finally {
      VideoDecoder.isConfigSupported = isConfigSupported;
    }
  });

  it('a decoder failure (damaged samples) hands seeks to the <video> element, which reports the damage; frames outside it still show', async function () {
    this.timeout(60000);
    // Bytes in the keyframe group of frames 500–749 are lost; the file keeps its size and index.
    const element = await mount(blobUrl(zeroedRange(await fixtureBytes(BOTTLES_URL), 200_000, 220_000), 'video/mp4'));
    expect(element.decodingPath).to.equal('webcodecs');
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    await element.seekToFrame(600);
    expect((await error).detail.code).to.equal('asset-load');
    expect(element.decodingPath).to.equal('element');
    expect(await element.seekToFrame(900)).to.equal(900);
    await expectRealFrameShown(element, 900);
  });

  it('reads the samples through the host contract: an expired signed URL is refreshed with resolveUrl and never sent', async function () {
    this.timeout(60000);
    await clearRequestLog();
    const path = 'video/bottle-detection.mp4';
    const url = await signedUrl(path, { ttlSeconds: 2 });
    const reasons: string[] = [];
    const element = await mount(url, {
      resolveUrl: ({ reason }) => {
        reasons.push(reason);
        return signedUrl(path);
      },
    });
    expect(element.decodingPath).to.equal('webcodecs');
    const errors: string[] = [];
    element.addEventListener('lk-error', (e) => errors.push((e as CustomEvent).detail.code));
    const exp = Number(new URLSearchParams(url.split('?')[1]).get('exp'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 300));
    // Far ahead: bytes the decoder has not read yet.
    expect(await element.seekToFrame(1100)).to.equal(1100);
    await expectRealFrameShown(element, 1100);
    expect(errors).to.deep.equal([]);
    expect(reasons).to.include('expired');
    const requests = (await servedRequests()).filter((r) => r.path.endsWith('bottle-detection.mp4') && r.headers['range'] !== 'bytes=0-0');
    expect(
      requests.filter((r) => r.status === 403),
      'the expired URL was never sent',
    ).to.deep.equal([]);
    expect(element.decodingPath).to.equal('webcodecs');
  });
});
