import { expect } from '@open-wc/testing';
import { countsToMask, decodeCounts, fromCoco, rasterizeZones, toCoco, type CocoDataset, type ExportRecord } from '../../../src/format/index.js';
import { codes, expectValidRecords, geometryOf, interopJson, parsedOntology, throwingInput } from './helpers.js';

type Json = Record<string, unknown>;

describe('COCO converter: import of real files', () => {
  it('datumaro instances: category ids with gaps, a polygon with custom attributes, an uncompressed RLE crowd', async () => {
    const source = (await interopJson('coco/datumaro/annotations/instances_val.json')) as CocoDataset;
    const { data, problems } = fromCoco(source);
    expect(problems).to.deep.equal([]);
    const [record] = data.records;
    expect(record).to.include({ asset: 'b.jpg', assetId: '40', externalId: 'b.jpg' });
    expect(record!.metadata).to.deep.equal({ width: 5, height: 10 });
    const [polygon, crowd] = record!.task.tools;
    expect(geometryOf(polygon!)).to.deep.equal({ polygon: [[0, 0], [1, 0], [1, 2], [0, 2]] });
    expect(polygon!.classifications.map((c) => [c.title, c.answer])).to.deep.equal([['x', '1'], ['y', 'hello']]);
    // counts [0, 20, 30] over 10×5, column-major: the two left columns.
    expect(geometryOf(crowd!)).to.deep.equal({ segmentation: { zones: [{ region: [[0, 0], [2, 0], [2, 10], [0, 10]], holes: [] }] } });
    expect(crowd!.classifications.map((c) => [c.title, c.answer])).to.deep.equal([['iscrowd', '1']]);
    // Every category is a class, the unused id 4 too; generated schemaIds carry the COCO id.
    expect(data.ontology.tools.map((t) => [t.schemaId, t.title, t.tool])).to.deep.equal([
      ['coco:1:polygon', 'a', 'polygon'],
      ['coco:2:segmentation', 'b', 'segmentation'],
      ['coco:4:bounding-box', 'c', 'bounding-box'],
    ]);
    expectValidRecords(data.records, data.ontology);
  });

  it('a box-only annotation with segmentation [] becomes a bounding box', async () => {
    const { data, problems } = fromCoco(await interopJson('coco/datumaro/annotations/instances_train.json'));
    expect(problems).to.deep.equal([]);
    expect(data.records[0]!.task.tools.map(geometryOf)).to.deep.equal([{ 'bounding-box': { x: 2, y: 2, width: 3, height: 1 } }]);
  });

  it('COCO-Annotator file: iscrowd "false" as a string, extra keys, a multi-part polygon', async () => {
    const source = (await interopJson('coco/label_studio_sdk/coco_import_input.json')) as { annotations: Json[] };
    const { data, problems } = fromCoco(source);
    expect(problems).to.deep.equal([]);
    const tools = data.records.flatMap((r) => r.task.tools);
    expect(tools).to.have.length(source.annotations.length);
    // "false" is not a crowd: no iscrowd classification anywhere.
    expect(tools.flatMap((t) => t.classifications.map((c) => c.title))).to.not.include('iscrowd');
    const parts = (source.annotations[1]!['segmentation'] as number[][]).length;
    expect(parts).to.be.greaterThan(1);
    expect(tools[1]!.segmentation!.zones).to.have.length(parts);
    expectValidRecords(data.records, data.ontology);
  });

  it('pycocotools results: compressed RLE strings decode to masks the traced zones reproduce pixel for pixel', async () => {
    const results = (await interopJson('coco/cocoapi/instances_val2014_fakesegm100_results__subset_img544_715.json')) as { image_id: number; segmentation: { size: [number, number]; counts: string }; score: number }[];
    const { data, problems } = fromCoco(results);
    expect(problems).to.deep.equal([]);
    expect(data.records.map((r) => r.assetId)).to.deep.equal(['544', '715']);
    const tools = data.records.flatMap((r) => r.task.tools);
    expect(tools).to.have.length(results.length);
    results.forEach((result, i) => {
      const [height, width] = result.segmentation.size;
      const original = countsToMask(decodeCounts(result.segmentation.counts)!, width, height)!;
      const traced = rasterizeZones(tools[i]!.segmentation!.zones, width, height);
      expect(traced, `result ${i}`).to.deep.equal(original);
      expect(tools[i]!.classifications.find((c) => c.title === 'score')!.answer).to.equal(String(result.score));
    });
  });

  it('person keypoints (COCO val2017): no segmentation key, num_keypoints 0, a crowd', async () => {
    const source = (await interopJson('coco_keypoints/faster_coco_eval/gt_dataset.json')) as { annotations: Json[]; categories: Json[] };
    const { data, problems } = fromCoco(source);
    expect(problems).to.deep.equal([]);
    const tools = data.records[0]!.task.tools;
    expect(tools).to.have.length(source.annotations.length);
    const person = data.ontology.tools.find((t) => t.tool === 'keypoints')!;
    expect(person.keypoints).to.deep.equal(source.categories[0]!['keypoints']);
    expect(person.skeleton).to.deep.equal(source.categories[0]!['skeleton']);
    const first = source.annotations[0]!;
    const kp = tools[0]!.keypoints!;
    expect(kp.points).to.have.length(17);
    expect(kp.points[0]).to.deep.equal({ name: 'nose', x: 269, y: 142, visibility: 2 });
    expect(kp.points[2]).to.deep.equal({ name: 'right_eye', x: 0, y: 0, visibility: 0 });
    expect(kp.box).to.deep.equal({ x: 252.06, y: 106.49, width: 66.17, height: 215.13 });
    expect(first['num_keypoints']).to.equal(kp.points.filter((p) => p.visibility > 0).length);
    const empty = source.annotations.findIndex((a) => a['num_keypoints'] === 0);
    expect(tools[empty]!.keypoints!.points.every((p) => p.visibility === 0)).to.equal(true);
    expectValidRecords(data.records, data.ontology);
  });

  it('datumaro keypoints: a shape and keypoints in one annotation are two objects in an "instance" group; a category with no names gets index names and a problem', async () => {
    const { data, problems } = fromCoco(await interopJson('coco_keypoints/datumaro/person_keypoints_val.json'));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['keypoint-names', '$.annotations[1].keypoints']]);
    const task = data.records[0]!.task;
    expect(task.tools.map((t) => t.objectId)).to.deep.equal(['1', '1:keypoints', '2', '2:keypoints']);
    expect(task.relations.map((r) => ('group' in r ? [r.title, r.group] : []))).to.deep.equal([
      ['instance', ['1', '1:keypoints']],
      ['instance', ['2', '2:keypoints']],
    ]);
    expect(task.tools[3]!.keypoints!.points.map((p) => p.name)).to.deep.equal(['1', '2', '3']);
    expectValidRecords(data.records, data.ontology);
  });

  it('reports malformed input with a path and never throws', () => {
    expect(codes(fromCoco('nope').problems)).to.deep.equal(['not-coco']);
    const bad = fromCoco({
      images: [{ id: 1, file_name: 'a.jpg', width: 4, height: 4 }, 'x'],
      categories: [{ id: 1, name: 'c' }],
      annotations: [
        { id: 1, image_id: 9, category_id: 1, bbox: [0, 0, 1, 1] },
        { id: 2, image_id: 1, category_id: 7, bbox: [0, 0, 1, 1] },
        { id: 3, image_id: 1, category_id: 1, segmentation: [[0, 0, 1]], bbox: 'x' },
        { id: 4, image_id: 1, category_id: 1, segmentation: { size: [4, 4], counts: [3, 100] } },
        { id: 5, image_id: 1, category_id: 1, keypoints: [1, 2], bbox: [0, 0, 1, 1] },
      ],
    });
    expect(bad.problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['bad-image', '$.images[1]'],
      ['unknown-image', '$.annotations[0].image_id'],
      ['unknown-category', '$.annotations[1].category_id'],
      ['bad-geometry', '$.annotations[2].segmentation[0]'],
      ['bad-geometry', '$.annotations[2].bbox'],
      ['bad-geometry', '$.annotations[3].segmentation'],
      ['bad-geometry', '$.annotations[4].keypoints'],
    ]);
    expect(codes(fromCoco(throwingInput()).problems)).to.deep.equal(['unreadable-input']);
  });

  it('maps classes through a given ontology and lists the classes it lacks', async () => {
    const ontology = { tools: [{ schemaId: 'my-a', tool: 'segmentation', title: 'a' }] };
    const { data, problems } = fromCoco(await interopJson('coco/datumaro/annotations/instances_val.json'), { ontology });
    // "a" has no polygon tool: the one-part polygon becomes a segmentation of one zone.
    expect(data.records[0]!.task.tools.map((t) => [t.schemaId, Object.keys(geometryOf(t))])).to.deep.equal([['my-a', ['segmentation']]]);
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['unknown-attribute', '$.annotations[0].attributes.x'],
      ['unknown-attribute', '$.annotations[0].attributes.y'],
      ['unknown-class', '$.annotations[1].category_id'],
    ]);
  });
});

describe('COCO converter: export and round trips', () => {
  it('COCO → labelkit → COCO keeps info, licenses, images and categories with all their fields (id gaps, supercategory, license, coco_url…), segmentations, crowds, attributes and keypoints', async () => {
    for (const file of ['coco/datumaro/annotations/instances_val.json', 'coco_keypoints/datumaro/person_keypoints_val.json', 'coco/faster_coco_eval/gt_dataset.json', 'coco/label_studio_sdk/coco_import_input.json']) {
      const source = (await interopJson(file)) as CocoDataset;
      const imported = fromCoco(source);
      const { data, problems } = toCoco(imported.data.records, { ontology: imported.data.ontology, ...(imported.data.coco ? { coco: imported.data.coco } : {}) });
      expect(problems.filter((p) => p.code !== 'relation-dropped'), file).to.deep.equal([]);
      expect(data.info, file).to.deep.equal(source.info);
      expect(data.licenses, file).to.deep.equal(source.licenses);
      expect(data.images, file).to.deep.equal(source.images);
      // A keypoint category without point names (datumaro's) comes back with index names, as import reported.
      const named = (list: CocoDataset['categories'], names: Map<number, string[] | undefined>) =>
        [...list].sort((a, b) => a.id - b.id).map((c) => (c.keypoints?.length === 0 ? { ...c, keypoints: names.get(c.id) } : c));
      const exportedNames = new Map(data.categories.map((c) => [c.id, c.keypoints]));
      expect(data.categories.map((c) => c.id).sort(), file).to.deep.equal(source.categories.map((c) => c.id).sort());
      expect(named(data.categories, exportedNames), file).to.deep.equal(named(source.categories, exportedNames));
      // Every field but area and bbox (recomputed from the shape) and iscrowd (written as 0 or 1).
      const keep = ({ area: _area, bbox: _bbox, ...a }: Json) => ({ ...a, iscrowd: [1, true, '1', 'true'].includes(a['iscrowd'] as never) ? 1 : 0 });
      expect(data.annotations.map((a) => keep(a as unknown as Json)), file).to.deep.equal(source.annotations.map((a) => keep(a as unknown as Json)));
    }
  });

  it('COCO → labelkit → COCO keeps a results file: RLE masks pixel for pixel, and scores', async () => {
    const results = (await interopJson('coco/cocoapi/instances_val2014_fakesegm100_results__subset_img544_715.json')) as { category_id: number; segmentation: { size: [number, number]; counts: string }; score: number }[];
    const imported = fromCoco(results);
    const { data } = toCoco(imported.data.records, { ontology: imported.data.ontology });
    expect(data.annotations).to.have.length(results.length);
    data.annotations.forEach((a, i) => {
      const [height, width] = results[i]!.segmentation.size;
      const original = countsToMask(decodeCounts(results[i]!.segmentation.counts)!, width, height)!;
      const seg = a.segmentation;
      // A mask with holes stays RLE; one without is written as its pixel-edge polygons.
      const mask = Array.isArray(seg) ? rasterizeZones(seg.map((flat) => ({ region: pairs(flat), holes: [] })), width, height) : countsToMask(typeof seg.counts === 'string' ? decodeCounts(seg.counts)! : seg.counts, width, height)!;
      expect(mask, `result ${i}`).to.deep.equal(original);
      expect([a.score, a.category_id]).to.deep.equal([results[i]!.score, results[i]!.category_id]);
    });
  });

  it('labelkit → COCO → labelkit is lossless for boxes, polygons, segmentations with holes and keypoints', () => {
    const ontology = parsedOntology({
      tools: [
        { schemaId: 'car', tool: 'bounding-box', title: 'Car' },
        { schemaId: 'roof', tool: 'polygon', title: 'Roof' },
        { schemaId: 'field', tool: 'segmentation', title: 'Field' },
        { schemaId: 'body', tool: 'keypoints', title: 'Body', keypoints: ['head', 'hand', 'foot'], skeleton: [[1, 2], [2, 3]] },
        { schemaId: 'pin', tool: 'point', title: 'Pin' },
      ],
    });
    const meta = { createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };
    const record = {
      asset: 'https://bucket.example/farm.jpg', assetId: '7', externalId: 'farm.jpg', metadata: { width: 40, height: 30 }, batches: [], dataset: [],
      task: {
        stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: '', stageHistory: [], formatVersion: 2, classifications: [], relations: [],
        tools: [
          { objectId: '1', schemaId: 'car', title: 'Car', classifications: [], metadata: meta, 'bounding-box': { x: 1.5, y: 2.25, width: 10, height: 5 } },
          { objectId: '2', schemaId: 'roof', title: 'Roof', classifications: [], metadata: meta, polygon: [[1, 1], [9.5, 1], [5, 7.25]] },
          { objectId: '3', schemaId: 'field', title: 'Field', classifications: [], metadata: meta, segmentation: { zones: [{ region: [[10, 10], [30, 10], [30, 25], [10, 25]], holes: [[[15, 15], [15, 20], [20, 20], [20, 15]]] }] } },
          { objectId: '4', schemaId: 'field', title: 'Field', classifications: [], metadata: meta, segmentation: { zones: [{ region: [[0, 20], [5, 20], [5, 29]], holes: [] }, { region: [[31, 0], [39, 0], [39, 8]], holes: [] }] } },
          { objectId: '5', schemaId: 'body', title: 'Body', classifications: [], metadata: meta, keypoints: { points: [{ name: 'head', x: 3, y: 4, visibility: 2 }, { name: 'hand', x: 0, y: 0, visibility: 0 }, { name: 'foot', x: 6, y: 9, visibility: 1 }], box: { x: 2, y: 3, width: 5, height: 7 } } },
          { objectId: '6', schemaId: 'pin', title: 'Pin', classifications: [], metadata: meta, point: [12.5, 3] },
        ],
      },
    } as unknown as ExportRecord;
    const coco = toCoco([record], { ontology });
    expect(coco.problems).to.deep.equal([]);
    expect(coco.data.categories.map((c) => [c.id, c.name, c.keypoints ?? null])).to.deep.equal([[1, 'Car', null], [2, 'Roof', null], [3, 'Field', null], [4, 'Body', ['head', 'hand', 'foot']], [5, 'Pin', ['Pin']]]);
    // A point is an instance of one keypoint.
    expect(coco.data.annotations[5]).to.deep.include({ bbox: [12.5, 3, 0, 0], keypoints: [12.5, 3, 2], num_keypoints: 1 });
    expect(coco.data.annotations[2]!.segmentation).to.have.keys('size', 'counts');
    expect(coco.data.annotations[4]).to.include({ num_keypoints: 2, area: 35 });
    const back = fromCoco(coco.data, { ontology });
    expect(back.problems).to.deep.equal([]);
    const tools = back.data.records[0]!.task.tools;
    expect(tools.map((t) => t.schemaId)).to.deep.equal(['car', 'roof', 'field', 'field', 'body', 'pin']);
    expect(tools.map(geometryOf)).to.deep.equal(record.task.tools.map(geometryOf));
    expect(back.data.records[0]).to.include({ assetId: '7', externalId: 'farm.jpg' });
  });

  it('lists what COCO cannot hold instead of dropping it silently', () => {
    const ontology = parsedOntology({
      tools: [
        { schemaId: 'wire', tool: 'polyline', title: 'Wire' },
        { schemaId: 'b', tool: 'brush', title: 'Paint' },
      ],
      classifications: [{ schemaId: 'w', tool: 'radio', title: 'Weather', options: [{ value: 'Sun', schemaId: 'sun' }] }],
    });
    const record = {
      asset: 'a.jpg', metadata: { width: 10, height: 10 }, batches: [], dataset: [],
      task: {
        stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: 'data:image/png;base64,AAAA', stageHistory: [], formatVersion: 2, relations: [],
        tools: [{ objectId: 'x', schemaId: 'wire', title: 'Wire', classifications: [], metadata: {}, polyline: [[1, 2], [3, 4]] }],
        classifications: [{ objectId: 'c', schemaId: 'w', title: 'Weather', tool: 'radio', answer: 'Sun', classifications: [], metadata: {} }],
      },
    };
    const { data, problems } = toCoco([record], { ontology });
    expect(data.annotations).to.deep.equal([]);
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['brush-dropped', '$[0].task.brushDataUrl'],
      ['classification-dropped', '$[0].task.classifications[0]'],
      ['unsupported-geometry', '$[0].task.tools[0]'],
    ]);
    expect(codes(toCoco([{ nope: 1 }]).problems)).to.deep.equal(['not-a-record']);
  });
});

function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}
