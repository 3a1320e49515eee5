import { expect } from '@open-wc/testing';
import { createAnnotationStore } from '../../src/core/store.js';
import { parseOntology, type Ontology } from '../../src/core/ontology.js';
import type { ObjectAnnotation } from '../../src/core/model.js';
import type { PlaneModel } from '../../src/core/session.js';
import { buildExportRecord, type ExportInput } from '../../src/format/export.js';
import { parseImport, type ImportedAnnotations } from '../../src/format/import.js';
import { decodeBrushPng, encodeBrushPng } from '../../src/format/brush-png.js';
import type { ExportRecord } from '../../src/format/types.js';

const meta = { createdAt: '2026-11-22T09:59:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };

let ontology: Ontology;
let prelabels: unknown;
let videoExport: ExportRecord;

async function json(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}

function load(imported: ImportedAnnotations) {
  const store = createAnnotationStore({ audit: () => ({ at: '', by: '', in: '' }) });
  store.transact({ origin: 'api', reason: 'import' }, (tx) => {
    imported.objects.forEach((o) => tx.putObject(o));
    imported.classifications.forEach((c) => tx.putClassification(c));
    imported.relations.forEach((r) => tx.putRelation(r));
  });
  return store;
}

function importOk(data: unknown, planes: PlaneModel = 'single', extra: { assetId?: string; externalId?: string } = {}): ImportedAnnotations {
  let n = 0;
  const result = parseImport(data, { ontology, planes, newId: () => `gen-${++n}`, metadata: meta, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function exportOf(imported: ImportedAnnotations, planes: PlaneModel, options: Partial<ExportInput> = {}): ExportRecord {
  return buildExportRecord({
    state: load(imported).state,
    ontology,
    asset: { asset: 'https://assets.example/clips/bottles.mp4', assetId: 'a-bottles', externalId: 'bottle-detection.mp4', metadata: { width: 640, height: 360, frameTotal: 1189, frameRate: 29.833333333333332 } },
    task: { taskId: 't-1', stage: 'Label', updatedAt: '2026-11-22T10:00:00.000Z', updatedBy: 'ann@example.com', durations: { totalDuration: 61000, idleDuration: 0, blurDuration: 0 }, stageHistory: [] },
    planes,
    frameTotal: 1189,
    ...options,
  });
}

describe('format: import and export', () => {
  before(async () => {
    const parsed = parseOntology(await json('/test/fixtures/format/ontology.all-types.json'));
    if (!parsed.ok) throw new Error('ontology fixture invalid');
    ontology = parsed.value;
    prelabels = await json('/test/fixtures/format/import.ango-image.json');
    videoExport = (await json('/test/fixtures/format/export.video.json')) as ExportRecord;
  });

  it('reproduces the video example exactly from its keyframes, and keyframesOnly drops frame 11', () => {
    const imported = importOk(videoExport, 'track');
    expect(imported.objects).to.have.length(1);
    expect(imported.objects[0]!.keyframes.map((k) => [k.frame, k.stopped ?? false])).to.deep.equal([
      [10, false],
      [12, false],
      [13, true],
    ]);
    const record = exportOf(imported, 'track');
    expect(record).to.deep.equal(videoExport);
    const keyframesOnly = exportOf(imported, 'track', { keyframesOnly: true });
    expect(keyframesOnly.task.tools.map((t) => t.page)).to.deep.equal([10, 12, 13]);
  });

  it('imports the Ango example by its rules and re-exports the same geometry, answers and relations', () => {
    const imported = importOk(prelabels, 'single', { externalId: 'bottles-frame.jpg' });
    const record = exportOf(imported, 'single');
    const tools = record.task.tools;
    expect(tools.map((t) => t.objectId)).to.deep.equal(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
    expect(tools[0]).to.deep.include({ 'bounding-box': { x: 260, y: 120, width: 40, height: 180 }, schemaId: 't-car', title: 'Car' });
    expect(tools[1]!.schemaId).to.equal('t-sign');
    const rotated = (tools[1] as unknown as { 'rotated-bounding-box': { corners: number[][]; rotation: number } })['rotated-bounding-box'];
    expect(rotated.rotation).to.equal(30);
    expect(rotated.corners).to.have.length(4);
    expect(tools[2]!.lock).to.equal(true);
    expect(tools[0]!.classifications[0]).to.deep.include({ schemaId: 'c-car-kind', title: 'Kind', tool: 'radio', answer: 'Truck' });
    expect(tools[0]!.classifications[0]!.classifications[0]).to.deep.include({ schemaId: 'c-truck-axles', answer: '3+', tool: 'single-dropdown' });
    expect(tools[0]!.classifications[0]!.objectId).to.match(/^gen-/);
    expect(tools.every((t) => t.page === undefined)).to.equal(true);
    const answers = Object.fromEntries(record.task.classifications.map((c) => [c.schemaId, c.answer]));
    expect(answers).to.deep.equal({
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
    // The export reads back to the same export.
    expect(exportOf(importOk(record, 'single'), 'single')).to.deep.equal(record);
  });

  it('round-trips every geometry type on paged assets with their page', () => {
    const geometries: Record<string, unknown> = {
      'bounding-box': { x: 1, y: 2, width: 3, height: 4 },
      polygon: [[0, 0], [1, 0], [1, 1]],
      polyline: [[0, 0], [5, 5]],
      point: [7, 8],
      segmentation: { zones: [{ region: [[0, 0], [9, 0], [9, 9]], holes: [[[1, 1], [2, 1], [2, 2]]] }] },
      spline: [[0, 0], [3, 4], [6, 0]],
    };
    const schema: Record<string, string> = { 'bounding-box': 't-car', polygon: 't-road', polyline: 't-lane', point: 't-head', segmentation: 't-sky', spline: 't-curb' };
    const objects = Object.entries(geometries).map(([key, value], i) => ({ objectId: `x${i}`, schemaId: schema[key], page: i, [key]: value }));
    const record = exportOf(importOk({ objects }, 'paged'), 'paged');
    for (const [i, [key, value]] of Object.entries(geometries).entries()) {
      expect((record.task.tools[i] as unknown as Record<string, unknown>)[key]).to.deep.equal(value);
      expect(record.task.tools[i]!.page).to.equal(i);
    }
  });

  it('rejects input that does not fit, listing every problem with its JSON path, and imports nothing', () => {
    const result = parseImport(
      {
        objects: [
          { objectId: 'a', schemaId: 'nope', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } },
          { objectId: 'b', schemaId: 't-car' },
          { objectId: 'c', schemaId: 't-car', 'bounding-box': { x: 'left', y: 0, width: 1, height: 1 } },
          { objectId: 'd', schemaId: 't-road', polygon: [[0, 0], [1, 1]] },
        ],
        classifications: [{ schemaId: 'c-weather', answer: 'Rain' }],
        relations: [{ schemaId: 'r-follows', from: 'zz', to: 'b' }],
      },
      { ontology, planes: 'single', newId: () => 'n', metadata: meta },
    );
    expect(result.ok).to.equal(false);
    const paths = result.ok ? [] : result.problems.map((p) => [p.code, p.path]);
    expect(paths).to.deep.include.members([
      ['unknown-schema', '$.objects[0]'],
      ['missing-geometry', '$.objects[1]'],
      ['bad-geometry', '$.objects[2].bounding-box.x'],
      ['bad-geometry', '$.objects[3].polygon'],
      ['wrong-type', '$.classifications[0].answer'],
      ['relation-endpoint-missing', '$.relations[0].from'],
    ]);
  });

  it('never throws on hostile input', () => {
    const cyclic: Record<string, unknown> = { objects: [] };
    (cyclic.objects as unknown[]).push(cyclic);
    const throwing = { get objects(): unknown { throw new Error('getter'); } };
    for (const input of [null, 42, 'not json', '[]', [], cyclic, throwing, { objects: [{ 'bounding-box': { x: NaN } }] }, { objects: [{ schemaId: 't-car', 'bounding-box': { x: 1e308, y: -1e308, width: Infinity, height: 0 } }] }]) {
      const result = parseImport(input, { ontology, planes: 'single', newId: () => 'n', metadata: meta });
      expect(typeof result.ok).to.equal('boolean');
    }
  });

  it('encodes brush masks into one exact-colour PNG and decodes them back', () => {
    const width = 8;
    const height = 4;
    const grass = new Uint8Array(width * height);
    grass[0] = grass[9] = 1;
    const sky = new Uint8Array(width * height);
    sky[31] = 1;
    const colors = new Map([
      ['t-grass', '#7cb342'],
      ['t-sky', '#00acc1'],
    ]);
    const url = encodeBrushPng(
      [
        { key: '0:t-grass', page: 0, schemaId: 't-grass', width, height, data: grass },
        { key: '0:t-sky', page: 0, schemaId: 't-sky', width, height, data: sky },
      ],
      colors,
      width,
      height,
    );
    expect(url.startsWith('data:image/png;base64,')).to.equal(true);
    const decoded = decodeBrushPng(url, colors);
    expect(decoded.ok).to.equal(true);
    const masks = decoded.ok ? Object.fromEntries(decoded.value.map((m) => [m.schemaId, [...m.data.keys()].filter((i) => m.data[i])])) : {};
    expect(masks).to.deep.equal({ 't-grass': [0, 9], 't-sky': [31] });
  });

  it('stores objects with audit metadata as given and keeps keyframes of paged objects on their page', () => {
    const imported = importOk({ objects: [{ objectId: 'p', schemaId: 't-head', point: [1, 2], page: 3, metadata: { createdAt: 'x', createdBy: 'y', createdIn: 'z' } }] }, 'paged');
    const object: ObjectAnnotation = imported.objects[0]!;
    expect(object.keyframes[0]!.frame).to.equal(3);
    expect(object.metadata).to.deep.equal({ createdAt: 'x', createdBy: 'y', createdIn: 'z' });
  });
});
