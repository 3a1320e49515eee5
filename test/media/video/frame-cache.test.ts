import { expect } from '@open-wc/testing';
import { FrameCache } from '../../../src/media/video/decode/frame-cache.js';

/** A real 64×36 VideoFrame (RGBA: 9216 bytes). */
function videoFrame(timestamp: number): VideoFrame {
  const canvas = new OffscreenCanvas(64, 36);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 36);
  return new VideoFrame(canvas, { timestamp });
}

/** A closed VideoFrame has given its memory back: no format, no size. */
const isClosed = (frame: VideoFrame) => frame.format === null && frame.codedWidth === 0;

describe('decoded frame cache', () => {
  it('keeps at most maxFrames, closing the frames farthest from the playhead', () => {
    const cache = new FrameCache({ maxFrames: 3, maxBytes: Infinity });
    const frames = [10, 11, 12, 13, 14].map((i) => [i, videoFrame(i)] as const);
    cache.setFocus(13);
    for (const [index, frame] of frames) cache.put(index, frame);
    expect(cache.size).to.equal(3);
    expect([10, 11, 12, 13, 14].filter((i) => cache.has(i))).to.deep.equal([12, 13, 14]);
    expect(frames.filter(([, frame]) => isClosed(frame)).map(([i]) => i)).to.deep.equal([10, 11]);
    cache.clear();
    expect(cache.size).to.equal(0);
    expect(cache.byteSize).to.equal(0);
    expect(frames.every(([, frame]) => isClosed(frame))).to.equal(true);
  });

  it('keeps within maxBytes by the frames’ own allocation sizes, and closes a duplicate', () => {
    const bytes = videoFrame(0).allocationSize();
    const cache = new FrameCache({ maxFrames: 100, maxBytes: bytes * 2 });
    cache.setFocus(0);
    for (let i = 0; i < 5; i++) cache.put(i, videoFrame(i));
    expect(cache.size).to.equal(2);
    expect(cache.byteSize).to.equal(bytes * 2);
    expect(cache.has(0) && cache.has(1)).to.equal(true);
    const duplicate = videoFrame(1);
    cache.put(1, duplicate);
    expect(isClosed(duplicate)).to.equal(true);
    expect(isClosed(cache.get(1)!)).to.equal(false);
    cache.clear();
  });
});
