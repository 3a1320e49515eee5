/**
 * The tiled bitmap paint (src/canvas/tiled-paint.ts) on its own: every bitmap pixel painted by
 * exactly one tile, a crowded tile split until it holds at most MAX_SLICE_ITEMS shapes, the work
 * spread over several tasks, and a cancelled run paints nothing more.
 */
import { expect } from '@open-wc/testing';
import type { Box } from '../../src/core/model.js';
import { MAX_SLICE_ITEMS } from '../../src/canvas/sliced-work.js';
import { paintInTiles } from '../../src/canvas/tiled-paint.js';

const WIDTH = 900;
const HEIGHT = 500;

/** A shape every `step` pixels in x and y over the bitmap; a tile finds those inside it. */
function grid(step: number): (tile: Box) => string[] {
  return (tile) => {
    const ids: string[] = [];
    for (let y = Math.ceil(tile.y / step) * step; y < tile.y + tile.height; y += step) {
      for (let x = Math.ceil(tile.x / step) * step; x < tile.x + tile.width; x += step) ids.push(`${x},${y}`);
    }
    return ids;
  };
}

describe('paintInTiles', () => {
  it('paints every pixel once, no tile with more than MAX_SLICE_ITEMS shapes, over several tasks', async () => {
    const find = grid(3);
    const covered = new Uint8Array(WIDTH * HEIGHT);
    const painted: number[] = [];
    const laterLast: boolean[] = [];
    const run = paintInTiles(WIDTH, HEIGHT, 50_000, {
      find,
      paint(tile, ids) {
        painted.push(ids.length);
        for (let y = tile.y; y < tile.y + tile.height; y++) for (let x = tile.x; x < tile.x + tile.width; x++) covered[y * WIDTH + x]!++;
      },
      onLater: (last) => laterLast.push(last),
    });
    expect(run.finished).to.equal(false);
    expect(await run.done).to.equal(true);
    expect(run.finished).to.equal(true);
    expect(covered.every((n) => n === 1)).to.equal(true);
    expect(Math.max(...painted)).to.be.at.most(MAX_SLICE_ITEMS);
    expect(painted.reduce((a, b) => a + b, 0)).to.equal(find({ x: 0, y: 0, width: WIDTH, height: HEIGHT }).length);
    expect(run.slices).to.be.above(1);
    expect(laterLast).to.have.length(run.slices - 1);
    // The caller shows the finished bitmap at once (progress it may show less often): only the last says so.
    expect(laterLast.map((last, k) => (last ? k : -1)).filter((k) => k >= 0)).to.deep.equal([laterLast.length - 1]);
  });

  it('a few shapes are painted in the caller’s task', async () => {
    const covered = new Uint8Array(WIDTH * HEIGHT);
    const run = paintInTiles(WIDTH, HEIGHT, 100, {
      find: grid(50),
      paint(tile) {
        for (let y = tile.y; y < tile.y + tile.height; y++) for (let x = tile.x; x < tile.x + tile.width; x++) covered[y * WIDTH + x]!++;
      },
      onLater: () => {},
    });
    expect(run.finished).to.equal(true);
    expect(await run.done).to.equal(true);
    expect(covered.every((n) => n === 1)).to.equal(true);
  });

  it('a cancelled run paints no more tiles', async () => {
    let tiles = 0;
    const run = paintInTiles(WIDTH, HEIGHT, 50_000, { find: grid(3), paint: () => tiles++, onLater: () => {} });
    const atCancel = tiles;
    run.cancel();
    expect(await run.done).to.equal(false);
    expect(tiles).to.equal(atCancel);
  });
});
