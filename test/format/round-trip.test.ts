import { expect } from '@open-wc/testing';
import type { Ontology } from '../../src/core/ontology.js';
import type { PlaneModel } from '../../src/core/session.js';
import type { ExportRecord, ExportTool } from '../../src/format/types.js';
import { exportOf, extendOntology, fixture, importOk, meta, stateFromImport } from './helpers.js';

/** Import → export → import → export: the two exports must be equal, and the objects too. */
function roundTrip(ontology: Ontology, data: unknown, planes: PlaneModel, extra = {}): ExportRecord {
  const first = importOk(ontology, data, planes, extra);
  const record = exportOf(stateFromImport(first), ontology, planes);
  const second = importOk(ontology, record, planes);
  expect(second.objects).to.deep.equal(first.objects);
  expect(second.classifications).to.deep.equal(first.classifications);
  expect(second.relations).to.deep.equal(first.relations);
  expect(exportOf(stateFromImport(second), ontology, planes)).to.deep.equal(record);
  return record;
}

const payload = (tool: ExportTool, key: string): unknown => (tool as unknown as Record<string, unknown>)[key];

describe('format: round trips', () => {
  let ontology: Ontology;
  let prelabels: unknown;
  let videoExample: ExportRecord;

  before(async () => {
    ontology = extendOntology(await fixture('ontology.all-types.json'));
    prelabels = await fixture('import.ango-image.json');
    videoExample = (await fixture('export.video.json')) as ExportRecord;
  });

  const geometries: [schemaId: string, key: string, value: unknown][] = [
    ['t-car', 'bounding-box', { x: 1.5, y: 2, width: 3, height: 4 }],
    ['t-road', 'polygon', [[0, 0], [10, 0], [10, 10], [0, 10]]],
    ['t-lane', 'polyline', [[0, 0], [5, 5], [9, 1]]],
    ['t-head', 'point', [7, 8]],
    ['t-sky', 'segmentation', { zones: [{ region: [[0, 0], [9, 0], [9, 9]], holes: [[[1, 1], [2, 1], [2, 2]]] }, { region: [[20, 20], [30, 20], [30, 30]], holes: [] }] }],
    ['t-curb', 'spline', [[0, 0], [3, 4], [6, 0], [9, 4]]],
    ['t-entity', 'ner', { start: 4, end: 9, selection: 'Jürgen' }],
    [
      't-figure',
      'pdf',
      {
        position: {
          boundingRect: { x1: 10, y1: 20, x2: 110, y2: 40, width: 612, height: 792, pageNumber: 1 },
          rects: [{ x1: 10, y1: 20, x2: 110, y2: 30, width: 612, height: 792, pageNumber: 1 }, { x1: 10, y1: 30, x2: 60, y2: 40, width: 612, height: 792, pageNumber: 1 }],
          pageNumber: 1,
        },
        content: { text: 'two lines of text' },
      },
    ],
  ];

  it('keeps every tool type through import and export on a single-plane asset', () => {
    const objects = geometries.map(([schemaId, key, value], i) => ({ objectId: `x${i}`, schemaId, [key]: value }));
    objects.push({ objectId: 'rot', schemaId: 't-sign', 'rotated-bounding-box': { x: 500, y: 100, width: 60, height: 200, rotation: 30 } });
    const record = roundTrip(ontology, { objects }, 'single');
    geometries.forEach(([schemaId, key, value], i) => {
      const tool = record.task.tools[i]!;
      expect([tool.objectId, tool.schemaId, tool.page]).to.deep.equal([`x${i}`, schemaId, undefined]);
      expect(payload(tool, key), key).to.deep.equal(value);
    });
    const rotated = record.task.tools.at(-1)!['rotated-bounding-box']!;
    // Back as it came, with Ango's corners: origin, origin + R·(0, h), origin + R·(w, h), origin + R·(w, 0).
    const [c, s] = [Math.cos(Math.PI / 6), 0.5];
    expect([rotated.x, rotated.y, rotated.width, rotated.height, rotated.rotation]).to.deep.equal([500, 100, 60, 200, 30]);
    const expected = [[500, 100], [500 - 200 * s, 100 + 200 * c], [500 + 60 * c - 200 * s, 100 + 60 * s + 200 * c], [500 + 60 * c, 100 + 60 * s]];
    rotated.corners.forEach(([x, y], i) => {
      expect(x).to.be.closeTo(expected[i]![0]!, 1e-8);
      expect(y).to.be.closeTo(expected[i]![1]!, 1e-8);
    });
  });

  it('keeps every tool type with its page on a paged asset', () => {
    const objects = geometries.map(([schemaId, key, value], i) => ({ objectId: `x${i}`, schemaId, page: i, [key]: value }));
    const record = roundTrip(ontology, { objects }, 'paged');
    geometries.forEach(([, key, value], i) => {
      expect(payload(record.task.tools[i]!, key)).to.deep.equal(value);
      expect(record.task.tools[i]!.page).to.equal(i);
    });
  });

  it('keeps every classification type, nested and conditional answers included', () => {
    const classifications = [
      { objectId: 'radio', schemaId: 'c-occluded', answer: 'Yes', classifications: [{ objectId: 'cond', schemaId: 'c-occ-by', answer: 'a hand' }] },
      { objectId: 'check', schemaId: 'c-weather', answer: ['Rain', 'Fog'] },
      { objectId: 'single', schemaId: 'c-time', answer: 'Night' },
      { objectId: 'multi', schemaId: 'c-tags', answer: ['Urban', 'Highway'] },
      { objectId: 'tree', schemaId: 'c-place', answer: ['Asia / Japan'] },
      { objectId: 'text', schemaId: 'c-note', answer: 'AB-123' },
      { objectId: 'rank', schemaId: 'c-quality', answer: ['Noise', 'Sharpness', 'Exposure'] },
    ];
    const objects = [
      { objectId: 'o', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 }, classifications: [{ objectId: 'kind', schemaId: 'c-car-kind', answer: 'Truck', classifications: [{ objectId: 'axles', schemaId: 'c-truck-axles', answer: '2' }] }] },
    ];
    const record = roundTrip(ontology, { objects, classifications }, 'single');
    expect(record.task.classifications.map((c) => [c.objectId, c.tool, c.answer])).to.deep.equal([
      ['radio', 'radio', 'Yes'],
      ['check', 'checkbox', ['Rain', 'Fog']],
      ['single', 'single-dropdown', 'Night'],
      ['multi', 'multi-dropdown', ['Urban', 'Highway']],
      ['tree', 'tree-dropdown', ['Asia / Japan']],
      ['text', 'text', 'AB-123'],
      ['rank', 'rank', ['Noise', 'Sharpness', 'Exposure']],
    ]);
    expect(record.task.classifications[0]!.classifications).to.deep.equal([
      { objectId: 'cond', schemaId: 'c-occ-by', title: 'Occluded by', tool: 'text', answer: 'a hand', classifications: [], metadata: meta },
    ]);
    const kind = record.task.tools[0]!.classifications[0]!;
    expect([kind.title, kind.answer, kind.classifications[0]!.title, kind.classifications[0]!.answer]).to.deep.equal(['Kind', 'Truck', 'Axles', '2']);
  });

  it('keeps single and group relations', () => {
    const objects = ['a', 'b', 'c'].map((objectId) => ({ objectId, schemaId: 't-head', point: [1, 1] }));
    const relations = [
      { objectId: 'r1', schemaId: 'r-follows', from: 'a', to: 'b', direction: 'straight' },
      { objectId: 'r2', schemaId: 'r-follows', from: 'b', to: 'c', direction: 'bidirectional' },
      { objectId: 'r3', schemaId: 'r-group', group: ['a', 'b', 'c'] },
    ];
    const record = roundTrip(ontology, { objects, relations }, 'single');
    expect(record.task.relations).to.deep.equal(relations.map((r) => ({ ...r, title: r.schemaId === 'r-group' ? 'Same vehicle' : 'Follows', metadata: meta })));
  });

  it('reads the video example back to keyframes 10, 12 and a stop at 13, and exports it unchanged', () => {
    const imported = importOk(ontology, videoExample, 'track');
    expect(imported.objects[0]!.keyframes.map((k) => [k.frame, k.stopped ?? false])).to.deep.equal([[10, false], [12, false], [13, true]]);
    expect(exportOf(stateFromImport(imported), ontology, 'track')).to.deep.equal(videoExample);
    expect(exportOf(stateFromImport(imported), ontology, 'track', { keyframesOnly: true }).task.tools.map((t) => t.page)).to.deep.equal([10, 12, 13]);
    // A keyframes-only export reads back to the same track.
    const sparse = exportOf(stateFromImport(imported), ontology, 'track', { keyframesOnly: true });
    expect(importOk(ontology, sparse, 'track').objects).to.deep.equal(imported.objects);
  });

  it('re-exports the Ango example with the same geometry, answers and relations', () => {
    const record = roundTrip(ontology, prelabels, 'single', { externalId: 'bottles-frame.jpg' });
    const tools = record.task.tools;
    expect(tools.map((t) => t.objectId)).to.deep.equal(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
    expect(tools[0]).to.deep.include({ 'bounding-box': { x: 260, y: 120, width: 40, height: 180 }, schemaId: 't-car', title: 'Car' });
    expect(tools[1]!.schemaId).to.equal('t-sign');
    expect(tools[1]!['rotated-bounding-box']!.corners).to.have.length(4);
    expect([tools[2]!.lock, tools[3]!.lock]).to.deep.equal([true, undefined]);
    const source = (prelabels as { objects: Record<string, unknown>[] }[])[0]!.objects;
    for (const key of ['polygon', 'polyline', 'point', 'segmentation', 'spline']) {
      const from = source.find((o) => key in o)!;
      expect(payload(tools.find((t) => t.objectId === from.objectId)!, key), key).to.deep.equal(from[key]);
    }
    expect(tools[0]!.classifications[0]).to.deep.include({ schemaId: 'c-car-kind', title: 'Kind', tool: 'radio', answer: 'Truck' });
    expect(tools[0]!.classifications[0]!.classifications[0]).to.deep.include({ schemaId: 'c-truck-axles', title: 'Axles', tool: 'single-dropdown', answer: '3+' });
    expect(Object.fromEntries(record.task.classifications.map((c) => [c.schemaId, c.answer]))).to.deep.equal({
      'c-weather': ['Clear'],
      'c-place': ['Europe', 'Europe / Germany'],
      'c-quality': ['Exposure', 'Sharpness', 'Noise'],
      'c-occluded': 'Yes',
    });
    expect(record.task.classifications.find((c) => c.schemaId === 'c-occluded')!.classifications[0]!.answer).to.equal('a hand');
    expect(record.task.relations).to.deep.equal([
      { objectId: 'rel1', schemaId: 'r-follows', title: 'Follows', from: 'o1', to: 'o2', direction: 'straight', metadata: meta },
      { objectId: 'rel2', schemaId: 'r-group', title: 'Same vehicle', group: ['o1', 'o2', 'o5'], metadata: meta },
    ]);
  });
});
