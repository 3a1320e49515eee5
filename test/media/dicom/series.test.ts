import { expect } from '@open-wc/testing';
import { seriesOrder } from '../../../src/media/dicom/series.js';

describe('DICOM series order', () => {
  it('orders by InstanceNumber first', () => {
    expect(seriesOrder([{ instanceNumber: 3 }, { instanceNumber: 1 }, { instanceNumber: 2 }])).to.deep.equal([1, 2, 0]);
  });

  it('falls back to the position along the slice normal, then to the given order', () => {
    const axial = [1, 0, 0, 0, 1, 0];
    const slices = [
      { imagePosition: [0, 0, 10] as [number, number, number], imageOrientation: axial },
      { imagePosition: [0, 0, -5] as [number, number, number], imageOrientation: axial },
      {},
      { imagePosition: [0, 0, 2] as [number, number, number], imageOrientation: axial },
    ];
    expect(seriesOrder(slices)).to.deep.equal([1, 3, 0, 2]);
    // Same instance numbers: position decides.
    expect(seriesOrder([{ instanceNumber: 1, imagePosition: [0, 0, 9] }, { instanceNumber: 1, imagePosition: [0, 0, 1] }])).to.deep.equal([1, 0]);
    // Sagittal (rows along +y, columns along -z): the normal is -x, so larger x comes first.
    const sagittal = [0, 1, 0, 0, 0, -1];
    expect(seriesOrder([{ imagePosition: [-5, 0, 0], imageOrientation: sagittal }, { imagePosition: [5, 0, 0], imageOrientation: sagittal }])).to.deep.equal([1, 0]);
  });
});
