import { expect } from '@open-wc/testing';
import { diffRecords, type ExportRecord } from '../../src/format/index.js';
import { fixture } from './helpers.js';

type Entry = Record<string, unknown>;

describe('format: diffRecords', () => {
  let original: { objects: Entry[]; classifications?: Entry[] };
  let video: ExportRecord;
  before(async () => {
    original = ((await fixture('import.ango-image.json')) as (typeof original)[])[0]!;
    video = (await fixture('export.video.json')) as ExportRecord;
  });

  const edited = (edit: (objects: Entry[]) => Entry[]) => ({ ...original, objects: edit(JSON.parse(JSON.stringify(original.objects)) as Entry[]) });

  it('finds nothing between a record and itself, nor when only audit data changed', () => {
    expect(diffRecords(original, original)).to.deep.equal({ added: [], removed: [], moved: [], reclassified: [], reanswered: [], classifications: [], relations: { added: [], removed: [] } });
    const restamped = edited((objects) => objects.map((o) => ({ ...o, metadata: { updatedAt: '2026-12-01T00:00:00Z', updatedBy: 'r@example.com' } })));
    expect(diffRecords(original, restamped).moved).to.deep.equal([]);
  });

  it('lists added, removed, moved, re-classified and re-answered objects', () => {
    const after = edited((objects) => {
      const [car, sign, road, ...rest] = objects;
      (car!['bounding-box'] as { x: number }).x += 5;
      (car!.classifications as Entry[])[0]!.answer = 'Sedan';
      (car!.classifications as Entry[])[0]!.classifications = [];
      sign!.title = 'Car';
      delete sign!.schemaId;
      void road;
      return [car!, sign!, ...rest, { objectId: 'new', schemaId: 't-head', title: 'Head', point: [1, 2] }];
    });
    const diff = diffRecords(original, after);
    expect(diff.added).to.deep.equal([{ objectId: 'new', schemaId: 't-head', title: 'Head' }]);
    expect(diff.removed.map((c) => c.objectId)).to.deep.equal(['o3']);
    expect(diff.moved.map((c) => c.objectId)).to.deep.equal(['o1']);
    expect(diff.reclassified).to.deep.equal([{ objectId: 'o2', schemaId: 'Car', title: 'Car', fromSchemaId: 'Sign', fromTitle: 'Sign' }]);
    expect(diff.reanswered.map((c) => c.objectId)).to.deep.equal(['o1']);
  });

  it('reads export records and stage history snapshots alike, and global answers', () => {
    const snapshot = { stage: 'Label', stageId: 'Label', duration: 0, completedAt: '', completedBy: '', tools: video.task.tools, classifications: video.task.classifications, relations: video.task.relations };
    expect(diffRecords(snapshot, video).moved).to.deep.equal([]);
    const answered = { ...snapshot, classifications: [{ objectId: 'c1', schemaId: 'c-weather', title: 'Weather', answer: ['Rain'], classifications: [] }] };
    expect(diffRecords(snapshot, answered).classifications).to.deep.equal([{ schemaId: 'c-weather', title: 'Weather', before: null, after: ['Rain'] }]);
  });

  it('sees a video track move when one of its frames changed', () => {
    const tools = JSON.parse(JSON.stringify(video.task.tools)) as Entry[];
    const frame = tools.find((t) => t['bounding-box'] && t.page === 3) ?? tools.find((t) => t['bounding-box'])!;
    (frame['bounding-box'] as { y: number }).y += 1;
    const diff = diffRecords(video, { ...video, task: { ...video.task, tools } });
    expect(diff.moved.map((c) => c.objectId)).to.deep.equal([frame.objectId]);
    expect(diff.added).to.deep.equal([]);
  });
});
