/**
 * Issue #21: 100,000 objects on one <lk-image> (dense labeling). The record is generated here
 * (test/generators/dense-record.ts); input is real mouse and keyboard. Speed (long tasks, frame
 * times) is measured in the bench (bench/pages/image-labelkit.ts, "100000 dense"), not here: this
 * file asserts what a user and a host see, and that the build is sliced.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { DENSE_ONTOLOGY, denseCentre, denseId, denseRecord, type DenseLayout } from '../generators/dense-record.js';
import { click, drag, nextEvent, pictureUrl, press } from '../elements/helpers.js';

const COUNT = 100_000;

/** A flat dark picture of the layout's size (the objects are what is looked at). */
const picture = (width: number, height: number) =>
  pictureUrl(width, height, (context) => {
    context.fillStyle = '#345';
    context.fillRect(0, 0, width, height);
  });

interface Loaded {
  element: LkImage;
  layout: DenseLayout;
  /** How many objects the surface had indexed, sampled every frame from the element's arrival until everything was built. */
  indexedPerFrame: number[];
}

let loaded: Loaded | undefined;

const surfaceOf = (element: LkImage) => (element as unknown as { surface?: { indexedCount: number } }).surface;

/** One 100,000-object element for the whole file (building it is the slow part). */
async function load(): Promise<Loaded> {
  if (loaded) return loaded;
  const { record, layout } = denseRecord(COUNT);
  const element = document.createElement('lk-image') as LkImage;
  element.style.cssText = '--lk-height: 600px; width: 1100px; display: block';
  element.ontology = DENSE_ONTOLOGY;
  element.annotations = record as never;
  element.src = await picture(layout.width, layout.height);
  const ready = nextEvent(element, 'lk-ready', 120_000);
  const indexedPerFrame: number[] = [];
  let building = true;
  const sample = () => {
    indexedPerFrame.push(surfaceOf(element)?.indexedCount ?? 0);
    if (building) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  document.body.append(element);
  await ready;
  await element.settled();
  building = false;
  element.focus();
  loaded = { element, layout, indexedPerFrame };
  return loaded;
}

after(() => loaded?.element.remove());

describe('100,000 objects on one lk-image', function () {
  this.timeout(180_000);

  it('indexes the objects in slices with frames drawn between them (the picture and the first objects show first), every object drawn in the end', async () => {
    const { element, indexedPerFrame } = await load();
    const changes = (values: number[]) => values.filter((n, i, all) => n !== all[i - 1]).join(', ');
    // Frames ran while the objects went into the index: some saw part of them.
    expect(indexedPerFrame.some((n) => n > 0 && n < COUNT), `indexed per frame: ${changes(indexedPerFrame)}`).to.equal(true);
    expect(element.renderedIds()).to.have.length(COUNT);
  });

  it('a real click selects the object under the pointer', async () => {
    const { element, layout } = await load();
    for (const index of [54_321, 3, COUNT - 1]) {
      await click(element, denseCentre(layout, index));
      expect(element.session.selection).to.deep.equal([denseId(index)]);
    }
    await press('Escape');
  });

  it('a drag with the box class draws object 100,001; the export holds all of them, exactly', async () => {
    const { element } = await load();
    await press('1');
    expect(element.session.activeSchemaId).to.equal('d-box');
    const changed = nextEvent<CustomEvent>(element, 'lk-change');
    await drag(element, [1000, 1000], [1400, 1300]);
    expect((await changed).detail.reason).to.equal('create');
    const tools = element.export().task.tools;
    expect(tools).to.have.length(COUNT + 1);
    const { record } = denseRecord(COUNT);
    const given = (record as { task: { tools: { objectId: string; 'bounding-box'?: unknown; polygon?: unknown }[] } }).task.tools;
    // Every generated object comes back with its geometry exactly as given.
    const byId = new Map(tools.map((tool) => [tool.objectId, tool as unknown as Record<string, unknown>]));
    for (const item of given) {
      const out = byId.get(item.objectId);
      expect(out?.['bounding-box'] ?? out?.polygon).to.deep.equal(item['bounding-box'] ?? item.polygon);
    }
    const added = tools.find((tool) => !tool.objectId.startsWith('d'))! as unknown as { 'bounding-box': { x: number; y: number; width: number; height: number } };
    const box = added['bounding-box'];
    // Within a screen pixel of the drag (pointer positions are whole page pixels).
    const pixel = 1 / element.view!.scale;
    expect(Math.abs(box.x - 1000)).to.be.below(pixel + 0.01);
    expect(Math.abs(box.width - 400)).to.be.below(2 * pixel + 0.01);
  });

  it('the object list renders a bounded number of rows; Home, ↓ and End move through every object', async () => {
    const { element } = await load();
    const list = element.shadowRoot!.querySelector('lk-object-list')!;
    await list.updateComplete;
    const rows = () => list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]');
    expect(rows().length).to.be.within(1, 60);
    rows()[0]!.focus();
    await press('Home');
    await list.updateComplete;
    expect((list.shadowRoot!.activeElement as HTMLElement).getAttribute('aria-posinset')).to.equal('1');
    await press('ArrowDown');
    await list.updateComplete;
    expect((list.shadowRoot!.activeElement as HTMLElement).getAttribute('aria-posinset')).to.equal('2');
    await press('End');
    await list.updateComplete;
    const focused = list.shadowRoot!.activeElement as HTMLElement;
    // Every object is reachable (the drag above may have added one).
    const total = String(element.export().task.tools.length);
    expect(Number(total)).to.be.at.least(COUNT);
    expect(focused.getAttribute('aria-posinset')).to.equal(total);
    expect(focused.getAttribute('aria-setsize')).to.equal(total);
    expect(rows().length).to.be.within(1, 60);
  });
});
