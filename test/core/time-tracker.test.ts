import { expect } from '@open-wc/testing';
import { createTimeTracker, type TimeTrackerOptions } from '../../src/core/time-tracker.js';

/** A tracker on a hand-driven clock that starts at 1 000 000 ms. */
function tracked(options: Omit<TimeTrackerOptions, 'now'> = {}) {
  let time = 1_000_000;
  const tracker = createTimeTracker({ ...options, now: () => time });
  return {
    tracker,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('time tracker', () => {
  it('counts focused time with recent activity as active', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 10_000 });
    advance(4_000);
    tracker.activity();
    advance(8_000);
    tracker.activity();
    advance(2_500);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 14_500, idleDuration: 0, blurDuration: 0 });
  });

  it('counts time beyond the idle threshold as idle, the threshold itself as active', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 1_000 });
    advance(5_000);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_000, idleDuration: 4_000, blurDuration: 0 });
    tracker.activity();
    advance(500);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_500, idleDuration: 4_000, blurDuration: 0 });
    advance(1_500); // 2 000 since the activity: 500 more active, then 1 000 idle
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 2_000, idleDuration: 5_000, blurDuration: 0 });
  });

  it('splits an idle stretch correctly however often it is snapshotted', () => {
    const often = tracked({ idleThresholdMs: 3_000 });
    const once = tracked({ idleThresholdMs: 3_000 });
    for (let i = 0; i < 10; i++) {
      often.advance(700);
      often.tracker.snapshot();
      once.advance(700);
    }
    expect(often.tracker.snapshot()).to.deep.equal({ totalDuration: 3_000, idleDuration: 4_000, blurDuration: 0 });
    expect(once.tracker.snapshot()).to.deep.equal(often.tracker.snapshot());
  });

  it('uses a five minute threshold by default', () => {
    const { tracker, advance } = tracked();
    advance(400_000);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 300_000, idleDuration: 100_000, blurDuration: 0 });
  });

  it('counts blurred time as blur, and focus restarts the idle clock', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 1_000 });
    advance(500);
    tracker.blur();
    advance(9_500);
    tracker.activity(); // a wheel over the background window: still blurred
    advance(1_000);
    tracker.focus();
    advance(800);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_300, idleDuration: 0, blurDuration: 10_500 });
    advance(1_200);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_500, idleDuration: 1_000, blurDuration: 10_500 });
  });

  it('ignores a repeated blur or focus', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 60_000 });
    tracker.blur();
    advance(1_000);
    tracker.blur();
    advance(1_000);
    tracker.focus();
    advance(1_000);
    tracker.focus();
    advance(1_000);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 2_000, idleDuration: 0, blurDuration: 2_000 });
  });

  it('starts from carried-over durations and reports whole milliseconds', () => {
    const { tracker, advance } = tracked({ initial: { totalDuration: 49_596, idleDuration: 1_200, blurDuration: 7 } });
    advance(0.4);
    tracker.activity();
    advance(0.4);
    const snapshot = tracker.snapshot();
    expect(snapshot).to.deep.equal({ totalDuration: 49_597, idleDuration: 1_200, blurDuration: 7 });
    expect(Number.isInteger(snapshot.totalDuration)).to.equal(true);
  });

  it('resets to zero and counts from the reset', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 1_000, initial: { totalDuration: 10, idleDuration: 20, blurDuration: 30 } });
    advance(5_000);
    tracker.reset();
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 0, idleDuration: 0, blurDuration: 0 });
    advance(1_500);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_000, idleDuration: 500, blurDuration: 0 });
  });

  it('adds nothing for a clock that goes backwards and carries on from there', () => {
    const { tracker, advance } = tracked({ idleThresholdMs: 10_000 });
    advance(1_000);
    tracker.activity();
    advance(-5_000);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 1_000, idleDuration: 0, blurDuration: 0 });
    advance(2_000);
    expect(tracker.snapshot()).to.deep.equal({ totalDuration: 3_000, idleDuration: 0, blurDuration: 0 });
  });
});
