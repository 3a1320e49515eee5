import { expect } from '@open-wc/testing';
import { LabelkitError, type ErrorInfo } from '../../../src/core/errors.js';
import { openVideo, type VideoPlayer, type VideoPlayerOptions } from '../../../src/media/video/video-player.js';
import {
  BOTTLES_URL,
  FRAME_NUMBERS_URL,
  UNSUPPORTED_URL,
  blobUrl,
  fetchRangeReader,
  fixtureBytes,
  frameNumberOnCanvas,
} from './video-helpers.js';
import { mp4IndexOnly, webmIndexOnly, zeroedRange } from './damaged-videos.js';

const players: VideoPlayer[] = [];

async function open(url: string, options: Partial<VideoPlayerOptions> = {}): Promise<VideoPlayer> {
  const player = await openVideo({ url, readRange: fetchRangeReader(url), ...options });
  players.push(player);
  return player;
}

async function openFails(options: VideoPlayerOptions): Promise<LabelkitError> {
  try {
    players.push(await openVideo(options));
  } catch (error) {
    expect(error).to.be.instanceOf(LabelkitError);
    return error as LabelkitError;
  }
  throw new Error('the video opened');
}

function meanAbsoluteDifference(a: HTMLCanvasElement | ImageBitmap, b: HTMLCanvasElement): number {
  const width = 160;
  const height = 90;
  const read = (source: CanvasImageSource) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.drawImage(source, 0, 0, width, height);
    return context.getImageData(0, 0, width, height).data;
  };
  const pa = read(a);
  const pb = read(b);
  let sum = 0;
  for (let i = 0; i < pa.length; i += 4) sum += Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!);
  return sum / ((pa.length / 4) * 3);
}

describe('video player', () => {
  afterEach(() => {
    for (const player of players.splice(0)) player.destroy();
  });

  it('opens the frame-number video: 30 fps from its header, 300 frames, frame 0 in the canvas', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    expect(player.frameRate).to.deep.equal({ fps: 30, source: 'container' });
    expect(player.clock.frameTotal).to.equal(300);
    expect([player.width, player.height]).to.deep.equal([640, 360]);
    expect(player.frame).to.equal(0);
    expect(player.paused).to.equal(true);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(0);
  });

  it('shows frame n after seeking to frame n, forwards, backwards, across keyframe groups and at the end', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    for (const target of [1, 29, 30, 31, 157, 59, 60, 299, 0, 7, 222]) {
      const shown = await player.seekToFrame(target);
      expect(shown, `seek ${target}`).to.equal(target);
      expect(player.frame).to.equal(target);
      expect(frameNumberOnCanvas(player.canvas), `pixels after seek ${target}`).to.equal(target);
    }
    expect(await player.seekToFrame(10_000)).to.equal(299);
    expect(await player.seekToFrame(-5)).to.equal(0);
  });

  it('steps one and ten frames', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    await player.seekToFrame(100);
    expect(await player.step(1)).to.equal(101);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(101);
    expect(await player.step(-1)).to.equal(100);
    expect(await player.step(10)).to.equal(110);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(110);
    expect(await player.step(-10)).to.equal(100);
  });

  it('seeks to the frame already shown and past either end without jamming: settled() resolves and later seeks still change the picture', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    await player.seekToFrame(100);
    expect(await player.seekToFrame(100)).to.equal(100);
    expect(await player.settled()).to.equal(100);
    expect(await player.seekToFrame(50)).to.equal(50);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(50);
    // → on the last frame, then ←.
    expect(await player.seekToFrame(299)).to.equal(299);
    expect(await player.step(1)).to.equal(299);
    expect(await player.settled()).to.equal(299);
    expect(await player.step(-1)).to.equal(298);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(298);
    // ← on frame 0, then a seek.
    expect(await player.seekToFrame(0)).to.equal(0);
    expect(await player.step(-1)).to.equal(0);
    expect(await player.settled()).to.equal(0);
    expect(await player.seekToFrame(50)).to.equal(50);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(50);
  });

  it('takes play, pause and seek calls in the order they were made, also while the one before is still running', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    // A seek made after play() wins: the video ends up paused on its frame.
    const playing = player.play();
    const seek = player.seekToFrame(120);
    await playing;
    expect(await seek).to.equal(120);
    expect(await player.settled()).to.equal(120);
    expect(player.paused).to.equal(true);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(120);
    // play() made after a seek plays from the seek's frame.
    const seek2 = player.seekToFrame(200);
    const playing2 = player.play();
    expect(await seek2).to.equal(200);
    await playing2;
    expect(player.paused).to.equal(false);
    const frame = await player.pause();
    expect(frame).to.be.at.least(200);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(frame);
  });

  it('coalesces a burst of seeks (scrubbing) into the last one', async () => {
    const frames: number[] = [];
    const player = await open(FRAME_NUMBERS_URL, { onFrame: (frame) => frames.push(frame) });
    const seeks = [10, 20, 30, 40, 250].map((frame) => player.seekToFrame(frame));
    const results = await Promise.all(seeks);
    expect(results.at(-1)).to.equal(250);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(250);
    // Fewer frames were presented than seeks were asked for.
    expect(frames.length).to.be.below(5);
    expect(frames.at(-1)).to.equal(250);
  });

  it('plays and pauses with the frame index matching the pixels, and reports every presented frame', async () => {
    const frames: number[] = [];
    let changes = 0;
    const player = await open(FRAME_NUMBERS_URL, { onFrame: (frame) => frames.push(frame), onPlaybackChange: () => changes++ });
    await player.seekToFrame(40);
    frames.length = 0;
    player.playbackRate = 2;
    await player.play();
    expect(player.paused).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const whilePlaying = [...frames];
    const frame = await player.pause();
    expect(player.paused).to.equal(true);
    expect(frame).to.be.greaterThan(45);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(frame);
    expect(frames.at(-1)).to.equal(frame);
    await new Promise((resolve) => setTimeout(resolve, 20)); // media events are queued
    for (let i = 1; i < whilePlaying.length; i++) expect(whilePlaying[i]!).to.be.greaterThan(whilePlaying[i - 1]!);
    // Pausing settles on a frame the user saw (a late frame may be taken back), never a jump ahead.
    expect(frame).to.be.at.most(Math.max(...frames));
    expect(changes).to.be.at.least(3); // rate, play, pause
    expect(await player.step(1)).to.equal(frame + 1);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(frame + 1);
  });

  it('plays to the end and restarts from frame 0 on play', async () => {
    const player = await open(FRAME_NUMBERS_URL);
    await player.seekToFrame(295);
    player.playbackRate = 4;
    await player.play();
    await new Promise<void>((resolve) => player.video.addEventListener('ended', () => resolve(), { once: true }));
    expect(await player.settled()).to.equal(299);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(299);
    await player.play();
    await player.pause();
    expect(player.frame).to.be.below(100);
  });

  describe('the real H.264 file at 179/6 fps', () => {
    it('reads 179/6 fps and 1189 frames from the file and seeks by that rate, not 30', async () => {
      // Where the <video>'s seeks land (the WebCodecs path finds frames by sample, not by time).
      const player = await open(BOTTLES_URL, { decoding: 'element' });
      expect(player.frameRate.source).to.equal('container');
      expect(player.frameRate.fps).to.be.closeTo(179 / 6, 1e-9);
      expect(player.clock.frameTotal).to.equal(1189);
      expect(await player.seekToFrame(1000)).to.equal(1000);
      // At 30 fps frame 1000 would start at 33.333 s; here it is at 33.520 s.
      expect(player.video.currentTime).to.be.closeTo(1000.5 / (179 / 6), 1e-3);
      expect(await player.seekToFrame(1188)).to.equal(1188);
    });

    it('shows the frame that the still taken at 12 s (frame 358) shows, and not its neighbours', async () => {
      const player = await open(BOTTLES_URL);
      const still = await createImageBitmap(await (await fetch('/test/fixtures/image/bottles-frame.jpg')).blob());
      const differences = new Map<number, number>();
      for (const frame of [352, 356, 357, 358, 359, 360, 364]) {
        await player.seekToFrame(frame);
        differences.set(frame, meanAbsoluteDifference(still, player.canvas));
      }
      const best = [...differences.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      expect(best, JSON.stringify([...differences])).to.equal(358);
    });

    for (const decoding of ['webcodecs', 'element'] as const) {
      it(`seeks to the frame already shown and steps past either end without jamming (decoding: ${decoding})`, async () => {
        const player = await open(BOTTLES_URL, { decoding });
        expect(await player.decodingReady).to.equal(decoding);
        await player.seekToFrame(358);
        expect(await player.seekToFrame(358)).to.equal(358);
        expect(await player.settled()).to.equal(358);
        expect(await player.seekToFrame(1188)).to.equal(1188);
        expect(await player.step(1)).to.equal(1188);
        expect(await player.settled()).to.equal(1188);
        expect(await player.step(-1)).to.equal(1187);
        expect(await player.seekToFrame(0)).to.equal(0);
        expect(await player.step(-1)).to.equal(0);
        expect(await player.seekToFrame(50)).to.equal(50);
        if (decoding === 'element') expect(player.video.currentTime).to.be.closeTo(50.5 / (179 / 6), 1e-3);
      });
    }

    it('estimates the rate from presented frames when neither host nor header gives it', async () => {
      const player = await open(BOTTLES_URL, { readRange: undefined });
      expect(player.frameRate.source).to.equal('estimated');
      expect(player.frameRate.fps).to.be.closeTo(179 / 6, 0.01);
      expect(player.clock.frameTotal).to.equal(1189);
      expect(player.frame).to.equal(0);
    });
  });

  it("uses the host's frame rate over the file's", async () => {
    const player = await open(FRAME_NUMBERS_URL, { frameRate: '15' });
    expect(player.frameRate).to.deep.equal({ fps: 15, source: 'host' });
    expect(player.clock.frameTotal).to.equal(150);
  });

  it('estimates 30 fps for the WebM without range reads', async () => {
    const player = await open(FRAME_NUMBERS_URL, { readRange: undefined });
    expect(player.frameRate).to.deep.equal({ fps: 30, source: 'estimated' });
    expect(frameNumberOnCanvas(player.canvas)).to.equal(0);
  });

  describe('bad input', () => {
    it('rejects a codec the browser cannot decode with asset-unsupported', async () => {
      const error = await openFails({ url: UNSUPPORTED_URL });
      expect(error.code).to.equal('asset-unsupported');
    });

    it('rejects a truncated MP4 (no moov) and bytes that are not a video with asset-load', async () => {
      const bytes = await fixtureBytes(BOTTLES_URL);
      const truncated = await openFails({ url: blobUrl(bytes.subarray(0, bytes.length >> 1), 'video/mp4') });
      expect(truncated.code).to.equal('asset-load');
      expect(truncated.message).to.match(/truncated|damaged/);
      const text = await openFails({ url: blobUrl(new TextEncoder().encode('not a video'), 'video/mp4') });
      expect(text.code).to.equal('asset-load');
    });

    it('opens a truncated WebM and reports a frame past the cut instead of pretending to show it', async () => {
      const bytes = await fixtureBytes(FRAME_NUMBERS_URL);
      const errors: ErrorInfo[] = [];
      const player = await open(blobUrl(bytes.subarray(0, bytes.length >> 1), 'video/webm'), { readRange: undefined, frameRate: 30, onError: (info, kind) => errors.push({ ...info, message: kind }) });
      expect(await player.seekToFrame(20)).to.equal(20);
      expect(errors).to.deep.equal([]);
      const shown = await player.seekToFrame(280);
      expect(shown).to.not.equal(280);
      expect(frameNumberOnCanvas(player.canvas)).to.equal(shown);
      expect(errors.map((e) => [e.code, e.message])).to.deep.equal([['asset-load', 'frame']]);
    });

    it('rejects a file with its index but no frame data (an MP4 cut after its moov, a WebM cut in its first cluster) with asset-load', async () => {
      const mp4 = await openFails({ url: blobUrl(mp4IndexOnly(await fixtureBytes(BOTTLES_URL)), 'video/mp4') });
      expect(mp4.code).to.equal('asset-load');
      const webm = await openFails({ url: blobUrl(webmIndexOnly(await fixtureBytes(FRAME_NUMBERS_URL)), 'video/webm') });
      expect(webm.code).to.equal('asset-load');
    });

    it('reopens after a decode error in a zeroed range: the next seek past the damage shows its frame', async () => {
      const bytes = await fixtureBytes(BOTTLES_URL);
      const errors: string[] = [];
      const player = await open(blobUrl(zeroedRange(bytes, 200_000, 220_000), 'video/mp4'), { readRange: undefined, frameRate: 179 / 6, onError: (info, kind) => errors.push(`${info.code} ${kind}`) });
      const shown = await player.seekToFrame(600);
      expect(shown).to.not.equal(600);
      expect(errors).to.deep.equal(['asset-load media']);
      expect(await player.seekToFrame(900)).to.equal(900);
      expect(player.video.error).to.equal(null);
      expect(await player.seekToFrame(40)).to.equal(40);
    });

    it('stops waiting when aborted', async () => {
      const abort = new AbortController();
      const opening = openVideo({ url: FRAME_NUMBERS_URL, signal: abort.signal });
      abort.abort();
      const error = await opening.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as DOMException).name).to.equal('AbortError');
    });
  });

  it('reloads from a fresh URL keeping the frame and the paused state', async () => {
    const frames: number[] = [];
    const player = await open(FRAME_NUMBERS_URL, { onFrame: (frame) => frames.push(frame) });
    await player.seekToFrame(123);
    frames.length = 0;
    await player.reload(`${FRAME_NUMBERS_URL}?fresh=1`);
    expect(player.frame).to.equal(123);
    expect(player.paused).to.equal(true);
    expect(frameNumberOnCanvas(player.canvas)).to.equal(123);
    // The frames the reload passed through (0) were not announced.
    expect(frames).to.deep.equal([123]);
    expect(await player.step(1)).to.equal(124);
  });
});
