import { expect } from '@open-wc/testing';
import type { Ontology } from '../../src/core/ontology.js';
import { parseImport } from '../../src/format/index.js';
import { contextFor, extendOntology, fixture, importOk, meta, ontologyFrom, problemsOf } from './helpers.js';

const car = (extra: Record<string, unknown> = {}) => ({ schemaId: 't-car', 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, ...extra });

describe('format: import', () => {
  let ontology: Ontology;
  let prelabels: unknown;
  let videoExample: unknown;

  before(async () => {
    ontology = extendOntology(await fixture('ontology.all-types.json'));
    prelabels = await fixture('import.ango-image.json');
    videoExample = await fixture('export.video.json');
  });

  describe('the Ango example (import.ango-image.json)', () => {
    it('normalises o1, takes o2 from its title, keeps o3 locked and nests answers under answers', () => {
      const imported = importOk(ontology, prelabels, 'single', { externalId: 'bottles-frame.jpg' });
      const [o1, o2, o3] = imported.objects;
      expect(imported.objects.map((o) => o.objectId)).to.deep.equal(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
      expect(o1!.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'bounding-box', value: { x: 260, y: 120, width: 40, height: 180 } } }]);
      expect(o2!.schemaId).to.equal('t-sign');
      // Ango turns the box about (500, 100): its centre is (500, 100) + R(30°)·(30, 100).
      const sign = o2!.keyframes[0]!.geometry.value as { x: number; y: number; width: number; height: number; rotation: number };
      const cos = Math.cos(Math.PI / 6);
      expect(sign.x + 30).to.be.closeTo(500 + 30 * cos - 100 * 0.5, 1e-9);
      expect(sign.y + 100).to.be.closeTo(100 + 30 * 0.5 + 100 * cos, 1e-9);
      expect([sign.width, sign.height, sign.rotation]).to.deep.equal([60, 200, 30]);
      expect(o3!.lock).to.equal(true);
      expect(o1!.lock).to.equal(undefined);
      const kind = o1!.classifications[0]!;
      expect([kind.schemaId, kind.answer, kind.classifications[0]!.schemaId, kind.classifications[0]!.answer]).to.deep.equal(['c-car-kind', 'Truck', 'c-truck-axles', '3+']);
      expect(kind.objectId).to.match(/^gen-\d+$/);
      expect(kind.classifications[0]!.objectId).to.match(/^gen-\d+$/);
      const global = imported.classifications;
      expect(global.map((c) => c.objectId).every((id) => /^gen-\d+$/.test(id))).to.equal(true);
      expect(new Set([kind.objectId, kind.classifications[0]!.objectId, ...global.map((c) => c.objectId)]).size).to.equal(6);
      expect(global.find((c) => c.schemaId === 'c-occluded')!.classifications.map((c) => [c.schemaId, c.answer])).to.deep.equal([['c-occ-by', 'a hand']]);
      expect(imported.relations.map((r) => r.objectId)).to.deep.equal(['rel1', 'rel2']);
      expect(o1!.metadata).to.deep.equal(meta);
    });
  });

  describe('input shapes', () => {
    const record = (assetId: string, externalId: string, x: number) => ({ asset: 'a', assetId, externalId, metadata: { width: 1, height: 1 }, task: { tools: [car({ objectId: 'o', 'bounding-box': { x, y: 0, width: 1, height: 1 } })] } });
    const xOf = (data: unknown, extra = {}) => {
      const geometry = importOk(ontology, data, 'single', extra).objects[0]!.keyframes[0]!.geometry;
      return geometry.type === 'bounding-box' ? geometry.value.x : undefined;
    };

    it('picks the export record of this asset from an array: by assetId, then externalId, else the only one', () => {
      const records = [record('a1', 'one.jpg', 1), record('a2', 'two.jpg', 2)];
      expect(xOf(records, { assetId: 'a2', externalId: 'one.jpg' })).to.equal(2);
      expect(xOf(records, { assetId: 'zz', externalId: 'one.jpg' })).to.equal(1);
      expect(xOf([record('a1', 'one.jpg', 7)], { assetId: 'other' })).to.equal(7);
      expect(problemsOf(ontology, records, 'single', { assetId: 'zz' })).to.deep.equal([['no-matching-asset', '$']]);
      expect(problemsOf(ontology, [])).to.deep.equal([['no-matching-asset', '$']]);
    });

    it('reads one export record, the Ango shape, legacy tasks with tools or objects, a bare objects list, and JSON text', () => {
      const objects = [car({ objectId: 'o', 'bounding-box': { x: 9, y: 0, width: 1, height: 1 } })];
      expect(xOf(record('a', 'e', 9))).to.equal(9);
      expect(xOf({ externalId: 'e', objects, classifications: [], relations: [] })).to.equal(9);
      expect(xOf({ tasks: [{ tools: objects }] })).to.equal(9);
      expect(xOf({ tasks: [{ objects }] })).to.equal(9);
      expect(xOf({ objects })).to.equal(9);
      expect(xOf(JSON.stringify([{ externalId: 'e', objects }]))).to.equal(9);
      expect(importOk(ontology, {}).objects).to.deep.equal([]);
    });

    it('rejects what is no known shape', () => {
      expect(problemsOf(ontology, '{"objects": [')).to.deep.equal([['bad-json', '$']]);
      expect(problemsOf(ontology, 42)).to.deep.equal([['wrong-type', '$']]);
      expect(problemsOf(ontology, { shapes: [] })).to.deep.equal([['wrong-type', '$']]);
      expect(problemsOf(ontology, { tasks: [] })).to.deep.equal([['wrong-type', '$.tasks']]);
      expect(problemsOf(ontology, { task: 'x' })).to.deep.equal([['wrong-type', '$.task']]);
      expect(problemsOf(ontology, { task: { formatVersion: 3 } })).to.deep.equal([['unsupported-format-version', '$.task.formatVersion']]);
    });

    it('hands back brush URLs and stage history as given', () => {
      const history = [{ stage: 'Label', stageId: 'Label', duration: 1, completedAt: 'x', completedBy: 'y', tools: [], classifications: [], relations: [] }];
      const imported = importOk(ontology, { task: { brushDataUrl: 'data:image/png;base64,AA==', brushDataUrls: { '2': 'data:x' }, stageHistory: history } });
      expect(imported.brushDataUrl).to.equal('data:image/png;base64,AA==');
      expect(imported.brushDataUrls).to.deep.equal({ '2': 'data:x' });
      expect(imported.stageHistory).to.deep.equal(history);
      expect(imported.stageHistory![0]).to.not.equal(history[0]);
      expect(importOk(ontology, { task: { brushDataUrl: '' } })).to.not.have.property('brushDataUrl');
      expect(problemsOf(ontology, { task: { brushDataUrl: 5, brushDataUrls: { first: 'x' } } })).to.deep.equal([
        ['wrong-type', '$.task.brushDataUrls.first'],
        ['wrong-type', '$.task.brushDataUrl'],
      ].reverse());
    });
  });

  describe('rules', () => {
    it('lets title stand in for a missing schemaId, searching a nested list before anything else', () => {
      const twins = ontologyFrom({
        tools: [
          { schemaId: 't-a', tool: 'point', title: 'Twin', classifications: [{ schemaId: 'c-inner', tool: 'text', title: 'Note' }] },
          { schemaId: 't-b', tool: 'point', title: 'Twin' },
        ],
        classifications: [{ schemaId: 'c-outer', tool: 'text', title: 'Note' }],
        relations: [],
      });
      const imported = importOk(twins, {
        objects: [{ title: 'Twin', point: [1, 1], classifications: [{ title: 'Note', answer: 'inner' }] }],
        classifications: [{ title: 'Note', answer: 'outer' }],
      });
      expect(imported.objects[0]!.schemaId).to.equal('t-a');
      expect(imported.objects[0]!.classifications[0]!.schemaId).to.equal('c-inner');
      expect(imported.classifications[0]!.schemaId).to.equal('c-outer');
      const nested = importOk(ontology, { objects: [{ title: 'Car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 }, classifications: [{ title: 'Kind', answer: 'Truck', classifications: [{ title: 'Axles', answer: '2' }] }] }] });
      expect(nested.objects[0]!.classifications[0]!.classifications[0]!.schemaId).to.equal('c-truck-axles');
      // A schemaId, when given, wins over the title.
      expect(problemsOf(ontology, { objects: [car({ schemaId: 'nope', title: 'Car' })] })).to.deep.equal([['unknown-schema', '$.objects[0].schemaId']]);
      // A title known elsewhere is still wrong here.
      expect(problemsOf(ontology, { objects: [car({ classifications: [{ title: 'Weather', answer: ['Rain'] }] })] })).to.deep.equal([['unknown-schema', '$.objects[0].classifications[0].title']]);
    });

    it('generates missing objectIds for objects, answers at every depth and relations', () => {
      const imported = importOk(ontology, {
        objects: [car({ classifications: [{ schemaId: 'c-car-kind', answer: 'Truck', classifications: [{ schemaId: 'c-truck-axles', answer: '2' }] }] }), car({ objectId: 'kept' })],
        classifications: [{ schemaId: 'c-time', answer: 'Day' }],
        relations: [{ schemaId: 'r-group', group: ['gen-1', 'kept'] }],
      });
      expect(imported.objects.map((o) => o.objectId)).to.deep.equal(['gen-1', 'kept']);
      expect([imported.objects[0]!.classifications[0]!.objectId, imported.objects[0]!.classifications[0]!.classifications[0]!.objectId]).to.deep.equal(['gen-2', 'gen-3']);
      expect(imported.classifications[0]!.objectId).to.equal('gen-4');
      expect(imported.relations[0]!.objectId).to.equal('gen-5');
    });

    it('keeps lock: true (and nothing else) on objects, answers and relations', () => {
      const imported = importOk(ontology, {
        objects: [car({ objectId: 'a', lock: true }), car({ objectId: 'b', lock: 'yes' })],
        classifications: [{ schemaId: 'c-time', answer: 'Day', lock: true }],
        relations: [{ schemaId: 'r-follows', from: 'a', to: 'b', lock: true }],
      });
      expect(imported.objects.map((o) => o.lock)).to.deep.equal([true, undefined]);
      expect(imported.classifications[0]!.lock).to.equal(true);
      expect(imported.relations[0]!.lock).to.equal(true);
    });

    it('normalises negative sizes, reads format-version-1 rotated boxes without corners or from corners alone, opens closed rings', () => {
      const imported = importOk(ontology, {
        formatVersion: 1,
        objects: [
          car({ 'bounding-box': { x: 10, y: 10, width: -4, height: -6 } }),
          { schemaId: 't-sign', 'rotated-bounding-box': { x: 10, y: 0, width: -4, height: 2, rotation: -190 } },
          { schemaId: 't-sign', 'rotated-bounding-box': { corners: [[2, 0], [2, 2], [0, 2], [0, 0]] } },
          { schemaId: 't-road', polygon: [[0, 0], [4, 0], [4, 4], [0, 0]] },
        ],
      });
      const values = imported.objects.map((o) => o.keyframes[0]!.geometry.value);
      expect(values[0]).to.deep.equal({ x: 6, y: 4, width: 4, height: 6 });
      expect(values[1]).to.deep.equal({ x: 6, y: 0, width: 4, height: 2, rotation: 170 });
      const fromCorners = values[2] as { x: number; y: number; width: number; height: number; rotation: number };
      expect([fromCorners.x, fromCorners.y, fromCorners.width, fromCorners.height, fromCorners.rotation].map((n) => Math.round(n * 1e9) / 1e9)).to.deep.equal([0, 0, 2, 2, 90]);
      expect(values[3]).to.deep.equal([[0, 0], [4, 0], [4, 4]]);
    });

    it('uses page as the keyframe frame on paged assets (default 0, PDF pageNumber - 1), ignores it on single-plane ones', () => {
      const figure = { schemaId: 't-figure', pdf: { position: { boundingRect: { x1: 0, y1: 0, x2: 1, y2: 1, width: 600, height: 800 }, rects: [], pageNumber: 3 }, content: { image: 'data:x' } } };
      const paged = importOk(ontology, { objects: [car({ page: 4 }), car(), figure] }, 'paged');
      expect(paged.objects.map((o) => o.keyframes.map((k) => k.frame))).to.deep.equal([[4], [0], [2]]);
      expect(importOk(ontology, { objects: [car({ page: 4 })] }).objects[0]!.keyframes[0]!.frame).to.equal(0);
    });

    it('groups flat track entries by objectId: flagged entries are keyframes, unflagged tracks keep every entry', () => {
      const imported = importOk(ontology, videoExample, 'track');
      expect(imported.objects).to.have.length(1);
      expect(imported.objects[0]!.keyframes.map((k) => [k.frame, k.stopped ?? false])).to.deep.equal([[10, false], [12, false], [13, true]]);
      expect(imported.objects[0]!.classifications.map((c) => c.objectId)).to.deep.equal(['k1']);
      const unflagged = importOk(ontology, { objects: [car({ objectId: 'u', page: 5 }), car({ objectId: 'u', page: 2 }), car({ objectId: 'v', page: 2 })] }, 'track');
      expect(unflagged.objects.map((o) => [o.objectId, o.keyframes.map((k) => k.frame)])).to.deep.equal([['u', [2, 5]], ['v', [2]]]);
    });

    it('merges a track’s answers once per class and frame, frame-specific ones from their own frames', () => {
      const entry = (page: number, pose: string) => ({
        objectId: 'p',
        schemaId: 't-player',
        page,
        keyframe: true,
        point: [page, 0],
        classifications: [{ schemaId: 'c-pose', answer: pose, page }, { schemaId: 'c-team', answer: 'red' }],
      });
      const imported = importOk(ontology, { objects: [entry(0, 'Run'), entry(3, 'Stand')] }, 'track');
      expect(imported.objects[0]!.classifications.map((c) => [c.schemaId, c.answer, c.page])).to.deep.equal([
        ['c-pose', 'Run', 0],
        ['c-team', 'red', undefined],
        ['c-pose', 'Stand', 3],
      ]);
    });

    it('reads relation directions, a backward relation as straight with its ends swapped', () => {
      const objects = [car({ objectId: 'a' }), car({ objectId: 'b' })];
      const relations = importOk(ontology, {
        objects,
        relations: [
          { schemaId: 'r-follows', from: 'a', to: 'b' },
          { title: 'Follows', from: 'a', to: 'b', direction: 'bidirectional' },
          { schemaId: 'r-follows', from: 'a', to: 'b', direction: 'backward' },
        ],
      }).relations;
      expect(relations.map((r) => (r.kind === 'single' ? [r.from, r.to, r.direction] : []))).to.deep.equal([
        ['a', 'b', 'straight'],
        ['a', 'b', 'bidirectional'],
        ['b', 'a', 'straight'],
      ]);
    });
  });

  describe('problems', () => {
    it('reports each problem with its code and JSON path, and imports nothing', () => {
      const data = [
        {
          externalId: 'x',
          objects: [
            { objectId: 'a', schemaId: 'nope', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } },
            { objectId: 'b', schemaId: 't-car' },
            { objectId: 'c', schemaId: 't-car', polygon: [[0, 0], [1, 0], [1, 1]] },
            { objectId: 'd', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: '1', height: 1 } },
            { objectId: 'e', schemaId: 't-road', polygon: [[0, 0], [1, 1]] },
            { objectId: 'f', schemaId: 't-head', point: [1, 2] },
            { objectId: 'f', schemaId: 't-head', point: [1, 2] },
            { objectId: 'g', schemaId: 't-grass' },
            { objectId: 'h', schemaId: 't-head', point: [1, 2], page: -1 },
          ],
          classifications: [
            { schemaId: 'c-weather', answer: 'Rain' },
            { schemaId: 'c-tags', answer: ['Urban', 'Mountain'] },
            { schemaId: 'c-time', answer: 'Day' },
            { schemaId: 'c-time', answer: 'Night' },
            { objectId: 'f', schemaId: 'c-note', answer: 'AB-1' },
            { schemaId: 'c-place', answer: ['Germany'] },
          ],
          relations: [
            { schemaId: 'r-follows', from: 'zz', to: 'f' },
            { schemaId: 'r-group', group: ['f', 'nobody'] },
            { schemaId: 'r-group', from: 'f', to: 'f' },
            { schemaId: 'r-follows', from: 'f', to: 'f', direction: 'sideways' },
          ],
        },
      ];
      const result = parseImport(data, contextFor(ontology, 'single'));
      expect(result.ok).to.equal(false);
      expect(result).to.not.have.property('value');
      const problems = result.ok ? [] : result.problems;
      expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
        ['unknown-schema', '$[0].objects[0].schemaId'],
        ['missing-geometry', '$[0].objects[1]'],
        ['missing-geometry', '$[0].objects[2]'],
        ['bad-geometry', '$[0].objects[3].bounding-box.width'],
        ['bad-geometry', '$[0].objects[4].polygon'],
        ['unsupported-tool', '$[0].objects[7]'],
        ['wrong-type', '$[0].objects[8].page'],
        ['duplicate-object-id', '$[0].objects[6].objectId'],
        ['wrong-type', '$[0].classifications[0].answer'],
        ['unknown-option', '$[0].classifications[1].answer[1]'],
        ['duplicate-answer', '$[0].classifications[3]'],
        ['duplicate-object-id', '$[0].classifications[4].objectId'],
        ['unknown-option', '$[0].classifications[5].answer[0]'],
        ['relation-endpoint-missing', '$[0].relations[0].from'],
        ['relation-endpoint-missing', '$[0].relations[1].group[1]'],
        ['wrong-type', '$[0].relations[2].group'],
        ['wrong-type', '$[0].relations[3].direction'],
      ]);
      expect(problems.every((p) => typeof p.message === 'string' && p.message.length > 0)).to.equal(true);
      expect(problems[2]!.message).to.include('found "polygon"');
      // Messages that point at an earlier item name its path.
      expect(problems[7]!.message).to.match(/is already used at \$\[0\]\.objects\[\d+\]\.$/);
      expect(problems[10]!.message).to.match(/is already answered at \$\[0\]\.classifications\[\d+\]\.$/);
    });

    it('checks answer types per classification type', () => {
      const cases: [string, unknown][] = [
        ['c-occluded', ['Yes']],
        ['c-weather', 'Rain'],
        ['c-time', ['Day']],
        ['c-tags', 'Urban'],
        ['c-place', 'Europe'],
        ['c-note', 7],
        ['c-quality', ['Noise', 1]],
      ];
      for (const [schemaId, answer] of cases) {
        expect(problemsOf(ontology, { classifications: [{ schemaId, answer }] }), schemaId).to.deep.equal([['wrong-type', '$.classifications[0].answer']]);
      }
      expect(problemsOf(ontology, { classifications: [{ schemaId: 'c-quality', answer: ['Noise', 'Noise'] }] })).to.deep.equal([['wrong-type', '$.classifications[0].answer']]);
    });

    it('refuses a track whose entries disagree on class or share a frame', () => {
      expect(
        problemsOf(ontology, { objects: [car({ objectId: 't', page: 1 }), { objectId: 't', schemaId: 't-head', point: [0, 0], page: 2 }, car({ objectId: 't', page: 1 })] }, 'track'),
      ).to.deep.equal([
        ['inconsistent-object', '$.objects[1].schemaId'],
        ['duplicate-object-id', '$.objects[2].page'],
      ]);
      const result = parseImport({ objects: [car({ objectId: 't', page: 1 }), car({ objectId: 't', page: 1 })] }, contextFor(ontology, 'track'));
      expect(result.ok ? '' : result.problems[0]!.message).to.equal('objectId "t" already has an entry on frame 1 at $.objects[0].');
    });

    it('reports bad geometry of every type at the offending path', () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ schemaId: 't-sign', 'rotated-bounding-box': { x: 0, y: 0, width: 1, height: 1 } }, '$.objects[0].rotated-bounding-box.rotation'],
        [{ schemaId: 't-lane', polyline: [[0, 0]] }, '$.objects[0].polyline'],
        [{ schemaId: 't-head', point: [1] }, '$.objects[0].point'],
        [{ schemaId: 't-sky', segmentation: { zones: [{ region: [[0, 0], [1, 0], [1, 1]], holes: [[[0, 0], [null, 1], [1, 1]]] }] } }, '$.objects[0].segmentation.zones[0].holes[0][1][0]'],
        [{ schemaId: 't-sky', segmentation: { zones: [] } }, '$.objects[0].segmentation.zones'],
        [{ schemaId: 't-curb', spline: 'M 0 0' }, '$.objects[0].spline'],
        [{ schemaId: 't-entity', ner: { start: 4, end: 2, selection: '' } }, '$.objects[0].ner.end'],
        [{ schemaId: 't-entity', ner: { start: 0.5, end: 2 } }, '$.objects[0].ner.start'],
        [{ schemaId: 't-figure', pdf: { position: { boundingRect: { x1: 0, y1: 0, x2: 1, y2: 1, width: 1, height: 1 }, rects: [], pageNumber: 0 }, content: { text: '' } } }, '$.objects[0].pdf.position.pageNumber'],
        [{ schemaId: 't-figure', pdf: { position: { boundingRect: { x1: 0, y1: 0, x2: 1, y2: 1, width: 1, height: 1 }, rects: [], pageNumber: 1 }, content: {} } }, '$.objects[0].pdf.content'],
        [{ schemaId: 't-car', 'bounding-box': { x: -1e308, y: 0, width: -1e308, height: 1 } }, '$.objects[0].bounding-box.x'],
      ];
      for (const [object, path] of cases) expect(problemsOf(ontology, { objects: [object] }), path).to.deep.equal([['bad-geometry', path]]);
    });

    it('never throws on hostile input', () => {
      const cyclic: Record<string, unknown> = { objects: [] };
      (cyclic.objects as unknown[]).push(cyclic);
      const cyclicAnswers: Record<string, unknown> = { schemaId: 'c-car-kind', answer: 'Truck' };
      cyclicAnswers.classifications = [cyclicAnswers];
      const throwingGetter = { get objects(): unknown { throw new Error('getter'); } };
      const throwingIndex: unknown[] = [];
      Object.defineProperty(throwingIndex, 0, { get: () => { throw new Error('index'); } });
      throwingIndex.length = 1;
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      const trap = new Proxy({}, { ownKeys: () => { throw new Error('keys'); }, get: () => { throw new Error('get'); } });
      let deep: unknown = [];
      for (let i = 0; i < 100000; i++) deep = [deep];
      let deepAnswers: Record<string, unknown> = { schemaId: 'c-occ-by', answer: 'x' };
      for (let i = 0; i < 5000; i++) deepAnswers = { schemaId: 'c-occluded', answer: 'Yes', classifications: [deepAnswers] };
      const inputs: unknown[] = [
        null,
        undefined,
        42,
        'not json',
        '['.repeat(200000),
        cyclic,
        { objects: [car({ classifications: [cyclicAnswers] })] },
        throwingGetter,
        { objects: throwingIndex },
        throwingIndex,
        revoked,
        { objects: [revoked] },
        trap,
        { objects: [trap] },
        deep,
        { classifications: [deepAnswers] },
        { objects: [{ 'bounding-box': { x: NaN } }] },
        { objects: [car({ 'bounding-box': { x: 1e308, y: -1e308, width: Infinity, height: 0 } })] },
        { task: { stageHistory: [cyclic] } },
      ];
      for (const input of inputs) {
        const result = parseImport(input, contextFor(ontology, 'single'));
        expect(result.ok, String(inputs.indexOf(input))).to.equal(false);
        expect(result.ok ? [] : result.problems).to.not.be.empty;
      }
      const codes = (input: unknown) => problemsOf(ontology, input);
      expect(codes(cyclic)).to.deep.equal([['cycle', '$.objects[0]']]);
      expect(codes(throwingGetter)).to.deep.equal([['unreadable', '$.objects']]);
      expect(codes({ objects: throwingIndex })).to.deep.equal([['unreadable', '$.objects[0]']]);
      expect(codes({ a: { b: [revoked] } })).to.deep.equal([['unreadable', '$.a.b[0]']]);
      expect(codes(deep)[0]).to.deep.equal(['too-deep', `$${'[0]'.repeat(201)}`]);
      const throwingNewId = parseImport({ objects: [car()] }, { ...contextFor(ontology, 'single'), newId: () => { throw new Error('ids'); } });
      expect(throwingNewId.ok ? [] : throwingNewId.problems.map((p) => p.code)).to.deep.equal(['import-failed']);
    });
  });
});
