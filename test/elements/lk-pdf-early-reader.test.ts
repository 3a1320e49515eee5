// <lk-pdf> on the page before it has a file: pdf.js's worker starts then (issue #19), fetching
// nothing but the package's own files (or the host's copy), and the load that follows takes it over.
import { expect, fixture, html } from '@open-wc/testing';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import { browserRequests, clearRequestLog } from '../server/signed-assets-client.js';
import { nextEvent, recordEvents } from './helpers.js';
import { inkIn, ontology, PAPER, pageBox } from './pdf-helpers.js';

/** The test server's stand-in for a host's copy of the package's dist/pdfjs/ (web-test-runner.config.mjs). */
const HOST_COPY = '/host-pdfjs/';
const PACKAGED_WORKER = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs';

/** Every Worker the page constructs while the test runs, in order, and those terminated since. */
function recordWorkers(): { workers: Worker[]; live(): Worker[]; restore(): void } {
  const workers: Worker[] = [];
  const terminated = new Set<Worker>();
  const Original = window.Worker;
  const terminate = Original.prototype.terminate;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
    }
  } as typeof Worker;
  Original.prototype.terminate = function (this: Worker) {
    terminated.add(this);
    terminate.call(this);
  };
  return {
    workers,
    live: () => workers.filter((worker) => !terminated.has(worker)),
    restore: () => {
      window.Worker = Original;
      Original.prototype.terminate = terminate;
    },
  };
}

/** The pdf.js worker's first message: its script has loaded and run. */
function answered(worker: Worker): Promise<void> {
  return new Promise((resolve) => worker.addEventListener('message', () => resolve(), { once: true }));
}

/** Same-origin requests as paths, others whole. */
async function requestedPaths(): Promise<string[]> {
  return (await browserRequests()).map((request) => {
    const url = new URL(request.url);
    return url.origin === location.origin ? url.pathname : request.url;
  });
}

function placeBare(pdfjsBase = ''): Promise<LkPdf> {
  return fixture<LkPdf>(html`<lk-pdf style="--lk-height: 500px; width: 900px" pdfjs-base=${pdfjsBase} .ontology=${ontology}></lk-pdf>`);
}

describe('<lk-pdf> starts pdf.js before it has a file', () => {
  let recorded: ReturnType<typeof recordWorkers>;
  beforeEach(() => (recorded = recordWorkers()));
  afterEach(() => recorded.restore());

  it('without src it loads only the package’s own worker and modules; a src set later opens with that worker and draws', async () => {
    await clearRequestLog();
    const element = await placeBare();
    const errors = recordEvents(element, ['lk-error']);
    expect(recorded.workers, 'the worker is started once the element is on the page').to.have.length(1);
    await answered(recorded.workers[0]!);
    const idle = await requestedPaths();
    expect(idle).to.include(PACKAGED_WORKER);
    // Nothing but this origin's modules and the package's pdf.js files: no asset, no other host.
    expect(idle.filter((path) => path !== PACKAGED_WORKER && !(path.startsWith('/') && /\.(ts|js|mjs)$/.test(path)))).to.deep.equal([]);

    await clearRequestLog();
    const ready = nextEvent(element, 'lk-ready');
    element.src = PAPER;
    await ready;
    await element.settled();
    expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
    expect(recorded.workers, 'the load took over the worker started before it').to.have.length(1);
    expect(await requestedPaths()).not.to.include(PACKAGED_WORKER);
    expect(errors).to.deep.equal([]);
  });

  it('a pdfjs-base set after the element is on the page replaces the early worker with the host copy’s', async () => {
    await clearRequestLog();
    const element = await placeBare();
    expect(recorded.workers).to.have.length(1);
    element.pdfjsBase = HOST_COPY;
    await element.updateComplete;
    expect(recorded.workers).to.have.length(2);
    expect(recorded.live(), 'the packaged worker was stopped').to.deep.equal([recorded.workers[1]]);
    const ready = nextEvent(element, 'lk-ready');
    element.src = PAPER;
    await ready;
    await element.settled();
    expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
    expect(recorded.workers, 'the host copy’s worker opened the file').to.have.length(2);
    expect(await requestedPaths()).to.include(`${HOST_COPY}pdf.worker.min.mjs`);
  });

  it('a worker-src that is not a URL starts nothing before src and breaks nothing: the element still opens a file once it is fixed', async () => {
    const element = await fixture<LkPdf>(html`<lk-pdf style="--lk-height: 500px; width: 900px" worker-src="http://[" .ontology=${ontology}></lk-pdf>`);
    expect(recorded.workers).to.deep.equal([]);
    element.workerSrc = '';
    await element.updateComplete;
    expect(recorded.workers).to.have.length(1);
    const ready = nextEvent(element, 'lk-ready');
    element.src = PAPER;
    await ready;
    await element.settled();
    expect(inkIn(element, 0, pageBox(element, 0))).to.be.greaterThan(0);
    expect(recorded.workers).to.have.length(1);
  });

  it('removed before it gets a file, it stops the worker it started', async () => {
    const element = await placeBare();
    await answered(recorded.workers[0]!);
    expect(recorded.live()).to.have.length(1);
    element.remove();
    // The element lets go of what it holds a microtask after it leaves (a move keeps everything).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(recorded.live()).to.deep.equal([]);
  });
});
