// The path to <lk-pdf>'s first page (issue #19): the file's download goes on while pdf.js's
// worker starts, and what it has brought by then is handed over at once.
import { expect, fixture, html } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { FetchAssetHook } from '../../src/elements/base/annotator-element.js';
import { nextEvent, recordEvents } from './helpers.js';
import { inkIn, ontology, pageBox, PDF } from './pdf-helpers.js';

/** 80,100 bytes: more than the first chunk pdf.js is given (64 kB), so it loads by ranges. */
const GOOGLE_DOC = `${PDF}/google-doc-document.pdf`;

/**
 * A host's `fetchAsset` that answers like an object store (ranges offered, a known length) and
 * delivers the download in 16 kB pieces, each when it is read (a network whose buffers are full
 * waits for the reader); it records every request, and in `log` when the download was read to
 * its end.
 */
function streamingHost(log: string[]): { fetchAsset: FetchAssetHook; requests: { url: string; range: string | null }[] } {
  const requests: { url: string; range: string | null }[] = [];
  const fetchAsset: FetchAssetHook = async (url, init) => {
    const range = new Headers(init.headers).get('range');
    requests.push({ url: new URL(url, location.href).pathname, range });
    const response = await fetch(url, init);
    if (range) return response;
    const whole = new Uint8Array(await response.arrayBuffer());
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= whole.length) {
          log.push('download read to its end');
          return controller.close();
        }
        controller.enqueue(whole.slice(sent, sent + 16_384));
        sent += 16_384;
      },
    });
    return new Response(body, { status: 200, headers: { 'Accept-Ranges': 'bytes', 'Content-Length': String(whole.length), 'Content-Type': 'application/pdf' } });
  };
  return { fetchAsset, requests };
}

/** Logs the first message of every worker the page starts (pdf.js's says its script has run). */
function logWorkerAnswers(log: string[]): () => void {
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', () => log.push('worker answered'), { once: true });
    }
  } as typeof Worker;
  return () => (window.Worker = Original);
}

describe('<lk-pdf> first page: the download is read while pdf.js starts', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('the file is read to its end before the worker answers and goes over whole: page 1 painted, lk-ready, one GET and no range request', async () => {
    const log: string[] = [];
    restore = logWorkerAnswers(log);
    const host = streamingHost(log);
    // With src from the start, the worker starts with the load (a 1 MB script: tens of ms at
    // least), while the pieces come as fast as they are read.
    const element = await fixture<LkPdf>(html`<lk-pdf style="--lk-height: 500px; width: 900px" src=${GOOGLE_DOC} .ontology=${ontology} .fetchAsset=${host.fetchAsset}></lk-pdf>`);
    const errors = recordEvents(element, ['lk-error']);
    await nextEvent(element, 'lk-ready');
    await element.settled();
    expect(inkIn(element, 0, pageBox(element, 0)), 'page 1 painted').to.be.greaterThan(0);
    expect(log).to.deep.equal(['download read to its end', 'worker answered']);
    expect(host.requests, 'the file once, whole: pdf.js had every byte when it started').to.deep.equal([{ url: GOOGLE_DOC, range: null }]);
    expect(errors).to.deep.equal([]);
  });
});
