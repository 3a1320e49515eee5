/**
 * The WebCodecs frame decoder (src/media/video/decode/frame-decoder.ts) on the real H.264 file:
 * what scrubbing and stepping rely on. Each frame drawn is compared with the same frame decoded
 * by a `<video>` of its own (closer to it than to its neighbours).
 */
import { expect } from '@open-wc/testing';
import { openDecodedFrames, type DecodedFrames } from '../../../src/media/video/decode/frame-decoder.js';
import { BOTTLES_FPS, THUMB, meanDifference, referenceFrame } from '../../elements/lk-video-helpers.js';
import { BOTTLES_URL, fetchRangeReader } from './video-helpers.js';

/** The frame `decoded.show` draws, scaled to 160×90 RGBA; undefined when it drew nothing. */
async function shownPixels(decoded: DecodedFrames, frame: number, superseded?: () => boolean): Promise<Uint8ClampedArray | undefined> {
  const thumb = new OffscreenCanvas(THUMB.width, THUMB.height);
  const context = thumb.getContext('2d', { willReadFrequently: true })!;
  let drawn = false;
  const shown = await decoded.show(
    frame,
    (videoFrame) => {
      context.drawImage(videoFrame, 0, 0, THUMB.width, THUMB.height);
      drawn = true;
    },
    superseded,
  );
  expect(shown, `show(${frame}) resolves whether it drew`).to.equal(drawn);
  return drawn ? context.getImageData(0, 0, THUMB.width, THUMB.height).data : undefined;
}

async function expectFrame(pixels: Uint8ClampedArray | undefined, frame: number): Promise<void> {
  expect(pixels, `frame ${frame} drawn`).to.not.equal(undefined);
  const differences = await Promise.all([frame - 1, frame, frame + 1].map(async (f) => meanDifference(pixels!, await referenceFrame(BOTTLES_URL, BOTTLES_FPS, f))));
  expect(differences[1]!, `frame ${frame}: differences to ${frame - 1}, ${frame}, ${frame + 1}: ${differences.map((d) => d.toFixed(2))}`).to.be.below(
    Math.min(differences[0]!, differences[2]!),
  );
}

describe('WebCodecs frame decoder', () => {
  let decoded: DecodedFrames | undefined;

  afterEach(() => {
    decoded?.destroy();
    decoded = undefined;
  });

  it('steps forward over a keyframe without a flush in between: every frame is exact and the cache stays bounded', async function () {
    this.timeout(90000);
    decoded = (await openDecodedFrames(fetchRangeReader(BOTTLES_URL)))!;
    expect(decoded, 'WebCodecs decodes the H.264 fixture').to.not.equal(undefined);
    // Keyframe 250 starts a group: 247–253 go from the end of one group into the next.
    const frames = [247, 248, 249, 250, 251, 252, 253];
    const shown: Uint8ClampedArray[] = [];
    for (const frame of frames) shown.push((await shownPixels(decoded, frame))!);
    for (const [i, frame] of frames.entries()) await expectFrame(shown[i], frame);
    const { frames: held, bytes, limits } = decoded.cached;
    expect(held).to.be.within(1, limits.maxFrames);
    expect(bytes).to.be.at.most(limits.maxBytes);
  });

  it('a show overtaken by a later frame draws nothing; the later frame, in another keyframe group, is exact', async function () {
    this.timeout(60000);
    decoded = (await openDecodedFrames(fetchRangeReader(BOTTLES_URL)))!;
    expect(await shownPixels(decoded, 640, () => true)).to.equal(undefined);
    // Overtaken once its samples are fed and the decoder is at work (the second check).
    let checks = 0;
    const overtaken = shownPixels(decoded, 900, () => ++checks > 1);
    const last = shownPixels(decoded, 120);
    expect(await overtaken).to.equal(undefined);
    expect(checks, 'checked again while decoding').to.equal(2);
    await expectFrame(await last, 120);
    // And back into the group the overtaken call had started on.
    await expectFrame(await shownPixels(decoded, 899), 899);
  });
});
