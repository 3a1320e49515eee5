import { expect } from '@open-wc/testing';
import { createAnnotationStore, type AnnotationStore, type ChangeSet, type Transaction } from '../../src/core/store.js';
import type { ObjectAnnotation } from '../../src/core/model.js';

const meta = { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'host', createdIn: 'Import' };

const box = (objectId: string): ObjectAnnotation => ({
  objectId,
  schemaId: 't-car',
  keyframes: [{ frame: 0, geometry: { type: 'bounding-box', value: { x: 1, y: 2, width: 3, height: 4 } } }],
  classifications: [],
  metadata: meta,
});

/** Puts `count` boxes, pausing after every `every`. */
function* putBoxes(tx: Transaction, count: number, every: number): Generator<void, void, void> {
  for (let i = 0; i < count; i++) {
    tx.putObject(box(`b${i}`));
    if ((i + 1) % every === 0) yield;
  }
}

describe('annotation store: a host transaction in steps (transactInSteps)', () => {
  let store: AnnotationStore;
  let changes: ChangeSet[];

  beforeEach(() => {
    store = createAnnotationStore({ audit: () => ({ at: '2026-12-05T00:00:00.000Z', by: 'ann', in: 'Label' }) });
    changes = [];
    store.subscribe((change) => changes.push(change));
  });

  it('writes a slice per step and announces the whole as one host change at the end', () => {
    const steps = store.transactInSteps({ reason: 'import' }, (tx) => putBoxes(tx, 2500, 1000));
    const sizes: number[] = [];
    let step = steps.next();
    while (!step.done) {
      sizes.push(store.state.objects.size);
      step = steps.next();
    }
    // A pause after each slice, and one before the change is announced.
    expect(sizes).to.deep.equal([1000, 2000, 2500]);
    expect(changes).to.have.length(1);
    expect(step.value).to.equal(changes[0]);
    expect(changes[0]!.origin).to.equal('api');
    expect(changes[0]!.reason).to.equal('import');
    expect(changes[0]!.objects.map((c) => c.id)).to.deep.equal(Array.from({ length: 2500 }, (_, i) => `b${i}`));
    // Objects without a number get the next of their class, as with `transact`.
    expect(store.state.objects.get('b2499')!.metadata.index).to.equal(2500);
  });

  it('steps not run to the end are rolled back and announce nothing', () => {
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('kept')));
    changes = [];
    const steps = store.transactInSteps({ reason: 'reset' }, function* (tx) {
      tx.removeObject('kept');
      yield* putBoxes(tx, 3000, 1000);
    });
    steps.next();
    steps.next();
    expect(store.state.objects.has('kept')).to.equal(false);
    steps.return(undefined);
    expect([...store.state.objects.keys()]).to.deep.equal(['kept']);
    expect(changes).to.deep.equal([]);
  });

  it('closed at its last pause, every write made but none announced, it is rolled back too', () => {
    const steps = store.transactInSteps({ reason: 'import' }, (tx) => putBoxes(tx, 2, 1));
    // Paused after b0, after b1, then before announcing.
    steps.next();
    steps.next();
    expect(steps.next().done).to.equal(false);
    expect(store.state.objects.size).to.equal(2);
    steps.return(undefined);
    expect(store.state.objects.size).to.equal(0);
    expect(changes).to.deep.equal([]);
  });

  it('a write that throws is rolled back and the error reaches the caller', () => {
    const steps = store.transactInSteps({ reason: 'import' }, function* (tx) {
      yield* putBoxes(tx, 10, 5);
      throw new Error('broken input');
    });
    expect(() => {
      while (!steps.next().done);
    }).to.throw('broken input');
    expect(store.state.objects.size).to.equal(0);
    expect(changes).to.deep.equal([]);
  });

  it('clears the undo history as every host write does', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('mine')));
    expect(store.canUndo()).to.equal(true);
    const steps = store.transactInSteps({ reason: 'import' }, (tx) => putBoxes(tx, 3, 1));
    while (!steps.next().done);
    expect(store.canUndo()).to.equal(false);
  });
});
