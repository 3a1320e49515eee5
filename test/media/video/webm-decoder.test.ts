/**
 * The WebCodecs frame decoder on the real VP9 WebM (demuxed by mediabunny, webm-track.ts): each
 * frame drawn is read back from the frame number burned into its picture (three grey blocks).
 */
import { expect } from '@open-wc/testing';
import { openDecodedFrames, type DecodedFrames } from '../../../src/media/video/decode/frame-decoder.js';
import { FRAME_NUMBERS_URL, fetchRangeReader, frameNumberFrom } from './video-helpers.js';

/** frame-numbers.webm: 300 frames, a keyframe every 30. */
const FRAMES = 300;

/** The frame number in the picture `decoded.show(frame)` draws; undefined when it drew nothing. */
async function numberShown(decoded: DecodedFrames, frame: number, superseded?: () => boolean): Promise<number | undefined> {
  const canvas = new OffscreenCanvas(640, 360);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const drawn = await decoded.show(frame, (videoFrame) => context.drawImage(videoFrame, 0, 0, 640, 360), superseded);
  return drawn ? frameNumberFrom((x, y) => context.getImageData(x, y, 1, 1).data[0]!) : undefined;
}

describe('WebCodecs frame decoder on WebM', () => {
  let decoded: DecodedFrames | undefined;

  afterEach(() => {
    decoded?.destroy();
    decoded = undefined;
  });

  it('decodes the real VP9 WebM: every frame of a step over a keyframe, jumps back and forth, and the last frame are exact', async function () {
    this.timeout(60000);
    decoded = await openDecodedFrames(fetchRangeReader(FRAME_NUMBERS_URL));
    expect(decoded, 'WebCodecs decodes the VP9 fixture').to.not.equal(undefined);
    expect(decoded!.frameTotal).to.equal(FRAMES);
    // Keyframe 60 starts a group: 57–63 go from the end of one group into the next.
    for (const frame of [57, 58, 59, 60, 61, 62, 63]) expect(await numberShown(decoded!, frame)).to.equal(frame);
    for (const frame of [59, 200, 137, 12, 0, FRAMES - 1, 151]) expect(await numberShown(decoded!, frame)).to.equal(frame);
    const { frames: held, bytes, limits } = decoded!.cached;
    expect(held).to.be.within(1, limits.maxFrames);
    expect(bytes).to.be.at.most(limits.maxBytes);
  });

  it('a show overtaken by a later frame draws nothing; the later frame, in another keyframe group, is exact', async function () {
    this.timeout(60000);
    decoded = (await openDecodedFrames(fetchRangeReader(FRAME_NUMBERS_URL)))!;
    let checks = 0;
    const overtaken = numberShown(decoded, 250, () => ++checks > 1);
    const last = numberShown(decoded, 95);
    expect(await overtaken).to.equal(undefined);
    expect(await last).to.equal(95);
    expect(await numberShown(decoded, 249)).to.equal(249);
  });

  it('an overtaken show hands the frame its decode reached to drawPassing: that frame, exact, before the one asked for', async function () {
    this.timeout(60000);
    decoded = (await openDecodedFrames(fetchRangeReader(FRAME_NUMBERS_URL)))!;
    const canvas = new OffscreenCanvas(640, 360);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const passing: Array<{ index: number; number: number }> = [];
    // Frame 269 is 29 frames into the group of keyframe 240; overtaken once the first of them is out.
    const drawn = await decoded.show(
      269,
      () => expect.fail('the overtaken frame is not drawn'),
      () => decoded!.cached.frames > 0,
      (frame, index) => {
        context.drawImage(frame, 0, 0, 640, 360);
        passing.push({ index, number: frameNumberFrom((x, y) => context.getImageData(x, y, 1, 1).data[0]!) });
      },
    );
    expect(drawn).to.equal(false);
    expect(passing).to.have.length(1);
    expect(passing[0]!.index).to.be.within(240, 268);
    expect(passing[0]!.number).to.equal(passing[0]!.index);
  });
});
