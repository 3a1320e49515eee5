import { expect } from '@open-wc/testing';
import { parseOntology, treePaths, type Ontology } from '../../src/core/ontology.js';
import { runHostValidator, validateAnnotations } from '../../src/core/validation.js';
import type { ClassificationAnswer, ObjectAnnotation } from '../../src/core/model.js';

const meta = { createdAt: '', createdBy: '', createdIn: '' };

function parse(input: unknown): Ontology {
  const result = parseOntology(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problemsOf(input: unknown): [string, string | undefined][] {
  const result = parseOntology(input);
  return result.ok ? [] : result.problems.map((p) => [p.code, p.path]);
}

describe('ontology', () => {
  it('parses the all-types example with defaults and tree paths', async () => {
    const ontology = parse(await (await fetch('/test/fixtures/format/ontology.all-types.json')).json());
    expect(ontology.tools.map((t) => t.tool)).to.deep.equal(['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'point', 'segmentation', 'brush', 'spline']);
    expect(ontology.tools[1]!.classifications).to.deep.equal([]);
    expect(ontology.tools[0]!.classifications[0]!.classifications[0]!.parentOptionId).to.equal('o-truck');
    const place = ontology.classifications.find((c) => c.schemaId === 'c-place')!;
    expect(treePaths(place.treeOptions)).to.deep.equal(['Europe', 'Europe / Germany', 'Europe / France', 'Asia', 'Asia / Japan']);
  });

  it('lists every problem with its JSON path', () => {
    expect(
      problemsOf({
        tools: [
          { schemaId: 'a', tool: 'laser', title: 'A', color: '#fff' },
          { schemaId: 'a', tool: 'point', title: 'B', color: 'red', shortcutKey: '1' },
          { schemaId: 'c', tool: 'point', title: 'C', shortcutKey: '1' },
          { schemaId: 'd', tool: 'point', title: 'D', shortcutKey: 'F1' },
        ],
        classifications: [
          {
            schemaId: 'k',
            tool: 'radio',
            title: 'K',
            regex: '([',
            options: [{ value: 'x', schemaId: 'ox' }],
            classifications: [{ schemaId: 'k2', tool: 'text', title: 'K2', parentOptionId: 'nope' }],
          },
          { schemaId: 'm', tool: 'text', title: 'M', min: 3, max: 1 },
        ],
        relations: [{ schemaId: 'r', tool: 'many-to-many', title: 'R' }],
      }),
    ).to.deep.equal([
      ['unknown-type', '$.tools[0].tool'],
      ['duplicate-schema-id', '$.tools[1].schemaId'],
      ['bad-color', '$.tools[1].color'],
      ['shortcut-clash', '$.tools[2].shortcutKey'],
      ['bad-shortcut', '$.tools[3].shortcutKey'],
      ['bad-regex', '$.classifications[0].regex'],
      ['bad-parent-option', '$.classifications[0].classifications[0].parentOptionId'],
      ['wrong-type', '$.classifications[1].min'],
      ['unknown-type', '$.relations[0].tool'],
    ]);
  });

  it('survives cycles, deep nesting, throwing getters and non-objects without throwing', () => {
    const cyclic: Record<string, unknown> = { schemaId: 'c', tool: 'radio', title: 'C' };
    cyclic.classifications = [cyclic];
    expect(problemsOf({ classifications: [cyclic] }).map(([code]) => code)).to.include('cycle');
    let deep: Record<string, unknown> = { schemaId: 'leaf', tool: 'text', title: 'Leaf' };
    for (let i = 0; i < 10_000; i++) deep = { schemaId: `n${i}`, tool: 'text', title: 'N', classifications: [deep] };
    expect(problemsOf({ classifications: [deep] }).map(([code]) => code)).to.include('too-deep');
    const throwing = { get tools(): unknown { throw new Error('nope'); } };
    expect(parseOntology(throwing).ok).to.equal(false);
    for (const input of [null, 3, 'not json', '[]', []]) expect(parseOntology(input).ok).to.equal(false);
    expect(parseOntology('{"tools":[]}').ok).to.equal(true);
  });
});

describe('validation', () => {
  const ontology = parse({
    tools: [{ schemaId: 't', tool: 'bounding-box', title: 'Car', required: true, max: 1, classifications: [
      { schemaId: 'kind', tool: 'radio', title: 'Kind', required: true, options: [{ value: 'Truck', schemaId: 'o-truck' }, { value: 'Sedan', schemaId: 'o-sedan' }], classifications: [
        { schemaId: 'axles', tool: 'text', title: 'Axles', required: true, parentOptionId: 'o-truck', regex: '^[0-9]+$' },
      ] },
    ] }],
    classifications: [
      { schemaId: 'tags', tool: 'checkbox', title: 'Tags', options: [{ value: 'A', schemaId: 'oa' }] },
      { schemaId: 'rank', tool: 'rank', title: 'Rank', options: [{ value: 'A', schemaId: 'ra' }, { value: 'B', schemaId: 'rb' }] },
    ],
    relations: [{ schemaId: 'rel', tool: 'one-to-one', title: 'Follows' }],
  });
  const answer = (schemaId: string, value: string | string[], nested: ClassificationAnswer[] = []): ClassificationAnswer => ({ objectId: `${schemaId}-a`, schemaId, answer: value, classifications: nested, metadata: meta });
  const car = (id: string, classifications: ClassificationAnswer[]): ObjectAnnotation => ({
    objectId: id,
    schemaId: 't',
    keyframes: [{ frame: 0, geometry: { type: 'bounding-box', value: { x: 0, y: 0, width: 1, height: 1 } } }],
    classifications,
    metadata: meta,
  });
  const codes = (objects: ObjectAnnotation[], classifications: ClassificationAnswer[] = [], relations: Parameters<typeof validateAnnotations>[0]['relations'] = []) =>
    validateAnnotations({ ontology, objects, classifications, relations }).map((p) => p.code);

  it('requires tools and answers, conditionally for nested ones', () => {
    expect(codes([])).to.deep.equal(['required-tool']);
    expect(codes([car('a', [])])).to.deep.equal(['required-classification']);
    expect(codes([car('a', [answer('kind', 'Sedan')])])).to.deep.equal([]);
    expect(codes([car('a', [answer('kind', 'Truck')])])).to.deep.equal(['required-classification']);
    expect(codes([car('a', [answer('kind', 'Truck', [answer('axles', 'three')])])])).to.deep.equal(['regex-mismatch']);
    expect(codes([car('a', [answer('kind', 'Truck', [answer('axles', '3')])])])).to.deep.equal([]);
  });

  it('checks counts, option values, answer types, rank repeats and relation endpoints', () => {
    const ok = [answer('kind', 'Sedan')];
    expect(codes([car('a', ok), car('b', ok)])).to.deep.equal(['tool-count']);
    expect(codes([car('a', [answer('kind', 'Bus')])])).to.deep.equal(['answer-not-option']);
    expect(codes([car('a', ok)], [answer('tags', 'A')])).to.deep.equal(['answer-type']);
    expect(codes([car('a', ok)], [answer('rank', ['A', 'A'])])).to.deep.equal(['rank-incomplete']);
    expect(codes([car('a', ok)], [], [{ kind: 'single', objectId: 'r', schemaId: 'rel', from: 'a', to: 'gone', direction: 'straight', metadata: meta }])).to.deep.equal(['relation-endpoint-missing']);
  });

  it('normalises what a host validator returns and survives one that throws', () => {
    expect(runHostValidator(() => ['plain', { message: 'm', code: 'c', objectId: 'o' }], {})).to.deep.equal([
      { code: 'custom', message: 'plain' },
      { code: 'c', message: 'm', objectId: 'o' },
    ]);
    expect(runHostValidator(() => { throw new Error('x'); }, {})[0]!.code).to.equal('validator-failed');
    expect(runHostValidator(() => 42, {})[0]!.code).to.equal('validator-failed');
    expect(runHostValidator(undefined, {})).to.deep.equal([]);
  });
});
