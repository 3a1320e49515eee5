import { expect } from '@open-wc/testing';
import { countsToMask, decodeCounts, encodeCounts, maskToCounts, rasterizeZones, traceMask } from '../../../src/format/index.js';
import { interopJson } from './helpers.js';

/** A row-major mask from rows of '#' and '.'. */
function maskOf(rows: string[]): { mask: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  const mask = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((c, x) => (mask[y * width + x] = c === '#' ? 1 : 0)));
  return { mask, width, height: rows.length };
}

describe('COCO RLE', () => {
  it('decodes and re-encodes every compressed counts string pycocotools wrote, byte for byte', async () => {
    const results = (await interopJson('coco/cocoapi/instances_val2014_fakesegm100_results__subset_img544_715.json')) as { segmentation: { size: [number, number]; counts: string } }[];
    for (const { segmentation } of results) {
      const counts = decodeCounts(segmentation.counts)!;
      const [height, width] = segmentation.size;
      expect(counts.reduce((a, b) => a + b, 0)).to.equal(width * height);
      expect(encodeCounts(counts)).to.equal(segmentation.counts);
      expect(maskToCounts(countsToMask(counts, width, height)!, width, height)).to.deep.equal(counts);
    }
  });

  it('reads runs column by column (COCO is column-major) and rejects runs that do not cover the mask', () => {
    // size [height 2, width 3]: runs 1 zero, 2 ones, 3 zeros → pixels (0,1) and (1,0) in column order.
    expect([...countsToMask([1, 2, 3], 3, 2)!]).to.deep.equal([0, 1, 0, 1, 0, 0]);
    expect(countsToMask([1, 2], 3, 2)).to.equal(undefined);
    expect(countsToMask([7], 3, 2)).to.equal(undefined);
    expect(decodeCounts('~~~')).to.equal(undefined);
  });
});

describe('masks and zones', () => {
  it('traces holes and islands inside holes, and rasterising the zones gives the mask back', () => {
    const { mask, width, height } = maskOf([
      '#########.',
      '#.......#.',
      '#.#####.#.',
      '#.#...#.#.',
      '#.#.#.#.#.',
      '#.#...#.#.',
      '#.#####.#.',
      '#.......#.',
      '#########.',
      '..........',
    ]);
    const zones = traceMask(mask, width, height);
    expect(zones.map((z) => z.holes.length).sort()).to.deep.equal([0, 1, 1]);
    expect(rasterizeZones(zones, width, height)).to.deep.equal(mask);
  });

  it('keeps diagonal neighbours as separate simple rings', () => {
    const { mask, width, height } = maskOf(['#..', '.#.', '..#']);
    const zones = traceMask(mask, width, height);
    expect(zones).to.have.length(3);
    expect(zones.every((z) => z.region.length === 4 && z.holes.length === 0)).to.equal(true);
    expect(rasterizeZones(zones, width, height)).to.deep.equal(mask);
  });

  it('rasterises by pixel centres, clipped to the image', () => {
    const mask = rasterizeZones([{ region: [[-5, 0.6], [2.4, 0.6], [2.4, 2], [-5, 2]], holes: [] }], 4, 3);
    expect([...mask]).to.deep.equal([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
  });
});
