import { expect } from '@open-wc/testing';
import { catmullRomPoints, forEachCatmullRomPoint } from '../../src/core/spline.js';
import type { Point } from '../../src/core/model.js';

function allFinite(points: readonly Point[]): boolean {
  return points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

/** Furthest the span between control points i and i+1 strays outside x = control[i][0]. */
function overshootX(curve: readonly Point[], span: number, segments: number, wall: number): number {
  let worst = 0;
  for (let s = span * segments; s <= (span + 1) * segments; s++) worst = Math.max(worst, curve[s]![0] - wall);
  return worst;
}

describe('spline: centripetal Catmull-Rom', () => {
  it('passes through every control point, segmentsPerSpan samples per span', () => {
    const control: Point[] = [
      [0, 0],
      [40, 80],
      [90, 10],
      [140, 60],
    ];
    const curve = catmullRomPoints(control, 8);
    expect(curve).to.have.length(3 * 8 + 1);
    control.forEach((point, i) => expect(curve[i * 8]).to.deep.equal(point));
    expect(allFinite(curve)).to.equal(true);
  });

  it('bends through a peak without overshooting it', () => {
    const curve = catmullRomPoints([
      [0, 0],
      [10, 10],
      [20, 0],
    ]);
    const maxY = Math.max(...curve.map((p) => p[1]));
    expect(maxY).to.be.closeTo(10, 1e-9);
    // Samples inside the spans leave the straight chords.
    expect(curve[8]![1]).to.be.above(curve[8]![0]);
  });

  it('stays on the line for evenly spaced collinear points', () => {
    const curve = catmullRomPoints([
      [0, 0],
      [10, 0],
      [20, 0],
      [30, 0],
    ]);
    expect(curve.every(([, y]) => Math.abs(y) < 1e-9)).to.equal(true);
    for (let i = 1; i < curve.length; i++) expect(curve[i]![0]).to.be.above(curve[i - 1]![0]);
  });

  it('overshoots a short span between long ones far less than the uniform curve', () => {
    const control: Point[] = [
      [0, 0],
      [10, 0],
      [10, 1],
      [20, 1],
    ];
    const centripetal = overshootX(catmullRomPoints(control, 32, 0.5), 1, 32, 10);
    const uniform = overshootX(catmullRomPoints(control, 32, 0), 1, 32, 10);
    expect(uniform).to.be.above(0.4);
    expect(centripetal).to.be.below(uniform / 3);
  });

  it('handles coincident control points without NaN or loops', () => {
    const curve = catmullRomPoints([
      [0, 0],
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 0],
      [20, 5],
    ]);
    expect(curve).to.have.length(5 * 16 + 1);
    expect(allFinite(curve)).to.equal(true);
    // The zero-length span sits on its point.
    for (let s = 0; s <= 16; s++) expect(curve[s]).to.deep.equal([0, 0]);
    expect(curve[80]).to.deep.equal([20, 5]);
  });

  it('gives the point itself for one control point and nothing for none', () => {
    expect(catmullRomPoints([[3, 4]])).to.deep.equal([[3, 4]]);
    expect(catmullRomPoints([])).to.deep.equal([]);
    const two = catmullRomPoints(
      [
        [0, 0],
        [10, 20],
      ],
      4,
    );
    expect(two).to.have.length(5);
    two.forEach(([x, y]) => expect(y).to.be.closeTo(2 * x, 1e-9)); // a straight line
  });

  it('visits the same samples without building an array', () => {
    const control: Point[] = [
      [0, 0],
      [5, 9],
      [12, 3],
    ];
    const visited: Point[] = [];
    forEachCatmullRomPoint(control, (x, y) => visited.push([x, y]), 6);
    expect(visited).to.deep.equal(catmullRomPoints(control, 6));
  });
});
