import { expect } from '@open-wc/testing';
import { agreement, shapeSimilarity } from '../../src/format/index.js';
import { fixture } from './helpers.js';

/** The fixture ontology plus a text and a PDF class, as a host writes it. */
async function ontologyInput(): Promise<unknown> {
  const raw = JSON.parse(JSON.stringify(await fixture('ontology.all-types.json'))) as { tools: unknown[] };
  raw.tools.push({ schemaId: 't-entity', tool: 'ner', title: 'Person', color: '#d81b60' }, { schemaId: 't-figure', tool: 'pdf', title: 'Figure', color: '#3949ab' });
  return raw;
}

const image = { width: 100, height: 100 };
const record = (objects: unknown[], classifications: unknown[] = [], metadata: unknown = image) => ({ asset: 'a.jpg', metadata, task: { tools: objects, classifications, relations: [] } });
const car = (objectId: string, x: number, width = 10) => ({ objectId, schemaId: 't-car', title: 'Car', 'bounding-box': { x, y: 0, width, height: 10 }, classifications: [] });

describe('format: agreement', () => {
  let ontology: unknown;
  before(async () => {
    ontology = await ontologyInput();
  });

  it('scores two boxes by their IoU (2/3 when a 10 × 10 box is shifted by 2)', () => {
    const result = agreement([record([car('a', 0)]), record([car('b', 2)])], ontology);
    expect(result.problems).to.deep.equal([]);
    expect(result.objects).to.have.length(1);
    expect(result.objects[0]!.agreement).to.be.closeTo(2 / 3, 1e-12);
    expect(result.objects[0]!.members).to.deep.equal([
      { objectId: 'a', agreement: result.objects[0]!.agreement },
      { objectId: 'b', agreement: result.objects[0]!.agreement },
    ]);
    expect(result.classes).to.deep.equal([{ schemaId: 't-car', title: 'Car', agreement: result.objects[0]!.agreement, objects: 1 }]);
    expect(result.asset).to.be.closeTo(2 / 3, 1e-12);
  });

  it('matches boxes of IoU 1/3 only below the default threshold of 0.5', () => {
    const records = [record([car('a', 0)]), record([car('b', 5)])];
    const strict = agreement(records, ontology);
    expect(strict.objects.map((o) => o.agreement)).to.deep.equal([0, 0]);
    const loose = agreement(records, ontology, { minSimilarity: 0.3 });
    expect(loose.objects).to.have.length(1);
    expect(loose.objects[0]!.agreement).to.be.closeTo(1 / 3, 1e-12);
  });

  it('counts a source that lacks the object as 0 for it: three sources, one missing → 1/3', () => {
    const result = agreement([record([car('a', 0)]), record([car('b', 0)]), record([])], ontology);
    const [object] = result.objects;
    expect(result.objects).to.have.length(1);
    expect(object!.agreement).to.be.closeTo(1 / 3, 1e-12); // pairs: 1, 0, 0
    expect(object!.members).to.deep.equal([{ objectId: 'a', agreement: 0.5 }, { objectId: 'b', agreement: 0.5 }, null]);
    expect(result.asset).to.be.closeTo(1 / 3, 1e-12);
  });

  it('assigns objects by the best total (Hungarian), not in order nor greedily', () => {
    // a1 [0,10] · b1 [1,11] 9/11, a1 · b2 [-3,7] 7/13, a2 [2,12] · b1 9/11, a2 · b2 1/3 (< 0.5).
    // Greedy a1 → b1 leaves a2 alone; the best total is a1 · b2 + a2 · b1.
    const result = agreement([record([car('a1', 0), car('a2', 2)]), record([car('b1', 1), car('b2', -3)])], ontology);
    expect(result.objects).to.have.length(2);
    const byFirst = new Map(result.objects.map((o) => [o.members[0]!.objectId, o]));
    expect(byFirst.get('a1')!.members[1]!.objectId).to.equal('b2');
    expect(byFirst.get('a1')!.agreement).to.be.closeTo(7 / 13, 1e-12);
    expect(byFirst.get('a2')!.members[1]!.objectId).to.equal('b1');
    expect(byFirst.get('a2')!.agreement).to.be.closeTo(9 / 11, 1e-12);
    expect(result.asset).to.be.closeTo((7 / 13 + 9 / 11) / 2, 1e-12);
  });

  it('assigns over the pairs at or above the threshold only: a pair below it never displaces a match', () => {
    // Points (similarity 1 − d / 10): a1 · b1 0.55, a1 · b2 0.49 (below 0.5), a2 · b1 0.99, a2 · b2 0.51.
    // Counting the 0.49 pair, the best total would be a1 · b2 + a2 · b1, and a1 · b2 then refused:
    // a1 and b2 left alone. Over the pairs that can match, a1 · b1 + a2 · b2 (1.06) beats a2 · b1 (0.99).
    const head = (objectId: string, point: number[]) => ({ objectId, schemaId: 't-head', title: 'Head', point, classifications: [] });
    const result = agreement([record([head('a1', [0, 0]), head('a2', [4.5, 0.1])]), record([head('b1', [4.5, 0]), head('b2', [2.373, 4.514])])], ontology);
    const pairs = result.objects.map((o) => o.members.map((m) => m?.objectId ?? '-').join('·')).sort();
    expect(pairs).to.deep.equal(['a1·b1', 'a2·b2']);
  });

  it('matches within each neighbourhood on a large asset: 2,000 boxes in each of two versions', () => {
    // A grid of 10 × 10 boxes 20 px apart, the second version 1 px to the right (IoU 9/11 each).
    const grid = (prefix: string, dx: number) => Array.from({ length: 2000 }, (_, i) => car(`${prefix}${i}`, (i % 50) * 20 + dx)).map((c, i) => ({ ...c, 'bounding-box': { ...c['bounding-box'], y: Math.floor(i / 50) * 20 } }));
    const result = agreement([record(grid('a', 0)), record(grid('b', 1))], ontology);
    expect(result.objects).to.have.length(2000);
    expect(result.objects.every((o) => o.members[0]!.objectId.slice(1) === o.members[1]!.objectId.slice(1))).to.equal(true);
    expect(result.asset).to.be.closeTo(9 / 11, 1e-9);
  });

  it('never matches objects of different classes', () => {
    const head = { objectId: 'h', schemaId: 't-head', title: 'Head', point: [5, 5], classifications: [] };
    const result = agreement([record([car('a', 0)]), record([head])], ontology);
    expect(result.objects.map((o) => [o.schemaId, o.agreement])).to.deep.equal([
      ['t-car', 0],
      ['t-head', 0],
    ]);
    expect(result.classes.map((c) => c.schemaId)).to.deep.equal(['t-car', 't-head']);
  });

  it('scores points by distance: 5 px apart with the default radius 10 → 0.5', () => {
    const head = (objectId: string, point: number[]) => ({ objectId, schemaId: 't-head', title: 'Head', point, classifications: [] });
    const result = agreement([record([head('a', [0, 0])]), record([head('b', [3, 4])])], ontology);
    expect(result.objects).to.have.length(1);
    expect(result.objects[0]!.agreement).to.be.closeTo(0.5, 1e-12);
  });

  it('scores text spans by offset overlap: [0, 10) and [5, 15) → 1/3', () => {
    const person = (objectId: string, start: number, end: number) => ({ objectId, schemaId: 't-entity', title: 'Person', ner: { start, end, selection: '' }, classifications: [] });
    const text = { characters: 100, lines: 1, offsetUnit: 'codepoint' };
    const result = agreement([record([person('a', 0, 10)], [], text), record([person('b', 5, 15)], [], text)], ontology, { minSimilarity: 0.3 });
    expect(result.problems).to.deep.equal([]);
    expect(result.objects[0]!.agreement).to.be.closeTo(1 / 3, 1e-12);
  });

  it('scores PDF entries page by page: half-overlapping rects 1/3, the same rect on another page 0', () => {
    const rect = (x1: number, pageNumber: number) => ({ x1, y1: 0, x2: x1 + 10, y2: 10, width: 100, height: 100, pageNumber });
    const figure = (objectId: string, x1: number, pageNumber: number) => ({
      objectId,
      schemaId: 't-figure',
      title: 'Figure',
      page: pageNumber - 1,
      pdf: { position: { boundingRect: rect(x1, pageNumber), rects: [], pageNumber }, content: { text: '' } },
      classifications: [],
    });
    const pdf = { pageTotal: 2, pages: [{ width: 100, height: 100 }, { width: 100, height: 100 }] };
    const half = agreement([record([figure('a', 0, 1)], [], pdf), record([figure('b', 5, 1)], [], pdf)], ontology, { minSimilarity: 0.3 });
    expect(half.problems).to.deep.equal([]);
    expect(half.objects[0]!.agreement).to.be.closeTo(1 / 3, 1e-12);
    const elsewhere = agreement([record([figure('a', 0, 1)], [], pdf), record([figure('b', 0, 2)], [], pdf)], ontology);
    expect(elsewhere.objects.map((o) => o.agreement)).to.deep.equal([0, 0]);
  });

  it('averages video tracks over the frames either shows: a track that stops 2 frames early of 4 → 0.5', () => {
    const video = { width: 100, height: 100, frameTotal: 4, frameRate: 25 };
    const entry = (page: number, extra = {}) => ({ ...car('t', 0), page, ...extra });
    const whole = record([entry(0)], [], video);
    const stopped = record([entry(0), entry(2, { interpolationStopped: true })], [], video);
    const result = agreement([whole, stopped], ontology);
    expect(result.problems).to.deep.equal([]);
    expect(result.objects).to.have.length(1);
    expect(result.objects[0]!.agreement).to.be.closeTo(0.5, 1e-12); // frames 0, 1: 1; frames 2, 3: 0
  });

  it('compares global answers: choices in any order are equal, no answer is an answer', () => {
    const weather = (answer: string[]) => ({ schemaId: 'c-weather', answer, classifications: [] });
    const result = agreement(
      [record([], [weather(['Rain', 'Fog']), { schemaId: 'c-time', answer: 'Day', classifications: [] }]), record([], [weather(['Fog', 'Rain'])]), record([], [weather(['Rain'])])],
      ontology,
    );
    expect(result.problems).to.deep.equal([]);
    const byId = new Map(result.classifications.map((c) => [c.schemaId, c]));
    expect(byId.get('c-weather')!.answers).to.deep.equal([['Rain', 'Fog'], ['Fog', 'Rain'], ['Rain']]);
    expect(byId.get('c-weather')!.agreement).to.be.closeTo(1 / 3, 1e-12);
    expect(byId.get('c-weather')!.unanimous).to.equal(false);
    expect(byId.get('c-time')!.answers).to.deep.equal(['Day', null, null]);
    expect(byId.get('c-time')!.agreement).to.be.closeTo(1 / 3, 1e-12);
    expect(result.classificationAgreement).to.be.closeTo(1 / 3, 1e-12);
    expect(result.asset).to.equal(1); // no objects at all: nothing to disagree on
  });

  it('says whether the versions of an object answer its nested classifications alike', () => {
    const kind = (answer: string) => [{ schemaId: 'c-car-kind', answer, classifications: [] }];
    const result = agreement([record([{ ...car('a', 0), classifications: kind('Truck') }]), record([{ ...car('b', 0), classifications: kind('Sedan') }])], ontology);
    expect(result.problems).to.deep.equal([]);
    expect(result.objects[0]!.agreement).to.equal(1);
    expect(result.objects[0]!.answersAgree).to.equal(false);
  });

  it('reports a record it cannot read with its index and compares the rest', () => {
    const result = agreement([record([car('a', 0)]), { task: { tools: [{ objectId: 'x', schemaId: 't-car', 'bounding-box': { x: 'left' } }] } }], ontology);
    expect(result.problems.length).to.be.greaterThan(0);
    expect(result.problems[0]!.path).to.match(/^\$\[1\]/);
    expect(result.objects[0]!.members).to.deep.equal([{ objectId: 'a', agreement: 0 }, null]);
  });
});

describe('format: shapeSimilarity', () => {
  const square = { type: 'polygon' as const, value: [[0, 0], [10, 0], [10, 10], [0, 10]] as [number, number][] };

  it('gives a triangle that is half of a square 0.5', () => {
    const triangle = { type: 'polygon' as const, value: [[0, 0], [10, 0], [0, 10]] as [number, number][] };
    expect(shapeSimilarity(square, triangle)).to.be.closeTo(0.5, 1e-9);
  });

  it('gives a square and the same square turned 45° about its centre 1/√2', () => {
    const turned = { type: 'rotated-bounding-box' as const, value: { x: 0, y: 0, width: 10, height: 10, rotation: 45 } };
    expect(shapeSimilarity(square, turned)).to.be.closeTo(Math.SQRT1_2, 1e-9);
    expect(shapeSimilarity({ ...turned, value: { ...turned.value, rotation: 90 } }, square)).to.be.closeTo(1, 1e-9);
  });

  it('subtracts holes: a segmentation with a 5 × 5 hole against its outline → 75/100', () => {
    const holed = { type: 'segmentation' as const, value: { zones: [{ region: square.value, holes: [[[0, 0], [5, 0], [5, 5], [0, 5]] as [number, number][]] }] } };
    expect(shapeSimilarity(square, holed)).to.be.closeTo(0.75, 1e-9);
  });

  it('compares polylines as 4-px bands: the same line 1, a line 2 px over about 1/3, a line far away 0', () => {
    const line = (y: number) => ({ type: 'polyline' as const, value: [[0, y], [100, y]] as [number, number][] });
    expect(shapeSimilarity(line(0), line(0))).to.be.closeTo(1, 1e-9);
    // Bands y ∈ [-2, 2] and [0, 4] along 100 px: 200 shared of 600, plus the round caps.
    expect(shapeSimilarity(line(0), line(2))).to.be.closeTo(1 / 3, 0.02);
    expect(shapeSimilarity(line(0), line(50))).to.equal(0);
  });
});
