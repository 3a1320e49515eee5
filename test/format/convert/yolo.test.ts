import { expect } from '@open-wc/testing';
import { fromLabelStudio, fromYolo, imageSizeOf, toYolo, type ExportRecord } from '../../../src/format/index.js';
import { codes, expectValidRecords, geometryOf, interopFiles, interopJson, parsedOntology, rounded } from './helpers.js';

const DATUMARO = 'yolo/datumaro';
/** The datumaro label files belong to a 15×10 image (read from its JPEG header below). */
const ONE = { '1': { file: '1.jpg', width: 15, height: 10 } };

/** The numbers of each line of a label file, for comparisons that ignore how a number was spelled. */
const numbers = (text: string) => text.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));

describe('YOLO converter', () => {
  it('reads the image size from the JPEG the label file belongs to', async () => {
    const bytes = new Uint8Array(await (await fetch('/test/fixtures/interop/yolo/datumaro/yolov8_detection/images/train/1.jpg')).arrayBuffer());
    expect(imageSizeOf(bytes)).to.deep.equal({ width: 15, height: 10 });
    expect(imageSizeOf(new Uint8Array([1, 2, 3]))).to.equal(undefined);
  });

  it('Ultralytics detection with names as a map and as a list give the same classes', async () => {
    const byMap = fromYolo({ files: await interopFiles(`${DATUMARO}/yolov8_detection`, ['data.yaml', 'labels/train/1.txt']) }, { images: ONE });
    const list = await interopFiles(`${DATUMARO}/yolov8_detection_with_list_of_names`, ['data.yaml']);
    const byList = fromYolo({ files: { ...list, 'labels/train/1.txt': await interopFiles(`${DATUMARO}/yolov8_detection`, ['labels/train/1.txt']).then((f) => f['labels/train/1.txt']!) } }, { images: ONE });
    expect(byMap.problems).to.deep.equal([]);
    expect(byList.problems).to.deep.equal([]);
    for (const { data } of [byMap, byList]) {
      const tools = data.records[0]!.task.tools;
      expect(tools.map((t) => [t.title, t.schemaId])).to.deep.equal([['label_2', 'yolo:2:bounding-box'], ['label_4', 'yolo:4:bounding-box']]);
      // "2 0.133333 0.300000 0.266667 0.200000" on 15×10.
      expect(rounded(geometryOf(tools[0]!), 3)).to.deep.equal({ 'bounding-box': { x: 0, y: 2, width: 4, height: 2 } });
      expect(data.ontology.tools).to.have.length(10);
      expectValidRecords(data.records, data.ontology);
    }
  });

  it('darknet obj.names / obj.data, and the train.txt image list is not a label file', async () => {
    const files = await interopFiles(`${DATUMARO}/yolo_darknet`, ['obj.data', 'obj.names', 'train.txt', 'obj_train_data/1.txt']);
    const { data, problems } = fromYolo({ files }, { images: ONE });
    expect(problems).to.deep.equal([]);
    expect(data.records).to.have.length(1);
    expect(data.records[0]!.task.tools.map((t) => t.title)).to.deep.equal(['label_2', 'label_4']);
    const back = toYolo(data.records, { ontology: data.ontology, layout: 'darknet' });
    expect(back.problems).to.deep.equal([]);
    expect(back.data.files['obj.names']).to.equal(files['obj.names']);
    expect(numbers(back.data.files['obj_train_data/1.txt']!)).to.deep.equal(numbers(files['obj_train_data/1.txt']!));
  });

  it('oriented boxes: corners become FORMAT.md rotated boxes, and a corner slightly below 0 survives the round trip exactly', async () => {
    const files = await interopFiles(`${DATUMARO}/yolov8_oriented_boxes`, ['data.yaml', 'labels/train/1.txt']);
    const { data, problems } = fromYolo({ files }, { images: ONE });
    expect(problems).to.deep.equal([]);
    const [first] = data.records[0]!.task.tools;
    const box = first!['rotated-bounding-box']!;
    // "2 0.146731 0.151795 0.319936 0.301795 …" → origin (2.2, 1.5), 3 × 4 turned 30°.
    expect(rounded({ x: box.x, y: box.y, width: box.width, height: box.height, rotation: box.rotation }, 3)).to.deep.equal({ x: 2.201, y: 1.518, width: 3, height: 4, rotation: 30 });
    expect(rounded(box.corners[0]!, 6)).to.deep.equal([box.x, box.y].map((n) => Number(n.toFixed(6))));
    expectValidRecords(data.records, data.ontology);
    const back = toYolo(data.records, { ontology: data.ontology });
    expect(back.data.files['labels/1.txt']).to.equal(files['labels/train/1.txt']!.replace(/\r?\n?$/, '\n').replace(/(\d\.\d{6})/g, (m) => String(Number(m))));
    expect(numbers(back.data.files['labels/1.txt']!)[1]).to.include(-0.009808);
  });

  it('segmentation polygons of 3 and 5 points', async () => {
    const files = await interopFiles(`${DATUMARO}/yolov8_segmentation`, ['data.yaml', 'labels/train/1.txt']);
    const { data, problems } = fromYolo({ files }, { images: ONE });
    expect(problems).to.deep.equal([]);
    expect(data.records[0]!.task.tools.map((t) => rounded(geometryOf(t)))).to.deep.equal([
      { polygon: [[1.5, 1], [6, 1], [6, 5]] },
      { polygon: [[3, 1.5], [6, 1.5], [6, 7.5], [4.5, 7.5], [3.75, 3]] },
    ]);
    const back = toYolo(data.records, { ontology: data.ontology });
    expect(numbers(back.data.files['labels/1.txt']!)).to.deep.equal(numbers(files['labels/train/1.txt']!));
  });

  it('pose with kpt_shape [3, 3] and [3, 2] (no visibility): keypoints objects that write back as they came', async () => {
    for (const [dir, dims] of [['yolov8_pose', 3], ['yolov8_pose_two_values_per_point', 2]] as const) {
      const files = await interopFiles(`${DATUMARO}/${dir}`, ['data.yaml', 'labels/train/1.txt']);
      const { data, problems } = fromYolo({ files }, { images: ONE });
      expect(problems, dir).to.deep.equal([]);
      const kp = data.records[0]!.task.tools[0]!.keypoints!;
      expect(rounded(kp.points, 6), dir).to.deep.equal([
        { name: '1', x: 1.5, y: 2, visibility: 2 },
        { name: '2', x: 4.5, y: 4, visibility: 2 },
        { name: '3', x: 7.5, y: 6, visibility: 2 },
      ]);
      expect(data.ontology.tools[0]).to.include({ tool: 'keypoints', title: 'skeleton_label' });
      expectValidRecords(data.records, data.ontology);
      const back = toYolo(data.records, { ontology: data.ontology, keypointDims: dims });
      expect(back.data.files['data.yaml']).to.contain(`kpt_shape: [3, ${dims}]`);
      expect(numbers(back.data.files['labels/1.txt']!), dir).to.deep.equal(numbers(files['labels/train/1.txt']!));
    }
  });

  it('real detection labels (Label Studio SDK test data): classes.txt, several files, exact round trip', async () => {
    const names = ['classes.txt', ...[1, 2, 3, 4, 5].map((i) => `labels/img_${i}.txt`)];
    const files = await interopFiles('yolo/label_studio_sdk', names);
    const images = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`img_${i}`, { file: `img_${i}.jpg`, width: 640, height: 329 }]));
    const { data, problems } = fromYolo({ files }, { images });
    expect(problems).to.deep.equal([]);
    expect(data.records.map((r) => r.asset)).to.deep.equal(['img_1.jpg', 'img_2.jpg', 'img_3.jpg', 'img_4.jpg', 'img_5.jpg']);
    const back = toYolo(data.records, { ontology: data.ontology });
    for (let i = 1; i <= 5; i++) expect(rounded(numbers(back.data.files[`labels/img_${i}.txt`]!), 8)).to.deep.equal(rounded(numbers(files[`labels/img_${i}.txt`]!), 8));
  });

  it("writes Label Studio rectangles and rotated rectangles as the reference converter's asserted values", async () => {
    const expected = (await interopJson('label_studio/sdk/expected_values_from_test_export_yolo.json')) as Record<string, { ls_value: Record<string, number>; expected: number[] | number[][] }[]>;
    const W = 597;
    const H = 768;
    const cases = [...expected['test_convert_annotation_to_yolo_format']!, ...expected['test_convert_annotation_to_yolo_obb_format']!];
    const result = cases.map(({ ls_value }, i) => ({ id: `r${i}`, type: 'rectanglelabels', original_width: W, original_height: H, value: { ...ls_value, rectanglelabels: ['Car'] } }));
    const imported = fromLabelStudio([{ id: 1, data: { image: 'car.jpg' }, annotations: [{ id: 1, result }] }]);
    expect(imported.problems).to.deep.equal([]);
    const { data } = toYolo(imported.data.records, { ontology: imported.data.ontology });
    const lines = numbers(data.files['labels/car.txt']!).map((line) => line.slice(1));
    cases.forEach(({ expected: want }, i) => {
      expect(lines[i], `case ${i}`).to.have.length(want.flat().length);
      want.flat().forEach((n, k) => expect(lines[i]![k], `case ${i}, number ${k}`).to.be.closeTo(n, 1e-9));
    });
  });

  it('labelkit → YOLO → labelkit keeps what YOLO holds and lists what it cannot', () => {
    const ontology = parsedOntology({
      tools: [
        { schemaId: 'car', tool: 'bounding-box', title: 'Car' },
        { schemaId: 'lot', tool: 'segmentation', title: 'Lot' },
        { schemaId: 'pin', tool: 'point', title: 'Pin' },
      ],
    });
    const record = {
      asset: 'lot.jpg', metadata: { width: 200, height: 100 }, batches: [], dataset: [],
      task: {
        stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: '', stageHistory: [], formatVersion: 2, classifications: [], relations: [],
        tools: [
          { objectId: 'a', schemaId: 'car', title: 'Car', classifications: [], metadata: {}, 'bounding-box': { x: 20, y: 10, width: 50, height: 25 } },
          { objectId: 'b', schemaId: 'lot', title: 'Lot', classifications: [], metadata: {}, segmentation: { zones: [{ region: [[0, 0], [100, 0], [100, 50]], holes: [[[60, 10], [80, 10], [80, 20]]] }] } },
          { objectId: 'c', schemaId: 'pin', title: 'Pin', classifications: [], metadata: {}, point: [5, 5] },
        ],
      },
    } as unknown as ExportRecord;
    const { data, problems } = toYolo([record], { ontology });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['holes-dropped', '$[0].task.tools[1]'],
      ['unsupported-geometry', '$[0].task.tools[2]'],
      ['mixed-tasks', '$'],
    ]);
    const back = fromYolo({ files: data.files }, { ontology, images: { lot: { file: 'lot.jpg', width: 200, height: 100 } } });
    expect(back.problems).to.deep.equal([]);
    expect(back.data.records[0]!.task.tools.map((t) => rounded(geometryOf(t)))).to.deep.equal([
      { 'bounding-box': { x: 20, y: 10, width: 50, height: 25 } },
      { segmentation: { zones: [{ region: [[0, 0], [100, 0], [100, 50]], holes: [] }] } },
    ]);
  });

  it('reports missing sizes, unknown class indexes and bad lines with the file and line', () => {
    const { data, problems } = fromYolo({ files: { 'classes.txt': 'a\n', 'labels/x.txt': '0 0.5 0.5 0.1 0.1\n3 0.5 0.5 0.2 0.2\nzz 1 2\n0 1 2 3 4 5\n', 'labels/y.txt': '0 0.5 0.5 0.1 0.1\n' } }, { images: { x: { width: 10, height: 10 } } });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['unknown-class-index', 'labels/x.txt:2'],
      ['bad-line', 'labels/x.txt:3'],
      ['bad-line', 'labels/x.txt:4'],
      ['missing-size', 'labels/y.txt'],
    ]);
    expect(data.records[0]!.task.tools.map((t) => t.title)).to.deep.equal(['a', '3']);
    expect(codes(fromYolo('nope').problems)).to.deep.equal(['not-yolo']);
    expect(codes(fromYolo({ files: { 'data.yaml': 'names: [a, b' } }).problems)).to.deep.equal(['bad-yaml']);
  });
});
