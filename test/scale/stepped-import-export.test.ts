/**
 * Issue #21: 100,000 objects imported and exported in steps on one <lk-image>
 * (`importInSteps`, `exportInSteps`, `exportBlob`). The record is generated
 * (test/generators/dense-record.ts); input is real mouse and keyboard. That the main thread is
 * given back is seen from the page (frames drawn, messages answered while the work is under way);
 * how long each task takes is measured in the bench (bench/pages/image-labelkit.ts, "100000 dense").
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ExportRecord } from '../../src/format/types.js';
import { DENSE_ONTOLOGY, denseCentre, denseId, denseRecord, type DenseLayout } from '../generators/dense-record.js';
import { click, drag, nextEvent, pictureUrl, press } from '../elements/helpers.js';
import { until } from '../elements/waits.js';

const COUNT = 100_000;

interface GivenTool {
  objectId: string;
  metadata: Record<string, unknown>;
  [key: string]: unknown;
}

/** A flat dark picture of the layout's size (the objects are what is looked at). */
const picture = (width: number, height: number) =>
  pictureUrl(width, height, (context) => {
    context.fillStyle = '#345';
    context.fillRect(0, 0, width, height);
  });

/**
 * Runs `work`, noting what else the main thread did meanwhile: the objects the store held at each
 * animation frame, and how many times a message posted to itself was answered.
 */
async function whileRunning<T>(element: LkImage, work: () => Promise<T>): Promise<{ result: T; sizes: number[]; answers: number }> {
  const sizes: number[] = [];
  let answers = 0;
  let running = true;
  const sample = () => {
    sizes.push(element.session.store.state.objects.size);
    if (running) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    answers++;
    if (running) channel.port2.postMessage(undefined);
  };
  channel.port2.postMessage(undefined);
  try {
    return { result: await work(), sizes, answers };
  } finally {
    running = false;
    channel.port1.close();
  }
}

/** An exported tool as it was given: the export numbers each object (`metadata.index`), the input does not. */
function asGiven(tool: unknown): GivenTool {
  const { metadata, ...rest } = tool as GivenTool;
  const { index: _index, ...given } = metadata;
  return { ...rest, metadata: given };
}

/** JSON with every object's keys sorted: the same text for the same data, whatever the key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** The first index at which two lists differ (as canonical JSON), or -1. */
function firstDifference(a: unknown[], b: unknown[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return a.findIndex((item, i) => canonical(item) !== canonical(b[i]));
}

let element: LkImage;
let layout: DenseLayout;
let given: GivenTool[];

describe('100,000 objects imported and exported in steps on one lk-image', function () {
  this.timeout(300_000);

  before(async () => {
    const dense = denseRecord(COUNT);
    layout = dense.layout;
    given = (dense.record as { task: { tools: GivenTool[] } }).task.tools;
    element = document.createElement('lk-image') as LkImage;
    element.style.cssText = '--lk-height: 600px; width: 1100px; display: block';
    element.ontology = DENSE_ONTOLOGY;
    // A clock that stands still: the durations in two exports of the same state are the same.
    element.clock = () => Date.UTC(2026, 11, 5);
    element.src = await picture(layout.width, layout.height);
    const ready = nextEvent(element, 'lk-ready', 120_000);
    document.body.append(element);
    await ready;
  });

  after(() => element?.remove());

  it('importInSteps stores the objects a slice at a time with frames drawn between; export() then holds exactly the input', async () => {
    const { record } = denseRecord(COUNT);
    const { result, sizes } = await whileRunning(element, () => element.importInSteps(record as never, { replace: true }));
    expect(result).to.deep.equal([]);
    // Frames ran while the objects went into the store: some saw part of them.
    expect(
      sizes.some((n) => n > 0 && n < COUNT),
      `objects per frame: ${sizes.filter((n, i, all) => n !== all[i - 1]).join(', ')}`,
    ).to.equal(true);
    const tools = element.export().task.tools;
    expect(tools).to.have.length(COUNT);
    const differs = firstDifference(tools.map(asGiven), given);
    expect(differs, `tool ${differs}: ${canonical(tools[differs])} ≠ ${canonical(given[differs])}`).to.equal(-1);
    await element.settled();
    expect(element.renderedIds()).to.have.length(COUNT);
  });

  it('exportInSteps resolves with the record export() returns, answering other tasks while it builds it', async () => {
    const { result, answers } = await whileRunning(element, () => element.exportInSteps());
    expect(answers).to.be.greaterThanOrEqual(2);
    expect(JSON.stringify(result)).to.equal(JSON.stringify(element.export()));
  });

  it('exportBlob is exactly JSON.stringify(export()), as application/json, built with the main thread given back', async () => {
    const { result: blob, answers } = await whileRunning(element, () => element.exportBlob());
    expect(answers).to.be.greaterThanOrEqual(2);
    expect(blob.type).to.equal('application/json');
    expect(await blob.text()).to.equal(JSON.stringify(element.export()));
  });

  it('after the stepped import a real click selects the object under the pointer, and a drawn box is in the exported blob', async () => {
    await element.settled();
    element.focus();
    for (const index of [77_777, 5]) {
      await click(element, denseCentre(layout, index));
      expect(element.session.selection).to.deep.equal([denseId(index)]);
    }
    await press('Escape');
    await press('1');
    const changed = nextEvent<CustomEvent>(element, 'lk-change');
    await drag(element, [1000, 1000], [1400, 1300]);
    expect((await changed).detail.reason).to.equal('create');
    const record = JSON.parse(await (await element.exportBlob()).text()) as ExportRecord;
    expect(record.task.tools).to.have.length(COUNT + 1);
    const added = record.task.tools.find((tool) => !tool.objectId.startsWith('d')) as unknown as { 'bounding-box': { x: number; width: number } };
    const pixel = 1 / element.view!.scale;
    expect(Math.abs(added['bounding-box'].x - 1000)).to.be.below(pixel + 0.01);
  });

  it('invalid input late in a stepped import fires import-invalid and changes nothing', async () => {
    const before = element.export().task.tools.length;
    const { record } = denseRecord(COUNT);
    const tools = (record as { task: { tools: GivenTool[] } }).task.tools;
    tools[COUNT - 2] = { ...tools[COUNT - 2]!, objectId: denseId(3) };
    const failed = nextEvent<CustomEvent>(element, 'lk-error');
    const problems = await element.importInSteps(record as never, { replace: true });
    expect((await failed).detail.code).to.equal('import-invalid');
    expect(problems.map((p) => p.code)).to.deep.equal(['duplicate-object-id']);
    expect(element.export().task.tools).to.have.length(before);
  });

  it('a host write while a stepped import is being stored lands after all of it: a replace then holds only its own objects', async () => {
    const { record } = denseRecord(COUNT);
    const stepped = element.importInSteps(record as never, { replace: true });
    const stored = () => element.session.store.state.objects.size;
    await until(() => stored() > 0 && stored() < COUNT, 'part of the import stored');
    element.annotations = { objects: [{ objectId: 'late', schemaId: 'd-box', 'bounding-box': { x: 10, y: 10, width: 20, height: 20 } }] } as never;
    // The ids exported (a mixed store would hold 'late' and the rest of the import: a short message, not 100,000 lines).
    const ids = () => element.export().task.tools.map((tool) => tool.objectId);
    expect(ids().join()).to.equal('late');
    expect(await stepped).to.deep.equal([]);
    expect(ids().length).to.equal(1);
    expect(ids().join()).to.equal('late');
    await element.settled();
    expect(element.renderedIds()).to.deep.equal(['late']);
  });
});

