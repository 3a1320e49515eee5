import { expect } from '@open-wc/testing';
import { buildExportRecord, parseImport, parseOntology } from '../../../src/format/index.js';
import { parseImport as elementImport } from '../../../src/format/import.js';
import { allFormatCodecs } from '../../../src/format/all-codecs.js';
import { parsedOntology } from './helpers.js';

const meta = { createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };

const ontologyInput = {
  tools: [{ schemaId: 'person', tool: 'keypoints', title: 'Person', keypoints: ['nose', 'left_eye', 'right_eye'], skeleton: [[1, 2], [1, 3]] }],
};

const entry = (keypoints: unknown) => ({ objectId: 'p1', schemaId: 'person', title: 'Person', classifications: [], metadata: meta, keypoints });
const context = () => ({ ontology: parsedOntology(ontologyInput), planes: 'single' as const, newId: () => 'gen', metadata: meta });

describe('keypoints payload (labelkit/format.js)', () => {
  it('an ontology keeps keypoint names and skeleton on keypoints tools, and lists what is wrong with them', () => {
    const parsed = parseOntology(ontologyInput);
    expect(parsed.ok && parsed.value.tools[0]).to.deep.include({ keypoints: ['nose', 'left_eye', 'right_eye'], skeleton: [[1, 2], [1, 3]] });
    const bad = parseOntology({
      tools: [
        { schemaId: 'a', tool: 'keypoints', title: 'A', keypoints: ['x', 'x', ''], skeleton: [[1, 9], 'y'] },
        { schemaId: 'b', tool: 'bounding-box', title: 'B', keypoints: ['x'] },
      ],
    });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['bad-keypoint', '$.tools[0].keypoints[1]'],
      ['bad-keypoint', '$.tools[0].keypoints[2]'],
      ['bad-keypoint', '$.tools[0].skeleton[0]'],
      ['bad-keypoint', '$.tools[0].skeleton[1]'],
      ['wrong-type', '$.tools[1].keypoints'],
    ]);
  });

  it('imports and exports keypoints objects unchanged', () => {
    const keypoints = { points: [{ name: 'nose', x: 10, y: 12.5, visibility: 2 }, { name: 'left_eye', x: 0, y: 0, visibility: 0 }, { name: 'right_eye', x: 14, y: 11, visibility: 1 }], box: { x: 5, y: 5, width: 20, height: 30 } };
    const imported = parseImport({ tools: [entry(keypoints)] }, context());
    expect(imported.ok).to.equal(true);
    if (!imported.ok) return;
    const record = buildExportRecord({
      state: { objects: new Map(imported.value.objects.map((o) => [o.objectId, o])), classifications: new Map(), relations: new Map(), masks: new Map() },
      ontology: context().ontology,
      asset: { asset: 'a.jpg', metadata: { width: 100, height: 100 } },
      task: { stage: 'Label', durations: { totalDuration: 0, idleDuration: 0, blurDuration: 0 }, stageHistory: [] },
      planes: 'single',
    });
    expect(record.task.tools[0]!.keypoints).to.deep.equal(keypoints);
  });

  it('rejects a bad keypoints payload with the path of the fault', () => {
    const cases: [unknown, string][] = [
      [{ points: 'x' }, '$.tools[0].keypoints'],
      [{ points: [{ name: 'nose', x: 'a', y: 1 }] }, '$.tools[0].keypoints.points[0]'],
      [{ points: [{ name: 'nose', x: 1, y: 1, visibility: 3 }] }, '$.tools[0].keypoints.points[0].visibility'],
      [{ points: [], box: { x: 1 } }, '$.tools[0].keypoints.box.y'],
    ];
    for (const [payload, path] of cases) {
      const result = parseImport({ tools: [entry(payload)] }, context());
      expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path]), JSON.stringify(payload)).to.deep.equal([['bad-geometry', path]]);
    }
  });

  it('keypointColors and keypointTemplate (labelkit): one per name, normalised, and what is wrong with them', () => {
    const good = parseOntology({
      tools: [{ ...ontologyInput.tools[0], keypointColors: ['#0F0', '#0000ff', '#AbCdEf'], keypointTemplate: [[0.5, 0], [0, 1], [1, 1]] }],
    });
    expect(good.ok && good.value.tools[0]).to.deep.include({ keypointColors: ['#00ff00', '#0000ff', '#abcdef'], keypointTemplate: [[0.5, 0], [0, 1], [1, 1]] });
    const bad = parseOntology({
      tools: [
        { ...ontologyInput.tools[0], keypointColors: ['#00ff00', 'red', '#000'], keypointTemplate: [[0.5, 0], [0, 1.5], [1, 1]] },
        { ...ontologyInput.tools[0], schemaId: 'p2', title: 'P2', keypointColors: ['#00ff00'], keypointTemplate: 'x' },
        { schemaId: 'b', tool: 'bounding-box', title: 'B', keypointColors: ['#00ff00'] },
      ],
    });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['bad-color', '$.tools[0].keypointColors[1]'],
      ['bad-keypoint', '$.tools[0].keypointTemplate[1]'],
      ['bad-keypoint', '$.tools[1].keypointColors'],
      ['bad-keypoint', '$.tools[1].keypointTemplate'],
      ['wrong-type', '$.tools[2].keypoints'],
    ]);
  });

  it('the element codecs alone (an element before its keypoints kit has loaded) answer unsupported-tool rather than misreading them', () => {
    const result = elementImport({ tools: [entry({ points: [] })] }, context(), allFormatCodecs);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).to.deep.equal(['unsupported-tool']);
  });
});
