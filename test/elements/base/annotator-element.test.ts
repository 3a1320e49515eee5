import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AnnotatorElement } from '../../../src/elements/base/annotator-element.js';
import { allFormatCodecs } from '../../../src/format/all-codecs.js';
import type { AssetLoader } from '../../../src/host/asset-loader.js';
import type { AssetMetadata } from '../../../src/format/types.js';
import type { ObjectAnnotation } from '../../../src/core/model.js';
import { fetchJson, IMPORT_URL, nextEvent, ONTOLOGY_URL, recordEvents } from '../helpers.js';

/** The smallest concrete element: the base contract with an asset that is just bytes, reading every geometry kind. */
class TestAnnotator extends AnnotatorElement {
  protected static override formatCodecs = allFormatCodecs;

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    const buffer = await loader.fetchArrayBuffer({ signal });
    return { width: buffer.byteLength, height: 1 };
  }
}
customElements.define('lk-test-annotator', TestAnnotator);

/** The same on frames (as `<lk-video>`): objects are tracks. */
class TestTrackAnnotator extends TestAnnotator {
  protected static override planeModel = 'track' as const;
}
customElements.define('lk-test-track-annotator', TestTrackAnnotator);

let ontology: unknown;
let prelabels: unknown;

function box(objectId: string, x: number): ObjectAnnotation {
  return {
    objectId,
    schemaId: 't-car',
    keyframes: [{ frame: 0, geometry: { type: 'bounding-box', value: { x, y: 0, width: 10, height: 10 } } }],
    classifications: [],
    metadata: { createdAt: '', createdBy: '', createdIn: '' },
  };
}

async function mount(): Promise<TestAnnotator> {
  let now = Date.UTC(2026, 10, 22, 10, 0, 0);
  const element = await fixture<TestAnnotator>(html`<lk-test-annotator
    asset-id="a-1"
    external-id="bottles-frame.jpg"
    task-id="t-9"
    .ontology=${ontology}
    .user=${{ id: 'u-1', email: 'ann@example.com' }}
    .clock=${() => (now += 1000)}
  ></lk-test-annotator>`);
  return element;
}

function userCreate(element: TestAnnotator, objectId: string, x = 0): void {
  element.session.store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box(objectId, x)));
}

describe('AnnotatorElement (the contract every element shares)', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    prelabels = await fetchJson(IMPORT_URL);
  });

  it('loads through the host contract and fires lk-ready; the signed URL never reaches the export', async () => {
    const element = await mount();
    const ready = nextEvent<CustomEvent>(element, 'lk-ready');
    element.src = '/test/fixtures/image/bottles-frame.jpg?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=60&keep=1';
    const { detail } = await ready;
    expect(detail.metadata.width).to.be.greaterThan(1000);
    const record = element.export();
    expect(record.asset).to.equal('/test/fixtures/image/bottles-frame.jpg?keep=1');
    expect(JSON.stringify(record)).not.to.contain('abc%2Fdef');
    expect(record.assetId).to.equal('a-1');
    expect(record.externalId).to.equal('bottles-frame.jpg');
    expect(record.task.taskId).to.equal('t-9');
    expect(record.task.formatVersion).to.equal(2);
  });

  it('prefers the host asset reference over src', async () => {
    const element = await mount();
    element.asset = 'gs://bucket/img.jpg';
    element.src = '/test/fixtures/image/bottles-frame.jpg';
    await nextEvent(element, 'lk-ready');
    expect(element.export().asset).to.equal('gs://bucket/img.jpg');
  });

  it('fires lk-change for user writes (with undo and redo) and none for host writes', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    element.annotations = prelabels as never;
    element.import({ objects: [{ objectId: 'extra', schemaId: 't-head', point: [1, 2] }] });
    expect(events).to.have.length(0);
    expect(element.export().task.tools.map((t) => t.objectId)).to.include.members(['o1', 'extra']);

    userCreate(element, 'mine', 5);
    element.undo();
    element.redo();
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['create', 'undo', 'redo']);
    expect(events[0]!.detail.objectIds).to.deep.equal(['mine']);
    expect(events[0]!.detail.tools[0]['bounding-box']).to.deep.equal({ x: 5, y: 0, width: 10, height: 10 });
    expect(events[1]!.detail.removed).to.deep.equal(['mine']);
  });

  it('invents no audit data on import: items without metadata get createdIn Import and no user, the others keep theirs (Unix ms read as times)', async () => {
    const element = await mount();
    element.annotations = {
      objects: [
        { objectId: 'bare', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } },
        { objectId: 'ango', schemaId: 't-car', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 }, metadata: { createdAt: 1700000000000, createdBy: 'bob@example.com' } },
      ],
    };
    const [bare, ango] = element.export().task.tools;
    // The import time (the element's clock) as createdAt, and no other audit field; `index` is
    // labelkit's per-class number, not audit data (Car 1, Car 2 in import order).
    expect(bare!.metadata).to.have.all.keys('createdAt', 'createdIn', 'index');
    expect(bare!.metadata.createdIn).to.equal('Import');
    expect(bare!.metadata.createdAt!.startsWith('2026-11-22T10:00:')).to.equal(true);
    expect(ango!.metadata).to.deep.equal({ createdAt: '2023-11-14T22:13:20.000Z', createdBy: 'bob@example.com', index: 2 });
  });

  it('stamps audit metadata with the user and stage, and the task with the latest change', async () => {
    const element = await mount();
    element.stage = 'Review';
    userCreate(element, 'a');
    const tool = element.export().task.tools[0]!;
    expect(tool.metadata).to.include({ createdBy: 'ann@example.com', createdIn: 'Review' });
    element.user = { id: 'u-2', email: 'rev@example.com' };
    userCreate(element, 'a', 3);
    const record = element.export();
    expect(record.task.tools[0]!.metadata).to.include({ createdBy: 'ann@example.com', updatedBy: 'rev@example.com' });
    expect(record.task.updatedBy).to.equal('rev@example.com');
  });

  it('rejects invalid annotations with import-invalid and keeps what was there', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.annotations = { objects: [{ objectId: 'x', schemaId: 'no-such-class', 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } }] };
    const { detail } = await error;
    expect(detail.code).to.equal('import-invalid');
    expect(detail.cause.problems[0].path).to.be.a('string');
    expect(element.export().task.tools).to.have.length(7);
  });

  it('an invalid ontology set before the element is on the page still reaches the host: through a template, and through append', async () => {
    const bad = { tools: [{ schemaId: 'x', tool: 'laser', title: 'X', color: 'red' }] };
    // lit sets properties while the element is still in the template's fragment, then inserts it.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const heard: string[] = [];
    host.addEventListener('lk-error', (event) => heard.push((event as CustomEvent).detail.code));
    const { render } = await import('lit');
    render(html`<lk-test-annotator .ontology=${bad}></lk-test-annotator>`, host);
    await Promise.resolve();
    await Promise.resolve();
    expect(heard).to.deep.equal(['ontology-invalid']);

    // A host that creates, configures, appends and only then listens, all in one task.
    const element = document.createElement('lk-test-annotator') as TestAnnotator;
    element.ontology = bad as never;
    host.append(element);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    expect((await error).detail.code).to.equal('ontology-invalid');
    expect(heard, 'each error once').to.deep.equal(['ontology-invalid', 'ontology-invalid']);
  });

  it('applies annotations given before the ontology once the ontology arrives', async () => {
    const element = await fixture<TestAnnotator>(html`<lk-test-annotator></lk-test-annotator>`);
    element.annotations = prelabels as never;
    await element.updateComplete;
    element.ontology = ontology as never;
    await element.updateComplete;
    expect(element.export().task.tools).to.have.length(7);
  });

  it('submit: lk-invalid lists required answers; when valid, lk-submit carries the record with stageHistory appended', async () => {
    const element = await mount();
    const invalid = nextEvent<CustomEvent>(element, 'lk-invalid');
    expect(element.submit()).to.equal(undefined);
    const problems = (await invalid).detail.problems as { code: string; schemaId?: string }[];
    expect(problems.map((p) => p.schemaId)).to.include.members(['t-car', 'c-weather']);

    element.annotations = prelabels as never;
    userCreate(element, 'car', 1);
    element.session.store.transact({ origin: 'user', reason: 'classify' }, (tx) => {
      const car = tx.state.objects.get('car')!;
      tx.putObject({
        ...car,
        classifications: [{ objectId: 'k', schemaId: 'c-car-kind', answer: 'Sedan', classifications: [], metadata: car.metadata }],
      });
    });
    element.validator = (record) => (record.task.tools.length > 100 ? [{ message: 'too many' }] : []);
    const submitted = nextEvent<CustomEvent>(element, 'lk-submit');
    const record = element.submit();
    expect(record).not.to.equal(undefined);
    const { detail } = await submitted;
    expect(detail.record.task.stageHistory).to.have.length(1);
    expect(detail.record.task.stageHistory[0]).to.include({ stage: 'Label', completedBy: 'ann@example.com' });
  });

  it('a host validator that throws becomes a problem, never an exception', async () => {
    const element = await mount();
    element.validator = () => {
      throw new Error('boom');
    };
    const problems = element.validate();
    expect(problems.some((p) => p.code === 'validator-failed')).to.equal(true);
  });

  it('keyboard: undo/redo and Delete; inert while typing in a field; view mode blocks all of it', async () => {
    const element = await mount();
    element.focus();
    userCreate(element, 'a');
    userCreate(element, 'b', 20);
    await sendKeys({ press: 'Control+z' });
    expect([...element.session.store.state.objects.keys()]).to.deep.equal(['a']);
    await sendKeys({ press: 'Control+Shift+z' });
    element.session.select(['b']);
    await sendKeys({ press: 'Delete' });
    expect([...element.session.store.state.objects.keys()]).to.deep.equal(['a']);

    const input = document.createElement('input');
    element.shadowRoot!.append(input);
    input.focus();
    await sendKeys({ type: '1' });
    await sendKeys({ press: 'Control+z' });
    expect(element.session.activeSchemaId).to.equal(undefined);
    expect([...element.session.store.state.objects.keys()]).to.deep.equal(['a']);
    input.remove();

    element.focus();
    await sendKeys({ press: '1' });
    expect(element.session.activeSchemaId).to.equal('t-car');
    await sendKeys({ press: 'Escape' });
    expect(element.session.activeSchemaId).to.equal(undefined);

    element.mode = 'view';
    await element.updateComplete;
    element.session.select(['a']);
    await sendKeys({ press: 'Delete' });
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: '1' });
    userCreate(element, 'c');
    expect([...element.session.store.state.objects.keys()]).to.deep.equal(['a']);
    expect(element.session.activeSchemaId).to.equal(undefined);
  });

  it('host can remap and disable shortcuts', async () => {
    const element = await mount();
    element.shortcuts = { undo: 'mod+u', redo: null };
    element.focus();
    userCreate(element, 'a');
    await sendKeys({ press: 'Control+z' });
    expect(element.session.store.state.objects.size).to.equal(1);
    await sendKeys({ press: 'Control+u' });
    expect(element.session.store.state.objects.size).to.equal(0);
    await sendKeys({ press: 'Control+Shift+z' });
    expect(element.session.store.state.objects.size).to.equal(0);
  });

  it('Alt + an ontology shortcut changes the class of the selection (same tool type only)', async () => {
    const element = await mount();
    element.ontology = {
      tools: [
        { schemaId: 't-car', tool: 'bounding-box', title: 'Car', color: '#ff0000', shortcutKey: '1' },
        { schemaId: 't-bus', tool: 'bounding-box', title: 'Bus', color: '#00ff00', shortcutKey: '2' },
      ],
    };
    await element.updateComplete;
    userCreate(element, 'a');
    element.session.select(['a']);
    element.focus();
    await sendKeys({ press: 'Alt+2' });
    expect(element.export().task.tools[0]!.schemaId).to.equal('t-bus');
    expect(element.export().task.tools[0]!.title).to.equal('Bus');
  });

  it('lk-select carries the previous selection', async () => {
    const element = await mount();
    userCreate(element, 'a');
    userCreate(element, 'b');
    const events = recordEvents(element, ['lk-select']);
    element.session.select(['a']);
    element.session.select(['b']);
    expect(events.map((e) => e.detail)).to.deep.equal([
      { objectIds: ['a'], previous: [] },
      { objectIds: ['b'], previous: ['a'] },
    ]);
  });

  it('tracks active time on the injected clock and reports it in the export', async () => {
    let now = 0;
    const element = await fixture<TestAnnotator>(html`<lk-test-annotator .clock=${() => now}></lk-test-annotator>`);
    now += 5000;
    element.dispatchEvent(new PointerEvent('pointerdown'));
    now += 2000;
    const task = element.export().task;
    expect(task.totalDuration).to.be.at.least(7000);
    expect(task.idleDuration).to.equal(0);
  });

  it('review mode fires lk-review; other modes do not', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-review']);
    element.review({ verdict: 'accept' });
    element.mode = 'review';
    await element.updateComplete;
    element.review({ verdict: 'reject', comment: 'box too loose', errorCode: 'E1', objectIds: ['o1'] });
    expect(events.map((e) => e.detail)).to.deep.equal([{ verdict: 'reject', comment: 'box too loose', errorCode: 'E1', objectIds: ['o1'] }]);
  });

  it('Tab walks only the objects on the current frame (and not hidden ones); Ctrl+A selects those; a revealed problem goes to its frame', async () => {
    const element = await fixture<TestTrackAnnotator>(html`<lk-test-track-annotator .ontology=${ontology}></lk-test-track-annotator>`);
    element.session.setPlaneCount(100);
    const track = (objectId: string, from: number, to: number): ObjectAnnotation => ({
      ...box(objectId, 0),
      keyframes: [
        { frame: from, geometry: { type: 'bounding-box', value: { x: 0, y: 0, width: 10, height: 10 } } },
        { frame: to, geometry: { type: 'bounding-box', value: { x: 0, y: 0, width: 10, height: 10 } }, stopped: true },
      ],
    });
    element.session.store.transact({ origin: 'api', reason: 'import' }, (tx) => {
      tx.putObject(track('early', 0, 20));
      tx.putObject(track('late', 50, 90));
      tx.putObject(track('always', 0, 99));
      tx.putObject(track('hidden', 0, 99));
    });
    element.session.setHidden('hidden', true);
    element.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(element.session.selection).to.deep.equal(['always']);
    await sendKeys({ press: 'Shift+Tab' });
    expect(element.session.selection).to.deep.equal(['early']);
    element.session.setPlane(60);
    await sendKeys({ press: 'Control+a' });
    expect(element.session.selection).to.deep.equal(['late', 'always']);
    element.session.reveal({ code: 'required-classification', message: 'x', objectId: 'early', schemaId: 'c-car-kind' });
    expect(element.session.plane, 'the problem object is shown where it is').to.equal(0);
    expect(element.session.selection).to.deep.equal(['early']);
  });
});
