/**
 * Compare and consensus on <lk-text> (issue 22, part 2), on the bundled novel: each version's
 * entities overlined in its colour, a version's Show toggle, the panel's scores against the pure
 * `agreement()`, keeping one version of an entity (one undo step) and the change history marks.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import type { CompareSource } from '../../src/elements/compare/compare-source.js';
import { agreement } from '../../src/format/index.js';
import { nextEvent, press, resetMouse } from './helpers.js';
import { codePointSpan, textRect } from './lk-text-helpers.js';
import { clickInPanel, inPanel, panelOf, startComparing } from './compare-helpers.js';
import { pixels, rowsWithColour } from './pixels.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';

const NOVEL_URL = '/test/fixtures/text/pride_and_prejudice.txt';
const ontology = {
  tools: [
    { schemaId: 'n-person', tool: 'ner', title: 'Person', color: '#8d6e63' },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#78909c' },
  ],
};

let novel: string;
before(async () => {
  novel = await (await fetch(NOVEL_URL)).text();
});
afterEach(() => resetMouse());

const entity = (objectId: string, schemaId: string, needle: string) => ({ objectId, schemaId, ner: codePointSpan(novel, needle), classifications: [] });
const version = (tools: unknown[]) =>
  ({ asset: 'pride_and_prejudice.txt', metadata: { characters: 0, lines: 0, offsetUnit: 'codepoint' }, task: { tools, classifications: [], relations: [] } }) as unknown as AnnotationsInput;

function sources(): CompareSource[] {
  return [
    { label: 'Ann', record: version([entity('a-bennet', 'n-person', 'Mr. Bennet'), entity('a-park', 'n-place', 'Netherfield Park'), entity('a-heading', 'n-place', 'Chapter 1')]) },
    { label: 'Bob', record: version([entity('b-bennet', 'n-person', 'My dear Mr. Bennet'), entity('b-park', 'n-place', 'Netherfield Park')]) },
    { label: 'Cy', record: version([entity('c-park', 'n-place', 'Netherfield')]) },
  ];
}

async function mount(compare: CompareSource[], annotations: unknown = { objects: [] }): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text style="--lk-height: 420px; width: 780px" .ontology=${ontology} .annotations=${annotations} .user=${{ id: 'u-1', email: 'rev@example.com' }}></lk-text>
  `);
  const ready = nextEvent(element, 'lk-ready'); // the first test of a file pays the cold load of the whole page
  element.src = NOVEL_URL;
  await ready;
  await startComparing(element, compare);
  return element;
}

/** A real click in the compare panel, then the element's update. */
async function clickIn(element: LkText, selector: string): Promise<void> {
  await clickInPanel(element, selector);
  await element.settled();
}

/** Rows just above and over a word that hold Ann's red. */
async function annRowsOver(element: LkText, needle: string): Promise<number[]> {
  const rect = textRect(element, needle);
  return rowsWithColour(await pixels({ left: rect.left, top: rect.top - 6, width: rect.width, height: rect.height + 6 }), '#ff1744');
}

describe('lk-text compare', function () {
  this.timeout(120000);
  it('shows the scores agreement() gives for the same versions', async () => {
    const compare = sources();
    const element = await mount(compare);
    const expected = agreement(
      compare.map((s) => s.record),
      ontology,
    );
    expect(Number(inPanel(element, '.asset').getAttribute('data-agreement'))).to.equal(expected.asset);
    expect(inPanel(element, '.asset').textContent!.trim()).to.equal(`${Math.round(expected.asset * 100)}%`);
    const rows = [...panelOf(element)!.shadowRoot!.querySelectorAll('.object .score')].map((s) => s.textContent);
    expect(rows).to.deep.equal(expected.objects.map((o) => `${Math.round(o.agreement * 100)}%`));
    // "Mr. Bennet" within "My dear Mr. Bennet": 10 of 18 code points shared, and Cy has no person.
    const bennet = expected.objects.find((o) => o.members[0]?.objectId === 'a-bennet')!;
    expect(bennet.agreement).to.be.closeTo(10 / 18 / 3, 1e-12);
  });

  it("overlines each version's entities in its colour; hiding the version takes them off the screen", async () => {
    const element = await mount(sources());
    expect((await annRowsOver(element, 'Chapter 1')).length).to.be.greaterThan(0);
    await clickIn(element, '.source[data-source="0"] .toggle');
    expect(await annRowsOver(element, 'Chapter 1')).to.deep.equal([]);
    await clickIn(element, '.source[data-source="0"] .toggle');
    expect((await annRowsOver(element, 'Chapter 1')).length).to.be.greaterThan(0);
    // Closing the compare view takes every mark away with the panel.
    element.compare = [];
    await element.settled();
    expect(panelOf(element)).to.equal(null);
    expect(await annRowsOver(element, 'Chapter 1')).to.deep.equal([]);
  });

  it("keeps Bob's person as the annotation in one step; Ctrl+Z gives the annotations back", async () => {
    const element = await mount(sources(), { objects: [entity('a-bennet', 'n-person', 'Mr. Bennet')] });
    const before = element.export().task.tools;
    const changed = nextEvent(element, 'lk-change');
    const cluster = [...panelOf(element)!.shadowRoot!.querySelectorAll('.object')].findIndex((row) => row.querySelector('.keep-one[data-source="1"]') && row.textContent!.includes('Person'));
    await clickIn(element, `.object[data-cluster="${cluster}"] .keep-one[data-source="1"]`);
    await changed;
    expect(element.export().task.tools.map((t) => [t.objectId, (t as { ner: unknown }).ner])).to.deep.equal([['b-bennet', codePointSpan(novel, 'My dear Mr. Bennet')]]);
    element.focus();
    await press('Control+z');
    expect(element.export().task.tools).to.deep.equal(before);
  });

  it('reads versions in the UTF-16 offsets of offset-unit="utf16" once the text has arrived', async () => {
    const story = '😀 Mr. Darcy met Elizabeth Bennet.';
    const start = story.indexOf('Elizabeth');
    const span = { start, end: start + 'Elizabeth'.length, selection: 'Elizabeth' };
    const element = await fixture<LkText>(html`<lk-text style="--lk-height: 420px; width: 780px" offset-unit="utf16" .ontology=${ontology}></lk-text>`);
    element.compare = [{ label: 'Ann', record: version([{ objectId: 'e-1', schemaId: 'n-person', ner: span }]) }];
    await waitUntil(() => panelOf(element)?.shadowRoot?.querySelector('.keep-all'), 'the compare panel lists the versions', { timeout: 60000 });
    const ready = nextEvent(element, 'lk-ready');
    element.text = story;
    await ready;
    await element.settled();
    await clickIn(element, '.source[data-source="0"] .keep-all');
    expect(element.export().task.tools.map((t) => (t as { ner: unknown }).ner)).to.deep.equal([span]);
  });

  it('marks the spans added since the baseline, and is axe clean with the panel open', async () => {
    const baseline = version([entity('p-1', 'n-person', 'Mr. Bennet')]);
    const element = await mount([{ label: 'Label stage', record: baseline, baseline: true }], version([entity('p-1', 'n-person', 'Mr. Bennet'), entity('p-2', 'n-place', 'Netherfield Park')]));
    expect(inPanel(element, '.history-list').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Added: Place 1');
    const added = [...CSS.highlights.keys()].filter((name) => name.endsWith('-h-added'));
    expect(added).to.have.length(1);
    const marked = [...(CSS.highlights.get(added[0]!)! as unknown as Set<AbstractRange>)].map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
    expect(marked).to.deep.equal(['Netherfield Park']);
    // The panel is checked on its own: axe finds lk-text's own scroller (not focusable, a known
    // issue of the element with a long text, docs/review.md) whether or not the panel is open.
    await expect(panelOf(element)).to.be.accessible();
  });
});
