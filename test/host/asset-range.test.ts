import { expect } from '@open-wc/testing';
import { LabelkitError } from '../../src/core/errors.js';
import { createAssetLoader } from '../../src/host/asset-loader.js';
import { readAssetRange } from '../../src/host/asset-range.js';
import { rejectionOf } from '../rejection.js';

// Byte ranges through the host contract against servers that answer ranges in the ways real ones
// do: whole, short, not at all (200), at the wrong offset, or breaking off mid-body.
const FILE = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 251);

interface Served {
  ranges: string[];
  /** Chunks a 200 answer's body handed out before it was cancelled. */
  pulled: number;
  cancelled: boolean;
}

/** A body of 100-byte chunks that counts what it handed out; `failAfter` chunks then an error. */
function chunkedBody(bytes: Uint8Array, served: Served, failAfter = Infinity): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (served.pulled >= failAfter) return controller.error(new TypeError('network error'));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 100));
      at += 100;
      served.pulled++;
    },
    cancel() {
      served.cancelled = true;
    },
  });
}

type Answer = (start: number, end: number, served: Served) => Response;

function loaderAnswering(answer: Answer): { loader: ReturnType<typeof createAssetLoader>; served: Served } {
  const served: Served = { ranges: [], pulled: 0, cancelled: false };
  const loader = createAssetLoader({
    src: 'https://assets.example/file.bin?sig=abc',
    fetchAsset: async (_url, init) => {
      const range = new Headers(init.headers).get('Range') ?? '';
      served.ranges.push(range);
      const [, first, last] = /bytes=(\d+)-(\d+)/.exec(range)!;
      return answer(Number(first), Number(last) + 1, served);
    },
  });
  return { loader, served };
}

const partial = (start: number, end: number) =>
  new Response(FILE.slice(start, end), { status: 206, headers: { 'Content-Range': `bytes ${start}-${end - 1}/${FILE.length}` } });

const failure = (promise: Promise<unknown>) => rejectionOf(promise, LabelkitError);

describe('readAssetRange', () => {
  const signal = () => new AbortController().signal;

  it('reads a range the server answers whole', async () => {
    const { loader, served } = loaderAnswering((start, end) => partial(start, end));
    expect(await readAssetRange(loader, signal(), 200, 450)).to.deep.equal(FILE.slice(200, 450));
    expect(served.ranges).to.deep.equal(['bytes=200-449']);
  });

  it('asks again for the rest when the server sends less than asked (a capped 206)', async () => {
    const { loader, served } = loaderAnswering((start, end) => partial(start, Math.min(end, start + 64)));
    expect(await readAssetRange(loader, signal(), 100, 300)).to.deep.equal(FILE.slice(100, 300));
    expect(served.ranges).to.deep.equal(['bytes=100-299', 'bytes=164-299', 'bytes=228-299', 'bytes=292-299']);
  });

  it('stops at the end of the file', async () => {
    const { loader } = loaderAnswering((start, end) => partial(start, Math.min(end, FILE.length)));
    expect(await readAssetRange(loader, signal(), 900, 1200)).to.deep.equal(FILE.slice(900));
  });

  it('reads a server that ignores Range only as far as needed, then stops the download', async () => {
    const { loader, served } = loaderAnswering((_start, _end, s) => new Response(chunkedBody(FILE, s), { status: 200 }));
    expect(await readAssetRange(loader, signal(), 150, 320)).to.deep.equal(FILE.slice(150, 320));
    // Four chunks of 100 bytes hold bytes up to 320; the stream queues one more ahead of the reader.
    expect(served.pulled, 'not the whole file (10 chunks)').to.be.at.most(5);
    expect(served.cancelled).to.equal(true);
  });

  it('refuses an answer for another part of the file', async () => {
    const { loader } = loaderAnswering((start, end) => partial(start + 10, end));
    const error = await failure(readAssetRange(loader, signal(), 100, 200));
    expect(error.code).to.equal('asset-load');
    expect(error.message).to.contain('different part');
  });

  it('reports a body that breaks off as asset-load, without the URL', async () => {
    const { loader } = loaderAnswering((_start, _end, s) => new Response(chunkedBody(FILE, s, 2), { status: 200 }));
    const error = await failure(readAssetRange(loader, signal(), 0, 900));
    expect(error.code).to.equal('asset-load');
    expect(error.message).to.equal('The asset download was interrupted.');
    expect(JSON.stringify(error.info)).to.not.contain('example');
  });
});
