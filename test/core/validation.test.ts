import { expect } from '@open-wc/testing';
import type { AuditMetadata, BrushMask, ClassificationAnswer, Geometry, ObjectAnnotation, RelationAnnotation } from '../../src/core/model.js';
import { parseOntology, type Ontology } from '../../src/core/ontology.js';
import type { Problem } from '../../src/core/problem.js';
import { runHostValidator, validateAnnotations, type ValidationInput } from '../../src/core/validation.js';

const metadata: AuditMetadata = { createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label' };
const BOX: Geometry = { type: 'bounding-box', value: { x: 1, y: 2, width: 3, height: 4 } };

function ontologyOf(input: unknown): Ontology {
  const result = parseOntology(input);
  if (!result.ok) throw new Error(`test ontology is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function object(objectId: string, schemaId: string, classifications: ClassificationAnswer[] = [], geometry: Geometry = BOX, frames: number[] = [0]): ObjectAnnotation {
  return { objectId, schemaId, keyframes: frames.map((frame) => ({ frame, geometry })), classifications, metadata };
}

function answer(objectId: string, schemaId: string, value: ClassificationAnswer['answer'], classifications: ClassificationAnswer[] = [], page?: number): ClassificationAnswer {
  return { objectId, schemaId, answer: value, classifications, metadata, ...(page === undefined ? {} : { page }) };
}

function single(objectId: string, schemaId: string, from: string, to: string): RelationAnnotation {
  return { kind: 'single', objectId, schemaId, from, to, direction: 'straight', metadata };
}

function validate(ontology: Ontology, parts: Partial<Omit<ValidationInput, 'ontology'>> = {}): Problem[] {
  return validateAnnotations({ ontology, objects: [], classifications: [], relations: [], ...parts });
}

function codes(problems: readonly Problem[]): string[] {
  return problems.map((problem) => problem.code);
}

const options = (prefix: string, ...values: string[]) => values.map((value) => ({ value, schemaId: `${prefix}-${value.toLowerCase()}` }));

/** A car tool with a required radio "Kind" whose "Truck" option opens a required "Axles". */
const vehicles = ontologyOf({
  tools: [
    {
      schemaId: 't-car',
      tool: 'bounding-box',
      title: 'Car',
      classifications: [
        {
          schemaId: 'c-kind',
          tool: 'radio',
          title: 'Kind',
          required: true,
          options: options('o', 'Sedan', 'Truck'),
          classifications: [
            { schemaId: 'c-axles', tool: 'single-dropdown', title: 'Axles', required: true, parentOptionId: 'o-truck', options: options('ax', '2', '3+') },
            { schemaId: 'c-colour', tool: 'text', title: 'Paint', required: true },
          ],
        },
        { schemaId: 'c-dents', tool: 'checkbox', title: 'Dents', options: options('d', 'Door', 'Roof') },
      ],
    },
  ],
});

describe('validateAnnotations: tools', () => {
  const ontology = ontologyOf({
    tools: [
      { schemaId: 't-car', tool: 'bounding-box', title: 'Car', required: true },
      { schemaId: 't-wheel', tool: 'point', title: 'Wheel', min: 2, max: 3 },
    ],
  });

  it('asks for a required tool that has no object', () => {
    const problems = validate(ontology);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'required-tool', schemaId: 't-car' });
    expect(problems[0]!.message).to.contain('"Car"');
    expect(validate(ontology, { objects: [object('a', 't-car')] })).to.deep.equal([]);
  });

  it('counts objects against min and max once one exists', () => {
    const car = object('car', 't-car');
    const wheel = (id: string) => object(id, 't-wheel', [], { type: 'point', value: [1, 1] });
    const one = validate(ontology, { objects: [car, wheel('w1')] });
    expect(one.map((p) => [p.code, p.schemaId])).to.deep.equal([['tool-count', 't-wheel']]);
    expect(one[0]!.message).to.contain('at least 2 "Wheel"').and.contain('now 1');
    const four = validate(ontology, { objects: [car, wheel('w1'), wheel('w2'), wheel('w3'), wheel('w4')] });
    expect(four[0]!.message).to.contain('at most 3');
    expect(validate(ontology, { objects: [car, wheel('w1'), wheel('w2')] })).to.deep.equal([]);
    expect(validate(ontology, { objects: [car] })).to.deep.equal([]);
  });

  it('counts a video track as one object', () => {
    const track = object('w1', 't-wheel', [], { type: 'point', value: [1, 1] }, [0, 5, 9]);
    expect(codes(validate(ontology, { objects: [object('car', 't-car'), track] }))).to.deep.equal(['tool-count']);
  });

  it('checks a required brush class only against the masks it is given', () => {
    const brushes = ontologyOf({ tools: [{ schemaId: 't-grass', tool: 'brush', title: 'Grass', required: true }] });
    const mask = (painted: boolean): BrushMask => ({ key: '0:t-grass', page: 0, schemaId: 't-grass', width: 2, height: 1, data: Uint8Array.of(0, painted ? 1 : 0) });
    expect(validate(brushes)).to.deep.equal([]);
    expect(validate(brushes, { brushMasks: [] }).map((p) => [p.code, p.schemaId])).to.deep.equal([['required-tool', 't-grass']]);
    expect(codes(validate(brushes, { brushMasks: [mask(false)] }))).to.deep.equal(['required-tool']);
    expect(validate(brushes, { brushMasks: [mask(true)] })).to.deep.equal([]);
  });

  it('flags objects whose class is not a tool of the ontology', () => {
    const problems = validate(vehicles, { objects: [object('x', 't-bus'), object('y', 'c-kind')] });
    expect(problems.map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([
      ['unknown-schema', 'x', 't-bus'],
      ['unknown-schema', 'y', 'c-kind'],
    ]);
  });

  it('flags geometry of another type than the tool and keyframes outside the frames', () => {
    const polygon: Geometry = { type: 'polygon', value: [[0, 0], [1, 0], [1, 1]] };
    const car = (id: string, geometry: Geometry, frames: number[]) => object(id, 't-car', [answer(`${id}-k`, 'c-kind', 'Sedan', [answer(`${id}-p`, 'c-colour', 'red')])], geometry, frames);
    const problems = validate(vehicles, { objects: [car('a', polygon, [0]), car('b', BOX, [0, 10])], frameTotal: 10 });
    expect(problems.map((p) => [p.code, p.objectId])).to.deep.equal([
      ['geometry-type', 'a'],
      ['frame-out-of-range', 'b'],
    ]);
    expect(problems[0]!.message).to.contain('polygon');
  });
});

describe('validateAnnotations: classifications', () => {
  it('accepts a complete set of answers', () => {
    const objects = [object('car', 't-car', [answer('k', 'c-kind', 'Truck', [answer('ax', 'c-axles', '3+'), answer('p', 'c-colour', 'blue')]), answer('d', 'c-dents', ['Roof'])])];
    expect(validate(vehicles, { objects })).to.deep.equal([]);
  });

  it('requires a nested classification on each object, naming the object', () => {
    const problems = validate(vehicles, { objects: [object('car-1', 't-car')] });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'required-classification', objectId: 'car-1', schemaId: 'c-kind' });
    expect(problems[0]!.message).to.contain('"Kind"').and.contain('"Car"').and.contain('car-1');
  });

  it('requires a conditional classification only while its parent option is chosen', () => {
    const truck = validate(vehicles, { objects: [object('car', 't-car', [answer('k', 'c-kind', 'Truck', [answer('p', 'c-colour', 'red')])])] });
    expect(truck.map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([['required-classification', 'car', 'c-axles']]);
    expect(truck[0]!.message).to.contain('"Axles"');
    const sedan = validate(vehicles, { objects: [object('car', 't-car', [answer('k', 'c-kind', 'Sedan', [answer('p', 'c-colour', 'red')])])] });
    expect(sedan).to.deep.equal([]);
  });

  it('ignores answers to a conditional classification whose option is not chosen', () => {
    const stale = answer('ax', 'c-axles', 'Nine');
    expect(validate(vehicles, { objects: [object('car', 't-car', [answer('k', 'c-kind', 'Sedan', [answer('p', 'c-colour', 'red'), stale])])] })).to.deep.equal([]);
    expect(codes(validate(vehicles, { objects: [object('car', 't-car', [answer('k', 'c-kind', 'Truck', [answer('p', 'c-colour', 'red'), stale])])] }))).to.deep.equal(['answer-not-option']);
  });

  it('requires nothing below an optional parent that has no answer, or an empty one', () => {
    const ontology = ontologyOf({
      classifications: [{ schemaId: 'c-parent', tool: 'checkbox', title: 'Parent', options: options('p', 'A'), classifications: [{ schemaId: 'c-child', tool: 'text', title: 'Child', required: true }] }],
    });
    expect(validate(ontology)).to.deep.equal([]);
    expect(validate(ontology, { classifications: [answer('g', 'c-parent', [])] })).to.deep.equal([]);
    const answered = validate(ontology, { classifications: [answer('g', 'c-parent', ['A'])] });
    expect(answered.map((p) => [p.code, p.schemaId])).to.deep.equal([['required-classification', 'c-child']]);
    expect(answered[0]).to.not.have.property('objectId');
  });

  it('requires a global classification, and a blank answer does not count', () => {
    const ontology = ontologyOf({ classifications: [{ schemaId: 'c-note', tool: 'text', title: 'Note', required: true }] });
    expect(validate(ontology).map((p) => [p.code, p.schemaId])).to.deep.equal([['required-classification', 'c-note']]);
    expect(codes(validate(ontology, { classifications: [answer('n', 'c-note', '  ')] }))).to.deep.equal(['required-classification']);
    expect(validate(ontology, { classifications: [answer('n', 'c-note', 'ok')] })).to.deep.equal([]);
  });

  it('is satisfied by a frame-specific answer on any one frame', () => {
    const ontology = ontologyOf({ classifications: [{ schemaId: 'c-light', tool: 'radio', title: 'Light', required: true, frameSpecific: true, options: options('l', 'On', 'Off') }] });
    const none = validate(ontology, { frameTotal: 10 });
    expect(codes(none)).to.deep.equal(['required-classification']);
    expect(none[0]!.message).to.contain('at least one frame');
    expect(validate(ontology, { frameTotal: 10, classifications: [answer('a', 'c-light', 'On', [], 7)] })).to.deep.equal([]);
    const late = validate(ontology, { frameTotal: 10, classifications: [answer('a', 'c-light', 'On', [], 3), answer('b', 'c-light', 'Off', [], 12)] });
    expect(late.map((p) => [p.code, p.objectId])).to.deep.equal([['frame-out-of-range', 'b']]);
  });

  it('tests text answers against the regex', () => {
    const ontology = ontologyOf({ classifications: [{ schemaId: 'c-plate', tool: 'text', title: 'Plate number', regex: '^[A-Z]{1,3}-[0-9]{1,4}$' }] });
    const problems = validate(ontology, { classifications: [answer('p', 'c-plate', 'abc-12')] });
    expect(problems.map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([['regex-mismatch', 'p', 'c-plate']]);
    expect(problems[0]!.message).to.contain('"Plate number"');
    expect(validate(ontology, { classifications: [answer('p', 'c-plate', 'AB-12')] })).to.deep.equal([]);
    expect(validate(ontology, { classifications: [answer('p', 'c-plate', '')] })).to.deep.equal([]);
  });

  it('rejects answers that are not options, or not tree paths', () => {
    const ontology = ontologyOf({
      classifications: [
        { schemaId: 'c-kind', tool: 'radio', title: 'Kind', options: options('k', 'Car', 'Bus') },
        { schemaId: 'c-weather', tool: 'checkbox', title: 'Weather', options: options('w', 'Rain', 'Fog') },
        { schemaId: 'c-tags', tool: 'multi-dropdown', title: 'Tags', options: options('t', 'Urban') },
        { schemaId: 'c-time', tool: 'single-dropdown', title: 'Time', options: options('ti', 'Day') },
        {
          schemaId: 'c-place',
          tool: 'tree-dropdown',
          title: 'Place',
          treeOptions: [{ title: 'Europe', schemaId: 'n-eu', children: [{ title: 'Germany', schemaId: 'n-de', children: [] }] }],
        },
      ],
    });
    const good = [answer('1', 'c-kind', 'Bus'), answer('2', 'c-weather', ['Rain', 'Fog']), answer('3', 'c-tags', ['Urban']), answer('4', 'c-time', 'Day'), answer('5', 'c-place', ['Europe / Germany', 'Europe'])];
    expect(validate(ontology, { classifications: good })).to.deep.equal([]);
    const bad = [
      answer('1', 'c-kind', 'Tram'),
      answer('2', 'c-weather', ['Rain', 'Snow']),
      answer('3', 'c-tags', ['urban']),
      answer('4', 'c-time', 'k-car'),
      answer('5', 'c-place', ['Germany', 'Europe / Germany']),
    ];
    const problems = validate(ontology, { classifications: bad });
    expect(problems.map((p) => [p.code, p.schemaId])).to.deep.equal([
      ['answer-not-option', 'c-kind'],
      ['answer-not-option', 'c-weather'],
      ['answer-not-option', 'c-tags'],
      ['answer-not-option', 'c-time'],
      ['answer-not-option', 'c-place'],
    ]);
    expect(problems[1]!.message).to.contain('"Snow"').and.not.contain('"Rain"');
    expect(problems[4]!.message).to.contain('"Germany"').and.contain('"Place"');
  });

  it('checks that each type gets a string or a list of strings (FORMAT.md §2.2)', () => {
    const ontology = ontologyOf({
      classifications: [
        { schemaId: 'c-radio', tool: 'radio', title: 'R', options: options('r', 'A') },
        { schemaId: 'c-text', tool: 'text', title: 'T' },
        { schemaId: 'c-check', tool: 'checkbox', title: 'C', options: options('c', 'A') },
        { schemaId: 'c-tree', tool: 'tree-dropdown', title: 'Tr', treeOptions: [{ title: 'A', schemaId: 'n-a', children: [] }] },
        { schemaId: 'c-rank', tool: 'rank', title: 'Rk', options: options('rk', 'A') },
      ],
    });
    const wrong = [answer('1', 'c-radio', ['A']), answer('2', 'c-text', ['x']), answer('3', 'c-check', 'A'), answer('4', 'c-tree', 'A'), answer('5', 'c-rank', 'A')];
    expect(validate(ontology, { classifications: wrong }).map((p) => [p.code, p.objectId])).to.deep.equal([
      ['answer-type', '1'],
      ['answer-type', '2'],
      ['answer-type', '3'],
      ['answer-type', '4'],
      ['answer-type', '5'],
    ]);
    const numbers = { ...answer('6', 'c-check', []), answer: [1, 2] as unknown as string[] };
    expect(codes(validate(ontology, { classifications: [numbers] }))).to.deep.equal(['answer-type']);
  });

  it('accepts a rank of some options in any order, but no option twice', () => {
    const ontology = ontologyOf({ classifications: [{ schemaId: 'c-q', tool: 'rank', title: 'Quality', options: options('q', 'Sharpness', 'Exposure', 'Noise') }] });
    expect(validate(ontology, { classifications: [answer('r', 'c-q', ['Noise', 'Sharpness'])] })).to.deep.equal([]);
    expect(validate(ontology, { classifications: [answer('r', 'c-q', ['Noise', 'Exposure', 'Sharpness'])] })).to.deep.equal([]);
    const twice = validate(ontology, { classifications: [answer('r', 'c-q', ['Noise', 'Exposure', 'Noise'])] });
    expect(twice.map((p) => [p.code, p.schemaId])).to.deep.equal([['rank-incomplete', 'c-q']]);
    expect(twice[0]!.message).to.contain('"Noise"').and.contain('"Quality"');
  });

  it('bounds the number of values of a list answer by min and max', () => {
    const ontology = ontologyOf({
      classifications: [
        { schemaId: 'c-rank', tool: 'rank', title: 'All ranked', min: 3, options: options('q', 'A', 'B', 'C') },
        { schemaId: 'c-pick', tool: 'checkbox', title: 'Pick one or two', max: 2, options: options('p', 'A', 'B', 'C') },
      ],
    });
    const problems = validate(ontology, { classifications: [answer('1', 'c-rank', ['A', 'B']), answer('2', 'c-pick', ['A', 'B', 'C'])] });
    expect(problems.map((p) => [p.code, p.schemaId])).to.deep.equal([
      ['answer-count', 'c-rank'],
      ['answer-count', 'c-pick'],
    ]);
    expect(validate(ontology, { classifications: [answer('1', 'c-rank', []), answer('2', 'c-pick', ['C'])] })).to.deep.equal([]);
  });

  it('flags answers whose class does not belong at their level', () => {
    const global = ontologyOf({ classifications: [{ schemaId: 'c-note', tool: 'text', title: 'Note' }] });
    expect(validate(global, { classifications: [answer('g', 'c-missing', 'x')] }).map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([['unknown-schema', 'g', 'c-missing']]);
    // A nested class answered on the object itself instead of under its parent answer.
    const problems = validate(vehicles, { objects: [object('car', 't-car', [answer('k', 'c-kind', 'Sedan', [answer('p', 'c-colour', 'red')]), answer('x', 'c-axles', '2')])] });
    expect(problems.map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([['unknown-schema', 'car', 'c-axles']]);
  });
});

describe('validateAnnotations: relations', () => {
  const ontology = ontologyOf({
    tools: [{ schemaId: 't-car', tool: 'bounding-box', title: 'Car' }],
    relations: [
      { schemaId: 'r-follows', tool: 'one-to-one', title: 'Follows', max: 1 },
      { schemaId: 'r-same', tool: 'group', title: 'Same vehicle', required: true, min: 2 },
    ],
  });
  const cars = [object('a', 't-car'), object('b', 't-car'), object('c', 't-car')];
  const group = (objectId: string, members: string[]): RelationAnnotation => ({ kind: 'group', objectId, schemaId: 'r-same', group: members, metadata });

  it('accepts relations between existing objects', () => {
    expect(validate(ontology, { objects: cars, relations: [single('f', 'r-follows', 'a', 'b'), group('g1', ['a', 'b']), group('g2', ['b', 'c'])] })).to.deep.equal([]);
  });

  it('flags an endpoint or group member that is not an object', () => {
    const problems = validate(ontology, { objects: cars, relations: [single('f', 'r-follows', 'a', 'gone'), group('g1', ['a', 'lost', 'b']), group('g2', ['b', 'c'])] });
    expect(problems.map((p) => [p.code, p.objectId, p.schemaId])).to.deep.equal([
      ['relation-endpoint-missing', 'f', 'r-follows'],
      ['relation-endpoint-missing', 'g1', 'r-same'],
    ]);
    expect(problems[0]!.message).to.contain('"Follows"').and.contain('gone');
    expect(problems[1]!.message).to.contain('lost').and.not.contain('a, ');
  });

  it('requires and counts relations per category', () => {
    const none = validate(ontology, { objects: cars });
    expect(none.map((p) => [p.code, p.schemaId])).to.deep.equal([['required-relation', 'r-same']]);
    const counted = validate(ontology, { objects: cars, relations: [single('f1', 'r-follows', 'a', 'b'), single('f2', 'r-follows', 'b', 'c'), group('g', ['a', 'c'])] });
    expect(counted.map((p) => [p.code, p.schemaId])).to.deep.equal([
      ['relation-count', 'r-follows'],
      ['relation-count', 'r-same'],
    ]);
  });

  it('flags relations of an unknown class or of the wrong kind', () => {
    const problems = validate(ontology, { objects: cars, relations: [single('x', 'r-nope', 'a', 'b'), single('y', 'r-same', 'a', 'b'), group('g1', ['a', 'b']), group('g2', ['a', 'c'])] });
    expect(problems.map((p) => [p.code, p.objectId])).to.deep.equal([
      ['unknown-schema', 'x'],
      ['relation-kind', 'y'],
    ]);
  });
});

describe('validateAnnotations: the all-types example', () => {
  it('lists each problem of a faulty set once, with ids and titles', async () => {
    const ontology = ontologyOf(await (await fetch('/test/fixtures/format/ontology.all-types.json')).text());
    const problems = validate(ontology, {
      objects: [object('car-1', 't-car', [answer('k', 'c-car-kind', 'Truck')])],
      classifications: [answer('w', 'c-weather', ['Rain']), answer('n', 'c-note', 'not a plate'), answer('o', 'c-occluded', 'Yes'), answer('pl', 'c-place', ['Europe / Germany'])],
      relations: [single('r', 'r-follows', 'car-1', 'car-2')],
    });
    expect(problems.map((p) => `${p.code} ${p.objectId ?? '-'} ${p.schemaId ?? '-'}`)).to.deep.equal([
      'regex-mismatch n c-note',
      'required-classification - c-occ-by',
      'relation-endpoint-missing r r-follows',
    ]);
    expect(problems[1]!.message).to.contain('"Occluded by"');
  });
});

describe('runHostValidator', () => {
  it('passes the record and normalises strings and problem objects', () => {
    const record = { task: { tools: [] } };
    let seen: unknown;
    const problems = runHostValidator((r: unknown) => {
      seen = r;
      return ['Needs a second look', { message: 'Car too small', objectId: 'car-1', schemaId: 't-car', extra: true }, { code: 'policy', message: 'No night images', path: '$.task' }, { code: 7, message: 'typed code' }];
    }, record);
    expect(seen).to.equal(record);
    expect(problems).to.deep.equal([
      { code: 'custom', message: 'Needs a second look' },
      { code: 'custom', message: 'Car too small', objectId: 'car-1', schemaId: 't-car' },
      { code: 'policy', message: 'No night images', path: '$.task' },
      { code: 'custom', message: 'typed code' },
    ]);
  });

  it('reads no validator and an empty or undefined return as no problems', () => {
    expect(runHostValidator(undefined, {})).to.deep.equal([]);
    expect(runHostValidator(null, {})).to.deep.equal([]);
    expect(runHostValidator(() => [], {})).to.deep.equal([]);
    expect(runHostValidator(() => undefined, {})).to.deep.equal([]);
  });

  it('turns a throwing validator into one validator-failed problem', () => {
    const problems = runHostValidator(() => {
      throw new Error('backend unreachable');
    }, {});
    expect(problems).to.have.length(1);
    expect(problems[0]!.code).to.equal('validator-failed');
    expect(problems[0]!.message).to.contain('backend unreachable');
    expect(
      codes(
        runHostValidator(() => {
          throw Object.create(null) as unknown;
        }, {}),
      ),
    ).to.deep.equal(['validator-failed']);
  });

  it('turns junk into one validator-failed problem', () => {
    for (const junk of [42, 'oops', { message: 'not in an array' }, Promise.resolve([])]) {
      expect(codes(runHostValidator(() => junk, {}))).to.deep.equal(['validator-failed']);
    }
    expect(codes(runHostValidator('not a function', {}))).to.deep.equal(['validator-failed']);
  });

  it('keeps the good items of a mixed array and reports the rest once', () => {
    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
    };
    const problems = runHostValidator(() => ['fine', 3, null, { code: 'x' }, { message: '' }, hostile, ''], {});
    expect(codes(problems)).to.deep.equal(['custom', 'validator-failed']);
    expect(problems[1]!.message).to.contain('6 items').and.contain('index 1, 2, 3, 4, 5, …');
  });

  it('survives a result whose reads throw', () => {
    const trap = (): never => {
      throw new Error('trap');
    };
    const hostileArray = new Proxy(['a'], { get: trap });
    expect(codes(runHostValidator(() => hostileArray, {}))).to.deep.equal(['validator-failed']);
  });
});
