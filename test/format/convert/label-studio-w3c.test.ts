import { expect } from '@open-wc/testing';
import { fromLabelStudio, fromW3c, toCoco, toLabelStudio, toW3c, toYolo, type ExportRecord } from '../../../src/format/index.js';
import { codes, expectValidRecords, geometryOf, interopJson, rounded } from './helpers.js';

type Json = Record<string, unknown>;

describe('Label Studio converter', () => {
  it('one record per annotation and per prediction, with who made it', async () => {
    const tasks = (await interopJson('label_studio/sdk/test_export_yolo/data.json')) as Json[];
    const { data, problems } = fromLabelStudio(tasks);
    expect(problems).to.deep.equal([]);
    expect(data.records.map((r) => [r.assetId, r.task.taskId, r.task.updatedBy, r.task.tools.length])).to.deep.equal(
      tasks.flatMap((t) => (t['annotations'] as Json[]).map((a) => [String(t['id']), `annotation:${a['id']}`, String(a['completed_by']), (a['result'] as unknown[]).length])),
    );
    expectValidRecords(data.records, data.ontology);
    const predicted = fromLabelStudio(await interopJson('label_studio/frontend_examples/image_bbox/annotations/1.json'), { images: { 'https://htx-misc.s3.amazonaws.com/opensource/label-studio/examples/images/nick-owuor-astro-nic-visuals-wDifg5xc9Z4-unsplash.jpg': { width: 1000, height: 500 } } });
    expect(predicted.problems).to.deep.equal([]);
    expect(predicted.data.records.map((r) => r.task.taskId)).to.deep.equal(['annotation:1001', 'prediction:0', 'prediction:1']);
    expect(rounded(geometryOf(predicted.data.records[1]!.task.tools[0]!), 4)).to.deep.equal({ 'bounding-box': { x: 132, y: 173.5125, width: 396, height: 58.0614 } });
  });

  it('results without original_width need a size: a problem per result, not a guess', async () => {
    const { data, problems } = fromLabelStudio(await interopJson('label_studio/frontend_examples/image_polygons/annotations/0.json'));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['missing-size', '$.annotations[0].result[0]']]);
    expect(data.records[0]!.task.tools).to.deep.equal([]);
  });

  it('keypoint regions whose parent is a box are one keypoints object, which YOLO writes as a pose line and Label Studio gets back', async () => {
    const source = await interopJson('label_studio/sdk/test_export_yolo/data_keypoints.json');
    const { data, problems } = fromLabelStudio(source);
    expect(problems).to.deep.equal([]);
    const task = data.records[0]!.task;
    expect(task.tools.map((t) => [t.objectId, t.title, Object.keys(geometryOf(t))[0]])).to.deep.equal([['hplPm0Szvc', 'person', 'keypoints']]);
    const kp = task.tools[0]!.keypoints!;
    expect(kp.points.map((p) => [p.name, p.visibility])).to.deep.equal([['nose', 2], ['left_eye', 2], ['right_eye', 2]]);
    expect(rounded(kp.points[0]!, 6)).to.deep.include({ x: Number(((64.44444444444444 / 100) * 216).toFixed(6)), y: Number(((39.290780141843975 / 100) * 174).toFixed(6)) });
    // The five relations only tie the points to their box: the object says it now.
    expect(task.relations).to.deep.equal([]);
    expect(data.ontology.tools.map((t) => [t.title, t.tool, t.keypoints])).to.deep.equal([['person', 'keypoints', ['nose', 'left_eye', 'right_eye']]]);
    expectValidRecords(data.records, data.ontology);
    // The reference converter's assertion: one line of more than 5 values, keypoints within [0, 1].
    const yolo = toYolo(data.records, { ontology: data.ontology });
    const lines = Object.values(yolo.data.files).filter((_, i) => Object.keys(yolo.data.files)[i]!.startsWith('labels/'));
    expect(lines).to.have.length(1);
    const values = lines[0]!.trim().split(' ').map(Number);
    expect(values.length).to.be.greaterThan(5);
    expect(values.slice(5).every((n) => n >= 0 && n <= 2)).to.equal(true);
    expect(values.slice(5).filter((_, i) => i % 3 !== 2).every((n) => n >= 0 && n <= 1)).to.equal(true);
    // And back to Label Studio: a box and keypoint regions whose parentID is the box.
    const back = toLabelStudio(data.records, { ontology: data.ontology });
    const result = (back.data[0] as { annotations: { result: Json[] }[] }).annotations[0]!.result;
    expect(result.map((r) => [r['type'], r['parentID'] ?? null])).to.deep.equal([['rectanglelabels', null], ['keypointlabels', 'hplPm0Szvc'], ['keypointlabels', 'hplPm0Szvc'], ['keypointlabels', 'hplPm0Szvc']]);
    const again = fromLabelStudio(back.data, { ontology: data.ontology });
    expect(rounded(again.data.records[0]!.task.tools.map(geometryOf), 6)).to.deep.equal(rounded(task.tools.map(geometryOf), 6));
  });

  it("rectangles, polygons and keypoints to COCO as the reference converter's test asserts", async () => {
    const source = (await interopJson('label_studio/sdk/test_export_coco/data.json')) as { annotations: { result: { type: string; value: Record<string, number> }[] }[] }[];
    const imported = fromLabelStudio(source);
    const coco = toCoco(imported.data.records, { ontology: imported.data.ontology });
    const rect = source[0]!.annotations[0]!.result.find((r) => r.type === 'rectanglelabels')!.value;
    const box = coco.data.annotations.find((a) => Array.isArray(a.segmentation) && a.segmentation.length === 0)!.bbox;
    [rect['x']! * 5, rect['y']! * 3.2, rect['width']! * 5, rect['height']! * 3.2].forEach((n, i) => expect(box[i]).to.be.closeTo(n, 1e-9));
    const polygon = coco.data.annotations.find((a) => Array.isArray(a.segmentation) && a.segmentation.length === 1)!;
    expect((polygon.segmentation as number[][])[0]).to.have.length(6);
    expect(polygon.area).to.be.greaterThan(0);
    // Label Studio's keypoint regions are labelkit points: each a COCO instance of one keypoint
    // (the reference converter puts both in one annotation of a category "default").
    const keypointed = coco.data.annotations.filter((a) => a.keypoints);
    expect(keypointed.map((a) => a.num_keypoints)).to.deep.equal([1, 1]);
    expect(keypointed.every((a) => a.keypoints!.every((n, i) => i % 3 !== 2 || [0, 1, 2].includes(n)))).to.equal(true);
    expect(coco.problems).to.deep.equal([]);
  });

  it('NER spans, and number, datetime, textarea, choices and taxonomy results as classifications', async () => {
    const ner = fromLabelStudio(await interopJson('label_studio/frontend_examples/named_entity/annotations/1.json'));
    expect(ner.problems).to.deep.equal([]);
    expect(geometryOf(ner.data.records[0]!.task.tools[0]!)).to.deep.equal({ ner: { start: 343, end: 354, selection: 'February 22' } });
    const mixed = fromLabelStudio(await interopJson('label_studio/frontend_examples/classification_mixed/annotations/1.json'));
    const answers = mixed.data.records[0]!.task.classifications.map((c) => [c.title, c.tool, c.answer]);
    expect(answers).to.deep.equal([
      ['num', 'text', '2'],
      ['dt', 'text', '1991-05-22T09:17'],
      ['txt', 'text', 'Hello\nWorld'],
      ['choices', 'checkbox', ['Choice 1']],
      ['taxonomy', 'tree-dropdown', ['Choice 2 / Choice 2.1']],
    ]);
    expectValidRecords(mixed.data.records.slice(0, 1), mixed.data.ontology);
  });

  it('UTF-16 offsets become code points where the task has its text', () => {
    const text = '😀 Ada met Bob';
    const { data } = fromLabelStudio([{ id: 5, data: { text }, annotations: [{ id: 1, result: [{ id: 'e', type: 'labels', from_name: 'l', to_name: 'text', value: { start: 3, end: 6, text: 'Ada', labels: ['Person'] } }] }] }]);
    expect(geometryOf(data.records[0]!.task.tools[0]!)).to.deep.equal({ ner: { start: 2, end: 5, selection: 'Ada' } });
  });

  it('Label Studio → labelkit → Label Studio keeps annotators, predictions, rotated rectangles, relations and classifications', async () => {
    const tasks = [
      {
        id: 9,
        data: { image: 'room.jpg' },
        annotations: [
          { id: 1, completed_by: 3, result: [
            { id: 'a', type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 400, original_height: 200, value: { x: 10, y: 20, width: 30, height: 40, rotation: 30, rectanglelabels: ['Bed'] } },
            { id: 'b', type: 'polygonlabels', from_name: 'label', to_name: 'image', original_width: 400, original_height: 200, value: { points: [[1, 2], [30, 2], [15, 40]], polygonlabels: ['Rug'] } },
            { id: 'a', type: 'choices', from_name: 'state', to_name: 'image', value: { choices: ['Made'] } },
            { type: 'relation', from_id: 'a', to_id: 'b', direction: 'bi', labels: ['on'] },
          ] },
          { id: 2, completed_by: 4, result: [{ id: 'c', type: 'keypointlabels', from_name: 'label', to_name: 'image', original_width: 400, original_height: 200, value: { x: 50, y: 50, width: 1, keypointlabels: ['Lamp'] } }] },
        ],
        predictions: [{ id: 7, result: [{ id: 'p', type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 400, original_height: 200, value: { x: 1, y: 1, width: 2, height: 2, rotation: 0, rectanglelabels: ['Bed'] } }] }],
      },
    ];
    const imported = fromLabelStudio(tasks);
    expect(imported.problems).to.deep.equal([]);
    expect(imported.data.records[0]!.task.tools[0]!.classifications.map((c) => [c.title, c.answer])).to.deep.equal([['state', ['Made']]]);
    expectValidRecords(imported.data.records, imported.data.ontology);
    const { data, problems } = toLabelStudio(imported.data.records, { ontology: imported.data.ontology });
    expect(problems).to.deep.equal([]);
    expect(data).to.have.length(1);
    const task = data[0] as { id: number; annotations: { id: number; completed_by: string; result: Json[] }[]; predictions: { id: number; result: Json[] }[] };
    expect(task.id).to.equal(9);
    expect(task.annotations.map((a) => [a.id, a.completed_by])).to.deep.equal([[1, '3'], [2, '4']]);
    expect(task.predictions.map((p) => p.id)).to.deep.equal([7]);
    const byType = (type: string) => task.annotations[0]!.result.find((r) => r['type'] === type)!;
    const [rect, polygon, choice, relation] = ['rectanglelabels', 'polygonlabels', 'choices', 'relation'].map(byType);
    expect(rounded(rect!['value'], 8)).to.deep.equal({ x: 10, y: 20, width: 30, height: 40, rotation: 30, rectanglelabels: ['Bed'] });
    expect(rounded(polygon!['value'], 8)).to.deep.equal({ points: [[1, 2], [30, 2], [15, 40]], polygonlabels: ['Rug'] });
    expect([choice!['id'], choice!['from_name'], choice!['value']]).to.deep.equal(['a', 'state', { choices: ['Made'] }]);
    expect(relation).to.deep.include({ type: 'relation', from_id: 'a', to_id: 'b', direction: 'bi', labels: ['on'] });
  });

  it('relation directions: right → straight, left → reverse (FORMAT.md version 2), bi → bidirectional, and back', () => {
    const region = (id: string) => ({ id, type: 'keypointlabels', original_width: 10, original_height: 10, value: { x: 1, y: 1, keypointlabels: ['P'] } });
    const relations = ['right', 'left', 'bi'].map((direction) => ({ type: 'relation', from_id: 'a', to_id: 'b', direction }));
    const { data } = fromLabelStudio([{ id: 1, data: { image: 'x.jpg' }, annotations: [{ id: 1, result: [region('a'), region('b'), ...relations] }] }]);
    expect(data.records[0]!.task.relations.map((r) => ('direction' in r ? r.direction : ''))).to.deep.equal(['straight', 'reverse', 'bidirectional']);
    const back = toLabelStudio(data.records, { ontology: data.ontology }).data[0] as { annotations: { result: Json[] }[] };
    expect(back.annotations[0]!.result.filter((r) => r['type'] === 'relation').map((r) => r['direction'])).to.deep.equal(['right', 'left', 'bi']);
  });

  it('reports what it cannot read', () => {
    expect(codes(fromLabelStudio(7).problems)).to.deep.equal(['not-label-studio']);
    const orphan = fromLabelStudio([{ id: 1, data: { image: 'x.jpg' }, annotations: [{ result: [{ id: 'box', type: 'rectanglelabels', value: { x: 1, y: 1, width: 5, height: 5, rectanglelabels: ['person'] } }, { id: 'k', type: 'keypointlabels', parentID: 'box', original_width: 10, original_height: 10, value: { x: 2, y: 2, keypointlabels: ['nose'] } }] }] }]);
    expect(orphan.problems.map((p) => [p.code, p.path])).to.deep.equal([['missing-size', '$[0].annotations[0].result[0]'], ['orphan-keypoint', '$[0].annotations[0].result[1]']]);
    const { problems } = fromLabelStudio([{ id: 1, data: { image: 'x.jpg' }, annotations: [{ result: [{ type: 'brushlabels', value: { rle: [1, 2] }, original_width: 4, original_height: 4 }, 5, { type: 'relation', from_id: 'q', to_id: 'r' }] }] }]);
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['unsupported-result', '$[0].annotations[0].result[0]'],
      ['bad-result', '$[0].annotations[0].result[1]'],
      ['bad-relation', '$[0].annotations[0].result[2]'],
    ]);
  });
});

describe('W3C Web Annotation converter', () => {
  it('Annotorious: selector as an object, xywh=pixel: with floats, an SVG path with a hole, targets without a source', async () => {
    const { data, problems } = fromW3c(await interopJson('w3c/annotorious_openseadragon/annotations.w3c.json'), { asset: 'slide' });
    expect(codes(problems)).to.deep.equal(['no-source', 'no-source', 'no-source']);
    const slide = data.records.find((r) => r.asset === 'slide')!;
    expect(geometryOf(slide.task.tools[0]!)).to.deep.equal({ 'bounding-box': { x: 2000, y: 1200, width: 400, height: 370 } });
    const iiif = data.records.find((r) => r.asset !== 'slide')!;
    expect(rounded(geometryOf(iiif.task.tools[0]!), 6)).to.deep.equal({ 'bounding-box': rounded({ x: 3837.5816366158074, y: 2062.6452035798984, width: 834.5284826225229, height: 559.3172825934121 }, 6) });
    expect(slide.task.tools.map((t) => Object.keys(geometryOf(t))[0])).to.include('polygon');
    expectValidRecords(data.records, data.ontology);
  });

  it('spec examples: TextPositionSelector + quote, a #xywh= fragment IRI, refinedBy, and selectors it cannot read', async () => {
    const position = fromW3c(await interopJson('w3c/w3c_spec/anno27.json'));
    expect(position.data.records[0]!.task.tools.map(geometryOf)).to.deep.equal([{ ner: { start: 412, end: 795, selection: '' } }]);
    const fragment = fromW3c(await interopJson('w3c/w3c_spec/anno4.json'));
    expect(fragment.problems).to.deep.equal([]);
    expect(fragment.data.records[0]!.asset).to.equal('http://example.com/image1');
    expect(fragment.data.records[0]!.task.tools.map(geometryOf)).to.deep.equal([{ 'bounding-box': { x: 100, y: 100, width: 300, height: 300 } }]);
    expect(codes(fromW3c(await interopJson('w3c/w3c_spec/anno29.json')).problems)).to.deep.equal(['unsupported-selector']);
    expect(codes(fromW3c(await interopJson('w3c/w3c_spec/anno26.json')).problems)).to.deep.equal(['unsupported-selector']);
    // With the document's text, a quote alone is placed by its prefix and suffix (code point offsets).
    const page = '😀 this is an anotation that has some anotation in it';
    const quoted = fromW3c(await interopJson('w3c/w3c_spec/anno26.json'), { texts: { 'http://example.org/page1': page } });
    expect(quoted.problems).to.deep.equal([]);
    expect(quoted.data.records[0]!.task.tools.map(geometryOf)).to.deep.equal([{ ner: { start: 13, end: 22, selection: 'anotation' } }]);
    // anno30's inline SVG is the spec's placeholder "<svg:svg> ... </svg:svg>": no shape in it.
    expect(fromW3c(await interopJson('w3c/w3c_spec/anno30.json')).problems.map((p) => [p.code, p.path])).to.deep.equal([['unsupported-selector', '$.target.selector']]);
    // The whole collection: every annotation read or listed, none thrown.
    const collection = fromW3c(await interopJson('w3c/w3c_spec/collection1.json'));
    const read = collection.data.records.reduce((n, r) => n + r.task.tools.length, 0);
    expect(read).to.be.greaterThan(0);
    expect(collection.problems.every((p) => p.path!.startsWith('$.items['))).to.equal(true);
  });

  it('target and selector as lists', () => {
    const { data, problems } = fromW3c({
      type: 'Annotation',
      id: 'n1',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Tree' }, { type: 'TextualBody', purpose: 'commenting', value: 'tall' }],
      target: [{ source: 'a.jpg', selector: [{ type: 'FragmentSelector', value: 'xywh=1,2,3,4' }] }, { source: 'b.jpg', selector: { type: 'SvgSelector', value: '<svg><path d="M0,0 L10,0 L10,10 L0,10 Z M2,2 L2,4 L4,4 Z"/></svg>' } }],
    });
    expect(problems).to.deep.equal([]);
    expect(data.records.map((r) => [r.asset, r.task.tools.map((t) => [t.objectId, t.title, geometryOf(t), t.classifications.map((c) => c.answer)])])).to.deep.equal([
      ['a.jpg', [['n1#0', 'Tree', { 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } }, ['tall']]]],
      ['b.jpg', [['n1#1', 'Tree', { segmentation: { zones: [{ region: [[0, 0], [10, 0], [10, 10], [0, 10]], holes: [[[2, 2], [2, 4], [4, 4]]] }] } }, ['tall']]]],
    ]);
  });

  it('labelkit → W3C → labelkit keeps boxes, polygons, segmentations with holes and text spans', () => {
    const meta = { createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };
    const base = { batches: [], dataset: [] };
    const task = (tools: unknown[]) => ({ stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: '', stageHistory: [], formatVersion: 2, classifications: [], relations: [], tools });
    const records = [
      { ...base, asset: 'img.jpg', metadata: { width: 100, height: 100 }, task: task([
        { objectId: 'b', schemaId: 'tree', title: 'Tree', classifications: [], metadata: meta, 'bounding-box': { x: 1.5, y: 2, width: 3, height: 4 } },
        { objectId: 'p', schemaId: 'tree', title: 'Tree', classifications: [], metadata: meta, polygon: [[0, 0], [5, 0], [2.5, 4]] },
        { objectId: 's', schemaId: 'tree', title: 'Tree', classifications: [], metadata: meta, segmentation: { zones: [{ region: [[0, 0], [10, 0], [10, 10], [0, 10]], holes: [[[2, 2], [2, 4], [4, 4]]] }] } },
      ]) },
      { ...base, asset: 'doc.txt', metadata: { characters: 20, lines: 1 }, task: task([{ objectId: 'n', schemaId: 'tree', title: 'Tree', classifications: [], metadata: meta, ner: { start: 2, end: 5, selection: 'Ada' } }]) },
    ] as unknown as ExportRecord[];
    const w3c = toW3c(records);
    expect(w3c.problems).to.deep.equal([]);
    expect(w3c.data[0]).to.deep.include({ id: 'b', creator: 'ann@example.com', created: '2026-11-22T10:00:00.000Z' });
    const back = fromW3c(w3c.data);
    expect(back.problems).to.deep.equal([]);
    expect(back.data.records.map((r) => [r.asset, r.task.tools.map((t) => [t.objectId, geometryOf(t), t.metadata.createdBy])])).to.deep.equal(
      records.map((r) => [r.asset, r.task.tools.map((t) => [t.objectId, geometryOf(t), 'ann@example.com'])]),
    );
  });
});
