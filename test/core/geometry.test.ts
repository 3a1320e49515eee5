import { expect } from '@open-wc/testing';
import {
  clampToPlane,
  closestEdge,
  distanceToPolyline,
  distanceToSegment,
  geometryBounds,
  hitTestGeometry,
  normalizeBox,
  normalizeRotation,
  pointInPolygon,
  polygonArea,
  resizeBox,
  resizeRotatedBox,
  rotateBoxTowards,
  rotatedBoxCorners,
  rotatedBoxFromCorners,
  simplifyPolyline,
  translateGeometry,
} from '../../src/core/geometry.js';
import { catmullRomPoints } from '../../src/core/spline.js';
import type { Box, Geometry, PdfRect, Point, RotatedBox } from '../../src/core/model.js';

function expectPoint(actual: Point | undefined, expected: Point, delta = 1e-6): void {
  expect(actual, 'point').to.not.equal(undefined);
  expect(actual![0]).to.be.closeTo(expected[0], delta);
  expect(actual![1]).to.be.closeTo(expected[1], delta);
}

function expectBox(actual: Box, expected: Box, delta = 1e-6): void {
  expect(actual.x, 'x').to.be.closeTo(expected.x, delta);
  expect(actual.y, 'y').to.be.closeTo(expected.y, delta);
  expect(actual.width, 'width').to.be.closeTo(expected.width, delta);
  expect(actual.height, 'height').to.be.closeTo(expected.height, delta);
}

/** 100×50 at the origin turned 30° clockwise about (50, 25). */
const tilted: RotatedBox = { x: 0, y: 0, width: 100, height: 50, rotation: 30 };
// By hand: corner = (50 + u·cos30 − v·sin30, 25 + u·sin30 + v·cos30), cos30 = 0.8660254, sin30 = 0.5.
const tiltedCorners: Point[] = [
  [19.1987298, -21.6506351], // (u, v) = (-50, -25)
  [105.8012702, 28.3493649], // (50, -25)
  [80.8012702, 71.6506351], // (50, 25)
  [-5.8012702, 21.6506351], // (-50, 25)
];

describe('geometry: normalisation', () => {
  it('flips negative box sizes', () => {
    expect(normalizeBox({ x: 10, y: 10, width: -4, height: -6 })).to.deep.equal({ x: 6, y: 4, width: 4, height: 6 });
    expect(normalizeBox({ x: 1, y: 2, width: 3, height: 4 })).to.deep.equal({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('puts rotations in (-180, 180]', () => {
    expect(normalizeRotation(190)).to.equal(-170);
    expect(normalizeRotation(-190)).to.equal(170);
    expect(normalizeRotation(-180)).to.equal(180);
    expect(normalizeRotation(180)).to.equal(180);
    expect(normalizeRotation(540)).to.equal(180);
    expect(normalizeRotation(-540)).to.equal(180);
    expect(normalizeRotation(720.5)).to.be.closeTo(0.5, 1e-9);
    expect(Object.is(normalizeRotation(-360), 0)).to.equal(true);
    expect(normalizeRotation(Number.NaN)).to.equal(0);
  });
});

describe('geometry: rotated boxes', () => {
  it('gives the corners of a 30° box clockwise from the rotated top-left', () => {
    const corners = rotatedBoxCorners(tilted);
    expect(corners).to.have.length(4);
    corners.forEach((corner, i) => expectPoint(corner, tiltedCorners[i]!));
  });

  it('gives the axis-aligned corners at rotation 0 and normalises negative sizes first', () => {
    expect(rotatedBoxCorners({ x: 10, y: 20, width: 30, height: 40, rotation: 0 })).to.deep.equal([
      [10, 20],
      [40, 20],
      [40, 60],
      [10, 60],
    ]);
    const flipped = rotatedBoxCorners({ x: 100, y: 50, width: -100, height: -50, rotation: 30 });
    flipped.forEach((corner, i) => expectPoint(corner, tiltedCorners[i]!));
  });

  it('rebuilds the box from its corners', () => {
    const box = rotatedBoxFromCorners(rotatedBoxCorners(tilted))!;
    expectBox(box, tilted);
    expect(box.rotation).to.be.closeTo(30, 1e-9);
    const upsideDown = rotatedBoxFromCorners(rotatedBoxCorners({ ...tilted, rotation: -150 }))!;
    expect(upsideDown.rotation).to.be.closeTo(-150, 1e-9);
    expect(rotatedBoxFromCorners([[0, 0]])).to.equal(undefined);
  });
});

describe('geometry: bounds', () => {
  it('bounds a rotated box by its corners', () => {
    expectBox(geometryBounds({ type: 'rotated-bounding-box', value: tilted }), {
      x: -5.8012702,
      y: -21.6506351,
      width: 111.6025404,
      height: 93.3012702,
    });
  });

  it('bounds boxes, points, polygons and polylines', () => {
    expect(geometryBounds({ type: 'bounding-box', value: { x: 10, y: 10, width: -4, height: 6 } })).to.deep.equal({
      x: 6,
      y: 10,
      width: 4,
      height: 6,
    });
    expect(geometryBounds({ type: 'point', value: [3, 4] })).to.deep.equal({ x: 3, y: 4, width: 0, height: 0 });
    const ring: Point[] = [
      [5, 1],
      [9, 7],
      [2, 4],
    ];
    expect(geometryBounds({ type: 'polygon', value: ring })).to.deep.equal({ x: 2, y: 1, width: 7, height: 6 });
    expect(geometryBounds({ type: 'polyline', value: ring })).to.deep.equal({ x: 2, y: 1, width: 7, height: 6 });
    expect(geometryBounds({ type: 'polygon', value: [] })).to.deep.equal({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('bounds a spline by its curve, which leaves the control points’ box', () => {
    const control: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [20, 10],
    ];
    const bounds = geometryBounds({ type: 'spline', value: control });
    const curve = catmullRomPoints(control);
    const minY = Math.min(...curve.map((p) => p[1]));
    const maxY = Math.max(...curve.map((p) => p[1]));
    expect(minY).to.be.below(0);
    expectBox(bounds, { x: 0, y: minY, width: 20, height: maxY - minY });
  });

  it('bounds segmentation by all regions, PDF by boundingRect, NER as empty', () => {
    const segmentation: Geometry = {
      type: 'segmentation',
      value: {
        zones: [
          { region: [[0, 0], [10, 0], [10, 10]], holes: [] },
          { region: [[50, 40], [60, 40], [60, 45]], holes: [[[55, 41], [56, 41], [56, 42]]] },
        ],
      },
    };
    expect(geometryBounds(segmentation)).to.deep.equal({ x: 0, y: 0, width: 60, height: 45 });
    const rect: PdfRect = { x1: 72, y1: 100, x2: 300, y2: 130, width: 612, height: 792 };
    const pdf: Geometry = {
      type: 'pdf',
      value: { position: { boundingRect: rect, rects: [rect], pageNumber: 1 }, content: { text: 'hello' } },
    };
    expect(geometryBounds(pdf)).to.deep.equal({ x: 72, y: 100, width: 228, height: 30 });
    expect(geometryBounds({ type: 'ner', value: { start: 3, end: 8, selection: 'hello' } })).to.deep.equal({
      x: 0,
      y: 0,
      width: 0,
      height: 0,
    });
  });
});

describe('geometry: primitives', () => {
  it('tests points in a concave polygon', () => {
    const u: Point[] = [
      [0, 0],
      [30, 0],
      [30, 30],
      [20, 30],
      [20, 10],
      [10, 10],
      [10, 30],
      [0, 30],
    ];
    expect(pointInPolygon([5, 20], u)).to.equal(true);
    expect(pointInPolygon([25, 20], u)).to.equal(true);
    expect(pointInPolygon([15, 20], u)).to.equal(false); // in the notch
    expect(pointInPolygon([15, 5], u)).to.equal(true);
    expect(pointInPolygon([-1, 5], u)).to.equal(false);
  });

  it('measures distances to segments and polylines', () => {
    expect(distanceToSegment([5, 3], [0, 0], [10, 0])).to.equal(3);
    expect(distanceToSegment([13, 4], [0, 0], [10, 0])).to.equal(5); // past the end: to the end point
    expect(distanceToSegment([3, 4], [0, 0], [0, 0])).to.equal(5); // degenerate segment
    const square: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(distanceToPolyline([-2, 5], square, true)).to.equal(2); // the closing edge
    expect(distanceToPolyline([-2, 5], square, false)).to.be.closeTo(Math.hypot(2, 5), 1e-9);
    expect(distanceToPolyline([1, 1], [[4, 5]], false)).to.equal(5);
    expect(distanceToPolyline([1, 1], [], false)).to.equal(Infinity);
  });

  it('finds the closest edge for inserting a vertex', () => {
    const square: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const top = closestEdge(square, [5, -1], true)!;
    expect(top.index).to.equal(0);
    expectPoint(top.point, [5, 0]);
    expect(top.distance).to.be.closeTo(1, 1e-9);
    const closing = closestEdge(square, [-1, 6], true)!;
    expect(closing.index).to.equal(3);
    expectPoint(closing.point, [0, 6]);
    const open = closestEdge(square, [-1, 6], false)!;
    expect(open.index).to.equal(2);
    expectPoint(open.point, [0, 10]);
    expect(closestEdge([[1, 1]], [0, 0], false)).to.equal(undefined);
  });

  it('computes polygon area either winding', () => {
    const square: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(polygonArea(square)).to.equal(100);
    expect(polygonArea([...square].reverse())).to.equal(100);
    expect(polygonArea(rotatedBoxCorners(tilted))).to.be.closeTo(5000, 1e-6);
  });

  it('clamps to the plane', () => {
    expect(clampToPlane([-5, 400], 640, 360)).to.deep.equal([0, 360]);
    expect(clampToPlane([700, 10], 640, 360)).to.deep.equal([640, 10]);
    expect(clampToPlane([1.5, 2.5], 640, 360)).to.deep.equal([1.5, 2.5]);
  });

  it('simplifies a polyline without dropping corners', () => {
    const stroke: Point[] = [
      [0, 0],
      [1, 0.01],
      [2, -0.01],
      [3, 0],
      [3, 1],
      [3.01, 2],
      [3, 3],
    ];
    expect(simplifyPolyline(stroke, 0.1)).to.deep.equal([
      [0, 0],
      [3, 0],
      [3, 3],
    ]);
    expect(simplifyPolyline(stroke, 0.001)).to.have.length(7);
  });
});

describe('geometry: hit tests', () => {
  const box: Geometry = { type: 'bounding-box', value: { x: 10, y: 10, width: 20, height: 10 } };

  it('hits inside a box with 0, near its edge with the distance, and misses beyond tolerance', () => {
    expect(hitTestGeometry(box, [15, 15], 2)).to.equal(0);
    expect(hitTestGeometry(box, [31, 15], 2)).to.equal(1);
    expect(hitTestGeometry(box, [33, 15], 2)).to.equal(undefined);
  });

  it('tests a rotated box in its own frame', () => {
    const g: Geometry = { type: 'rotated-bounding-box', value: tilted };
    // Outside the unrotated box, inside the rotated one.
    expect(hitTestGeometry(g, [102, 28], 1)).to.equal(0);
    // Inside the unrotated box, outside the rotated one.
    expect(hitTestGeometry(g, [2, 48], 1)).to.equal(undefined);
    // Just beyond the rotated top-right corner along the top edge direction.
    const [tl, tr] = tiltedCorners as [Point, Point];
    const along: Point = [tr[0] + (tr[0] - tl[0]) / 100, tr[1] + (tr[1] - tl[1]) / 100];
    expect(hitTestGeometry(g, along, 2)).to.be.closeTo(1, 1e-6);
  });

  it('hits polygons inside and along their closing edge', () => {
    const triangle: Geometry = {
      type: 'polygon',
      value: [
        [0, 0],
        [100, 0],
        [0, 100],
      ],
    };
    expect(hitTestGeometry(triangle, [10, 10], 1)).to.equal(0);
    expect(hitTestGeometry(triangle, [60, 60], 1)).to.equal(undefined);
    expect(hitTestGeometry(triangle, [51, 51], 2)).to.be.closeTo(Math.SQRT2, 1e-9);
  });

  it('excludes segmentation holes, but their edges are still near', () => {
    const g: Geometry = {
      type: 'segmentation',
      value: {
        zones: [
          {
            region: [
              [0, 0],
              [100, 0],
              [100, 100],
              [0, 100],
            ],
            holes: [
              [
                [40, 40],
                [60, 40],
                [60, 60],
                [40, 60],
              ],
            ],
          },
          {
            region: [
              [200, 0],
              [220, 0],
              [220, 20],
            ],
            holes: [],
          },
        ],
      },
    };
    expect(hitTestGeometry(g, [20, 20], 2)).to.equal(0);
    expect(hitTestGeometry(g, [50, 50], 2)).to.equal(undefined); // the hole's middle
    expect(hitTestGeometry(g, [50, 50], 15)).to.equal(10); // near the hole's edge
    expect(hitTestGeometry(g, [41, 50], 2)).to.equal(1);
    expect(hitTestGeometry(g, [218, 5], 2)).to.equal(0); // second zone
    expect(hitTestGeometry(g, [150, 50], 2)).to.equal(undefined);
  });

  it('hits lines and points only within tolerance', () => {
    const line: Geometry = {
      type: 'polyline',
      value: [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
    };
    expect(hitTestGeometry(line, [50, 3], 5)).to.equal(3);
    expect(hitTestGeometry(line, [50, 50], 5)).to.equal(undefined); // an open line has no inside
    expect(hitTestGeometry({ type: 'point', value: [10, 10] }, [13, 14], 5)).to.equal(5);
    expect(hitTestGeometry({ type: 'point', value: [10, 10] }, [13, 14], 4.9)).to.equal(undefined);
  });

  it('hits a spline along its curve, not its chord', () => {
    const spline: Geometry = {
      type: 'spline',
      value: [
        [0, 0],
        [50, 50],
        [100, 0],
      ],
    };
    expect(hitTestGeometry(spline, [50, 50], 1)).to.be.closeTo(0, 1e-9);
    expect(hitTestGeometry(spline, [50, 0], 5)).to.equal(undefined);
    const curve = catmullRomPoints(spline.value as Point[]);
    const onCurve = curve[8]!;
    expect(hitTestGeometry(spline, [onCurve[0], onCurve[1] + 2], 3)).to.be.within(1, 2);
  });

  it('hits PDF selections by their line rects, NER never', () => {
    const page = { width: 612, height: 792 };
    const line1: PdfRect = { x1: 72, y1: 100, x2: 300, y2: 112, ...page };
    const line2: PdfRect = { x1: 72, y1: 114, x2: 150, y2: 126, ...page };
    const bounding: PdfRect = { x1: 72, y1: 100, x2: 300, y2: 126, ...page };
    const text: Geometry = {
      type: 'pdf',
      value: { position: { boundingRect: bounding, rects: [line1, line2], pageNumber: 1 }, content: { text: 'a b' } },
    };
    expect(hitTestGeometry(text, [100, 120], 1)).to.equal(0);
    expect(hitTestGeometry(text, [250, 120], 1)).to.equal(undefined); // inside the bounding rect, beside the short line
    const area: Geometry = {
      type: 'pdf',
      value: { position: { boundingRect: bounding, rects: [], pageNumber: 1 }, content: { image: 'data:image/png;base64,' } },
    };
    expect(hitTestGeometry(area, [250, 120], 1)).to.equal(0);
    expect(hitTestGeometry({ type: 'ner', value: { start: 0, end: 1, selection: 'a' } }, [0, 0], 100)).to.equal(undefined);
  });
});

describe('geometry: editing', () => {
  it('translates every plane shape and leaves NER alone', () => {
    expect(translateGeometry({ type: 'rotated-bounding-box', value: tilted }, 5, -5)).to.deep.equal({
      type: 'rotated-bounding-box',
      value: { x: 5, y: -5, width: 100, height: 50, rotation: 30 },
    });
    expect(translateGeometry({ type: 'point', value: [1, 2] }, 1, 1)).to.deep.equal({ type: 'point', value: [2, 3] });
    const segmentation: Geometry = {
      type: 'segmentation',
      value: { zones: [{ region: [[0, 0], [10, 0], [10, 10]], holes: [[[2, 1], [3, 1], [3, 2]]] }] },
    };
    expect(translateGeometry(segmentation, 10, 20)).to.deep.equal({
      type: 'segmentation',
      value: { zones: [{ region: [[10, 20], [20, 20], [20, 30]], holes: [[[12, 21], [13, 21], [13, 22]]] }] },
    });
    expect(segmentation.value).to.deep.equal({ zones: [{ region: [[0, 0], [10, 0], [10, 10]], holes: [[[2, 1], [3, 1], [3, 2]]] }] });
    const rect: PdfRect = { x1: 1, y1: 2, x2: 3, y2: 4, width: 612, height: 792 };
    const moved = translateGeometry(
      { type: 'pdf', value: { position: { boundingRect: rect, rects: [rect], pageNumber: 2 }, content: { text: 'x' } } },
      10,
      10,
    );
    expect(moved).to.deep.equal({
      type: 'pdf',
      value: {
        position: {
          boundingRect: { x1: 11, y1: 12, x2: 13, y2: 14, width: 612, height: 792 },
          rects: [{ x1: 11, y1: 12, x2: 13, y2: 14, width: 612, height: 792 }],
          pageNumber: 2,
        },
        content: { text: 'x' },
      },
    });
    // A move by a zoom's fraction of a point keeps PDF rects at 0.01 pt.
    const area = translateGeometry({ type: 'pdf', value: { position: { boundingRect: rect, rects: [], pageNumber: 2 }, content: { text: 'x' } } }, 10 / 3, 0.1 + 0.2);
    expect(area.type === 'pdf' && area.value.position.boundingRect).to.deep.equal({ x1: 4.33, y1: 2.3, x2: 6.33, y2: 4.3, width: 612, height: 792 });
    const ner: Geometry = { type: 'ner', value: { start: 0, end: 2, selection: 'ab' } };
    expect(translateGeometry(ner, 5, 5)).to.equal(ner);
  });

  it('resizes a box from each kind of handle', () => {
    const b: Box = { x: 10, y: 10, width: 20, height: 10 };
    expect(resizeBox(b, 'se', 5, 3)).to.deep.equal({ x: 10, y: 10, width: 25, height: 13 });
    expect(resizeBox(b, 'nw', 5, 3)).to.deep.equal({ x: 15, y: 13, width: 15, height: 7 });
    expect(resizeBox(b, 'n', 100, -4)).to.deep.equal({ x: 10, y: 6, width: 20, height: 14 });
    expect(resizeBox(b, 'w', -2, 100)).to.deep.equal({ x: 8, y: 10, width: 22, height: 10 });
    // Past the opposite edge: flips and stays normalised.
    expect(resizeBox(b, 'e', -25, 0)).to.deep.equal({ x: 5, y: 10, width: 5, height: 10 });
    expect(resizeBox(b, 'ne', 0, 15)).to.deep.equal({ x: 10, y: 20, width: 20, height: 5 });
  });

  it('resizes an unrotated rotated box like a plain box', () => {
    const b: RotatedBox = { x: 0, y: 0, width: 100, height: 50, rotation: 0 };
    const r = resizeRotatedBox(b, 'se', [120, 60]);
    expectBox(r, { x: 0, y: 0, width: 120, height: 60 });
    expect(r.rotation).to.equal(0);
  });

  it('keeps the opposite corner fixed and puts the dragged corner on the pointer at 30°', () => {
    const pointer: Point = [110, 90];
    const r = resizeRotatedBox(tilted, 'se', pointer);
    expect(r.rotation).to.equal(30);
    const [tl, , br] = rotatedBoxCorners(r);
    expectPoint(tl, tiltedCorners[0]!);
    expectPoint(br, pointer);
  });

  it('moves only one side for an edge handle in the rotated frame', () => {
    // 90°: the box's right edge faces down on screen.
    const quarter: RotatedBox = { x: 0, y: 0, width: 100, height: 50, rotation: 90 };
    const r = resizeRotatedBox(quarter, 'e', [50, 95]);
    expectBox(r, { x: -10, y: 10, width: 120, height: 50 });
    const before = rotatedBoxCorners(quarter);
    const after = rotatedBoxCorners(r);
    expectPoint(after[0], before[0]!); // west side stays
    expectPoint(after[3], before[3]!);
    // An 'n' drag at 30°: the bottom corners stay, the height follows the pointer's distance from the bottom edge.
    const [, tr] = rotatedBoxCorners(tilted) as [Point, Point];
    const n = resizeRotatedBox(tilted, 'n', [tr[0] + 0.5 * 10, tr[1] - (Math.sqrt(3) / 2) * 10]);
    expect(n.width).to.be.closeTo(100, 1e-9);
    expect(n.height).to.be.closeTo(60, 1e-9);
    const nCorners = rotatedBoxCorners(n);
    expectPoint(nCorners[2], tiltedCorners[2]!);
    expectPoint(nCorners[3], tiltedCorners[3]!);
  });

  it('turns towards the pointer from the rotation handle above the top edge', () => {
    const b: RotatedBox = { x: 0, y: 0, width: 100, height: 50, rotation: 0 };
    expect(rotateBoxTowards(b, [50, -100]).rotation).to.equal(0);
    expect(rotateBoxTowards(b, [150, 25]).rotation).to.be.closeTo(90, 1e-9);
    expect(rotateBoxTowards(b, [50, 125]).rotation).to.be.closeTo(180, 1e-9);
    expect(rotateBoxTowards(b, [-50, 25]).rotation).to.be.closeTo(-90, 1e-9);
    const at37: Point = [50 + 100 * Math.sin(37 * (Math.PI / 180)), 25 - 100 * Math.cos(37 * (Math.PI / 180))];
    expect(rotateBoxTowards(b, at37).rotation).to.be.closeTo(37, 1e-9);
    expect(rotateBoxTowards(b, at37, 15).rotation).to.equal(30);
    const atMinus178: Point = [50 + 100 * Math.sin(-178 * (Math.PI / 180)), 25 - 100 * Math.cos(-178 * (Math.PI / 180))];
    expect(rotateBoxTowards(b, atMinus178, 15).rotation).to.equal(180);
    const turned = rotateBoxTowards(b, [150, 25]);
    expect({ x: turned.x, y: turned.y, width: turned.width, height: turned.height }).to.deep.equal({ x: 0, y: 0, width: 100, height: 50 });
    expect(rotateBoxTowards({ ...b, rotation: 45 }, [50, 25]).rotation).to.equal(45);
  });
});
