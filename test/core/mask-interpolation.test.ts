import { expect } from '@open-wc/testing';
import { interpolateMask, maskCentroid, maskEnd, signedDistance } from '../../src/core/mask-interpolation.js';

function square(size: number, x0: number, y0: number, side: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  for (let y = y0; y < y0 + side; y++) for (let x = x0; x < x0 + side; x++) mask[y * size + x] = 1;
  return mask;
}

const area = (mask: Uint8Array) => mask.reduce((sum, v) => sum + v, 0);

describe('shape-based mask interpolation', () => {
  it('signed distance: positive inside (to the nearest outside pixel), negative outside, Euclidean', () => {
    const mask = square(9, 2, 2, 5);
    const d = signedDistance(mask, 9, 9);
    expect(d[4 * 9 + 4], 'centre of a 5×5 square').to.equal(3);
    expect(d[2 * 9 + 2], 'its corner').to.equal(1);
    expect(d[0], 'two pixels off diagonally').to.be.closeTo(-Math.hypot(2, 2), 1e-12);
    expect(d[4 * 9 + 0]).to.equal(-2);
  });

  it('gives the same mask between two equal ones', () => {
    const mask = square(16, 4, 4, 6);
    const end = maskEnd(mask, 16, 16)!;
    expect([...interpolateMask(end, end, 16, 16, 0.5)]).to.deep.equal([...mask]);
  });

  it('moves a shape that travels further than its size, and morphs its size linearly', () => {
    const a = maskEnd(square(32, 2, 2, 4), 32, 32)!;
    const b = maskEnd(square(32, 22, 20, 4), 32, 32)!;
    const middle = interpolateMask(a, b, 32, 32, 0.5);
    expect([...middle]).to.deep.equal([...square(32, 12, 11, 4)]);
    const small = maskEnd(square(32, 10, 10, 4), 32, 32)!;
    const big = maskEnd(square(32, 8, 8, 8), 32, 32)!;
    const grown = interpolateMask(small, big, 32, 32, 0.5);
    expect(area(grown)).to.be.within(area(square(32, 0, 0, 5)), area(square(32, 0, 0, 7)));
    expect(maskCentroid(grown, 32)).to.deep.equal(maskCentroid(big.mask, 32));
  });

  it('has no end for an empty mask', () => {
    expect(maskEnd(new Uint8Array(16), 4, 4)).to.equal(undefined);
  });
});
