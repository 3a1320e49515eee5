import { expect } from '@open-wc/testing';
import { createEntityIndex } from '../../src/text/entity-index.js';

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
    expect(index.laneCount).to.equal(3);
  });

  it('lists entities overlapping a range in document order', () => {
    expect(index.overlapping(8, 16).map((e) => e.id)).to.deep.equal(['outer', 'inner', 'crossing']);
    expect(index.overlapping(25, 30).map((e) => e.id)).to.deep.equal([]);
  });

  it('answers 10,000 entities by binary search', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, start: i * 10, end: i * 10 + 5 + (i % 7) }));
    const big = createEntityIndex(many);
    expect(big.smallestAt(50_003)?.id).to.equal('e5000');
    expect(big.smallestAt(50_009)?.id).to.equal(undefined);
    expect(big.size).to.equal(10_000);
  });
});
