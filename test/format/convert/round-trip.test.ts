import { expect } from '@open-wc/testing';
import {
  convert,
  fromCoco,
  fromCvat,
  fromLabelStudio,
  fromVoc,
  fromW3c,
  fromYolo,
  toCoco,
  toCvat,
  toLabelStudio,
  toVoc,
  toW3c,
  toYolo,
  type ExportRecord,
} from '../../../src/format/index.js';
import { codes, geometryOf, interopJson, parsedOntology, rounded, throwingInput } from './helpers.js';

const meta = { createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };

const ontology = parsedOntology({
  tools: [
    { schemaId: 'car', tool: 'bounding-box', title: 'Car', classifications: [{ schemaId: 'car-colour', tool: 'text', title: 'colour' }] },
    { schemaId: 'car-r', tool: 'rotated-bounding-box', title: 'Car' },
    { schemaId: 'roof', tool: 'polygon', title: 'Roof' },
    { schemaId: 'wire', tool: 'polyline', title: 'Wire' },
    { schemaId: 'pin', tool: 'point', title: 'Pin' },
  ],
});

function record(tools: unknown[]): ExportRecord {
  return {
    asset: 'street.jpg', assetId: '12', externalId: 'street.jpg', metadata: { width: 400, height: 300 }, batches: [], dataset: [],
    task: { stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: '', stageHistory: [], formatVersion: 2, classifications: [], relations: [], tools },
  } as unknown as ExportRecord;
}

const box = { objectId: '1', schemaId: 'car', title: 'Car', classifications: [{ objectId: '1/colour', schemaId: 'car-colour', title: 'colour', tool: 'text', answer: 'red', classifications: [], metadata: meta }], metadata: meta, 'bounding-box': { x: 10.5, y: 20, width: 100, height: 50.25 } };
const rotated = { objectId: '2', schemaId: 'car-r', title: 'Car', classifications: [], metadata: meta, 'rotated-bounding-box': { x: 200, y: 100, width: 80, height: 40, rotation: 30 } };
const polygon = { objectId: '3', schemaId: 'roof', title: 'Roof', classifications: [], metadata: meta, polygon: [[1, 1], [50, 1], [25, 40.5]] };
const polyline = { objectId: '4', schemaId: 'wire', title: 'Wire', classifications: [], metadata: meta, polyline: [[0, 0], [100, 100], [150, 90]] };
const point = { objectId: '5', schemaId: 'pin', title: 'Pin', classifications: [], metadata: meta, point: [7, 8] };

/** Geometry and class of each object, rotated boxes compared by their shape (x, y, size, angle). */
function shapes(records: ExportRecord[]) {
  return rounded(
    records.flatMap((r) => r.task.tools).map((t) => {
      const g = geometryOf(t) as Record<string, Record<string, unknown>>;
      if (g['rotated-bounding-box']) {
        const { x, y, width, height, rotation } = g['rotated-bounding-box'];
        return [t.schemaId, { 'rotated-bounding-box': { x, y, width, height, rotation } }, t.classifications.map((c) => c.answer)];
      }
      return [t.schemaId, g, t.classifications.map((c) => c.answer)];
    }),
    6,
  );
}

describe('round trips labelkit → X → labelkit', () => {
  const cases: [string, unknown[], (records: ExportRecord[]) => ExportRecord[]][] = [
    ['VOC (boxes)', [{ ...box, classifications: [] }], (records) => fromVoc({ files: toVoc(records, { ontology }).data.files }, { ontology }).data.records],
    ['CVAT (boxes, rotated boxes, polygons, polylines, points)', [box, rotated, polygon, polyline, point], (records) => fromCvat(toCvat(records, { ontology }).data, { ontology }).data.records],
    ['Label Studio (boxes, rotated boxes, polygons, points)', [{ ...box, classifications: [] }, rotated, polygon, point], (records) => fromLabelStudio(toLabelStudio(records, { ontology }).data, { ontology }).data.records],
    ['YOLO (boxes, rotated boxes, polygons)', [{ ...box, classifications: [] }, rotated, polygon], (records) => fromYolo({ files: toYolo(records, { ontology }).data.files }, { ontology, images: { street: { file: 'street.jpg', width: 400, height: 300 } } }).data.records],
    ['W3C (boxes, polygons)', [{ ...box, classifications: [] }, polygon], (records) => fromW3c(toW3c(records, { ontology }).data, { ontology: { tools: [{ schemaId: 'car', tool: 'bounding-box', title: 'Car' }, { schemaId: 'roof', tool: 'polygon', title: 'Roof' }] } }).data.records],
  ];
  for (const [name, tools, trip] of cases) {
    it(name, () => {
      const original = [record(tools)];
      const back = trip(original);
      expect(shapes(back)).to.deep.equal(shapes(original));
    });
  }

  it('convert() chains an import and an export, and passes the ontology it generated', async () => {
    const coco = await interopJson('coco/datumaro/annotations/instances_val.json');
    const { data, problems } = convert('coco', 'cvat', coco);
    expect(problems).to.deep.equal([]);
    expect(data.output).to.be.a('string').and.contain('<polygon label="a"');
    expect(data.ontology!.tools.map((t) => t.schemaId)).to.include('coco:4:bounding-box');
    expect(convert('ango', 'coco', [record([box])], { ontology }).data.output).to.have.nested.property('annotations[0].bbox').that.deep.equals([10.5, 20, 100, 50.25]);
  });
});

describe('converters on hostile input', () => {
  const inputs = (): unknown[] => [undefined, null, 42, 'text', [], {}, [null, 7], { files: null }, { files: { 'a.txt': 5 } }, throwingInput(), [throwingInput()], { images: throwingInput(), annotations: [throwingInput()] }];
  const converters = { fromCoco, fromYolo, fromVoc, fromCvat, fromLabelStudio, fromW3c, toCoco, toYolo, toVoc, toCvat, toLabelStudio, toW3c } as Record<string, (input: unknown) => { data: unknown; problems: { code: string; message: string }[] }>;
  for (const [name, converter] of Object.entries(converters)) {
    it(`${name} answers problems, never an exception`, () => {
      for (const input of inputs()) {
        const result = converter(input);
        expect(result.data, name).to.not.equal(undefined);
        expect(result.problems).to.be.an('array');
        for (const problem of result.problems) expect(problem.message, `${name}: ${problem.code}`).to.be.a('string').and.not.empty;
      }
      // Exporters say what was not a record; importers what was not their format.
      expect(converter([1]).problems.length, name).to.be.greaterThan(0);
    });
  }

  it('W3C: refinedBy and curved SVG paths are reported, not silently simplified', async () => {
    expect(codes(fromW3c(await interopJson('w3c/w3c_spec/anno32.json')).problems)).to.deep.equal(['unsupported-selector']);
    const curved = fromW3c({ target: { source: 'x.jpg', selector: { type: 'SvgSelector', value: '<svg><path d="M0,0 C5,-5 10,-5 10,0 L10,10 L0,10 Z"/></svg>', refinedBy: { type: 'FragmentSelector', value: 'xywh=1,1,1,1' } } } });
    expect(codes(curved.problems)).to.deep.equal(['curve-flattened', 'refinement-dropped']);
    expect(geometryOf(curved.data.records[0]!.task.tools[0]!)).to.deep.equal({ polygon: [[0, 0], [10, 0], [10, 10], [0, 10]] });
  });

  it('Label Studio: a region with several labels keeps the first and says so', () => {
    const { data, problems } = fromLabelStudio([{ id: 1, data: { image: 'x.jpg' }, annotations: [{ id: 1, result: [{ id: 'r', type: 'rectanglelabels', original_width: 10, original_height: 10, value: { x: 0, y: 0, width: 10, height: 10, rectanglelabels: ['A', 'B'] } }] }] }]);
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['labels-dropped', '$[0].annotations[0].result[0].value.rectanglelabels']]);
    expect(data.records[0]!.task.tools.map((t) => t.title)).to.deep.equal(['A']);
    expect(fromCoco({ images: [], annotations: [], categories: [] }).problems).to.deep.equal([]);
  });
});
