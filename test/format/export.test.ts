import { expect } from '@open-wc/testing';
import type { ClassificationAnswer, Geometry, ObjectAnnotation } from '../../src/core/model.js';
import type { Ontology } from '../../src/core/ontology.js';
import type { ChangeSet } from '../../src/core/store.js';
import { buildChangeDetail, buildExportRecord } from '../../src/format/index.js';
import type { ExportRecord } from '../../src/format/types.js';
import { exportOf, extendOntology, fixture, meta, stateOf, videoInput } from './helpers.js';

const box = (x: number, y = 50, width = 40, height = 120): Geometry => ({ type: 'bounding-box', value: { x, y, width, height } });

function object(objectId: string, schemaId: string, keyframes: ObjectAnnotation['keyframes'], extra: Partial<ObjectAnnotation> = {}): ObjectAnnotation {
  return { objectId, schemaId, keyframes, classifications: [], metadata: meta, ...extra };
}

function answer(objectId: string, schemaId: string, value: string | string[], extra: Partial<ClassificationAnswer> = {}): ClassificationAnswer {
  return { objectId, schemaId, answer: value, classifications: [], metadata: meta, ...extra };
}

describe('format: export record', () => {
  let ontology: Ontology;
  let videoExample: ExportRecord;

  /** The object of `export.video.json` as the store holds it: keyframes 10 and 12, a stop at 13. */
  const videoCar = () =>
    object('b1', 't-car', [{ frame: 10, geometry: box(100) }, { frame: 12, geometry: box(120) }, { frame: 13, geometry: box(120), stopped: true }], {
      classifications: [answer('k1', 'c-car-kind', 'Sedan', { metadata: { ...meta, createdAt: '2026-11-22T09:59:05.000Z' } })],
    });

  before(async () => {
    ontology = extendOntology(await fixture('ontology.all-types.json'));
    videoExample = (await fixture('export.video.json')) as ExportRecord;
  });

  it('reproduces export.video.json exactly from keyframes 10 and 12 and a stop at 13 (frame 11 interpolated)', () => {
    const record = buildExportRecord(videoInput(stateOf([videoCar()]), ontology));
    expect(record).to.deep.equal(videoExample);
    expect(record.task.tools.map((t) => [t.page, t['bounding-box']?.x, t.keyframe, t.interpolationStopped])).to.deep.equal([
      [10, 100, true, undefined],
      [11, 110, undefined, undefined],
      [12, 120, true, undefined],
      [13, 120, true, true],
    ]);
  });

  it('emits only keyframe and stop entries with keyframesOnly (frame 11 absent)', () => {
    const record = buildExportRecord(videoInput(stateOf([videoCar()]), ontology, { keyframesOnly: true }));
    expect(record.task.tools.map((t) => t.page)).to.deep.equal([10, 12, 13]);
    expect(record.task.tools).to.deep.equal(videoExample.task.tools.filter((t) => t.page !== 11));
  });

  it('gives a stop entry the stop keyframe geometry and leaves out frames until the object reappears', () => {
    const car = object('c', 't-car', [
      { frame: 0, geometry: box(0) },
      { frame: 2, geometry: box(50), stopped: true },
      { frame: 5, geometry: box(10) },
    ]);
    const tools = exportOf(stateOf([car]), ontology, 'track', { frameTotal: 7 }).task.tools;
    expect(tools.map((t) => [t.page, t['bounding-box']?.x, t.keyframe ?? false, t.interpolationStopped ?? false])).to.deep.equal([
      [0, 0, true, false],
      [1, 25, false, false], // interpolated towards the stop keyframe (core/interpolation decides)
      [2, 50, true, true],
      [5, 10, true, false],
      [6, 10, false, false],
    ]);
  });

  it('emits frame-specific nested answers only on their own frame, the others on every frame', () => {
    const point = (x: number): Geometry => ({ type: 'point', value: [x, 0] });
    const player = object('p', 't-player', [{ frame: 0, geometry: point(0) }, { frame: 2, geometry: point(4) }], {
      classifications: [answer('pose-0', 'c-pose', 'Run', { page: 0 }), answer('pose-2', 'c-pose', 'Stand', { page: 2 }), answer('team', 'c-team', 'red')],
    });
    const tools = exportOf(stateOf([player]), ontology, 'track', { frameTotal: 3 }).task.tools;
    expect(tools.map((t) => [t.page, t.point, t.classifications.map((c) => `${c.title}=${String(c.answer)}${c.page === undefined ? '' : `@${c.page}`}`)])).to.deep.equal([
      [0, [0, 0], ['Pose=Run@0', 'Team=red']],
      [1, [2, 0], ['Team=red']],
      [2, [4, 0], ['Pose=Stand@2', 'Team=red']],
    ]);
  });

  it('emits one entry without page on single-plane assets and one with its page on paged ones', () => {
    const road = object('r', 't-road', [{ frame: 3, geometry: { type: 'polygon', value: [[0, 0], [4, 0], [4, 4]] } }]);
    const single = exportOf(stateOf([road]), ontology, 'single').task.tools;
    expect(single).to.have.length(1);
    expect(single[0]).to.not.have.property('page');
    expect(single[0]).to.not.have.property('keyframe');
    const paged = exportOf(stateOf([road]), ontology, 'paged').task.tools;
    expect(paged.map((t) => [t.page, t.polygon, 'keyframe' in t])).to.deep.equal([[3, [[0, 0], [4, 0], [4, 4]], false]]);
  });

  it('hands out copies of every geometry: changing an export changes neither the store nor the next export', () => {
    const objects = [
      object('p', 't-road', [{ frame: 0, geometry: { type: 'polygon', value: [[0, 0], [4, 0], [4, 4]] } }]),
      object('l', 't-lane', [{ frame: 0, geometry: { type: 'polyline', value: [[1, 1], [5, 5]] } }]),
      object('s', 't-sky', [{ frame: 0, geometry: { type: 'segmentation', value: { zones: [{ region: [[0, 0], [9, 0], [9, 9]], holes: [[[2, 2], [3, 2], [3, 3]]] }] } } }]),
      object('k', 't-curb', [{ frame: 0, geometry: { type: 'spline', value: [[0, 0], [2, 3], [4, 0]] } }]),
      object('h', 't-head', [{ frame: 0, geometry: { type: 'point', value: [7, 8] } }]),
    ];
    const state = stateOf(objects);
    const first = exportOf(state, ontology, 'single');
    const before = JSON.stringify(first);
    for (const tool of first.task.tools) {
      for (const key of ['polygon', 'polyline', 'spline', 'point'] as const) {
        const points = tool[key] as number[][] | number[] | undefined;
        if (points) (points as unknown[])[0] = [-1, -1];
      }
      const zones = tool.segmentation?.zones;
      if (zones) {
        zones[0]!.region[0] = [-1, -1];
        zones[0]!.holes[0]![0] = [-1, -1];
      }
    }
    expect(JSON.stringify(exportOf(state, ontology, 'single'))).to.equal(before);
    expect(JSON.stringify(first)).to.not.equal(before, 'the first export was changed');
  });

  it('normalises boxes and writes rotated boxes by their origin corner with corners from it (format version 2)', () => {
    const objects = [
      object('b', 't-car', [{ frame: 0, geometry: box(300, 120, -40, -20) }]),
      object('s', 't-sign', [{ frame: 0, geometry: { type: 'rotated-bounding-box', value: { x: 0, y: 0, width: 2, height: 2, rotation: 450 } } }]),
    ];
    const [plain, rotated] = exportOf(stateOf(objects), ontology, 'single').task.tools;
    expect(plain!['bounding-box']).to.deep.equal({ x: 260, y: 100, width: 40, height: 20 });
    const value = rotated!['rotated-bounding-box']!;
    // Turned a quarter about its centre (1, 1): the corner that was top-left is now at (2, 0).
    expect([value.x, value.y, value.width, value.height, value.rotation]).to.deep.equal([2, 0, 2, 2, 90]);
    expect(value.corners).to.deep.equal([[2, 0], [0, 0], [0, 2], [2, 2]]);
  });

  it('writes titles and tools from the ontology at every depth, falling back to the schemaId', () => {
    const car = object('o', 't-car', [{ frame: 0, geometry: box(0) }], {
      classifications: [answer('k', 'c-car-kind', 'Truck', { classifications: [answer('a', 'c-truck-axles', '2')] })],
    });
    const stranger = object('x', 't-gone', [{ frame: 0, geometry: box(0) }]);
    const record = exportOf(stateOf([car, stranger], [answer('g', 'c-gone', ['a']), answer('h', 'c-gone-too', 'b')]), ontology, 'single');
    const kind = record.task.tools[0]!.classifications[0]!;
    expect([kind.title, kind.tool, kind.classifications[0]!.title, kind.classifications[0]!.tool]).to.deep.equal(['Kind', 'radio', 'Axles', 'single-dropdown']);
    expect(record.task.tools[1]!.title).to.equal('t-gone');
    expect(record.task.classifications.map((c) => [c.title, c.tool])).to.deep.equal([
      ['c-gone', 'checkbox'],
      ['c-gone-too', 'text'],
    ]);
  });

  it('always emits classifications and metadata, and lock only when locked', () => {
    const objects = [
      object('a', 't-head', [{ frame: 0, geometry: { type: 'point', value: [1, 2] } }], { lock: true }),
      object('b', 't-head', [{ frame: 0, geometry: { type: 'point', value: [1, 2] } }], { lock: false, metadata: { ...meta, updatedAt: undefined } }),
    ];
    const record = exportOf(stateOf(objects, [answer('w', 'c-weather', ['Rain'], { lock: true })]), ontology, 'single');
    const [locked, open] = record.task.tools;
    expect(locked!.lock).to.equal(true);
    expect(open).to.not.have.property('lock');
    expect(open!.classifications).to.deep.equal([]);
    expect(open!.metadata).to.deep.equal(meta);
    expect(Object.keys(open!.metadata)).to.not.include('updatedAt');
    expect(record.task.classifications[0]!.lock).to.equal(true);
    // Plain JSON: nothing is lost or changed by serialising.
    expect(JSON.parse(JSON.stringify(record))).to.deep.equal(record);
  });

  it('writes single relations with a direction and group relations with their members', () => {
    const state = stateOf([], [], [
      { kind: 'single', objectId: 'r1', schemaId: 'r-follows', from: 'a', to: 'b', direction: 'bidirectional', metadata: meta },
      { kind: 'group', objectId: 'r2', schemaId: 'r-group', group: ['a', 'b', 'c'], lock: true, metadata: meta },
    ]);
    expect(exportOf(state, ontology, 'single').task.relations).to.deep.equal([
      { objectId: 'r1', schemaId: 'r-follows', title: 'Follows', from: 'a', to: 'b', direction: 'bidirectional', metadata: meta },
      { objectId: 'r2', schemaId: 'r-group', title: 'Same vehicle', group: ['a', 'b', 'c'], lock: true, metadata: meta },
    ]);
  });

  it('puts the brush PNG in brushDataUrl on single-plane assets and in brushDataUrls by page on multi-plane ones', () => {
    const url = 'data:image/png;base64,AAAA';
    const single = exportOf(stateOf([]), ontology, 'single', { brushDataUrls: { '0': url } }).task;
    expect(single.brushDataUrl).to.equal(url);
    expect(single).to.not.have.property('brushDataUrls');
    expect(exportOf(stateOf([]), ontology, 'single').task.brushDataUrl).to.equal('');
    const paged = exportOf(stateOf([]), ontology, 'paged', { brushDataUrls: { '0': url, '4': url } }).task;
    expect(paged.brushDataUrl).to.equal('');
    expect(paged.brushDataUrls).to.deep.equal({ '0': url, '4': url });
    expect(exportOf(stateOf([]), ontology, 'track').task).to.not.have.property('brushDataUrls');
  });

  it('fills the record frame: formatVersion 2, empty batches and dataset, stageId from stage, copies of what the caller owns', () => {
    const history = [{ stage: 'Label', stageId: 'Label', duration: 5, completedAt: 'x', completedBy: 'y', tools: [], classifications: [], relations: [] }];
    const input = videoInput(stateOf([]), ontology, { planes: 'single', task: { stage: 'Review', durations: { totalDuration: 1, idleDuration: 2, blurDuration: 3 }, stageHistory: history } });
    const record = buildExportRecord(input);
    expect(record.task).to.deep.equal({
      stage: 'Review',
      stageId: 'Review',
      totalDuration: 1,
      idleDuration: 2,
      blurDuration: 3,
      tools: [],
      classifications: [],
      relations: [],
      brushDataUrl: '',
      stageHistory: history,
      formatVersion: 2,
    });
    expect([record.batches, record.dataset]).to.deep.equal([[], []]);
    record.task.stageHistory[0]!.stage = 'changed';
    (record.metadata as { width: number }).width = 1;
    expect(history[0]!.stage).to.equal('Label');
    expect((input.asset.metadata as { width: number }).width).to.equal(640);
  });

  it('builds lk-change details with only the changed items in export shape and the removed ids', () => {
    const car = object('o1', 't-car', [{ frame: 0, geometry: box(5) }]);
    const change: ChangeSet = {
      origin: 'user',
      reason: 'update',
      phase: 'commit',
      objects: [
        { id: 'o1', before: undefined, after: car },
        { id: 'o2', before: car, after: undefined },
      ],
      classifications: [{ id: 'c1', before: undefined, after: answer('c1', 'c-time', 'Day') }],
      relations: [{ id: 'r1', before: { kind: 'group', objectId: 'r1', schemaId: 'r-group', group: ['o1', 'o2'], metadata: meta }, after: undefined }],
      masks: [],
    };
    const detail = buildChangeDetail(change, videoInput(stateOf([car]), ontology, { planes: 'single' }));
    expect(detail.objectIds).to.deep.equal(['o1', 'o2', 'c1', 'r1']);
    expect(detail.removed).to.deep.equal(['o2', 'r1']);
    expect(detail.tools).to.deep.equal(exportOf(stateOf([car]), ontology, 'single').task.tools);
    expect(detail.classifications.map((c) => [c.objectId, c.title, c.tool, c.answer])).to.deep.equal([['c1', 'Time of day', 'single-dropdown', 'Day']]);
    expect(detail.relations).to.deep.equal([]);
  });

  it('gives a changed track as its per-frame entries in lk-change details', () => {
    const change: ChangeSet = { origin: 'user', reason: 'update', phase: 'commit', objects: [{ id: 'b1', before: undefined, after: videoCar() }], classifications: [], relations: [], masks: [] };
    const detail = buildChangeDetail(change, videoInput(stateOf([videoCar()]), ontology));
    expect(detail.tools).to.deep.equal(videoExample.task.tools);
  });
});
