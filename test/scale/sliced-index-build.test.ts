/**
 * The sliced index build (src/canvas/sliced-index-build.ts, sliced-work.ts) on its own: every
 * object indexed once, in slices that yield, and the store's later writes win over the build.
 */
import { expect } from '@open-wc/testing';
import type { Geometry } from '../../src/core/model.js';
import { createSpatialIndex } from '../../src/canvas/spatial-index.js';
import { buildIndexInSlices, SYNC_LIMIT } from '../../src/canvas/sliced-index-build.js';
import { runInSlices } from '../../src/canvas/sliced-work.js';

const box = (x: number, y = 0, size = 5): Geometry => ({ type: 'bounding-box', value: { x, y, width: size, height: size } });

/** Busy for `ms` (a slow item). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('runInSlices', () => {
  it('handles every item once, in order, in several slices when the work outlasts a slice', async () => {
    const seen: number[] = [];
    const items = Array.from({ length: 64 * 6 }, (_, i) => i);
    let slicesEnded = 0;
    const run = runInSlices(items, { each: (i) => (spin(i % 32 === 0 ? 3 : 0), seen.push(i)), endSlice: () => slicesEnded++ }, 2);
    expect(run.finished).to.equal(false);
    expect(seen.length).to.be.above(0);
    expect(await run.done).to.equal(true);
    expect(seen).to.deep.equal(items);
    expect(run.slices).to.be.above(1);
    expect(slicesEnded).to.equal(run.slices);
  });

  it('does everything at once with an unbounded slice, and stops when cancelled', async () => {
    const seen: number[] = [];
    const all = runInSlices([1, 2, 3], { each: (i) => seen.push(i), endSlice: () => {} }, Infinity);
    expect(all.finished).to.equal(true);
    expect(seen).to.deep.equal([1, 2, 3]);
    const items = Array.from({ length: 1000 }, (_, i) => i);
    let count = 0;
    const cancelled = runInSlices(items, { each: () => (spin(0.2), count++), endSlice: () => {} }, 1);
    cancelled.cancel();
    expect(await cancelled.done).to.equal(false);
    expect(count).to.be.below(items.length);
  });
});

describe('buildIndexInSlices', () => {
  it('indexes a large plane in slices; objects the store wrote meanwhile keep their new geometry and come out on top', async () => {
    const count = SYNC_LIMIT * 4;
    const geometries = new Map<string, Geometry>(Array.from({ length: count }, (_, i) => [`o${i}`, box(i * 10)]));
    const index = createSpatialIndex();
    const slices: number[] = [];
    const run = buildIndexInSlices(index, [...geometries.keys()], (id) => geometries.get(id), (ids) => slices.push(ids.length));
    if (run.finished) throw new Error('a 20,000-object build finished in its first slice: nothing to test');
    // The store meanwhile: the last object moved, one deleted (the surface's store listener does this).
    const last = `o${count - 1}`;
    geometries.set(last, box(5, 0, 50));
    index.set(last, geometries.get(last));
    geometries.delete('o7');
    index.set('o7', undefined);
    expect(await run.done).to.equal(true);
    expect(slices.length).to.be.above(1);
    expect(index.size).to.equal(count - 1);
    expect(index.bounds(last)).to.deep.equal({ x: 5, y: 0, width: 50, height: 50 });
    expect(index.has('o7')).to.equal(false);
    // o0 and o1 lie under the moved box; the box is newer than both.
    expect(index.search({ x: 0, y: 0, width: 15, height: 5 })).to.deep.equal(['o0', 'o1', last]);
  });

  it('indexes a small plane at once, in the caller\'s task', () => {
    const index = createSpatialIndex();
    const run = buildIndexInSlices(index, ['a', 'b'], (id) => box(id === 'a' ? 0 : 10), () => {});
    expect(run.finished).to.equal(true);
    expect(index.search({ x: 0, y: 0, width: 100, height: 100 })).to.deep.equal(['a', 'b']);
  });
});
