/**
 * Compare and consensus on <lk-image> (issue 22, part 2), on the bundled photo: versions laid over
 * it in their colours, a version's Show toggle, the scores the panel shows against the pure
 * `agreement()`, keeping one version of an object or all of one version (one undo step, Ctrl+Z
 * restores), and the change history from a baseline (part 3). Real clicks and keys; assertions on
 * what the screen shows, the panel's text and the export.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { CompareSource } from '../../src/elements/compare/compare-source.js';
import { agreement, type ExportRecord } from '../../src/format/index.js';
import { fetchJson, IMAGE_URL, nextEvent, ONTOLOGY_URL, pagePoint, press, resetMouse, sendMouse } from './helpers.js';
import { clickInPanel, inPanel, panelOf, startComparing } from './compare-helpers.js';
import { pixels } from './pixels.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';

let ontology: unknown;
before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});
afterEach(() => resetMouse());

const box = (objectId: string, x: number, y: number) => ({ objectId, schemaId: 't-car', title: 'Car', 'bounding-box': { x, y, width: 100, height: 80 }, classifications: [] });
const head = (objectId: string, x: number, y: number) => ({ objectId, schemaId: 't-head', title: 'Head', point: [x, y], classifications: [] });
const version = (tools: unknown[], weather: string[] = []) =>
  ({
    asset: 'bottles-frame.jpg',
    metadata: { width: 640, height: 360 },
    task: { tools, classifications: weather.length ? [{ schemaId: 'c-weather', answer: weather, classifications: [] }] : [], relations: [] },
  }) as unknown as AnnotationsInput;

/** A at (100, 100), B the same car 10 px to the right (IoU 9/11) plus a head, C without the car. */
const SOURCES: CompareSource[] = [
  { label: 'Ann', record: version([box('a-car', 100, 100)], ['Rain']) },
  { label: 'Bob', record: version([box('b-car', 110, 100), head('b-head', 400, 200)], ['Rain']) },
  { label: 'Cy', record: version([head('c-head', 403, 204)], ['Fog']) },
];

async function mount(sources: CompareSource[] = SOURCES, annotations: unknown = { objects: [] }): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image style="--lk-height: 640px; width: 1000px" .ontology=${ontology} .annotations=${annotations} .user=${{ id: 'u-1', email: 'rev@example.com' }}></lk-image>
  `);
  const ready = nextEvent(element, 'lk-ready'); // the first test of a file pays the cold load of the whole page
  element.src = IMAGE_URL;
  await ready;
  await startComparing(element, sources);
  return element;
}

/** A real click in the compare panel, then the element's update. */
async function clickIn(element: LkImage, selector: string): Promise<void> {
  await clickInPanel(element, selector);
  await element.updateComplete;
}

/** How many screen pixels near `hex` in a strip along the asset segment x = ax, y from y0 to y1. */
async function colourAlongLeftEdge(element: LkImage, ax: number, y0: number, y1: number, hex: string): Promise<number> {
  const [left, top] = pagePoint(element, ax, y0);
  const [, bottom] = pagePoint(element, ax, y1);
  const image = await pixels({ left: left - 3, top, width: 7, height: bottom - top });
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (Math.abs(image.data[i]! - r!) + Math.abs(image.data[i + 1]! - g!) + Math.abs(image.data[i + 2]! - b!) < 90) count++;
  }
  return count;
}

const ANN_RED = '#ff1744';

describe('lk-image compare', function () {
  this.timeout(120000);
  it('shows the scores agreement() gives: asset, class, answers and each object', async () => {
    const element = await mount();
    const expected = agreement(
      SOURCES.map((s) => s.record),
      ontology,
    );
    expect(inPanel(element, '.asset').textContent!.trim()).to.equal(`${Math.round(expected.asset * 100)}%`);
    expect(Number(inPanel(element, '.asset').getAttribute('data-agreement'))).to.equal(expected.asset);
    for (const c of expected.classes) {
      const shown = inPanel(element, `.class[data-schema-id="${c.schemaId}"] .score`);
      expect(shown.textContent).to.equal(`${Math.round(c.agreement * 100)}%`);
    }
    const weather = expected.classifications.find((c) => c.schemaId === 'c-weather')!;
    expect(inPanel(element, '.classification[data-schema-id="c-weather"] .score').textContent).to.equal(`${Math.round(weather.agreement * 100)}%`);
    const rows = [...panelOf(element)!.shadowRoot!.querySelectorAll('.object .score')].map((s) => s.textContent);
    expect(rows).to.deep.equal(expected.objects.map((o) => `${Math.round(o.agreement * 100)}%`));
    // The car: Ann · Bob 9/11, Cy has none → (9/11 + 0 + 0) / 3.
    expect(expected.objects[0]!.agreement).to.be.closeTo(9 / 11 / 3, 1e-12);
    // And the stage labels each matched object with its score.
    const labels = [...element.shadowRoot!.querySelectorAll('svg.compare text')].map((t) => t.textContent);
    expect(labels).to.deep.equal(expected.objects.map((o) => `${Math.round(o.agreement * 100)}%`));
  });

  it('draws each version in its colour; hiding a version takes its pixels off the screen', async () => {
    const element = await mount();
    const shown = await colourAlongLeftEdge(element, 100, 110, 170, ANN_RED);
    expect(shown).to.be.greaterThan(20);
    await clickIn(element, '.source[data-source="0"] .toggle');
    expect(inPanel(element, '.source[data-source="0"] .toggle').getAttribute('aria-pressed')).to.equal('false');
    expect(await colourAlongLeftEdge(element, 100, 110, 170, ANN_RED)).to.be.lessThan(shown / 4);
    await clickIn(element, '.source[data-source="0"] .toggle');
    expect(await colourAlongLeftEdge(element, 100, 110, 170, ANN_RED)).to.be.greaterThan(20);
    // Closing the compare view takes the overlay and the panel away.
    element.compare = [];
    await element.settled();
    expect(element.shadowRoot!.querySelector('svg.compare')).to.equal(null);
    expect(panelOf(element)).to.equal(null);
    expect(await colourAlongLeftEdge(element, 100, 110, 170, ANN_RED)).to.be.lessThan(shown / 4);
  });

  it("keeps Bob's car as the annotation in one step; Ctrl+Z gives the annotations back", async () => {
    const element = await mount(SOURCES, { objects: [box('a-car', 100, 100)] });
    const before = element.export().task.tools;
    const changed = nextEvent(element, 'lk-change');
    await clickIn(element, '.object[data-cluster="0"] .keep-one[data-source="1"]');
    await changed;
    const tools = element.export().task.tools;
    expect(tools.map((t) => [t.objectId, t['bounding-box']])).to.deep.equal([['b-car', { x: 110, y: 100, width: 100, height: 80 }]]);
    // Kept by the reviewer, in this stage: the store stamps it as any edit.
    expect([tools[0]!.metadata.createdBy, tools[0]!.metadata.createdIn]).to.deep.equal(['rev@example.com', 'Label']);
    element.focus();
    await press('Control+z');
    expect(element.export().task.tools).to.deep.equal(before);
  });

  it('keeps all of one version (objects and answers) in one step; Ctrl+Z restores', async () => {
    const element = await mount();
    const changed = nextEvent(element, 'lk-change');
    await clickIn(element, '.source[data-source="2"] .keep-all');
    await changed;
    const record = element.export();
    expect(record.task.tools.map((t) => t.objectId)).to.deep.equal(['c-head']);
    expect(record.task.classifications.map((c) => c.answer)).to.deep.equal([['Fog']]);
    element.focus();
    await press('Control+z');
    expect(element.export().task.tools).to.deep.equal([]);
    expect(element.export().task.classifications).to.deep.equal([]);
  });

  it("pointing at an object's row draws its versions thicker", async () => {
    const element = await mount();
    const widths = () => [...element.shadowRoot!.querySelectorAll('svg.compare path[data-object-id="a-car"], svg.compare path[data-object-id="b-car"]')].map((p) => p.getAttribute('stroke-width'));
    expect(widths()).to.deep.equal(['2', '2']);
    const row = inPanel<HTMLElement>(element, '.object[data-cluster="0"] .label');
    row.scrollIntoView({ block: 'center' });
    const rect = row.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.left + 5), Math.round(rect.top + rect.height / 2)] });
    await panelOf(element)!.updateComplete;
    await element.updateComplete;
    expect(widths()).to.deep.equal(['4', '4']);
  });

  it('in view mode the Keep buttons are disabled and nothing can be kept', async () => {
    const element = await mount();
    element.mode = 'view';
    await element.updateComplete;
    await panelOf(element)!.updateComplete;
    const buttons = [...panelOf(element)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.keep-one, .keep-all')];
    expect(buttons.length).to.be.greaterThan(0);
    expect(buttons.every((button) => button.disabled)).to.equal(true);
    await clickIn(element, '.source[data-source="1"] .keep-all');
    expect(element.export().task.tools).to.deep.equal([]);
  });

  it('is axe clean with the compare panel open', async () => {
    const element = await mount();
    await expect(element).to.be.accessible();
  });

  it('an unreadable version fires lk-error import-invalid and the others are still compared', async () => {
    const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 640px; width: 1000px" .ontology=${ontology}></lk-image>`);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.compare = [SOURCES[0]!, { label: 'Broken', record: version([{ objectId: 'x', schemaId: 't-car', 'bounding-box': { x: 'left' } }]) as never }];
    const { detail } = await error;
    expect(detail.code).to.equal('import-invalid');
    expect(detail.message).to.contain('Compare version 2');
    await waitUntil(() => panelOf(element)?.shadowRoot?.querySelector('.asset[data-agreement]'), 'the compare panel shows its scores', { timeout: 60000 });
    expect(inPanel(element, '.source[data-source="1"] .label').textContent).to.contain('(unreadable)');
  });
});

describe('lk-image change history', function () {
  this.timeout(120000);
  it('marks added, removed, moved and re-classified objects from the baseline, and lists them', async () => {
    const baseline = version([box('car-1', 100, 100), box('car-2', 300, 100), head('head-1', 500, 300)]);
    // Now: car-1 moved 40 px right, car-2 removed, head-1 kept, a new head.
    const current = version([box('car-1', 140, 100), head('head-1', 500, 300), head('head-2', 50, 50)]);
    const element = await mount([{ label: 'Label stage', record: baseline, baseline: true }], current);
    const marks = [...element.shadowRoot!.querySelectorAll('svg.compare path[data-mark]')].map((p) => `${p.getAttribute('data-mark')}:${p.getAttribute('data-object-id')}`);
    expect(marks.sort()).to.deep.equal(['added:head-2', 'moved:car-1', 'removed:car-2', 'was:car-1']);
    const list = [...panelOf(element)!.shadowRoot!.querySelectorAll('.history-list .changes')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(list).to.deep.equal(['Added: Head 2', 'Removed: Car 2', 'Moved: Car 1']);
    // The added head is drawn in the history's green on the screen.
    const [x, y] = pagePoint(element, 50, 50);
    const ring = await pixels({ left: x - 8, top: y - 8, width: 17, height: 17 });
    let green = 0;
    for (let i = 0; i < ring.data.length; i += 4) if (ring.data[i + 1]! > 180 && ring.data[i]! < 90 && ring.data[i + 2]! < 150) green++;
    expect(green).to.be.greaterThan(5);
    // Undoing nothing, moving car-1 back by editing is a host write here: the marks follow the annotations.
    element.annotations = version([box('car-1', 100, 100), box('car-2', 300, 100), head('head-1', 500, 300)]) as never;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('svg.compare path[data-mark]')).to.have.length(0);
    expect(panelOf(element)!.shadowRoot!.querySelector('.history-list')!.textContent).to.contain('No changes.');
  });

  it("offers the record's own stage history as baselines", async () => {
    const labelStage = version([box('car-1', 100, 100)]);
    const record = structuredClone(version([box('car-1', 100, 100), head('head-1', 20, 20)])) as unknown as ExportRecord;
    const { tools, classifications, relations } = (labelStage as unknown as ExportRecord).task;
    record.task.stageHistory = [{ stage: 'Label', stageId: 'Label', duration: 0, completedAt: '2026-12-01T00:00:00Z', completedBy: 'ann@example.com', tools, classifications, relations }];
    const element = await mount([SOURCES[0]!], record);
    const select = inPanel<HTMLSelectElement>(element, '.history-base');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['—', 'Ann', 'Stage 1: Label (ann@example.com)']);
    select.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(select.value).to.equal('stage:0');
    await panelOf(element)!.updateComplete;
    await element.updateComplete;
    expect(inPanel(element, '.history-list').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Added: Head 1');
  });
});
