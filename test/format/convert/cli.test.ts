import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ExportRecord, Ontology } from '../../../src/format/index.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

const cli = (...args: string[]) => executeServerCommand<Run, { args: string[] }>('labelkit-cli', { args });
const FIXTURES = 'test/fixtures/interop';

describe('labelkit convert (the command)', () => {
  it('COCO → ango: the export records on stdout, and the generated ontology saved with --ontology-out', async () => {
    const run = await cli('convert', '--from', 'coco', '--to', 'ango', `${FIXTURES}/coco/datumaro/annotations/instances_val.json`, '--ontology-out', '{out}/ontology.json');
    expect(run.code, run.stderr).to.equal(0);
    const records = JSON.parse(run.stdout) as ExportRecord[];
    expect(records.map((r) => [r.asset, r.task.tools.length])).to.deep.equal([['b.jpg', 2]]);
    const ontology = JSON.parse(run.files['ontology.json']!) as Ontology;
    expect(ontology.tools.map((t) => t.title)).to.deep.equal(['a', 'b', 'c']);
  });

  it('COCO keypoints → ango written to --out, problems on stderr', async () => {
    const run = await cli('convert', '--from', 'coco', '--to', 'ango', `${FIXTURES}/coco_keypoints/datumaro/person_keypoints_val.json`, '--out', '{out}/records.json', '--ontology-out', '{out}/ontology.json');
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.contain('keypoint-names $.annotations[1].keypoints');
    expect(JSON.parse(run.files['records.json']!)).to.have.length(1);
    expect(JSON.parse(run.files['ontology.json']!).tools.find((t: { tool: string }) => t.tool === 'keypoints').keypoints).to.deep.equal(['a_1', 'a_2', 'a_3']);
  });

  it('ango → VOC with the host ontology (--ontology): a video record keeps its first frame and lists the rest', async () => {
    const run = await cli('convert', '--from', 'ango', '--to', 'voc', 'test/fixtures/format/export.video.json', '--ontology', 'test/fixtures/format/ontology.all-types.json', '--out', '{out}');
    expect(run.code, run.stderr).to.equal(0);
    expect(Object.keys(run.files)).to.have.length(1);
    expect(run.stderr).to.contain('page-dropped');
  });

  it('a YOLO folder → COCO, image sizes read from the JPEGs beside the labels', async () => {
    const run = await cli('convert', '--from', 'yolo', '--to', 'coco', `${FIXTURES}/yolo/datumaro/yolov8_pose`);
    expect(run.code, run.stderr).to.equal(0);
    const coco = JSON.parse(run.stdout) as { images: unknown[]; annotations: { keypoints: number[] }[]; categories: { name: string }[] };
    expect(coco.images).to.deep.equal([{ id: 1, file_name: '1.jpg', width: 15, height: 10 }]);
    expect(coco.categories.map((c) => c.name)).to.deep.equal(['skeleton_label']);
    expect(coco.annotations[0]!.keypoints.map((n) => Number(n.toFixed(6)))).to.deep.equal([1.5, 2, 2, 4.5, 4, 2, 7.5, 6, 2]);
  });

  it('CVAT XML → YOLO files in a folder, problems on stderr', async () => {
    const run = await cli('convert', '--from', 'cvat', '--to', 'yolo', `${FIXTURES}/cvat/datumaro_task/train.xml`, '--out', '{out}');
    expect(run.code, run.stderr).to.equal(0);
    expect(Object.keys(run.files).sort()).to.deep.equal(['data.yaml', 'labels/img0.txt', 'labels/img1.txt']);
    expect(run.stderr).to.contain('unsupported-geometry $[0].task.tools[1]').and.contain('empty-label');
  });

  it('says how to use it when the arguments are wrong', async () => {
    const run = await cli('convert', '--from', 'coco');
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('usage: labelkit convert');
    const unknown = await cli('convert', '--from', 'coco', '--to', 'nope', `${FIXTURES}/coco/datumaro/annotations/instances_val.json`);
    expect([unknown.code, unknown.stderr.trim()]).to.deep.equal([2, 'labelkit: formats are ango, coco, yolo, voc, cvat, label-studio, w3c.']);
  });
});
