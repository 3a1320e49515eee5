import { expect } from '@open-wc/testing';
import { geometryBounds, hitTestGeometry, translateGeometry } from '../../src/core/geometry.js';
import { interpolateGeometry, shapeAtFrame } from '../../src/core/interpolation.js';
import { interpolateKeypoints, nextVisibility, skeletonEdges } from '../../src/core/keypoints.js';
import type { Box, Geometry, Keypoints } from '../../src/core/model.js';
import { defaultTemplate, templateInBox } from '../../src/tools/keypoints/keypoints-tool.js';

const kp = (points: Keypoints['points'], box?: Box): Geometry => ({ type: 'keypoints', value: box ? { points, box } : { points } });
const a = kp(
  [
    { name: 'head', x: 10, y: 10, visibility: 2 },
    { name: 'hand', x: 20, y: 40, visibility: 1 },
    { name: 'foot', x: 0, y: 0, visibility: 0 },
  ],
  { x: 5, y: 5, width: 20, height: 40 },
);
const b = kp(
  [
    { name: 'head', x: 30, y: 20, visibility: 2 },
    { name: 'hand', x: 0, y: 0, visibility: 0 },
    { name: 'foot', x: 50, y: 90, visibility: 2 },
  ],
  { x: 25, y: 15, width: 30, height: 80 },
);

describe('keypoints geometry', () => {
  it('bounds, hit tests and moves use the labelled points only (absent points keep x, y)', () => {
    expect(geometryBounds(a)).to.deep.equal({ x: 10, y: 10, width: 10, height: 30 });
    expect(hitTestGeometry(a, [12, 10], 3)).to.equal(2);
    expect(hitTestGeometry(a, [15, 25], 3)).to.equal(undefined);
    const moved = translateGeometry(a, 5, -5);
    expect(moved.type === 'keypoints' && moved.value).to.deep.equal({
      points: [
        { name: 'head', x: 15, y: 5, visibility: 2 },
        { name: 'hand', x: 25, y: 35, visibility: 1 },
        { name: 'foot', x: 0, y: 0, visibility: 0 },
      ],
      box: { x: 10, y: 0, width: 20, height: 40 },
    });
  });

  it('interpolates point by point; a point absent on either side is absent between; exact at both ends', () => {
    const half = interpolateGeometry(a, b, 0.5);
    expect(half).to.deep.equal(
      kp(
        [
          { name: 'head', x: 20, y: 15, visibility: 2 },
          { name: 'hand', x: 0, y: 0, visibility: 0 },
          { name: 'foot', x: 0, y: 0, visibility: 0 },
        ],
        { x: 15, y: 10, width: 25, height: 60 },
      ),
    );
    const keyframes = [
      { frame: 0, geometry: a },
      { frame: 10, geometry: b },
    ];
    expect(shapeAtFrame(keyframes, 10)!.geometry).to.equal(b);
    expect(interpolateGeometry(a, b, 0)).to.deep.equal(kp([(a.value as Keypoints).points[0]!, { name: 'hand', x: 0, y: 0, visibility: 0 }, (a.value as Keypoints).points[2]!], { x: 5, y: 5, width: 20, height: 40 }));
    // Different names: not interpolable (the earlier shape holds).
    const renamed = kp([{ name: 'x', x: 1, y: 1, visibility: 2 }]);
    expect(interpolateKeypoints(a.value as Keypoints, renamed.value as Keypoints, 0.5, (box) => box)).to.equal(undefined);
  });

  it('skeleton indexes: 1-based as COCO unless one is 0; visibility cycles 2 → 1 → 0 → 2', () => {
    expect(skeletonEdges([[1, 2], [1, 3]], 3)).to.deep.equal([[0, 1], [0, 2]]);
    expect(skeletonEdges([[0, 1], [1, 2]], 3)).to.deep.equal([[0, 1], [1, 2]]);
    expect(skeletonEdges([[1, 4]], 3)).to.deep.equal([]);
    expect([2, 1, 0].map((v) => nextVisibility(v as 0 | 1 | 2))).to.deep.equal([1, 0, 2]);
  });

  it('the template goes into the box: given spots, else round an ellipse from the top', () => {
    const box = { x: 100, y: 50, width: 200, height: 100 };
    expect(templateInBox(['a', 'b'], [[0, 0], [1, 0.5]], box).points.map((p) => [p.x, p.y])).to.deep.equal([[100, 50], [300, 100]]);
    const spread = defaultTemplate(4);
    expect(spread.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100])).to.deep.equal([[0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]]);
    expect(templateInBox(['a'], undefined, box)).to.deep.equal({ points: [{ name: 'a', x: 200, y: 100, visibility: 2 }], box });
  });
});
