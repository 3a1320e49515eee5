/**
 * The wand's fill hands the tracer its runs (`MaskRows`) so the tracer looks only at the runs'
 * edges: the runs must be exactly the mask's set pixels, and tracing with them must give the very
 * rings of tracing every pixel (same rings, same starting corners, same order), on the fill's own
 * regions and on masks whose runs are cut anywhere (adjacent runs, one-pixel runs, edge rows).
 * Shift+click and Alt+click regions are written into the draft's mask by their runs too: the
 * draft must be the one a pixel-by-pixel union and difference of the plain fills gives.
 */
import { expect } from '@open-wc/testing';
import type { Box } from '../../src/core/model.js';
import { traceMask, type MaskRows } from '../../src/format/convert/mask.js';
import { floodFill, maskStride } from '../../src/tools/smart/flood-fill.js';
import { createMagicWandTool, type MagicWandTool } from '../../src/tools/smart/magic-wand-tool.js';
import { boxMaskToZones } from '../../src/tools/smart/mask-shapes.js';
import type { PicturePixels } from '../../src/tools/smart/picture.js';
import { seededRandom, type Random } from '../generators/seeded-random.js';
import { blobMask } from './random-masks.js';
import { createHarness } from './harness.js';
import { referenceFill } from './reference-fill.js';

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

  it('fills a picture whose bytes do not start on a word boundary exactly as the plain fill does', () => {
    const random = seededRandom(2023);
    const [width, height] = [40, 30];
    const bytes = new Uint8ClampedArray(width * height * 4 + 1);
    // Channels that differ, so reading them in the wrong order or place changes the region.
    for (let i = 1; i < bytes.length; i++) bytes[i] = (i - 1) % 4 === 3 ? 255 : random() < 0.7 ? 60 * ((i - 1) % 4) + 40 : Math.floor(random() * 256);
    const picture = { width, height, rgba: bytes.subarray(1) };
    for (const [x, y] of [
      [3, 4],
      [20, 15],
      [39, 29],
    ] as const) {
      const region = floodFill(picture, x, y, 10)!;
      const got = new Uint8Array(width * height);
      for (let row = 0; row < region.box.height; row++) {
        for (let col = 0; col < region.box.width; col++) got[(region.box.y + row) * width + region.box.x + col] = region.mask[row * region.stride + col]!;
      }
      expect([...got].join(''), `seed ${x},${y}`).to.equal([...referenceFill(picture, x, y, 10)].join(''));
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

  it('Shift+click adds and Alt+click takes away exactly the plain fills’ pixels', () => {
    const random = seededRandom(2022);
    const [width, height] = [120, 90];
    // Blocks of a few greys, jittered, with specks: regions of many shapes that touch, overlap and have holes.
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const block = ((Math.floor(x / 17) * 7 + Math.floor(y / 13) * 3) % 4) * 50 + 40;
        const grey = random() < 0.08 ? 250 : block + Math.round(random() * 12);
        rgba.fill(grey, (y * width + x) * 4, (y * width + x) * 4 + 3);
        rgba[(y * width + x) * 4 + 3] = 255;
      }
    }
    const picture: PicturePixels = { width, height, rgba };
    const tolerance = 20;
    const h = createHarness({ planeSize: { width, height } });
    Object.assign(h.context, { picturePixels: () => picture });
    h.use((context, schemaId) => createMagicWandTool(context, schemaId, 'segmentation', { tolerance }));
    const tool = h.activeTool as MagicWandTool;
    let nonEmpty = 0;
    for (let trial = 0; trial < 8; trial++) {
      // Four clicks, each more than the click slop away from the one before (closer, a press is a
      // double click's second). A subtracting click lands near an earlier click, in its block, so
      // that it takes away part of what was added.
      const clicks: { x: number; y: number; mode: 'replace' | 'add' | 'subtract' }[] = [];
      while (clicks.length < 4) {
        const mode = clicks.length === 0 ? 'replace' : random() < 0.5 ? 'add' : 'subtract';
        const near = clicks[Math.floor(random() * clicks.length)];
        const [x, y] =
          mode === 'subtract' && near
            ? [Math.min(width - 1, near.x + 4 + Math.floor(random() * 4)), Math.max(0, near.y - 4 - Math.floor(random() * 4))]
            : [5 + Math.floor(random() * (width - 10)), 5 + Math.floor(random() * (height - 10))];
        const last = clicks.at(-1);
        if (last && Math.hypot(x - last.x, y - last.y) < 5) continue;
        clicks.push({ x, y, mode });
      }
      // What the draft must be: the plain fills combined pixel by pixel, over the added ones' bounds.
      const plane = new Uint8Array(width * height);
      const added = new Uint8Array(width * height);
      for (const { x, y, mode } of clicks) {
        referenceFill(picture, x, y, tolerance).forEach((inside, i) => {
          if (!inside) return;
          plane[i] = mode === 'subtract' ? 0 : 1;
          if (mode !== 'subtract') added[i] = 1;
        });
      }
      const box = boundsOf(added, width);
      const stride = maskStride(box.width);
      const mask = new Uint8Array(stride * box.height);
      for (let y = 0; y < box.height; y++) mask.set(plane.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * stride);
      const expected = boxMaskToZones(mask, box, 0.5, stride);

      h.key('cancel');
      for (const { x, y, mode } of clicks) h.down(x + 0.5, y + 0.5, { shift: mode === 'add', alt: mode === 'subtract' }).up();
      if (expected.length > 0) nonEmpty++;
      expect(tool.zones, `trial ${trial}: ${JSON.stringify(clicks)}`).to.deep.equal(expected);
    }
    expect(nonEmpty, 'trials whose draft is not empty').to.be.at.least(6);
  });
});

/** The bounds of a plane-sized mask's set pixels. */
function boundsOf(mask: Uint8Array, width: number): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
  mask.forEach((inside, i) => {
    if (!inside) return;
    const x = i % width;
    const y = (i - x) / width;
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  });
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
