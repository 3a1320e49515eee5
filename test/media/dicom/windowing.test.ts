import { expect } from '@open-wc/testing';
import { dragWindow, modalityMask, modalityRange, windowForRange } from '../../../src/media/dicom/windowing.js';
import { expectedGrey } from './raw-reader.js';

describe('DICOM windowing', () => {
  it('derives a window that maps the frame minimum to black and the maximum to white under cornerstone’s VOI', () => {
    const values = new Int32Array([10, 500, 20, 1000]);
    const range = modalityRange(values, { slope: 2, intercept: -5 });
    expect(range).to.deep.equal({ min: 15, max: 1995 });
    const window = windowForRange(range);
    expect(window).to.deep.equal({ center: 1005, width: 1980 });
    expect(expectedGrey(range.min, window.center, window.width)).to.equal(0);
    expect(expectedGrey(range.max, window.center, window.width)).to.equal(255);
    // A negative slope swaps the ends; a flat frame still gets a usable width.
    expect(modalityRange(values, { slope: -1, intercept: 0 })).to.deep.equal({ min: -1000, max: -10 });
    expect(windowForRange({ min: 7, max: 7 })).to.deep.equal({ center: 7, width: 1 });
    expect(modalityRange(new Int32Array(0), { slope: 1, intercept: 0 })).to.deep.equal({ min: 0, max: 0 });
  });

  it('drags width horizontally and centre vertically, never below width 1', () => {
    expect(dragWindow({ center: 40, width: 400 }, 10, 0, 2)).to.deep.equal({ center: 40, width: 420 });
    expect(dragWindow({ center: 40, width: 400 }, 0, 10, 2)).to.deep.equal({ center: 20, width: 400 });
    expect(dragWindow({ center: 40, width: 400 }, -1000, 0, 2).width).to.equal(1);
  });
});

describe('modalityMask (threshold painting)', () => {
  it('marks the pixels whose rescaled value lies within the range, both ends included', () => {
    // CT-style rescale: HU = stored − 1024.
    const stored = [0, 1024, 1023, 1124, 1125, 3000];
    expect([...modalityMask(stored, { slope: 1, intercept: -1024 }, 0, 100)]).to.deep.equal([0, 1, 0, 1, 0, 0]);
    // A negative slope still compares modality values.
    expect([...modalityMask([10, 20, 30], { slope: -2, intercept: 0 }, -45, -20)]).to.deep.equal([1, 1, 0]);
  });
});
