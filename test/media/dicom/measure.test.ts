import { expect } from '@open-wc/testing';
import { formatLength, polylineLength } from '../../../src/media/dicom/measure.js';

describe('DICOM length measurement', () => {
  it('measures in mm with pixel spacing, rows and columns scaled separately', () => {
    // 3 columns at 2 mm and 4 rows at 0.5 mm: hypot(6, 2).
    expect(polylineLength([[0, 0], [3, 4]], [0.5, 2]).value).to.be.closeTo(Math.hypot(6, 2), 1e-9);
    expect(polylineLength([[0, 0], [3, 4]], [0.5, 2]).unit).to.equal('mm');
  });

  it('measures in px without spacing and sums every segment', () => {
    expect(polylineLength([[0, 0], [3, 4], [3, 10]])).to.deep.equal({ value: 11, unit: 'px' });
    expect(polylineLength([[1, 1]])).to.deep.equal({ value: 0, unit: 'px' });
  });

  it('formats with one decimal below 100', () => {
    expect(formatLength({ value: 12.345, unit: 'mm' })).to.equal('12.3 mm');
    expect(formatLength({ value: 123.45, unit: 'px' })).to.equal('123 px');
  });
});
