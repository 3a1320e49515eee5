import { expect } from '@open-wc/testing';
import { createFrameClock, formatMediaTime, frameTotalFromDuration } from '../../../src/media/video/frame-clock.js';
import { estimateFrameRate, parseFrameRate, resolveFrameRate } from '../../../src/media/video/frame-rate.js';

describe('frame clock', () => {
  it('maps presented media times to frames at a non-integer rate (179/6 fps) without drift', () => {
    const fps = 179 / 6;
    const clock = createFrameClock({ fps, frameTotal: 1189 });
    for (const frame of [0, 1, 29, 30, 597, 1000, 1188]) {
      // Media times arrive rounded to microseconds.
      const mediaTime = Math.round((frame / fps) * 1e6) / 1e6;
      expect(clock.frameAt(mediaTime), `frame ${frame}`).to.equal(frame);
    }
    // At 30 fps frame 1000 would be at 33.333 s; here it is at 33.520 s.
    expect(clock.frameAt(33.52)).to.equal(1000);
  });

  it('seeks to the middle of a frame and back to the same frame', () => {
    const clock = createFrameClock({ fps: 30, frameTotal: 300 });
    expect(clock.seekTime(0)).to.be.closeTo(0.5 / 30, 1e-12);
    for (let frame = 0; frame < 300; frame += 7) expect(clock.frameAt(clock.startTime(frame))).to.equal(frame);
    expect(clock.frameAt(clock.seekTime(123) - 0.49 / 30)).to.equal(123);
    expect(clock.frameContaining(clock.seekTime(123))).to.equal(123);
    expect(clock.frameContaining(123 / 30 - 1e-7)).to.equal(123);
    expect(clock.frameContaining(123.99 / 30)).to.equal(123);
  });

  it('clamps to the video and keeps the seek inside its duration', () => {
    const clock = createFrameClock({ fps: 30, frameTotal: 300, duration: 10 });
    expect(clock.clampFrame(-4)).to.equal(0);
    expect(clock.clampFrame(1e9)).to.equal(299);
    expect(clock.clampFrame(Number.NaN)).to.equal(0);
    expect(clock.frameAt(99)).to.equal(299);
    expect(clock.seekTime(299)).to.be.below(10);
    expect(clock.frameAt(clock.seekTime(299))).to.equal(299);
    const short = createFrameClock({ fps: 30, frameTotal: 300, duration: 9.99 });
    expect(short.seekTime(299)).to.be.below(9.99);
  });

  it('honours the media time of the first frame', () => {
    const clock = createFrameClock({ fps: 25, frameTotal: 100, origin: 0.08 });
    expect(clock.frameAt(0.08)).to.equal(0);
    expect(clock.frameAt(0.12)).to.equal(1);
    expect(clock.startTime(2)).to.be.closeTo(0.16, 1e-12);
  });

  it('rejects a rate that is not a positive number', () => {
    expect(() => createFrameClock({ fps: 0, frameTotal: 10 })).to.throw(RangeError);
    expect(() => createFrameClock({ fps: Number.NaN, frameTotal: 10 })).to.throw(RangeError);
  });

  it('counts frames from a duration', () => {
    expect(frameTotalFromDuration(39.855, 179 / 6)).to.equal(1189);
    expect(frameTotalFromDuration(10, 30)).to.equal(300);
    expect(frameTotalFromDuration(Number.NaN, 30)).to.equal(1);
    expect(frameTotalFromDuration(Infinity, 30)).to.equal(1);
  });

  it('formats media time', () => {
    expect(formatMediaTime(0)).to.equal('0:00.000');
    expect(formatMediaTime(33.52)).to.equal('0:33.520');
    expect(formatMediaTime(3725.0004)).to.equal('1:02:05.000');
  });
});

describe('frame rate rule', () => {
  it('parses numbers and ratios from the host, rejecting the rest', () => {
    expect(parseFrameRate('29.97')).to.equal(29.97);
    expect(parseFrameRate('30000/1001')).to.be.closeTo(29.97003, 1e-5);
    expect(parseFrameRate(' 179 / 6 ')).to.be.closeTo(29.8333, 1e-4);
    expect(parseFrameRate(25)).to.equal(25);
    for (const bad of ['', 'abc', '0', '-30', '30/0', 'Infinity', '1e3', null, undefined, {}]) expect(parseFrameRate(bad), String(bad)).to.equal(undefined);
  });

  it('prefers the host, then the file, then an estimate, then 30', () => {
    expect(resolveFrameRate({ host: '25', container: 30, estimated: 24 })).to.deep.equal({ fps: 25, source: 'host' });
    expect(resolveFrameRate({ host: 'nonsense', container: 179 / 6, estimated: 24 })).to.deep.equal({ fps: 179 / 6, source: 'container' });
    expect(resolveFrameRate({ estimated: 24 })).to.deep.equal({ fps: 24, source: 'estimated' });
    expect(resolveFrameRate({})).to.deep.equal({ fps: 30, source: 'default' });
  });

  it('estimates from presented media times, ignoring dropped frames and snapping only when close', () => {
    const times = (fps: number, frames: number[]) => frames.map((f) => Math.round((f / fps) * 1e6) / 1e6);
    // 29.97 with two dropped frames.
    expect(estimateFrameRate(times(30000 / 1001, [0, 1, 2, 4, 5, 6, 7, 9, 10]))).to.equal(30000 / 1001);
    // 179/6 is not a common rate and must not snap to 29.97 or 30.
    expect(estimateFrameRate(times(179 / 6, [0, 1, 2, 3, 4, 5]))).to.be.closeTo(179 / 6, 1e-3);
    // WebM timestamps are whole milliseconds: 0.033, 0.067, 0.1, …
    const webm = Array.from({ length: 25 }, (_, f) => Math.round((f * 1000) / 30) / 1000);
    expect(estimateFrameRate(webm)).to.equal(30);
    const ntscWebm = Array.from({ length: 25 }, (_, f) => Math.round((f * 1001) / 30) / 1000);
    expect(estimateFrameRate(ntscWebm)).to.equal(30000 / 1001);
    // A short probe on a busy machine: few frames, some dropped, both 30 and 29.97 within reach.
    const shortWebm = [0, 1, 2, 4, 5, 7, 8].map((f) => Math.round((f * 1000) / 30) / 1000);
    expect(estimateFrameRate(shortWebm)).to.equal(30);
    const shortNtscWebm = [0, 1, 2, 4, 5, 7, 8].map((f) => Math.round((f * 1001) / 30) / 1000);
    expect(estimateFrameRate(shortNtscWebm)).to.equal(30000 / 1001);
    expect(estimateFrameRate([0])).to.equal(undefined);
    expect(estimateFrameRate([0, 0, 0])).to.equal(undefined);
  });
});
