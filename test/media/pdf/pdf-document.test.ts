import { expect } from '@open-wc/testing';
import { LabelkitError } from '../../../src/core/errors.js';
import { createAssetLoader } from '../../../src/host/asset-loader.js';
import { concatBytes } from '../../../src/host/asset-range.js';
import { openPdf, type PdfDocumentHandle } from '../../../src/media/pdf/pdf-document.js';
import { packagedResources } from '../../../src/media/pdf/pdf-assets.js';
import { openPdfSource, PDF_CHUNK_BYTES } from '../../../src/media/pdf/pdf-source.js';
import { startPdfWorker } from '../../../src/media/pdf/pdf-worker.js';
import { helveticaPdf, pagedPdf } from './generated-pdf.js';
import { rangeHost } from './range-host.js';
import { rejectionOf } from '../../rejection.js';

const PDF = '/test/fixtures/pdf';
const PAPER = `${PDF}/pdflatex-4-pages.pdf`;
/** 80,100 bytes: more than one range chunk, so it loads by ranges. */
const GOOGLE_DOC = `${PDF}/google-doc-document.pdf`;

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, LabelkitError);

/** Renders page `index` into a canvas and returns the share of non-white pixels. */
async function inkOf(doc: PdfDocumentHandle, index: number): Promise<number> {
  const page = await doc.page(index);
  const viewport = page.getViewport({ scale: 1 });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await doc.guard(page.render({ canvas, viewport }).promise);
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! < 200) ink++;
  return ink / (data.length / 4);
}

/**
 * A host `fetchAsset` hook over the real server whose full (non-Range) download delivers its
 * first `bytes` and then stalls until `release()`: what a slow network looks like to pdf.js.
 */
function stallingFetch(bytes: number, answerRange: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init)) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const ranges: string[] = [];
  const hook = async (url: string, init: RequestInit): Promise<Response> => {
    const range = new Headers(init.headers).get('range');
    if (range) {
      ranges.push(range);
      return answerRange(url, init);
    }
    const response = await fetch(url, init);
    const whole = new Uint8Array(await response.arrayBuffer());
    let sent = 0;
    // Pieces of 16 kB, as a network delivers them; nothing after `bytes` until released.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= bytes) await released;
        if (sent >= whole.length) {
          controller.close();
          return;
        }
        controller.enqueue(whole.slice(sent, sent + 16_384));
        sent += 16_384;
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { hook, ranges, release };
}

describe('pdf.js worker start', () => {
  it('the packaged worker starts and says it is ready', async () => {
    const worker = await startPdfWorker(packagedResources().worker, { signal: new AbortController().signal, timeoutMs: 20_000 });
    expect(worker).to.be.instanceOf(Worker);
    worker.terminate();
  });

  it('a worker script that 404s ends in resource-load from its error event, not the deadline', async () => {
    const error = await rejection(startPdfWorker(`${PDF}/no-such-worker.mjs`, { signal: new AbortController().signal, timeoutMs: 600_000 }));
    expect(error.code).to.equal('resource-load');
    expect(error.message).to.match(/could not start: its script failed to load/);
    expect(error.message).to.match(/pdfjs-base/);
  });

  it('a script that is not pdf.js (it never answers) ends in resource-load at the deadline', async () => {
    const url = URL.createObjectURL(new Blob(['self.onmessage = () => {};'], { type: 'text/javascript' }));
    try {
      const error = await rejection(startPdfWorker(url, { signal: new AbortController().signal, timeoutMs: 400 }));
      expect(error.code).to.equal('resource-load');
      expect(error.message).to.match(/did not answer/);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a worker script that throws ends in resource-load', async () => {
    const url = URL.createObjectURL(new Blob(['throw new Error("broken build");'], { type: 'text/javascript' }));
    try {
      const error = await rejection(startPdfWorker(url, { signal: new AbortController().signal, timeoutMs: 600_000 }));
      expect(error.code).to.equal('resource-load');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('openPdf with an unreachable worker rejects instead of waiting forever', async () => {
    const data = await bytesOf(PAPER);
    const error = await rejection(
      openPdf({ kind: 'whole', data }, { signal: new AbortController().signal, resources: { ...packagedResources(), worker: new URL(`${PDF}/missing/pdf.worker.min.mjs`, location.href).href } }),
    );
    expect(error.code).to.equal('resource-load');
  });
});

describe('pdf.js data files', () => {
  it('loads the standard font data the package ships for a file that does not embed Helvetica', async () => {
    const reported: LabelkitError[] = [];
    const doc = await openPdf({ kind: 'whole', data: helveticaPdf('Shipped font data') }, { signal: new AbortController().signal, onResourceError: (error) => reported.push(error) });
    try {
      expect(await inkOf(doc, 0)).to.be.greaterThan(0.001);
      expect(reported).to.deep.equal([]);
    } finally {
      await doc.destroy();
    }
  });

  it('a data file that 404s is reported once as resource-load; the page still renders with a fallback', async () => {
    const reported: LabelkitError[] = [];
    const resources = { ...packagedResources(), hostFolder: new URL(`${PDF}/no-pdfjs-here/`, location.href) };
    const doc = await openPdf({ kind: 'whole', data: helveticaPdf('Missing font data') }, { signal: new AbortController().signal, resources, onResourceError: (error) => reported.push(error) });
    try {
      await inkOf(doc, 0);
      await inkOf(doc, 0);
      expect(reported.map((error) => [error.code, error.info.cause?.status])).to.deep.equal([['resource-load', 404]]);
      expect(reported[0]!.message).to.match(/standard font data/);
    } finally {
      await doc.destroy();
    }
  });
});

describe('pdf.js setup', () => {
  it('a resource URL the reader cannot use (as a bundler or dev server may leave it) ends in resource-load naming the fix, not asset-load', async () => {
    const data = await bytesOf(PAPER);
    const resources = { ...packagedResources(), hostFolder: 'pdfjs' as unknown as URL };
    const error = await rejection(openPdf({ kind: 'whole', data }, { signal: new AbortController().signal, resources }));
    expect(error.code).to.equal('resource-load');
    expect(error.message).to.match(/could not be set up/);
    expect(error.message).to.match(/dist\/pdfjs\/.*pdfjs-base/);
  });
});

describe('PDF bytes by ranges', () => {
  const signal = () => new AbortController().signal;

  it('a file that fits one chunk is read whole; a larger one streams in order and answers ranges byte for byte', async () => {
    const paper = await openPdfSource(createAssetLoader({ src: PAPER }), signal());
    expect(paper.kind).to.equal('whole');
    const whole = await bytesOf(GOOGLE_DOC);
    const stall = stallingFetch(PDF_CHUNK_BYTES);
    const source = await openPdfSource(createAssetLoader({ src: GOOGLE_DOC, fetchAsset: stall.hook }), signal());
    if (source.kind !== 'ranges') throw new Error(`expected ranges, got ${source.kind}`);
    expect(source.length).to.equal(whole.length);
    expect([...(await source.read(70_000, 70_100))]).to.deep.equal([...whole.subarray(70_000, 70_100)]);
    expect(stall.ranges).to.deep.equal(['bytes=70000-70099']);
    const download = source.take();
    expect(download.received.length).to.be.at.least(PDF_CHUNK_BYTES);
    expect(download.ended).to.equal(false);
    expect([...download.received.subarray(0, 16)]).to.deep.equal([...whole.subarray(0, 16)]);
    stall.release();
    const streamed = [download.received];
    for await (const chunk of download.rest) streamed.push(chunk);
    expect([...concatBytes(streamed)]).to.deep.equal([...whole]);
  });

  it('a server that does not offer ranges gets one plain download', async () => {
    const loader = createAssetLoader({
      src: GOOGLE_DOC,
      fetchAsset: async (url, init) => new Response(await (await fetch(url, init)).blob(), { status: 200 }),
    });
    const source = await openPdfSource(loader, signal());
    expect(source.kind).to.equal('whole');
  });

  it('opens and renders the first page from ranges while the download is stalled after its first chunk', async () => {
    const stall = stallingFetch(PDF_CHUNK_BYTES);
    const source = await openPdfSource(createAssetLoader({ src: GOOGLE_DOC, fetchAsset: stall.hook }), signal());
    expect(source.kind).to.equal('ranges');
    const doc = await openPdf(source, { signal: signal() });
    try {
      expect(doc.pageCount).to.be.greaterThan(0);
      expect(await inkOf(doc, 0)).to.be.greaterThan(0.001);
      expect(stall.ranges.length, 'pdf.js asked for the parts it needed').to.be.greaterThan(0);
      for (const range of stall.ranges) expect(range).to.match(/^bytes=\d+-\d+$/);
    } finally {
      stall.release();
      await doc.destroy();
    }
  });

  it('a range that fails rejects the work waiting for it; asked for again once the server answers, the same page renders', async () => {
    const pdf = pagedPdf([{ width: 612, height: 792 }, { width: 612, height: 792 }, { width: 612, height: 792 }]);
    const host = rangeHost(pdf.bytes);
    host.fail([pdf.pages[2]!.content], 503);
    const source = await openPdfSource(createAssetLoader({ src: '/generated/three-pages.pdf', fetchAsset: host.fetchAsset }), signal());
    const doc = await openPdf(source, { signal: signal() });
    try {
      expect(await inkOf(doc, 1), 'a page whose ranges answer').to.be.greaterThan(0.001);
      const error = await rejection(inkOf(doc, 2));
      expect(error.code).to.equal('asset-load');
      expect(error.message).to.contain('HTTP 503');
      expect((await rejection(inkOf(doc, 2))).code, 'still failing: asked again, failed again').to.equal('asset-load');
      host.heal();
      expect(await inkOf(doc, 2)).to.be.greaterThan(0.001);
      const content = pdf.pages[2]!.content;
      expect(host.asked.filter(([begin, end]) => begin < content[1] && content[0] < end)).to.have.length(3);
    } finally {
      host.release();
      await doc.destroy();
    }
  });

  it('a flat page tree (pdf.js asks for every page object at once) fetches a few ranges at a time and none the download has brought meanwhile', async () => {
    const letter = { width: 612, height: 792 };
    const pdf = pagedPdf(Array.from({ length: 12 }, () => letter), { flat: true });
    const host = rangeHost(pdf.bytes);
    // Every page's dictionary waits; the cross-reference table at the end answers.
    host.hold(pdf.pages.map((page) => page.dict));
    const source = await openPdfSource(createAssetLoader({ src: '/generated/flat.pdf', fetchAsset: host.fetchAsset }), signal());
    const opening = openPdf(source, { signal: signal() });
    const beyondFirstChunk = pdf.pages.filter((page) => page.dict[0] >= PDF_CHUNK_BYTES).length;
    expect(beyondFirstChunk).to.be.greaterThan(6);
    // pdf.js has read the cross-reference table and asked for the page objects.
    while (host.asked.length < 5) await new Promise((resolve) => requestAnimationFrame(resolve));
    host.finishDownload();
    // The download brings every page object: the document opens while the ranges still wait.
    const doc = await opening;
    try {
      expect(doc.pageCount).to.equal(12);
      expect(await inkOf(doc, 11)).to.be.greaterThan(0.001);
      expect(host.asked, 'the table, then four page objects; the rest came with the download').to.have.length(5);
    } finally {
      host.release();
      await doc.destroy();
    }
  });

  it('the download goes on while the worker starts: a file it has brought by then opens from it alone, without a range request', async () => {
    const pdf = pagedPdf(Array.from({ length: 12 }, () => ({ width: 612, height: 792 })), { flat: true });
    expect(pdf.bytes.length).to.be.greaterThan(2 * PDF_CHUNK_BYTES);
    const host = rangeHost(pdf.bytes);
    host.finishDownload();
    const source = await openPdfSource(createAssetLoader({ src: '/generated/flat.pdf', fetchAsset: host.fetchAsset }), signal());
    // The worker answers only once nobody but labelkit could have read the download to its end.
    const notRead = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the download was not read while the worker started')), 5000));
    const worker = Promise.all([startPdfWorker(packagedResources().worker, { signal: signal(), timeoutMs: 20_000 }), Promise.race([host.downloaded, notRead])]).then(([started]) => started);
    const doc = await openPdf(source, { signal: signal(), worker });
    try {
      expect(doc.pageCount).to.equal(12);
      expect(await inkOf(doc, 11)).to.be.greaterThan(0.001);
      expect(host.asked, 'no range: the cross-reference table and every page came with the download').to.deep.equal([]);
    } finally {
      host.release();
      await doc.destroy();
    }
  });

  it('a range the server refuses ends the load in asset-forbidden instead of a wait', async () => {
    const stall = stallingFetch(PDF_CHUNK_BYTES, async () => new Response(null, { status: 403 }));
    const source = await openPdfSource(createAssetLoader({ src: GOOGLE_DOC, fetchAsset: stall.hook }), signal());
    try {
      const error = await rejection(openPdf(source, { signal: signal() }));
      expect(error.code).to.equal('asset-forbidden');
    } finally {
      stall.release();
    }
  });
});
