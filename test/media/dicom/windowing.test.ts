import { expect } from '@open-wc/testing';
import { dragWindow, modalityRange, renderGrayscale, renderRgb, voiLinear, windowForRange } from '../../../src/media/dicom/windowing.js';
import { expectedGrey } from './raw-reader.js';

describe('DICOM windowing', () => {
  it('follows the linear VOI function at and around the window edges', () => {
    const window = { center: 600, width: 1600 };
    // low edge: c - 0.5 - (w-1)/2 = -200; high edge: c - 0.5 + (w-1)/2 = 1399
    expect(voiLinear(-200, window)).to.equal(0);
    expect(voiLinear(-1000, window)).to.equal(0);
    expect(voiLinear(1400, window)).to.equal(255);
    expect(voiLinear(1399, window)).to.be.closeTo(255, 1e-9);
    expect(voiLinear(599.5, window)).to.be.closeTo(127.5, 1e-9);
    for (const v of [-199, 0, 100, 600, 1000, 1398]) expect(Math.round(voiLinear(v, window))).to.equal(expectedGrey(v, 600, 1600));
  });

  it('applies rescale before the window and inverts MONOCHROME1', () => {
    const values = new Int32Array([0, 1024, 1064, 2048]);
    const out = new Uint8ClampedArray(16);
    renderGrayscale(values, { slope: 1, intercept: -1024 }, { center: 40, width: 400 }, false, out);
    expect([out[0], out[4], out[8], out[12]]).to.deep.equal([0, expectedGrey(0, 40, 400), expectedGrey(40, 40, 400), 255]);
    expect(out[3]).to.equal(255);
    renderGrayscale(values, { slope: 1, intercept: -1024 }, { center: 40, width: 400 }, true, out);
    expect([out[0], out[4], out[8], out[12]]).to.deep.equal([255, 255 - expectedGrey(0, 40, 400), 255 - expectedGrey(40, 40, 400), 0]);
  });

  it('applies a fractional slope', () => {
    const out = new Uint8ClampedArray(4);
    renderGrayscale(new Int32Array([300]), { slope: 0.5, intercept: 10 }, { center: 100, width: 200 }, false, out);
    expect(out[0]).to.equal(expectedGrey(160, 100, 200));
  });

  it('derives a window that maps the frame minimum to black and the maximum to white', () => {
    const values = new Int32Array([10, 500, 20, 1000]);
    const range = modalityRange(values, { slope: 2, intercept: -5 });
    expect(range).to.deep.equal({ min: 15, max: 1995 });
    const window = windowForRange(range);
    expect(Math.round(voiLinear(range.min, window))).to.equal(0);
    expect(Math.round(voiLinear(range.max, window))).to.equal(255);
    // A negative slope swaps the ends.
    expect(modalityRange(values, { slope: -1, intercept: 0 })).to.deep.equal({ min: -1000, max: -10 });
  });

  it('copies RGB with opaque alpha', () => {
    const out = new Uint8ClampedArray(8);
    renderRgb(new Uint8Array([1, 2, 3, 4, 5, 6]), out);
    expect([...out]).to.deep.equal([1, 2, 3, 255, 4, 5, 6, 255]);
  });

  it('drags width horizontally and centre vertically, never below width 1', () => {
    expect(dragWindow({ center: 40, width: 400 }, 10, 0, 2)).to.deep.equal({ center: 40, width: 420 });
    expect(dragWindow({ center: 40, width: 400 }, 0, 10, 2)).to.deep.equal({ center: 20, width: 400 });
    expect(dragWindow({ center: 40, width: 400 }, -1000, 0, 2).width).to.equal(1);
  });
});
