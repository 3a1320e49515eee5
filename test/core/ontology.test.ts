import { expect } from '@open-wc/testing';
import {
  DEFAULT_PALETTE,
  MAX_ONTOLOGY_DEPTH,
  indexOntology,
  parseOntology,
  type ClassificationCategory,
  type Ontology,
} from '../../src/core/ontology.js';
import type { Problem } from '../../src/core/problem.js';

const ALL_TYPES_URL = '/test/fixtures/format/ontology.all-types.json';

async function allTypesText(): Promise<string> {
  const response = await fetch(ALL_TYPES_URL);
  expect(response.ok).to.equal(true);
  return response.text();
}

function parsed(input: unknown): Ontology {
  const result = parseOntology(input);
  if (!result.ok) throw new Error(`expected a valid ontology, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problemsOf(input: unknown): Problem[] {
  const result = parseOntology(input);
  if (result.ok) throw new Error('expected the ontology to be rejected');
  return result.problems;
}

/** `code @ path` of each problem, for exact comparisons. */
function located(input: unknown): string[] {
  return problemsOf(input).map((problem) => `${problem.code} @ ${problem.path ?? ''}`);
}

function tool(schemaId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaId, tool: 'bounding-box', title: schemaId, ...extra };
}

function radio(schemaId: string, options: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaId, tool: 'radio', title: schemaId, options: options.map((value) => ({ value, schemaId: `${schemaId}-${value}` })), ...extra };
}

describe('parseOntology: the all-types example', () => {
  it('parses, keeps every category and fills the defaults', async () => {
    const ontology = parsed(await allTypesText());
    expect(ontology.tools.map((t) => t.tool)).to.deep.equal(['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'point', 'segmentation', 'brush', 'spline']);
    expect(ontology.classifications.map((c) => c.schemaId)).to.deep.equal(['c-weather', 'c-time', 'c-tags', 'c-place', 'c-note', 'c-quality', 'c-occluded']);
    expect(ontology.relations.map((r) => r.tool)).to.deep.equal(['one-to-one', 'group']);
    const car = ontology.tools[0]!;
    expect(car).to.include({ kind: 'tool', schemaId: 't-car', title: 'Car', color: '#e53935', shortcutKey: '1', required: true });
    const axles = car.classifications[0]!.classifications[0]!;
    expect(axles).to.deep.equal({
      kind: 'classification',
      schemaId: 'c-truck-axles',
      tool: 'single-dropdown',
      title: 'Axles',
      required: false,
      frameSpecific: false,
      parentOptionId: 'o-truck',
      options: [
        { value: '2', schemaId: 'o-ax2' },
        { value: '3+', schemaId: 'o-ax3' },
      ],
      treeOptions: [],
      classifications: [],
    });
    expect(ontology.tools[1]!.classifications).to.deep.equal([]);
    expect(ontology.classifications[4]!.regex).to.equal('^[A-Z]{1,3}-[0-9]{1,4}$');
  });

  it('gives the colourless relations the first palette colours no tool uses', async () => {
    const ontology = parsed(await allTypesText());
    // Tools use red, orange, green, blue, purple, cyan, light green and brown: yellow and pink are next free.
    expect(ontology.relations.map((r) => r.color)).to.deep.equal(['#fdd835', '#d81b60']);
  });

  it('reads the same from a string and an object, and a parsed ontology parses to itself', async () => {
    const source = await allTypesText();
    const fromString = parsed(source);
    expect(parsed(JSON.parse(source) as unknown)).to.deep.equal(fromString);
    expect(parsed(fromString)).to.deep.equal(fromString);
  });

  it('answers lookups through its index', async () => {
    const index = indexOntology(parsed(await allTypesText()));
    const kind = index.category('c-car-kind') as ClassificationCategory;
    expect(kind.title).to.equal('Kind');
    expect(index.category('c-truck-axles')?.title).to.equal('Axles');
    expect(index.category('r-group')?.kind).to.equal('relation');
    expect(index.category('o-truck')).to.equal(undefined);
    expect(index.toolByTitle('Sign')?.schemaId).to.equal('t-sign');
    expect(index.toolByTitle('sign')).to.equal(undefined);
    expect(index.classificationByTitle('Weather')?.schemaId).to.equal('c-weather');
    expect(index.classificationByTitle('Kind')).to.equal(undefined);
    expect(index.classificationByTitle('Kind', 't-car')).to.equal(kind);
    expect(index.classificationByTitle('Axles', kind)?.schemaId).to.equal('c-truck-axles');
    expect(index.classificationByTitle('Axles', 'r-group')).to.equal(undefined);
    expect(index.relationByTitle('Same vehicle')?.schemaId).to.equal('r-group');
    expect(index.parentOf('c-truck-axles')).to.equal(kind);
    expect(index.parentOf('c-car-kind')?.schemaId).to.equal('t-car');
    expect(index.parentOf('c-weather')).to.equal(undefined);
    expect(index.parentOf('o-truck')).to.equal(kind);
    expect(index.parentOf('n-jp')?.schemaId).to.equal('c-place');
    const truck = index.optionById('o-truck');
    expect(truck?.kind).to.equal('option');
    expect(truck?.category).to.equal(kind);
    const germany = index.optionById('n-de');
    expect(germany?.kind === 'tree-node' ? germany.path : undefined).to.equal('Europe / Germany');
    expect(index.treePaths('c-place')).to.deep.equal(['Europe', 'Europe / Germany', 'Europe / France', 'Asia', 'Asia / Japan']);
    expect(index.treePaths(index.category('c-place') as ClassificationCategory)).to.include('Asia / Japan');
    expect(index.treePaths('c-weather')).to.deep.equal([]);
  });
});

describe('parseOntology: rules', () => {
  it('rejects a type that does not belong to its section', () => {
    expect(
      located({
        tools: [tool('t', { tool: 'radio' })],
        classifications: [{ schemaId: 'c', tool: 'polygon', title: 'C' }],
        relations: [{ schemaId: 'r', tool: 'many-to-many', title: 'R' }],
      }),
    ).to.deep.equal(['unknown-type @ $.tools[0].tool', 'unknown-type @ $.classifications[0].tool', 'unknown-type @ $.relations[0].tool']);
  });

  it('requires schemaId, title and tool', () => {
    expect(located({ tools: [{ tool: 'point', title: 'P' }, { schemaId: 'p', title: '' }] })).to.deep.equal([
      'missing-field @ $.tools[0].schemaId',
      'wrong-type @ $.tools[1].title',
      'missing-field @ $.tools[1].tool',
    ]);
  });

  it('locates an option whose value is not a string', () => {
    const problems = problemsOf({
      tools: [
        tool('t-car', {
          classifications: [radio('c-a', ['x']), { schemaId: 'c-b', tool: 'checkbox', title: 'B', options: [{ value: 'p', schemaId: 'o-p' }, { value: 'q', schemaId: 'o-q' }, { value: 3, schemaId: 'o-3' }] }],
        }),
      ],
    });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'wrong-type', path: '$.tools[0].classifications[1].options[2].value' });
    expect(problems[0]!.message).to.contain('3');
  });

  it('rejects fields of the wrong type', () => {
    expect(
      located({
        tools: [tool('t', { required: 'yes', classifications: {} })],
        classifications: [radio('c', ['a'], { frameSpecific: 1, options: 'a' })],
        relations: 'none',
      }),
    ).to.deep.equal(['wrong-type @ $.tools[0].required', 'wrong-type @ $.tools[0].classifications', 'wrong-type @ $.classifications[0].options', 'wrong-type @ $.classifications[0].frameSpecific', 'wrong-type @ $.relations']);
  });

  it('keeps category schemaIds unique among categories and option ids unique across the ontology', () => {
    expect(
      located({
        tools: [tool('same', { classifications: [radio('c-1', ['a', 'b'])] })],
        classifications: [radio('same', ['c']), { schemaId: 'c-2', tool: 'radio', title: 'C2', options: [{ value: 'z', schemaId: 'c-1-a' }] }],
        relations: [{ schemaId: 'c-1', tool: 'group', title: 'R' }],
      }),
    ).to.deep.equal(['duplicate-schema-id @ $.classifications[0].schemaId', 'duplicate-schema-id @ $.classifications[1].options[0].schemaId', 'duplicate-schema-id @ $.relations[0].schemaId']);
  });

  it('allows a category and an option to share an id (separate id spaces)', () => {
    expect(parseOntology({ classifications: [{ schemaId: 'x', tool: 'radio', title: 'X', options: [{ value: 'a', schemaId: 'x' }] }] }).ok).to.equal(true);
  });

  it('accepts #rrggbb and #rgb in any case, normalised to lower-case #rrggbb, and nothing else', () => {
    const ontology = parsed({ tools: [tool('a', { color: '#E53935' }), tool('b', { color: '#AbC' })], classifications: [radio('c', ['x'], { color: '#0F0' })] });
    expect(ontology.tools.map((t) => t.color)).to.deep.equal(['#e53935', '#aabbcc']);
    expect(ontology.classifications[0]!.color).to.equal('#00ff00');
    expect(located({ tools: [tool('a', { color: 'red' }), tool('b', { color: '#12345' }), tool('c', { color: '#e53935ff' }), tool('d', { color: 0xe53935 })] })).to.deep.equal([
      'bad-color @ $.tools[0].color',
      'bad-color @ $.tools[1].color',
      'bad-color @ $.tools[2].color',
      'bad-color @ $.tools[3].color',
    ]);
  });

  it('gives colourless tools palette colours in order, skipping colours already taken', () => {
    const ontology = parsed({ tools: [tool('a'), tool('b', { color: DEFAULT_PALETTE[1] }), tool('c')], relations: [{ schemaId: 'r', tool: 'group', title: 'R' }] });
    expect(ontology.tools.map((t) => t.color)).to.deep.equal([DEFAULT_PALETTE[0], DEFAULT_PALETTE[1], DEFAULT_PALETTE[2]]);
    expect(ontology.relations[0]!.color).to.equal(DEFAULT_PALETTE[3]);
    const many = parsed({ tools: Array.from({ length: DEFAULT_PALETTE.length + 2 }, (_, i) => tool(`t${i}`)) });
    expect(new Set(many.tools.slice(0, DEFAULT_PALETTE.length).map((t) => t.color)).size).to.equal(DEFAULT_PALETTE.length);
    expect(many.tools.every((t) => /^#[0-9a-f]{6}$/.test(t.color))).to.equal(true);
  });

  it('rejects two brush classes with one colour, comparing normalised colours', () => {
    expect(located({ tools: [tool('a', { tool: 'brush', color: '#112233' }), tool('b', { tool: 'brush', color: '#123' }), tool('c', { tool: 'brush', color: '#112233' })] })).to.deep.equal([
      'color-clash @ $.tools[1].color',
      'color-clash @ $.tools[2].color',
    ]);
    expect(parseOntology({ tools: [tool('a', { color: '#112233' }), tool('b', { tool: 'brush', color: '#112233' })] }).ok).to.equal(true);
  });

  it('accepts 0–9 and a–z with ctrl, alt and shift, normalised; rejects other shortcuts', () => {
    const ontology = parsed({ tools: [tool('a', { shortcutKey: 'Ctrl+A' }), tool('b', { shortcutKey: 'shift+ctrl+1' }), tool('c', { shortcutKey: '9' }), tool('d', { shortcutKey: 'alt+z' })] });
    expect(ontology.tools.map((t) => t.shortcutKey)).to.deep.equal(['ctrl+a', 'ctrl+shift+1', '9', 'alt+z']);
    const bad = ['F1', 'ctrl+', 'meta+a', 'ctrl+ctrl+a', 'aa', '+', 'ctrl+shift', 5];
    expect(located({ tools: bad.map((shortcutKey, i) => tool(`t${i}`, { shortcutKey })) })).to.deep.equal(bad.map((_, i) => `bad-shortcut @ $.tools[${i}].shortcutKey`));
  });

  it('reports shortcut clashes on one keyboard: top-level tools, classifications and relations together, nested siblings apart', () => {
    const problems = problemsOf({
      tools: [tool('t1', { shortcutKey: '1', classifications: [radio('n1', ['a'], { shortcutKey: '1' }), radio('n2', ['a'], { shortcutKey: 'q' }), radio('n3', ['a'], { shortcutKey: 'Q' })] }), tool('t2', { shortcutKey: 'ctrl+a' })],
      classifications: [radio('c1', ['a'], { shortcutKey: '1' })],
      relations: [{ schemaId: 'r1', tool: 'group', title: 'R1', shortcutKey: 'CTRL+A' }],
    });
    expect(problems.map((p) => `${p.code} @ ${p.path ?? ''}`)).to.deep.equal(['shortcut-clash @ $.tools[0].classifications[2].shortcutKey', 'shortcut-clash @ $.classifications[0].shortcutKey', 'shortcut-clash @ $.relations[0].shortcutKey']);
    expect(problems[1]!.message).to.contain('"t1"').and.contain('$.tools[0].shortcutKey');
  });

  it('keeps input indexes in paths when an earlier entry was dropped', () => {
    expect(located({ tools: [{ tool: 'point' }, tool('t', { shortcutKey: '1' })], classifications: [radio('c', ['a'], { shortcutKey: '1' })] })).to.deep.equal([
      'missing-field @ $.tools[0].schemaId',
      'missing-field @ $.tools[0].title',
      'shortcut-clash @ $.classifications[0].shortcutKey',
    ]);
    const problems = problemsOf({ tools: [{ tool: 'point' }, tool('t', { shortcutKey: '1' })], classifications: [radio('c', ['a'], { shortcutKey: '1' })] });
    expect(problems[2]!.message).to.contain('$.tools[1].shortcutKey');
  });

  it('requires parentOptionId to name an option of the direct parent classification', () => {
    expect(
      located({
        tools: [tool('t', { classifications: [radio('under-tool', ['a'], { parentOptionId: 'x' })] })],
        classifications: [
          radio('top', ['a'], { parentOptionId: 'top-a' }),
          radio('p', ['yes', 'no'], {
            classifications: [radio('ok', ['a'], { parentOptionId: 'p-yes', classifications: [radio('grandchild', ['b'], { parentOptionId: 'p-no' })] }), radio('unknown', ['a'], { parentOptionId: 'p-maybe' }), radio('typed', ['a'], { parentOptionId: 7 })],
          }),
        ],
      }),
    ).to.deep.equal([
      'bad-parent-option @ $.tools[0].classifications[0].parentOptionId',
      'bad-parent-option @ $.classifications[0].parentOptionId',
      'bad-parent-option @ $.classifications[1].classifications[0].classifications[0].parentOptionId',
      'bad-parent-option @ $.classifications[1].classifications[1].parentOptionId',
      'wrong-type @ $.classifications[1].classifications[2].parentOptionId',
    ]);
  });

  it('requires regex to compile and to be written without slashes', () => {
    expect(
      located({
        classifications: [
          { schemaId: 'a', tool: 'text', title: 'A', regex: '[unclosed' },
          { schemaId: 'b', tool: 'text', title: 'B', regex: '/^a$/i' },
          { schemaId: 'c', tool: 'text', title: 'C', regex: 5 },
          { schemaId: 'd', tool: 'text', title: 'D', regex: '^a/b$' },
        ],
      }),
    ).to.deep.equal(['bad-regex @ $.classifications[0].regex', 'bad-regex @ $.classifications[1].regex', 'wrong-type @ $.classifications[2].regex']);
  });

  it('requires min and max to be non-negative integers with min ≤ max', () => {
    expect(located({ tools: [tool('a', { min: 3, max: 1 }), tool('b', { min: -1 }), tool('c', { max: 1.5 }), tool('d', { min: '1' })] })).to.deep.equal([
      'wrong-type @ $.tools[0].min',
      'wrong-type @ $.tools[1].min',
      'wrong-type @ $.tools[2].max',
      'wrong-type @ $.tools[3].min',
    ]);
    expect(parsed({ tools: [tool('a', { min: 0, max: 0 })] }).tools[0]).to.include({ min: 0, max: 0 });
  });

  it('checks tree nodes recursively and keeps answer paths unique', () => {
    expect(
      located({
        classifications: [
          {
            schemaId: 'place',
            tool: 'tree-dropdown',
            title: 'Place',
            treeOptions: [
              { title: 'Europe', schemaId: 'eu', children: [{ title: 'Germany', schemaId: 'de' }, { title: 'Germany', schemaId: 'de2', children: [] }, { title: 'France', schemaId: 'eu', children: [{ schemaId: 'paris', children: 'none' }] }] },
              { title: 'Europe / Germany', schemaId: 'x', children: [] },
              'Asia',
            ],
          },
        ],
      }),
    ).to.deep.equal([
      'duplicate-option-value @ $.classifications[0].treeOptions[0].children[1].title',
      'duplicate-schema-id @ $.classifications[0].treeOptions[0].children[2].schemaId',
      'missing-field @ $.classifications[0].treeOptions[0].children[2].children[0].title',
      'wrong-type @ $.classifications[0].treeOptions[0].children[2].children[0].children',
      'duplicate-option-value @ $.classifications[0].treeOptions[1].title',
      'wrong-type @ $.classifications[0].treeOptions[2]',
    ]);
  });

  it('rejects an option value used twice in one classification', () => {
    expect(located({ classifications: [{ schemaId: 'c', tool: 'checkbox', title: 'C', options: [{ value: 'a', schemaId: 'o1' }, { value: 'a', schemaId: 'o2' }] }] })).to.deep.equal([
      'duplicate-option-value @ $.classifications[0].options[1].value',
    ]);
  });

  it('lists every problem of an ontology with many', () => {
    const problems = problemsOf({
      tools: [tool('t1', { tool: 'lasso', color: 'blue', shortcutKey: '1' }), tool('t1', { shortcutKey: '1' })],
      classifications: [{ schemaId: 'c', tool: 'text', title: 'Note', regex: '(', min: 2, max: 1 }],
      relations: [{ schemaId: 'r', title: 'R' }],
    });
    expect(problems.map((p) => `${p.code} @ ${p.path ?? ''}`)).to.deep.equal([
      'unknown-type @ $.tools[0].tool',
      'bad-color @ $.tools[0].color',
      'shortcut-clash @ $.tools[1].shortcutKey',
      'duplicate-schema-id @ $.tools[1].schemaId',
      'wrong-type @ $.classifications[0].min',
      'bad-regex @ $.classifications[0].regex',
      'missing-field @ $.relations[0].tool',
    ]);
    for (const problem of problems) expect(problem.message).to.be.a('string').and.not.equal('');
  });

  it('treats a JSON syntax error as one problem at $', () => {
    const problems = problemsOf('{"tools": [');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'bad-json', path: '$' });
  });

  it('rejects input that is not an object without throwing', () => {
    const inputs: unknown[] = [null, undefined, 42, true, [], '[1]', '"text"', Symbol('x'), () => ({}), 10n];
    for (const input of inputs) {
      const problems = problemsOf(input);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ code: 'wrong-type', path: '$' });
    }
  });

  it('accepts an empty ontology and ignores unknown fields', () => {
    expect(parsed({})).to.deep.equal({ tools: [], classifications: [], relations: [] });
    expect(parsed({ tools: [tool('t', { richText: true, whatever: 1 })] }).tools[0]).to.not.have.property('richText');
  });
});

describe('parseOntology: hostile input', () => {
  it('reports a category that contains itself instead of recursing forever', () => {
    const looped: Record<string, unknown> = radio('loop', ['a']);
    looped['classifications'] = [looped];
    const problems = problemsOf({ classifications: [looped] });
    expect(problems.map((p) => `${p.code} @ ${p.path ?? ''}`)).to.deep.equal(['cycle @ $.classifications[0].classifications[0]']);
  });

  it('reports cycles through tree nodes and through the root', () => {
    const node: Record<string, unknown> = { title: 'N', schemaId: 'n' };
    node['children'] = [node];
    const root: Record<string, unknown> = {};
    root['tools'] = [tool('t', { classifications: [root] })];
    expect(located({ classifications: [{ schemaId: 'c', tool: 'tree-dropdown', title: 'C', treeOptions: [node] }] })).to.deep.equal(['cycle @ $.classifications[0].treeOptions[0].children[0]']);
    expect(located(root)).to.deep.equal(['cycle @ $.tools[0].classifications[0]']);
  });

  it('accepts the same object twice when it is not its own ancestor (then its ids repeat)', () => {
    const shared = radio('shared', ['a']);
    expect(located({ tools: [tool('a', { classifications: [shared] }), tool('b', { classifications: [shared] })] })).to.deep.equal([
      'duplicate-schema-id @ $.tools[1].classifications[0].schemaId',
      'duplicate-schema-id @ $.tools[1].classifications[0].options[0].schemaId',
    ]);
  });

  it(`accepts ${MAX_ONTOLOGY_DEPTH} levels of nesting and rejects the next`, () => {
    const nest = (levels: number): Record<string, unknown> => {
      let inner: Record<string, unknown> = radio(`c${levels}`, ['a']);
      for (let level = levels - 1; level >= 1; level -= 1) inner = radio(`c${level}`, ['a'], { classifications: [inner] });
      return { classifications: [inner] };
    };
    expect(parseOntology(nest(MAX_ONTOLOGY_DEPTH)).ok).to.equal(true);
    expect(located(nest(MAX_ONTOLOGY_DEPTH + 1))).to.deep.equal([`too-deep @ $${'.classifications[0]'.repeat(MAX_ONTOLOGY_DEPTH + 1)}`]);
  });

  it('survives 10,000 levels of nesting, as objects and as a JSON string', () => {
    let inner: Record<string, unknown> = radio('leaf', ['a']);
    for (let level = 0; level < 10_000; level += 1) inner = { schemaId: `c${level}`, tool: 'radio', title: 'C', classifications: [inner] };
    const asObject = problemsOf({ classifications: [inner] });
    expect(asObject.map((p) => p.code)).to.deep.equal(['too-deep']);
    const asString = problemsOf(`{"classifications":[${'{"schemaId":"x","tool":"radio","title":"C","classifications":['.repeat(10_000)}${']}'.repeat(10_000)}]}`);
    expect(asString.map((p) => p.code)).to.include('too-deep');
    let node: Record<string, unknown> = { title: 'leaf', schemaId: 'leaf', children: [] };
    for (let level = 0; level < 10_000; level += 1) node = { title: `n${level}`, schemaId: `n${level}`, children: [node] };
    expect(problemsOf({ classifications: [{ schemaId: 't', tool: 'tree-dropdown', title: 'T', treeOptions: [node] }] }).map((p) => p.code)).to.deep.equal(['too-deep']);
  });

  it('turns throwing getters and proxy traps into problems', () => {
    const throwing = {
      get tools(): unknown {
        throw new Error('no tools for you');
      },
      classifications: [
        {
          schemaId: 'c',
          tool: 'radio',
          title: 'C',
          options: [
            {
              schemaId: 'o',
              get value(): unknown {
                throw new Error('nope');
              },
            },
          ],
        },
      ],
    };
    expect(located(throwing)).to.deep.equal(['unreadable @ $.tools', 'unreadable @ $.classifications[0].options[0].value']);

    const trap = (): never => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });
    expect(problemsOf(hostile).map((p) => p.code)).to.include('unreadable');
    expect(problemsOf({ tools: [hostile] }).every((p) => p.path?.startsWith('$.tools[0]'))).to.equal(true);

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(located({ tools: [proxy] })).to.deep.equal(['unreadable @ $.tools[0]']);
    expect(located(proxy)).to.deep.equal(['unreadable @ $']);

    const badArray = new Proxy([tool('t')], { get: (target, key) => (key === 'length' ? 1 : trap()) });
    expect(located({ tools: badArray })).to.deep.equal(['unreadable @ $.tools[0]']);
  });

  it('refuses a list too long to read rather than walking a sparse array', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    expect(located({ tools: sparse })).to.deep.equal(['too-large @ $.tools']);
  });
});

describe('parseOntology: labelkit measure on polylines', () => {
  it('keeps measure on a polyline and rejects it elsewhere or with another value', () => {
    const ontology = parsed({ tools: [tool('cobb', { tool: 'polyline', measure: 'cobb' }), tool('line', { tool: 'polyline' })] });
    expect(ontology.tools[0]!.measure).to.equal('cobb');
    expect(ontology.tools[1]).to.not.have.property('measure');
    expect(located({ tools: [tool('box', { measure: 'length' }), tool('bad', { tool: 'polyline', measure: 'area' })] })).to.deep.equal([
      'bad-measure @ $.tools[0].measure',
      'wrong-type @ $.tools[1].measure',
    ]);
  });
});
