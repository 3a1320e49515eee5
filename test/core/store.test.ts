import { expect } from '@open-wc/testing';
import { createAnnotationStore, type AnnotationStore, type ChangeSet } from '../../src/core/store.js';
import type { ObjectAnnotation, RelationAnnotation } from '../../src/core/model.js';

const meta = { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'host', createdIn: 'Label' };

function box(objectId: string, x = 0, lock = false): ObjectAnnotation {
  return {
    objectId,
    schemaId: 't-car',
    keyframes: [{ frame: 0, geometry: { type: 'bounding-box', value: { x, y: 0, width: 10, height: 10 } } }],
    classifications: [],
    metadata: meta,
    ...(lock ? { lock } : {}),
  };
}

function single(objectId: string, from: string, to: string): RelationAnnotation {
  return { kind: 'single', objectId, schemaId: 'r-follows', from, to, direction: 'straight', metadata: meta };
}

function group(objectId: string, members: string[]): RelationAnnotation {
  return { kind: 'group', objectId, schemaId: 'r-group', group: members, metadata: meta };
}

function xOf(store: AnnotationStore, id: string): number | undefined {
  const geometry = store.state.objects.get(id)?.keyframes[0]?.geometry;
  return geometry?.type === 'bounding-box' ? geometry.value.x : undefined;
}

describe('annotation store', () => {
  let clock: number;
  let user: string;
  let store: AnnotationStore;
  let changes: ChangeSet[];

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 22, 10, 0, 0);
    user = 'ann@example.com';
    store = createAnnotationStore({ audit: () => ({ at: new Date(clock).toISOString(), by: user, in: 'Label' }) });
    changes = [];
    store.subscribe((change) => changes.push(change));
  });

  it('applies user writes, stamps audit metadata and makes each transaction one undo step', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a')));
    expect(store.state.objects.get('a')?.metadata).to.deep.equal({
      createdAt: '2026-11-22T10:00:00.000Z',
      createdBy: 'ann@example.com',
      createdIn: 'Label',
      index: 1,
    });
    clock += 60_000;
    user = 'rev@example.com';
    store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(box('a', 5)));
    expect(store.state.objects.get('a')?.metadata).to.include({
      createdBy: 'ann@example.com',
      updatedBy: 'rev@example.com',
      updatedAt: '2026-11-22T10:01:00.000Z',
    });
    expect(changes.map((c) => [c.origin, c.reason, c.phase])).to.deep.equal([
      ['user', 'create', 'commit'],
      ['user', 'update', 'commit'],
    ]);

    store.undo();
    expect(xOf(store, 'a')).to.equal(0);
    store.undo();
    expect(store.state.objects.has('a')).to.equal(false);
    expect(store.canUndo()).to.equal(false);
    store.redo();
    store.redo();
    expect(xOf(store, 'a')).to.equal(5);
    expect(changes.slice(2).map((c) => c.reason)).to.deep.equal(['undo', 'undo', 'redo', 'redo']);
  });

  it('keeps api writes out of history and stores their metadata as given (with the next number where it has none)', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a')));
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('b')));
    expect(store.state.objects.get('b')?.metadata).to.deep.equal({ ...meta, index: 2 });
    const numbered = { ...box('c'), metadata: { ...meta, index: 9 } };
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(numbered));
    expect(store.state.objects.get('c'), 'an object that has its number is stored as given').to.equal(numbered);
    expect(store.canUndo()).to.equal(false);
    expect(changes.at(-1)?.origin).to.equal('api');
  });

  it('groups a gesture into one undo step and announces live steps then one commit', () => {
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('a')));
    changes = [];
    store.beginGesture();
    for (const x of [1, 2, 3]) store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(box('a', x)));
    const commit = store.endGesture('update');
    expect(changes.map((c) => c.phase)).to.deep.equal(['live', 'live', 'live', 'commit']);
    expect(commit?.objects[0]?.before?.keyframes[0]?.geometry).to.deep.equal(box('a').keyframes[0]?.geometry);
    store.undo();
    expect(xOf(store, 'a')).to.equal(0);
    store.redo();
    expect(xOf(store, 'a')).to.equal(3);
  });

  it('cancelling a gesture leaves nothing behind and no undo step', () => {
    store.beginGesture();
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('draft')));
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('draft', 9)));
    store.cancelGesture();
    expect(store.state.objects.size).to.equal(0);
    expect(store.canUndo()).to.equal(false);
    expect(changes.every((c) => c.phase === 'live')).to.equal(true);
  });

  it('keeps the creation stamp while a new object is shaped within its gesture', () => {
    store.beginGesture();
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('n')));
    clock += 1000;
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('n', 4)));
    store.endGesture('create');
    expect(store.state.objects.get('n')?.metadata.updatedAt).to.equal(undefined);
  });

  it('deleting an object removes its relations, and undo restores them all', () => {
    store.transact({ origin: 'api', reason: 'import' }, (tx) => {
      for (const id of ['a', 'b', 'c']) tx.putObject(box(id));
      tx.putRelation(single('r1', 'a', 'b'));
      tx.putRelation(group('g1', ['a', 'b', 'c']));
      tx.putRelation(group('g2', ['a', 'c']));
    });
    const change = store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('a'));
    expect(change?.relations.map((r) => [r.id, r.after === undefined])).to.have.deep.members([
      ['r1', true],
      ['g1', false],
      ['g2', true],
    ]);
    const g1 = store.state.relations.get('g1');
    expect(g1?.kind === 'group' ? g1.group : []).to.deep.equal(['b', 'c']);
    store.undo();
    expect([...store.state.relations.keys()].sort()).to.deep.equal(['g1', 'g2', 'r1']);
    const restored = store.state.relations.get('g1');
    expect(restored?.kind === 'group' ? restored.group : []).to.deep.equal(['a', 'b', 'c']);
    expect(store.state.objects.has('a')).to.equal(true);
  });

  it('cascades deletes from the relations an object is in now: after re-pointing, undo, redo and a rolled-back write', () => {
    store.transact({ origin: 'api', reason: 'import' }, (tx) => {
      for (const id of ['a', 'b', 'c', 'd']) tx.putObject(box(id));
      tx.putRelation(single('r1', 'a', 'b'));
      tx.putRelation(group('g1', ['b', 'c', 'd']));
    });
    // r1 now joins a and c: deleting b leaves it alone, and shrinks g1 to c, d.
    store.transact({ origin: 'user', reason: 'relate' }, (tx) => tx.putRelation(single('r1', 'a', 'c')));
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('b'));
    expect(store.state.relations.get('r1')).to.include({ from: 'a', to: 'c' });
    const g1 = store.state.relations.get('g1');
    expect(g1?.kind === 'group' ? g1.group : []).to.deep.equal(['c', 'd']);
    // Undo both: r1 joins a and b again, so deleting a takes it (and g1 keeps b, c, d).
    store.undo();
    store.undo();
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('a'));
    expect(store.state.relations.has('r1')).to.equal(false);
    const restored = store.state.relations.get('g1');
    expect(restored?.kind === 'group' ? restored.group : []).to.deep.equal(['b', 'c', 'd']);
    // Undo, then redo the delete of a: r1 comes back and goes again.
    store.undo();
    expect(store.state.relations.get('r1')).to.include({ from: 'a', to: 'b' });
    store.redo();
    expect(store.state.relations.has('r1')).to.equal(false);
    // A write that throws rolls back the relation it put: deleting d later does not see it.
    expect(() =>
      store.transact({ origin: 'user', reason: 'relate' }, (tx) => {
        tx.putRelation(single('r2', 'c', 'd'));
        throw new Error('host callback failed');
      }),
    ).to.throw('host callback failed');
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('c'));
    const shrunk = store.state.relations.get('g1');
    expect(shrunk?.kind === 'group' ? shrunk.group : []).to.deep.equal(['b', 'd']);
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('d'));
    // A group of one is no group: g1 goes with d.
    expect([...store.state.relations.keys()]).to.deep.equal([]);
  });

  it('removes the relations of many deleted objects without touching the others', () => {
    const count = 2000;
    store.transact({ origin: 'api', reason: 'import' }, (tx) => {
      for (let i = 0; i < count; i++) tx.putObject(box(`o${i}`));
      for (let i = 0; i + 1 < count; i++) tx.putRelation(single(`r${i}`, `o${i}`, `o${i + 1}`));
    });
    const change = store.transact({ origin: 'user', reason: 'delete' }, (tx) => {
      for (let i = 0; i < count; i += 2) tx.removeObject(`o${i}`);
    });
    // Every relation touches an even object: all go, each listed once.
    expect(change?.relations.length).to.equal(count - 1);
    expect(store.state.relations.size).to.equal(0);
    store.undo();
    expect(store.state.relations.size).to.equal(count - 1);
    expect(store.state.relations.get('r7')).to.include({ from: 'o7', to: 'o8' });
  });

  it('refuses user edits and deletes of locked items but lets the host replace them', () => {
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('l', 0, true)));
    expect(store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(box('l', 7)))).to.equal(undefined);
    expect(store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('l'))).to.equal(undefined);
    expect(xOf(store, 'l')).to.equal(0);
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('l', 7, true)));
    expect(xOf(store, 'l')).to.equal(7);
  });

  it('accepts no user writes, undo or redo while not user-writable (view mode)', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a')));
    store.userWritable = false;
    expect(store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('b')))).to.equal(undefined);
    expect(store.undo()).to.equal(undefined);
    expect(store.canUndo()).to.equal(false);
    expect([...store.state.objects.keys()]).to.deep.equal(['a']);
  });

  it('rolls a throwing transaction back completely', () => {
    expect(() =>
      store.transact({ origin: 'user', reason: 'create' }, (tx) => {
        tx.putObject(box('a'));
        throw new Error('boom');
      }),
    ).to.throw('boom');
    expect(store.state.objects.size).to.equal(0);
    expect(changes).to.have.length(0);
  });

  it('folds an amending write into the last step: one undo and one redo for both', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a', 1)));
    store.transact({ origin: 'user', reason: 'classify' }, (tx) => tx.putObject(box('a', 2)));
    store.transact({ origin: 'user', reason: 'update', amend: true }, (tx) => {
      tx.putObject(box('a', 3));
      tx.putObject(box('b', 9));
    });
    expect(changes.map((change) => change.reason)).to.deep.equal(['create', 'classify', 'update']);
    store.undo();
    expect([xOf(store, 'a'), store.state.objects.has('b')]).to.deep.equal([1, false]);
    store.redo();
    expect([xOf(store, 'a'), xOf(store, 'b')]).to.deep.equal([3, 9]);
    store.undo();
    store.undo();
    expect(store.state.objects.size).to.equal(0);
    expect(store.canUndo()).to.equal(false);
  });

  it('does not amend a step that was undone, or one from before a host write', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a', 1)));
    store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(box('a', 2)));
    store.undo();
    store.transact({ origin: 'user', reason: 'update', amend: true }, (tx) => tx.putObject(box('a', 5)));
    store.undo();
    expect(xOf(store, 'a'), 'the amending write was a step of its own').to.equal(1);
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(box('h', 0)));
    store.transact({ origin: 'user', reason: 'update', amend: true }, (tx) => tx.putObject(box('a', 7)));
    expect(store.canUndo()).to.equal(true);
    store.undo();
    expect(xOf(store, 'a')).to.equal(1);
  });

  it('undo after a mixed sequence restores each step in order', () => {
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a')));
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('b')));
    store.transact({ origin: 'user', reason: 'relate' }, (tx) => tx.putRelation(single('r', 'a', 'b')));
    store.transact({ origin: 'user', reason: 'classify' }, (tx) =>
      tx.putClassification({ objectId: 'c1', schemaId: 'c-w', answer: ['Rain'], classifications: [], metadata: meta }),
    );
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('b'));
    expect(store.state.relations.size).to.equal(0);
    store.undo();
    expect(store.state.relations.has('r')).to.equal(true);
    store.undo();
    expect(store.state.classifications.size).to.equal(0);
    store.redo();
    expect(store.state.classifications.get('c1')?.answer).to.deep.equal(['Rain']);
    store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(box('a', 3)));
    expect(store.canRedo()).to.equal(false);
  });

  it('numbers objects per class: kept through edits, undo and redo; a new class gives its next number; a number is never given twice', () => {
    const indexOf = (id: string) => store.state.objects.get(id)?.metadata.index;
    store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject({ ...box('imported'), metadata: { ...meta, index: 4 } }));
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject(box('a')));
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject({ ...box('sign'), schemaId: 't-sign' }));
    expect([indexOf('imported'), indexOf('a'), indexOf('sign')]).to.deep.equal([4, 5, 1]);
    store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject({ ...box('a', 9), metadata: { ...meta, index: 99 } }));
    expect(indexOf('a'), 'an edit (whatever the caller sends) keeps the number').to.equal(5);
    store.undo();
    store.undo();
    store.redo();
    expect(indexOf('a')).to.equal(5);
    store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject({ ...store.state.objects.get('a')!, schemaId: 't-sign' }));
    expect(indexOf('a'), 'now the second sign').to.equal(2);
    store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject('sign'));
    store.transact({ origin: 'user', reason: 'create' }, (tx) => tx.putObject({ ...box('next'), schemaId: 't-sign' }));
    expect(indexOf('next'), 'sign 1 is gone, its number is not given again').to.equal(3);
  });
});
