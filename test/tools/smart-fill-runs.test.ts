/**
 * The wand's fill hands the tracer its runs (`MaskRows`) so the tracer looks only at the runs'
 * edges: the runs must be exactly the mask's set pixels, and tracing with them must give the very
 * rings of tracing every pixel (same rings, same starting corners, same order), on the fill's own
 * regions and on masks whose runs are cut anywhere (adjacent runs, one-pixel runs, edge rows).
 */
import { expect } from '@open-wc/testing';
import { traceMask, type MaskRows } from '../../src/format/convert/mask.js';
import { floodFill } from '../../src/tools/smart/flood-fill.js';
import { seededRandom, type Random } from '../generators/seeded-random.js';

/** Row by row, the runs of the mask cut at random places too (so a row may hold adjacent runs). */
function runsOf(mask: Uint8Array, width: number, height: number, random: Random): MaskRows {
  const start = new Int32Array(height + 1);
  const spans: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      const left = x;
      while (x + 1 < width && mask[y * width + x + 1] && random() > 0.15) x++;
      spans.push(left, x);
    }
    start[y + 1] = spans.length / 2;
  }
  return { start, spans: Int32Array.from(spans) };
}

/** Blobs with specks and holes, as the fast-path test of the tracer makes them. */
function blobMask(width: number, height: number, density: number, random: Random): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let r = 0; r < 3; r++) {
    const x0 = Math.floor(random() * width);
    const y0 = Math.floor(random() * height);
    const x1 = Math.min(width, x0 + Math.floor(random() * width));
    const y1 = Math.min(height, y0 + Math.floor(random() * height));
    for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + x1);
  }
  for (let i = 0; i < mask.length; i++) if (random() > density) mask[i] = mask[i] ? 0 : random() < 0.3 ? 1 : 0;
  return mask;
}

describe('magic wand: the fill’s runs and the tracer', () => {
  it('the runs the fill gives are exactly its mask’s set pixels, in order, none overlapping', () => {
    const random = seededRandom(2020);
    const width = 90;
    const height = 70;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const grey = random() < 0.6 ? 200 : random() < 0.5 ? 185 : 30;
      rgba.fill(grey, i * 4, i * 4 + 3);
      rgba[i * 4 + 3] = 255;
    }
    const picture = { width, height, rgba };
    for (let trial = 0; trial < 24; trial++) {
      const region = floodFill(picture, Math.floor(random() * width), Math.floor(random() * height), [4, 20][trial % 2]!)!;
      const { start, spans } = region.rows;
      expect(start.length, 'one entry a row and one past').to.equal(region.box.height + 1);
      const fromRuns = new Uint8Array(region.mask.length);
      for (let y = 0; y < region.box.height; y++) {
        for (let k = start[y]!; k < start[y + 1]!; k++) {
          const [left, right] = [spans[2 * k]!, spans[2 * k + 1]!];
          expect(left, `row ${y} run ${k} in order`).to.be.at.most(right);
          if (k > start[y]!) expect(left, `row ${y} run ${k} after the previous one`).to.be.greaterThan(spans[2 * k - 1]!);
          fromRuns.fill(1, y * region.stride + left, y * region.stride + right + 1);
        }
      }
      expect([...fromRuns].join(''), `trial ${trial}`).to.equal([...region.mask].join(''));
      expect(traceMask(region.mask, region.stride, region.box.height, region.rows), `trial ${trial}`).to.deep.equal(
        traceMask(region.mask, region.stride, region.box.height),
      );
    }
  });

  it('tracing only the runs’ edges gives the rings of tracing every pixel (blobs, holes, diagonal touches, cut runs)', () => {
    const random = seededRandom(2021);
    for (let trial = 0; trial < 60; trial++) {
      const width = 1 + Math.floor(random() * 48);
      const height = 1 + Math.floor(random() * 40);
      const mask = blobMask(width, height, [0.3, 0.6, 0.9, 0.97][trial % 4]!, random);
      const rows = runsOf(mask, width, height, random);
      expect(traceMask(mask, width, height, rows), `trial ${trial}: ${width}×${height}`).to.deep.equal(traceMask(mask, width, height));
    }
  });
});
