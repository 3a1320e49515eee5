import { expect } from '@open-wc/testing';
import type { Keyframe } from '../../../src/core/model.js';
import { nearestVisibleFrame } from '../../../src/media/video/nearest-visible-frame.js';

const box = { type: 'bounding-box' as const, value: { x: 0, y: 0, width: 10, height: 10 } };
const key = (frame: number, stopped = false): Keyframe => ({ frame, geometry: box, ...(stopped ? { stopped: true } : {}) });

describe('nearestVisibleFrame', () => {
  // Drawn on 10–19 (stopped at 20) and from 50 to the end.
  const keyframes = [key(10), key(20, true), key(50)];

  it('is the frame itself where the track is drawn', () => {
    expect(nearestVisibleFrame(keyframes, 15, 100)).to.equal(15);
    expect(nearestVisibleFrame(keyframes, 99, 100)).to.equal(99);
  });

  it('before the first keyframe: its first frame; after a stop: the frame before it, or the next return, whichever is nearer', () => {
    expect(nearestVisibleFrame(keyframes, 0, 100)).to.equal(10);
    expect(nearestVisibleFrame(keyframes, 20, 100)).to.equal(19);
    expect(nearestVisibleFrame(keyframes, 40, 100)).to.equal(50);
    // A tie (15 frames back to 19, 15 on to 49) goes to the earlier frame.
    expect(nearestVisibleFrame([key(10), key(20, true), key(49)], 34, 100)).to.equal(19);
  });

  it('is undefined for a track drawn on no frame of the video', () => {
    expect(nearestVisibleFrame([key(5, true)], 3, 100)).to.equal(undefined);
    expect(nearestVisibleFrame([key(120)], 3, 100)).to.equal(undefined);
  });
});
