import { expect } from '@open-wc/testing';
import { cobbAngle, formatAngle, formatLength, formatMeasurement, measurePolyline, polylineAngle, polylineLength, roundMeasurement } from '../../src/core/measure.js';

describe('polyline measurement', () => {
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

describe('Cobb angle and measurement kinds', () => {
  it('measures the angle between two lines, 0–90° whatever way each is drawn', () => {
    const flat: [number, number][] = [[0, 0], [10, 0]];
    expect(cobbAngle([...flat, [0, 5], [10, 15]])).to.be.closeTo(45, 1e-9);
    expect(cobbAngle([...flat, [10, 15], [0, 5]]), 'second line drawn backwards').to.be.closeTo(45, 1e-9);
    expect(cobbAngle([...flat, [0, 0], [1, 10]])).to.be.closeTo((Math.atan2(10, 1) * 180) / Math.PI, 1e-9);
    expect(cobbAngle([...flat, [0, 5], [10, 5]]), 'parallel').to.equal(0);
    // Columns 2 mm, rows 1 mm: (10, 10) px is (20, 10) mm.
    expect(cobbAngle([...flat, [0, 0], [10, 10]], [1, 2])).to.be.closeTo((Math.atan2(10, 20) * 180) / Math.PI, 1e-9);
    expect(cobbAngle([...flat, [3, 3]]), 'three points').to.equal(undefined);
    expect(cobbAngle([...flat, [3, 3], [3, 3]]), 'a zero-length line').to.equal(undefined);
  });

  it('measures what each kind asks for, rounds for the export and formats for the screen', () => {
    const l: [number, number][] = [[10, 0], [0, 0], [0, 10]];
    expect(measurePolyline(l, undefined, [0.5, 0.5])).to.deep.equal({ lengthMm: 10, angleDeg: 90 });
    expect(measurePolyline(l, 'length')).to.deep.equal({ lengthPx: 20 });
    expect(measurePolyline(l, 'angle')).to.deep.equal({ angleDeg: 90 });
    expect(measurePolyline([[0, 0], [3, 4]], undefined)).to.deep.equal({ lengthPx: 5 });
    expect(roundMeasurement({ lengthMm: 1 / 3, angleDeg: 2 / 3 })).to.deep.equal({ lengthMm: 0.333, angleDeg: 0.667 });
    expect(formatMeasurement({ lengthMm: 42.04, angleDeg: 37.52 })).to.equal('42.0 mm · 37.5°');
    expect(formatMeasurement({ angleDeg: 12 })).to.equal('12.0°');
  });
});
