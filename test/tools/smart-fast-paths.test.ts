/**
 * The magic wand's fast paths give exactly what the plain algorithms give: the fill that reads a
 * pixel as one 32-bit word against per-channel tables, on colour pictures, against a breadth-first
 * fill that compares channel by channel; and the tracer that skips four mask bytes at a time,
 * against the same mask traced pixel by pixel (one column wider, so no row is whole words).
 */
import { expect } from '@open-wc/testing';
import { traceMask } from '../../src/format/convert/mask.js';
import { floodFill } from '../../src/tools/smart/flood-fill.js';
import { seededRandom } from '../generators/seeded-random.js';
import { blobMask } from './random-masks.js';
import { referenceFill } from './reference-fill.js';

describe('magic wand fast paths', () => {
  it('the word-and-table fill matches a channel-by-channel fill on colour pictures (odd widths too)', () => {
    const random = seededRandom(20);
    for (const [width, height] of [
      [97, 61],
      [128, 40],
    ] as const) {
      // Three hues, each channel jittered, so a channel alone decides some pixels.
      const palette = [
        [200, 40, 40],
        [40, 200, 40],
        [200, 200, 40],
      ];
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        const base = palette[Math.floor(random() * palette.length)]!;
        for (let c = 0; c < 3; c++) rgba[i * 4 + c] = base[c]! + Math.round((random() - 0.5) * 30);
        rgba[i * 4 + 3] = 255;
      }
      const picture = { width, height, rgba };
      for (let trial = 0; trial < 20; trial++) {
        const sx = Math.floor(random() * width);
        const sy = Math.floor(random() * height);
        const tolerance = [0, 10, 20, 255][trial % 4]!;
        const region = floodFill(picture, sx, sy, tolerance)!;
        expect(region.stride % 4, 'rows are whole words').to.equal(0);
        const got = new Uint8Array(width * height);
        for (let y = 0; y < region.box.height; y++) {
          for (let x = 0; x < region.stride; x++) {
            const value = region.mask[y * region.stride + x]!;
            if (x >= region.box.width) expect(value, 'padding').to.equal(0);
            else got[(region.box.y + y) * width + region.box.x + x] = value;
          }
        }
        expect([...got].join(''), `${width}×${height} seed ${sx},${sy} tolerance ${tolerance}`).to.equal([...referenceFill(picture, sx, sy, tolerance)].join(''));
      }
    }
  });

  it('tracing four pixels at a time gives the rings of tracing pixel by pixel (blobs, holes, diagonal touches)', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < 40; trial++) {
      const width = 8 + 4 * Math.floor(random() * 12);
      const height = 4 + Math.floor(random() * 40);
      const density = [0.3, 0.6, 0.9][trial % 3]!;
      const mask = blobMask(width, height, density, random);
      // The same mask one column wider: no row is whole words, so every pixel is looked at.
      const wider = new Uint8Array((width + 1) * height);
      for (let y = 0; y < height; y++) wider.set(mask.subarray(y * width, (y + 1) * width), y * (width + 1));
      expect(traceMask(mask, width, height), `trial ${trial}`).to.deep.equal(traceMask(wider, width + 1, height));
    }
  });
});
