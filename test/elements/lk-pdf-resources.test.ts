import { expect, fixture, html } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { LkErrorEvent } from '../../src/events/index.js';
import { PDF_CHUNK_BYTES } from '../../src/media/pdf/pdf-source.js';
import { cMapPdf, helveticaPdf } from '../media/pdf/generated-pdf.js';
import { browserRequests, clearRequestLog, signedUrl } from '../server/signed-assets-client.js';
import { nextEvent, recordEvents } from './helpers.js';
import { inkIn, ontology, PAPER, PDF, pageBox, textLayer, toolsOf } from './pdf-helpers.js';

/** The test server's stand-in for a host's copy of the package's dist/pdfjs/ (web-test-runner.config.mjs). */
const HOST_COPY = '/host-pdfjs/';
/** Answers every path with an HTML page (test/server/spa-fallback-middleware.mjs). */
const SPA_FALLBACK = '/__lk-spa/pdfjs';

async function placeBare(attributes: { workerSrc?: string; pdfjsBase?: string } = {}): Promise<LkPdf> {
  return fixture<LkPdf>(html`<lk-pdf
    style="--lk-height: 500px; width: 900px"
    worker-src=${attributes.workerSrc ?? ''}
    pdfjs-base=${attributes.pdfjsBase ?? ''}
    .ontology=${ontology}
  ></lk-pdf>`);
}

function blobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}

/** What the page requested since the last clear: same-origin URLs as paths with their queries, others whole. */
async function requestedPaths(): Promise<string[]> {
  return (await browserRequests()).map((request) => {
    const url = new URL(request.url);
    return url.protocol !== 'blob:' && url.origin === location.origin ? url.pathname + url.search : request.url;
  });
}

describe('<lk-pdf> the pdf.js worker and data files', () => {
  it('a worker that cannot be loaded ends in lk-error resource-load, not a hang; the element keeps its annotations and opens the file once the worker is reachable', async () => {
    const element = await placeBare({ workerSrc: `${PDF}/missing/pdf.worker.min.mjs` });
    element.annotations = { tools: [{ objectId: 'kept', schemaId: 't-figure', title: 'Figure', page: 0, 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, classifications: [] }] };
    const error = nextEvent<LkErrorEvent>(element, 'lk-error');
    element.src = PAPER;
    const { detail } = await error;
    expect(detail.code).to.equal('resource-load');
    expect(detail.message).to.match(/PDF reader could not start/);
    expect(element.shadowRoot!.querySelector('.status.error')?.textContent).to.match(/could not start/);
    expect(toolsOf(element).map((tool) => tool.objectId)).to.deep.equal(['kept']);
    element.workerSrc = '';
    await element.updateComplete;
    const ready = nextEvent(element, 'lk-ready');
    element.src = `${PAPER}?again`;
    await ready;
    await element.settled();
    expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
    expect(toolsOf(element).map((tool) => tool.objectId)).to.deep.equal(['kept']);
  });

  it('pdfjs-base: the worker and the standard font data come from the host’s copy, and nothing from anywhere else', async () => {
    const url = blobUrl(helveticaPdf('Fonts from the host copy'));
    try {
      // The worker starts as soon as the element is on the page (before `src`): log from there.
      await clearRequestLog();
      const element = await placeBare({ pdfjsBase: HOST_COPY });
      const errors = recordEvents(element, ['lk-error']);
      const ready = nextEvent(element, 'lk-ready');
      element.src = url;
      await ready;
      await element.settled();
      expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
      const paths = await requestedPaths();
      expect(paths).to.include(`${HOST_COPY}pdf.worker.min.mjs`);
      expect(paths.some((path) => path.startsWith(`${HOST_COPY}standard_fonts/`)), paths.join('\n')).to.equal(true);
      // Besides the file itself and the page's own modules, every request is for the host's copy.
      const others = paths.filter((path) => path !== url && !path.startsWith(HOST_COPY) && !/\.(ts|js|mjs)(\?|$)/.test(path) && !path.startsWith('/__'));
      expect(others).to.deep.equal([]);
      expect(paths.filter((path) => path.includes('/node_modules/pdfjs-dist/'))).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('the package’s own worker and font data by default, from this origin (no CDN)', async () => {
    const url = blobUrl(helveticaPdf('Packaged font data'));
    try {
      await clearRequestLog();
      const element = await placeBare();
      const ready = nextEvent(element, 'lk-ready');
      element.src = url;
      await ready;
      await element.settled();
      const requests = await browserRequests();
      const pdfjs = requests.filter((request) => request.url.includes('pdfjs-dist'));
      expect(pdfjs.some((request) => request.url.endsWith('/build/pdf.worker.min.mjs'))).to.equal(true);
      expect(pdfjs.some((request) => request.url.includes('/standard_fonts/'))).to.equal(true);
      expect(requests.filter((request) => !request.url.startsWith(location.origin) && !request.url.startsWith('blob:')).map((request) => request.url)).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('the package’s own cMaps: a Japanese line encoded with a predefined CMap reads as its text, each data file fetched by its own file URL', async () => {
    const url = blobUrl(cMapPdf('Latin line', '日本語の行'));
    try {
      const element = await placeBare();
      const errors = recordEvents(element, ['lk-error']);
      await clearRequestLog();
      const ready = nextEvent(element, 'lk-ready');
      element.src = url;
      await ready;
      await element.settled();
      expect(textLayer(element, 0).textContent).to.contain('日本語の行');
      const paths = await requestedPaths();
      expect(paths).to.include.members(['/node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-HW-H.bcmap', '/node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap']);
      expect(paths.some((path) => path.startsWith('/node_modules/pdfjs-dist/standard_fonts/'))).to.equal(true);
      expect(errors).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a data file answered with an HTML page (a dev server’s fallback for a file it lacks) is lk-error resource-load, not font data', async () => {
    const url = blobUrl(helveticaPdf('An HTML page is no font'));
    try {
      const element = await placeBare({ pdfjsBase: SPA_FALLBACK, workerSrc: `${HOST_COPY}pdf.worker.min.mjs` });
      const errors = recordEvents(element, ['lk-error']);
      const ready = nextEvent(element, 'lk-ready');
      element.src = url;
      await ready;
      await element.settled();
      expect(errors.map((event) => event.detail.code)).to.deep.equal(['resource-load']);
      expect(errors[0]!.detail.message).to.match(/standard font data.*an HTML page/);
      expect(errors[0]!.detail.message).to.match(/pdfjs-base/);
      expect(inkIn(element, 0, pageBox(element, 0)), 'drawn with a substitute font').to.be.greaterThan(0);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('a data file that 404s: lk-error resource-load once, and the document still opens and draws', async () => {
    const url = blobUrl(helveticaPdf('No font data here'));
    try {
      // A host copy with the worker but without its data folders.
      const element = await placeBare({ pdfjsBase: `${PDF}/`, workerSrc: `${HOST_COPY}pdf.worker.min.mjs` });
      const errors = recordEvents(element, ['lk-error']);
      const ready = nextEvent(element, 'lk-ready');
      element.src = url;
      await ready;
      await element.settled();
      expect(errors.map((event) => [event.detail.code, event.detail.cause?.status])).to.deep.equal([['resource-load', 404]]);
      expect(errors[0]!.detail.message).to.match(/standard font data/);
      expect(inkIn(element, 0, pageBox(element, 0)), 'drawn with a substitute font').to.be.greaterThan(0);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('<lk-pdf> loading by ranges through the host contract', () => {
  it('shows the first page while the download is stalled after its first chunk, fetching ranges through fetchAsset and refreshing an expired signed URL with resolveUrl', async () => {
    const first = await signedUrl('pdf/google-doc-document.pdf', { ttlSeconds: 60 });
    let fresh = '';
    let clockOffset = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const seen: { url: string; range: string | null }[] = [];
    const refreshes: string[] = [];
    const element = await placeBare();
    element.assetId = 'doc-1';
    element.clock = () => Date.now() + clockOffset;
    element.resolveUrl = async ({ reason }) => {
      refreshes.push(reason);
      fresh = await signedUrl('pdf/google-doc-document.pdf', { ttlSeconds: 600 });
      return fresh;
    };
    element.fetchAsset = async (url, init) => {
      const range = new Headers(init.headers).get('range');
      seen.push({ url, range });
      const response = await fetch(url, init);
      if (range) return response;
      // The first URL's time runs out once its download has started.
      clockOffset = 120_000;
      const whole = new Uint8Array(await response.arrayBuffer());
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent >= PDF_CHUNK_BYTES) await released;
          if (sent >= whole.length) return controller.close();
          controller.enqueue(whole.slice(sent, sent + 16_384));
          sent += 16_384;
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const errors = recordEvents(element, ['lk-error']);
    try {
      const ready = nextEvent(element, 'lk-ready');
      element.src = first;
      await ready;
      await element.settled();
      expect(inkIn(element, 0, pageBox(element, 0)), 'the first page is drawn before the last byte arrived').to.be.greaterThan(0);
      expect(seen[0]).to.deep.equal({ url: first, range: null });
      const ranges = seen.filter((request) => request.range);
      expect(ranges.length).to.be.greaterThan(0);
      expect(refreshes).to.deep.equal(['expired']);
      for (const request of ranges) expect(request.url, 'ranges use the refreshed URL').to.equal(fresh);
      expect(errors).to.deep.equal([]);
      const record = JSON.stringify(element.export());
      for (const url of [first, fresh]) expect(record).to.not.contain(new URL(url, location.href).search.slice(1));
    } finally {
      release();
    }
  });
});
