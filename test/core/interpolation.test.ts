import { expect } from '@open-wc/testing';
import {
  framesToExport,
  interpolateGeometry,
  moveKeyframe,
  removeKeyframe,
  shapeAtFrame,
  upsertKeyframe,
  visibleRanges,
} from '../../src/core/interpolation.js';
import type { Box, Geometry, Keyframe, Point } from '../../src/core/model.js';

function box(x: number, y = 50, width = 40, height = 120): Geometry {
  return { type: 'bounding-box', value: { x, y, width, height } };
}

function xAt(keyframes: readonly Keyframe[], frame: number): number | undefined {
  const shape = shapeAtFrame(keyframes, frame);
  return shape?.geometry.type === 'bounding-box' ? shape.geometry.value.x : undefined;
}

function rotation(g: Geometry | undefined): number {
  if (g?.type !== 'rotated-bounding-box') throw new Error(`not a rotated box: ${JSON.stringify(g)}`);
  return g.value.rotation;
}

/** The FORMAT.md example track: keyframes at 10 (x 100) and 12 (x 120), stop at 13. */
const example: Keyframe[] = [
  { frame: 10, geometry: box(100) },
  { frame: 12, geometry: box(120) },
  { frame: 13, geometry: box(120), stopped: true },
];

interface ExportEntry {
  page: number;
  keyframe?: boolean;
  interpolationStopped?: boolean;
  'bounding-box': Box;
}

describe('interpolation: interpolateGeometry', () => {
  it('interpolates boxes, points and equal-length point lists linearly', () => {
    expect(interpolateGeometry(box(100, 0, 10, 10), box(200, 20, 30, 10), 0.25)).to.deep.equal(box(125, 5, 15, 10));
    expect(interpolateGeometry({ type: 'point', value: [0, 10] }, { type: 'point', value: [10, 30] }, 0.5)).to.deep.equal({
      type: 'point',
      value: [5, 20],
    });
    const a: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    const b: Point[] = [
      [10, 0],
      [20, 0],
      [20, 20],
    ];
    for (const type of ['polygon', 'polyline', 'spline'] as const) {
      expect(interpolateGeometry({ type, value: a }, { type, value: b }, 0.5)).to.deep.equal({
        type,
        value: [
          [5, 0],
          [15, 0],
          [15, 15],
        ],
      });
    }
  });

  it('is exact at both ends', () => {
    expect(interpolateGeometry(box(0.1), box(0.7), 0)).to.deep.equal(box(0.1));
    expect(interpolateGeometry(box(0.1), box(0.7), 1)).to.deep.equal(box(0.7));
  });

  it('turns rotated boxes the short way round, through 180 not 0', () => {
    const at = (r: number): Geometry => ({ type: 'rotated-bounding-box', value: { x: 0, y: 0, width: 10, height: 10, rotation: r } });
    expect(rotation(interpolateGeometry(at(170), at(-170), 0.5))).to.equal(180);
    expect(rotation(interpolateGeometry(at(170), at(-170), 0.25))).to.be.closeTo(175, 1e-9);
    expect(rotation(interpolateGeometry(at(170), at(-170), 0.75))).to.be.closeTo(-175, 1e-9);
    expect(rotation(interpolateGeometry(at(-170), at(170), 0.25))).to.be.closeTo(-175, 1e-9);
    expect(rotation(interpolateGeometry(at(-10), at(30), 0.5))).to.be.closeTo(10, 1e-9);
    const moved = interpolateGeometry(at(0), { type: 'rotated-bounding-box', value: { x: 20, y: 0, width: 30, height: 10, rotation: 90 } }, 0.5);
    expect(moved).to.deep.equal({ type: 'rotated-bounding-box', value: { x: 10, y: 0, width: 20, height: 10, rotation: 45 } });
  });

  it('refuses pairs it cannot interpolate', () => {
    const triangle: Geometry = {
      type: 'polygon',
      value: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    };
    const square: Geometry = {
      type: 'polygon',
      value: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    };
    expect(interpolateGeometry(triangle, square, 0.5)).to.equal(undefined);
    expect(interpolateGeometry(box(0), { type: 'point', value: [0, 0] }, 0.5)).to.equal(undefined);
    expect(interpolateGeometry({ type: 'polyline', value: triangle.value as Point[] }, triangle, 0.5)).to.equal(undefined);
    const zone = { region: triangle.value as Point[], holes: [] };
    expect(interpolateGeometry({ type: 'segmentation', value: { zones: [zone] } }, { type: 'segmentation', value: { zones: [zone] } }, 0.5)).to.equal(
      undefined,
    );
    const ner: Geometry = { type: 'ner', value: { start: 0, end: 1, selection: 'a' } };
    expect(interpolateGeometry(ner, ner, 0.5)).to.equal(undefined);
  });
});

describe('interpolation: shapeAtFrame', () => {
  it('follows the FORMAT.md example: keyframes, an interpolated frame, a stop', () => {
    expect(shapeAtFrame(example, 9)).to.equal(undefined);
    expect(shapeAtFrame(example, 10)).to.deep.equal({ geometry: box(100), keyframe: true, stopped: false });
    expect(shapeAtFrame(example, 11)).to.deep.equal({ geometry: box(110), keyframe: false, stopped: false });
    expect(shapeAtFrame(example, 12)).to.deep.equal({ geometry: box(120), keyframe: true, stopped: false });
    expect(shapeAtFrame(example, 13)).to.deep.equal({ geometry: box(120), keyframe: true, stopped: true });
    expect(shapeAtFrame(example, 14)).to.equal(undefined);
    expect(shapeAtFrame(example, 500)).to.equal(undefined);
  });

  it('lets a stopped object reappear at a later keyframe and hold from there', () => {
    const track = [...example, { frame: 20, geometry: box(200) }];
    expect(shapeAtFrame(track, 19)).to.equal(undefined);
    expect(shapeAtFrame(track, 20)).to.deep.equal({ geometry: box(200), keyframe: true, stopped: false });
    expect(shapeAtFrame(track, 1000)).to.deep.equal({ geometry: box(200), keyframe: false, stopped: false });
  });

  it('interpolates towards a stop keyframe’s shape', () => {
    const track: Keyframe[] = [
      { frame: 0, geometry: box(0) },
      { frame: 10, geometry: box(100), stopped: true },
    ];
    expect(xAt(track, 5)).to.equal(50);
  });

  it('holds the earlier shape when the neighbours are not interpolable', () => {
    const triangle: Geometry = {
      type: 'polygon',
      value: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    };
    const square: Geometry = {
      type: 'polygon',
      value: [
        [0, 0],
        [20, 0],
        [20, 20],
        [0, 20],
      ],
    };
    const track: Keyframe[] = [
      { frame: 0, geometry: triangle },
      { frame: 4, geometry: square },
    ];
    expect(shapeAtFrame(track, 2)).to.deep.equal({ geometry: triangle, keyframe: false, stopped: false });
    expect(shapeAtFrame(track, 4)?.geometry).to.deep.equal(square);
  });

  it('finds the shape with a binary search: few keyframe reads on a long track', () => {
    const keyframes: Keyframe[] = Array.from({ length: 4096 }, (_, i) => ({ frame: i * 3, geometry: box(i * 3) }));
    let reads = 0;
    const counted = new Proxy(keyframes, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(xAt(counted, 7001)).to.be.closeTo(7001, 1e-9);
    expect(reads).to.be.at.most(2 * 12 + 4);
  });
});

describe('interpolation: visible ranges and exported frames', () => {
  it('gives visible ranges that end before stops and at the last frame', () => {
    expect(visibleRanges(example, 1189)).to.deep.equal([[10, 12]]);
    const reappears = [...example, { frame: 20, geometry: box(200) }, { frame: 30, geometry: box(210) }];
    expect(visibleRanges(reappears, 1189)).to.deep.equal([
      [10, 12],
      [20, 1188],
    ]);
    expect(visibleRanges(reappears, 25)).to.deep.equal([
      [10, 12],
      [20, 24],
    ]);
    expect(visibleRanges([{ frame: 5, geometry: box(0), stopped: true }], 100)).to.deep.equal([]);
    expect(visibleRanges(example, 0)).to.deep.equal([]);
  });

  it('matches the pages of examples/export.video.json, with and without keyframesOnly', async () => {
    const record = (await (await fetch('/test/fixtures/format/export.video.json')).json()) as {
      metadata: { frameTotal: number };
      task: { tools: ExportEntry[] };
    };
    const entries = record.task.tools;
    const keyframes: Keyframe[] = entries
      .filter((e) => e.keyframe)
      .map((e) => ({
        frame: e.page,
        geometry: { type: 'bounding-box', value: e['bounding-box'] },
        ...(e.interpolationStopped ? { stopped: true } : {}),
      }));
    expect(keyframes.map((k) => k.frame)).to.deep.equal([10, 12, 13]);
    const frameTotal = record.metadata.frameTotal;
    expect(framesToExport(keyframes, frameTotal, false)).to.deep.equal(entries.map((e) => e.page));
    expect(framesToExport(keyframes, frameTotal, false)).to.deep.equal([10, 11, 12, 13]);
    expect(framesToExport(keyframes, frameTotal, true)).to.deep.equal([10, 12, 13]);
    for (const entry of entries) {
      const shape = shapeAtFrame(keyframes, entry.page)!;
      expect(shape.geometry, `page ${entry.page}`).to.deep.equal({ type: 'bounding-box', value: entry['bounding-box'] });
      expect(shape.keyframe).to.equal(entry.keyframe === true);
      expect(shape.stopped).to.equal(entry.interpolationStopped === true);
    }
  });

  it('emits stop frames in order between visible runs', () => {
    const track: Keyframe[] = [
      { frame: 1, geometry: box(0) },
      { frame: 3, geometry: box(0), stopped: true },
      { frame: 5, geometry: box(0), stopped: true },
      { frame: 7, geometry: box(0) },
    ];
    expect(framesToExport(track, 10, false)).to.deep.equal([1, 2, 3, 5, 7, 8, 9]);
    expect(framesToExport(track, 10, true)).to.deep.equal([1, 3, 5, 7]);
    expect(framesToExport(track, 6, true)).to.deep.equal([1, 3, 5]);
  });
});

describe('interpolation: editing keyframes', () => {
  const track: readonly Keyframe[] = Object.freeze([
    Object.freeze({ frame: 2, geometry: box(2) }),
    Object.freeze({ frame: 5, geometry: box(5) }),
    Object.freeze({ frame: 9, geometry: box(9) }),
  ]);

  it('inserts in order and replaces a keyframe on the same frame', () => {
    expect(upsertKeyframe(track, { frame: 7, geometry: box(7) }).map((k) => k.frame)).to.deep.equal([2, 5, 7, 9]);
    expect(upsertKeyframe(track, { frame: 0, geometry: box(0) }).map((k) => k.frame)).to.deep.equal([0, 2, 5, 9]);
    expect(upsertKeyframe(track, { frame: 12, geometry: box(12) }).map((k) => k.frame)).to.deep.equal([2, 5, 9, 12]);
    const replaced = upsertKeyframe(track, { frame: 5, geometry: box(55), stopped: true });
    expect(replaced).to.have.length(3);
    expect(replaced[1]).to.deep.equal({ frame: 5, geometry: box(55), stopped: true });
    expect(upsertKeyframe([], { frame: 3, geometry: box(3) })).to.deep.equal([{ frame: 3, geometry: box(3) }]);
    expect(track[1]!.geometry).to.deep.equal(box(5));
  });

  it('removes a keyframe', () => {
    expect(removeKeyframe(track, 5).map((k) => k.frame)).to.deep.equal([2, 9]);
    const untouched = removeKeyframe(track, 4);
    expect(untouched).to.deep.equal([...track]);
    expect(untouched).to.not.equal(track);
  });

  it('moves a keyframe, refusing to land on another one', () => {
    expect(moveKeyframe(track, 2, 6)?.map((k) => [k.frame, xOf(k.geometry)])).to.deep.equal([
      [5, 5],
      [6, 2],
      [9, 9],
    ]);
    expect(moveKeyframe(track, 9, 0)?.map((k) => k.frame)).to.deep.equal([0, 2, 5]);
    expect(moveKeyframe(track, 2, 5)).to.equal(undefined);
    expect(moveKeyframe(track, 3, 4)).to.equal(undefined); // nothing on 3
    expect(moveKeyframe(track, 2, -1)).to.equal(undefined);
    expect(moveKeyframe(track, 5, 5)).to.deep.equal([...track]);
    expect(track.map((k) => k.frame)).to.deep.equal([2, 5, 9]);
  });
});

function xOf(g: Geometry): number | undefined {
  return g.type === 'bounding-box' ? g.value.x : undefined;
}
