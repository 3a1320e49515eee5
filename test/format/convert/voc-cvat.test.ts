import { expect } from '@open-wc/testing';
import { fromCvat, fromVoc, toCvat, toVoc, type ExportRecord } from '../../../src/format/index.js';
import { codes, expectValidRecords, geometryOf, interopText, parsedOntology } from './helpers.js';

async function vocFiles(): Promise<Record<string, string>> {
  return {
    'Annotations/2007_000001.xml': await interopText('voc/datumaro/Annotations/2007_000001.xml'),
    'Annotations/a.xml': await interopText('voc/datumaro/voc_dataset2/Annotations/a.xml'),
    'Annotations/@.xml': await interopText('voc/datumaro/voc_dataset2/Annotations/@.xml'),
  };
}

describe('Pascal VOC converter', () => {
  it('reads boxes with flags, parts, actions, float boxes, <occluded>, no <size> and zero objects', async () => {
    const { data, problems } = fromVoc({ files: await vocFiles() });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['missing-size', 'Annotations/a.xml.annotation.size'],
      ['missing-size', 'Annotations/@.xml.annotation.size'],
    ]);
    const [full, floats, empty] = data.records;
    expect(full!.metadata).to.deep.equal({ width: 20, height: 10 });
    const [cat, person, head] = full!.task.tools;
    expect([cat!.title, geometryOf(cat!)]).to.deep.equal(['cat', { 'bounding-box': { x: 1, y: 2, width: 2, height: 2 } }]);
    expect(cat!.classifications.map((c) => [c.title, c.answer])).to.deep.equal([['pose', 'Unspecified'], ['truncated', '1'], ['difficult', '0']]);
    expect(person!.classifications.find((c) => c.title === 'action:phoning')!.answer).to.equal('1');
    expect([head!.title, geometryOf(head!)]).to.deep.equal(['head', { 'bounding-box': { x: 5.5, y: 6, width: 2, height: 2 } }]);
    expect(full!.task.relations.map((r) => ('group' in r ? [r.title, r.group] : []))).to.deep.equal([['parts', [person!.objectId, head!.objectId]]]);
    expect(floats!.task.tools.map((t) => [t.title, geometryOf(t), t.classifications.find((c) => c.title === 'occluded')?.answer])).to.deep.equal([['background', { 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } }, '1']]);
    expect(empty!.task.tools).to.deep.equal([]);
    expectValidRecords(data.records, data.ontology);
    // The size of an image without <size> can come from the image itself.
    const sized = fromVoc({ files: { 'a.xml': (await vocFiles())['Annotations/a.xml']! } }, { images: { a: { width: 30, height: 20 } } });
    expect([sized.problems, sized.data.records[0]!.metadata]).to.deep.equal([[], { width: 30, height: 20 }]);
  });

  it('VOC → labelkit → VOC keeps objects, flags, parts and actions', async () => {
    const files = await vocFiles();
    const imported = fromVoc({ files });
    const { data, problems } = toVoc(imported.data.records, { ontology: imported.data.ontology });
    expect(problems).to.deep.equal([]);
    const again = fromVoc({ files: data.files });
    const strip = (records: ExportRecord[]) => records.map((r) => ({ asset: r.asset, tools: r.task.tools.map((t) => [t.title, geometryOf(t), t.classifications.map((c) => [c.title, c.answer])]) }));
    expect(strip(again.data.records)).to.deep.equal(strip(imported.data.records));
    // The XML is VOC's: the same elements in the same places.
    const xml = new DOMParser().parseFromString(data.files['Annotations/2007_000001.xml']!, 'application/xml');
    expect([...xml.querySelectorAll('object > name')].map((n) => n.textContent)).to.deep.equal(['cat', 'person']);
    expect(xml.querySelector('object part name')!.textContent).to.equal('head');
    expect(xml.querySelector('object part bndbox xmin')!.textContent).to.equal('5.5');
    expect(xml.querySelector('actions walking')!.textContent).to.equal('1');
  });

  it('writes other shapes as their bounding box and says so; unreadable XML is a problem', () => {
    const record = {
      asset: 'x.jpg', metadata: { width: 10, height: 10 }, batches: [], dataset: [],
      task: { stage: 'Label', stageId: 'Label', totalDuration: 0, idleDuration: 0, blurDuration: 0, brushDataUrl: '', stageHistory: [], formatVersion: 2, classifications: [], relations: [],
        tools: [{ objectId: 'p', schemaId: 's', title: 'Roof', classifications: [], metadata: {}, polygon: [[1, 1], [5, 2], [3, 6]] }] },
    };
    const { data, problems } = toVoc([record]);
    expect(codes(problems)).to.deep.equal(['converted']);
    expect(data.files['Annotations/x.xml']).to.contain('<xmin>1</xmin>').and.contain('<ymax>6</ymax>');
    expect(fromVoc('<annotation><object>').problems.map((p) => p.code)).to.deep.equal(['bad-xml']);
    expect(codes(fromVoc(42).problems)).to.deep.equal(['not-voc']);
  });
});

describe('CVAT for images 1.1 converter', () => {
  it('reads boxes with attributes, polylines, polygons, points, skeletons and unlabeled shapes', async () => {
    const { data, problems } = fromCvat(await interopText('cvat/datumaro_task/train.xml'));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['z-order-dropped', '$.annotations.image[0]'],
      ['empty-label', '$.annotations.image[0].polyline[0].@label'],
      ['z-order-dropped', '$.annotations.image[1]'],
      ['empty-label', '$.annotations.image[1].polygon[0].@label'],
    ]);
    const [img0, img1] = data.records;
    expect(img0).to.include({ asset: 'img0.jpg', assetId: '0' });
    expect(img0!.metadata).to.deep.equal({ width: 8, height: 8 });
    const [box, polyline, skeleton] = img0!.task.tools;
    expect(geometryOf(box!)).to.deep.equal({ 'bounding-box': { x: 0, y: 2, width: 4, height: 2 } });
    expect(box!.classifications.map((c) => [c.title, c.answer])).to.deep.equal([['a1', 'true'], ['a2', 'v3'], ['a3', '0003'], ['a4', '2.4'], ['occluded', 'true']]);
    expect([polyline!.title, geometryOf(polyline!)]).to.deep.equal(['unlabeled', { polyline: [[1, 2], [3, 4], [5, 6], [7, 8]] }]);
    expect(skeleton!.keypoints!.points.map((p) => [p.name, p.visibility])).to.deep.equal([['1', 0], ['2', 2], ['3', 2], ['4', 2]]);
    const skeletonClass = data.ontology.tools.find((t) => t.title === 'skeleton')!;
    // Edges from the label's SVG template: node 3 → 2 and 1 → 4, 1-based as COCO.
    expect(skeletonClass.skeleton).to.deep.equal([[3, 2], [1, 4]]);
    expect(img1!.task.tools.map((t) => [t.title, Object.keys(geometryOf(t))[0]])).to.deep.equal([['unlabeled', 'polygon'], ['label2', 'keypoints'], ['skeleton', 'keypoints']]);
    expectValidRecords(data.records, data.ontology);
  });

  it('CVAT → labelkit → CVAT keeps the shapes, labels, attributes and skeleton points', async () => {
    const imported = fromCvat(await interopText('cvat/datumaro_task/train.xml'));
    const { data, problems } = toCvat(imported.data.records, { ontology: imported.data.ontology });
    expect(problems).to.deep.equal([]);
    const again = fromCvat(data);
    const strip = (records: ExportRecord[]) => records.map((r) => r.task.tools.map((t) => [t.title, geometryOf(t), t.classifications.map((c) => [c.title, c.answer])]));
    expect(strip(again.data.records)).to.deep.equal(strip(imported.data.records));
    const xml = new DOMParser().parseFromString(data, 'application/xml');
    expect(xml.querySelector('image[name="img0.jpg"] box')!.getAttribute('occluded')).to.equal('1');
    expect(xml.querySelector('image[name="img1.jpg"] points')!.getAttribute('points')).to.equal('1,2;3,4;5,6');
  });

  it('turns a rotated box about its centre as CVAT does, and back', () => {
    const xml = '<annotations><version>1.1</version><image id="3" name="r.jpg" width="100" height="100"><box label="car" xtl="10" ytl="20" xbr="50" ybr="40" rotation="90"/></image></annotations>';
    const { data } = fromCvat(xml);
    const box = data.records[0]!.task.tools[0]!['rotated-bounding-box']!;
    // 40 × 20 about its centre (30, 30) turned 90°: the origin corner moves to (40, 10).
    expect([box.x, box.y, box.width, box.height, box.rotation].map((n) => Number(n.toFixed(6)))).to.deep.equal([40, 10, 40, 20, 90]);
    const back = new DOMParser().parseFromString(toCvat(data.records, { ontology: data.ontology }).data, 'application/xml').querySelector('box')!;
    expect(['xtl', 'ytl', 'xbr', 'ybr', 'rotation'].map((a) => Number(Number(back.getAttribute(a)).toFixed(6)))).to.deep.equal([10, 20, 50, 40, 90]);
    expect(codes(fromCvat('<annotations><image').problems)).to.deep.equal(['bad-xml']);
  });

  it('does not expand nested DOCTYPE entities (billion laughs)', () => {
    let entities = '<!ENTITY a0 "lollollollollollollollollollol">';
    for (let i = 1; i < 10; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE annotations [${entities}]><annotations><image id="0" name="&a9;" width="1" height="1"/></annotations>`;
    const { data } = fromCvat(xml);
    expect(data.records.map((r) => r.asset.length)).to.deep.equal([4]);
  });

  it('tags are the image classification "tag", both ways', () => {
    const xml = '<annotations><version>1.1</version><image id="0" name="t.jpg" width="4" height="4"><tag label="night"/><tag label="rain"/></image></annotations>';
    const { data, problems } = fromCvat(xml);
    expect(problems).to.deep.equal([]);
    expect(data.records[0]!.task.classifications.map((c) => [c.title, c.tool, c.answer])).to.deep.equal([['tag', 'checkbox', ['night', 'rain']]]);
    expectValidRecords(data.records, data.ontology);
    const back = new DOMParser().parseFromString(toCvat(data.records, { ontology: data.ontology }).data, 'application/xml');
    expect([...back.querySelectorAll('image tag')].map((t) => t.getAttribute('label'))).to.deep.equal(['night', 'rain']);
  });

  it('maps attributes through the ontology: an answer it does not allow is a problem', async () => {
    const ontology = parsedOntology({ tools: [{ schemaId: 'l1', tool: 'bounding-box', title: 'label1', classifications: [{ schemaId: 'a2', tool: 'radio', title: 'a2', options: [{ value: 'v1', schemaId: 'v1' }] }] }] });
    const { data, problems } = fromCvat(await interopText('cvat/datumaro_task/train.xml'), { ontology });
    expect(data.records[0]!.task.tools.map((t) => t.schemaId)).to.deep.equal(['l1']);
    expect(problems.filter((p) => p.path!.startsWith('$.annotations.image[0].box[0]')).map((p) => [p.code, p.path])).to.deep.equal([
      ['unknown-attribute', '$.annotations.image[0].box[0].a1'],
      ['unknown-answer', '$.annotations.image[0].box[0].a2'],
      ['unknown-attribute', '$.annotations.image[0].box[0].a3'],
      ['unknown-attribute', '$.annotations.image[0].box[0].a4'],
      ['unknown-attribute', '$.annotations.image[0].box[0].occluded'],
    ]);
  });
});
