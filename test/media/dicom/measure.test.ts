import { expect } from '@open-wc/testing';
import { formatAngle, formatLength, polylineAngle, polylineLength } from '../../../src/media/dicom/measure.js';

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

  it('measures the angle at the middle of a three-point polyline, in physical space', () => {
    expect(polylineAngle([[10, 0], [0, 0], [0, 10]])).to.be.closeTo(90, 1e-9);
    expect(polylineAngle([[10, 0], [0, 0], [10, 10]])).to.be.closeTo(45, 1e-9);
    expect(polylineAngle([[-10, 0], [0, 0], [10, 0]])).to.be.closeTo(180, 1e-9);
    // Columns 2 mm, rows 1 mm: (10, 10) px is (20, 10) mm, at atan(10 / 20) from the row axis.
    expect(polylineAngle([[10, 0], [0, 0], [10, 10]], [1, 2])).to.be.closeTo((Math.atan2(10, 20) * 180) / Math.PI, 1e-9);
    expect(polylineAngle([[0, 0], [1, 1]]), 'two points: no angle').to.equal(undefined);
    expect(polylineAngle([[0, 0], [0, 0], [1, 1]]), 'a zero-length arm').to.equal(undefined);
    expect(formatAngle(45)).to.equal('45.0°');
  });
});
