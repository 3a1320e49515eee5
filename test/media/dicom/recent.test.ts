import { expect } from '@open-wc/testing';
import { createRecentCache } from '../../../src/media/dicom/recent.js';

describe('DICOM recent-value cache', () => {
  it('keeps the most recently used values up to its count', () => {
    const cache = createRecentCache<number, string>(2);
    cache.get(1, () => 'one');
    cache.get(2, () => 'two');
    cache.get(1, () => 'made again');
    cache.get(3, () => 'three');
    expect([...cache.values()]).to.deep.equal(['one', 'three']);
    expect(cache.has(2)).to.equal(false);
  });

  it('also drops the least recently used while their weight is over the bound, never the newest', () => {
    const cache = createRecentCache<string, Uint8Array>(10, { weigh: (bytes) => bytes.byteLength, maxWeight: 100 });
    cache.set('a', new Uint8Array(40));
    cache.set('b', new Uint8Array(40));
    expect(cache.weight).to.equal(80);
    cache.get('a', () => new Uint8Array(0));
    cache.set('c', new Uint8Array(40));
    expect([...cache.values()].map((bytes) => bytes.byteLength)).to.deep.equal([40, 40]);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).to.deep.equal([true, false, true]);
    expect(cache.weight).to.equal(80);
    cache.set('huge', new Uint8Array(500));
    expect(cache.size, 'one value over the bound stays alone').to.equal(1);
    expect(cache.weight).to.equal(500);
    cache.set('huge', new Uint8Array(10));
    expect(cache.weight, 'replacing a value replaces its weight').to.equal(10);
  });
});
