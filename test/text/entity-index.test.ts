import { expect } from '@open-wc/testing';
import { createEntityIndex, type TextEntity } from '../../src/text/entity-index.js';

describe('entity index', () => {
  const index = createEntityIndex([
    { id: 'outer', start: 0, end: 20 },
    { id: 'inner', start: 5, end: 10 },
    { id: 'innermost', start: 6, end: 8 },
    { id: 'crossing', start: 15, end: 25 },
    { id: 'later', start: 30, end: 34 },
  ]);

  it('finds the smallest entity covering a character', () => {
    expect(index.smallestAt(7)?.id).to.equal('innermost');
    expect(index.smallestAt(5)?.id).to.equal('inner');
    expect(index.smallestAt(9)?.id).to.equal('inner');
    expect(index.smallestAt(10)?.id).to.equal('outer');
    expect(index.smallestAt(16)?.id).to.equal('crossing');
    expect(index.smallestAt(20)?.id).to.equal('crossing');
    expect(index.smallestAt(27)).to.equal(undefined);
    expect(index.smallestAt(34)).to.equal(undefined, 'end is exclusive');
  });

  it('gives nested and crossing entities separate lanes and reuses free lanes', () => {
    expect(index.laneOf('outer')).to.equal(0);
    expect(index.laneOf('inner')).to.equal(1);
    expect(index.laneOf('innermost')).to.equal(2);
    expect(index.laneOf('crossing')).to.equal(1);
    expect(index.laneOf('later')).to.equal(0);
  });

  it('lists entities overlapping a range in document order', () => {
    expect(index.overlapping(8, 16).map((e) => e.id)).to.deep.equal(['outer', 'inner', 'crossing']);
    expect(index.overlapping(25, 30).map((e) => e.id)).to.deep.equal([]);
  });

  it('keeps lanes and lookups right through single updates, as a rebuild would give them', () => {
    const entities = new Map<string, TextEntity>();
    const live = createEntityIndex([]);
    // Deterministic pseudo-random spans, some long (over the index's long-entity threshold).
    let seed = 7;
    const random = (max: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % max);
    for (let step = 0; step < 600; step++) {
      const id = `e${random(120)}`;
      if (entities.has(id) && random(3) === 0) {
        entities.delete(id);
        live.update([id], []);
      } else {
        const start = random(20_000);
        const entity = { id, start, end: start + 1 + (random(10) === 0 ? random(9000) : random(40)) };
        entities.set(id, entity);
        live.update([], [entity]);
      }
      if (step % 50 !== 49) continue;
      const fresh = createEntityIndex(entities.values());
      expect(live.ordered.map((e) => e.id)).to.deep.equal(fresh.ordered.map((e) => e.id));
      for (const entity of entities.values()) expect(live.laneOf(entity.id), entity.id).to.equal(fresh.laneOf(entity.id));
      for (const offset of [0, 5000, 12_345, 19_999]) {
        expect(live.smallestAt(offset)?.id).to.equal(fresh.smallestAt(offset)?.id);
        expect(live.overlapping(offset, offset + 300).map((e) => e.id)).to.deep.equal(
          [...entities.values()].filter((e) => e.start < offset + 300 && e.end > offset).sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1)).map((e) => e.id),
        );
      }
    }
  });

  it('reports the entities whose lane an update changed', () => {
    const live = createEntityIndex([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 8 },
      { id: 'c', start: 20, end: 30 },
    ]);
    expect(live.laneOf('b')).to.equal(1);
    // Removing the outer entity lifts the nested one to lane 0; the far one is untouched.
    expect([...live.update(['a'], [])]).to.deep.equal(['b']);
    expect(live.laneOf('b')).to.equal(0);
    // A new entity around b reaching into c pushes both down a lane.
    const changed = live.update([], [{ id: 'd', start: 2, end: 25 }]);
    expect([...changed].sort()).to.deep.equal(['b', 'c', 'd']);
    expect([live.laneOf('d'), live.laneOf('b'), live.laneOf('c')]).to.deep.equal([0, 1, 1]);
    // Moving d away (an upsert of the same id) gives the others their lanes back.
    expect([...live.update([], [{ id: 'd', start: 40, end: 45 }])].sort()).to.deep.equal(['b', 'c', 'd']);
    expect([live.laneOf('d'), live.laneOf('b'), live.laneOf('c')]).to.deep.equal([0, 0, 0]);
  });

  it('answers 10,000 entities by binary search', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, start: i * 10, end: i * 10 + 5 + (i % 7) }));
    const big = createEntityIndex(many);
    expect(big.smallestAt(50_003)?.id).to.equal('e5000');
    expect(big.smallestAt(50_009)?.id).to.equal(undefined);
    expect(big.size).to.equal(10_000);
  });
});
