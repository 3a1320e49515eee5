import { expect } from '@open-wc/testing';
import { gatherPageSizes, withStandIns } from '../../../src/media/pdf/page-sizes.js';

const A = { width: 612, height: 792 };
const B = { width: 595, height: 842 };

describe('PDF page sizes before they are known', () => {
  it('an unknown page stands in with the nearest known size before it, else after it', () => {
    expect(withStandIns([A, undefined, undefined, B, undefined])).to.deep.equal([A, A, A, B, B]);
    expect(withStandIns([undefined, undefined, B])).to.deep.equal([B, B, B]);
    expect(withStandIns([undefined, undefined])).to.deep.equal([{ width: 0, height: 0 }, { width: 0, height: 0 }]);
    expect(withStandIns([])).to.deep.equal([]);
  });

  it('asks for every size in page order with at most `inFlight` unanswered, a new one as each answer comes', async () => {
    let unanswered = 0;
    let most = 0;
    const asked: number[] = [];
    const reported: number[] = [];
    const answers: (() => void)[] = [];
    const gathering = gatherPageSizes({
      count: 7,
      inFlight: 3,
      signal: new AbortController().signal,
      sizeOf: async (index) => {
        asked.push(index);
        most = Math.max(most, ++unanswered);
        await new Promise<void>((resolve) => answers.push(resolve));
        unanswered--;
        return { width: index, height: 2 * index };
      },
      onSize: (index, size) => reported.push(index, size.height),
    });
    await Promise.resolve();
    expect(asked).to.deep.equal([0, 1, 2]);
    // Page 2 answers first (a page tree branch that was quicker): page 4 is asked for at once.
    answers[2]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).to.deep.equal([0, 1, 2, 3]);
    let done = false;
    void gathering.then(() => (done = true));
    while (!done) {
      for (const answer of answers.splice(0)) answer();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const sizes = await gathering;
    expect(asked).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(most).to.equal(3);
    expect(reported.slice(0, 2)).to.deep.equal([2, 4]);
    expect(sizes.map((size) => size.width)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
  });

  it('asks for a page that failed once more, and fails when it fails again or the load is cancelled', async () => {
    const signal = new AbortController().signal;
    let failures = 1;
    const flaky = async (index: number) => {
      if (index === 4 && failures-- > 0) throw new Error('range failed');
      return A;
    };
    expect(await gatherPageSizes({ count: 6, inFlight: 2, signal, sizeOf: flaky, onSize: () => {} })).to.have.length(6);
    let error: unknown;
    await gatherPageSizes({ count: 6, inFlight: 2, signal, sizeOf: async (index) => (index === 4 ? Promise.reject(new Error('range failed')) : A), onSize: () => {} }).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('range failed');
    const abort = new AbortController();
    error = undefined;
    await gatherPageSizes({
      count: 6,
      inFlight: 2,
      signal: abort.signal,
      sizeOf: async () => {
        abort.abort();
        return A;
      },
      onSize: () => {},
    }).catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
