/**
 * The smart tools' algorithms on pictures made in the test: the span flood fill against a plain
 * breadth-first fill on random pictures (every tolerance edge case a photo has, in small), and the
 * live wire on a step edge.
 */
import { expect } from '@open-wc/testing';
import { floodFill } from '../../src/tools/smart/flood-fill.js';
import { liveWire, snapToEdge } from '../../src/tools/smart/live-wire.js';
import type { PicturePixels } from '../../src/tools/smart/picture.js';
import { referenceFill } from './reference-fill.js';

function picture(width: number, height: number, grey: (x: number, y: number) => number): PicturePixels {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const j = (y * width + x) * 4;
      rgba[j] = rgba[j + 1] = rgba[j + 2] = grey(x, y);
      rgba[j + 3] = 255;
    }
  }
  return { width, height, rgba };
}

describe('flood fill', () => {
  it('fills exactly the 4-connected pixels within the tolerance, seed after seed on the same picture', () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const width = 120;
    const height = 80;
    const greys = Array.from({ length: width * height }, () => (random() < 0.5 ? 200 : random() < 0.5 ? 190 : 20));
    const pixels = picture(width, height, (x, y) => greys[y * width + x]!);
    for (let trial = 0; trial < 30; trial++) {
      const sx = Math.floor(random() * width);
      const sy = Math.floor(random() * height);
      const tolerance = trial % 2 === 0 ? 5 : 15;
      const region = floodFill(pixels, sx, sy, tolerance)!;
      const expected = referenceFill(pixels, sx, sy, tolerance);
      const got = new Uint8Array(width * height);
      for (let y = 0; y < region.box.height; y++) {
        for (let x = 0; x < region.box.width; x++) got[(region.box.y + y) * width + region.box.x + x] = region.mask[y * region.stride + x]!;
      }
      expect([...got].join(''), `seed ${sx},${sy} tolerance ${tolerance}`).to.equal([...expected].join(''));
    }
  });

  it('gives nothing for a seed off the picture', () => {
    expect(floodFill(picture(4, 4, () => 0), 5, 1, 10)).to.equal(undefined);
  });
});

describe('live wire', () => {
  // Dark left half, bright right half: the edge runs between columns 49 and 50.
  const step = picture(100, 100, (x) => (x < 50 ? 30 : 220));

  it('follows the edge between two points on it instead of cutting across', () => {
    const wire = liveWire(step, [49.5, 10.5], 64);
    const path = wire.wireTo([48.5, 80.5]);
    expect(path[0]).to.deep.equal([49.5, 10.5]);
    expect(path.at(-1)).to.deep.equal([48.5, 80.5]);
    for (const [x] of path) expect(Math.abs(x - 50)).to.be.at.most(1.5);
  });

  it('is a straight segment to a point outside its window', () => {
    const wire = liveWire(step, [49.5, 10.5], 16);
    expect(wire.wireTo([49.5, 90.5])).to.deep.equal([
      [49.5, 10.5],
      [49.5, 90.5],
    ]);
  });

  it('moves a click onto the strongest edge nearby, and leaves one on flat ground alone', () => {
    const snapped = snapToEdge(step, [46.2, 30.7], 6);
    expect(Math.abs(snapped[0] - 50)).to.be.at.most(0.5);
    expect(snapToEdge(step, [10.2, 30.7], 6)).to.deep.equal([10.2, 30.7]);
  });
});
