/**
 * Promise 2 (no call home), 6 (nothing persisted) and 1 (signed URLs) across every element: what a
 * whole session leaves on the network and in the browser.
 *
 * A session: the element gets an already expired signed URL and a `resolveUrl` hook giving a fresh
 * one (its signature holds `+` and `/`, sent as %2B and %2F), pre-labels, one object labelled with
 * real input, a task answer and Submit clicked, the export read; lk-pdf also opens a generated PDF
 * that needs the package's standard fonts and CMaps. Every request the page made (any origin) and
 * every request the dev server answered is then checked against the host's URLs and the
 * package's own files.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { browserRequests, clearRequestLog, servedRequests, signedUrl } from '../server/signed-assets-client.js';
import { ELEMENT_KINDS, KITS, frames, mountKit, nextEvent, toolsOf, type KitElement } from './kit/element-kits.js';
import type { InputDriver } from './kit/input.js';
import { buttonNamed, clickControl, radioFor, taskForm } from './kit/panels.js';
import { writePdf } from './kit/pdf-writer.js';
import { NOTHING_LEFT, clearStorage, storageLeft, watchStorageWrites } from './kit/storage-probe.js';

const input: InputDriver = { mouse: sendMouse, keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]) };

const LK_EVENTS = ['lk-ready', 'lk-change', 'lk-input', 'lk-select', 'lk-submit', 'lk-invalid', 'lk-skip', 'lk-review', 'lk-error'];

/** Where the package's own files are served from in this repository (in the build: dist/). */
const PACKAGE_PATHS = ['/src/', '/node_modules/', '/__lk-stub/'];
const ROLLUP_PROXY = '/__web-dev-server__/rollup/';

/**
 * Whether a request path (with its query) is one of the package's own files. The dev server serves
 * CommonJS dependencies through rollup proxies that name the real file in a query parameter.
 */
function isPackageFile(pathAndQuery: string): boolean {
  const url = new URL(pathAndQuery, location.origin);
  if (url.pathname.startsWith(ROLLUP_PROXY)) {
    const file = (url.searchParams.get('web-dev-server-rollup-null-byte') ?? '').replace(/^\0/, '').replace(/\?.*$/, '');
    // commonjsHelpers.js is @rollup/plugin-commonjs's own helper, which the build bundles too.
    return file.includes('/node_modules/') || file.startsWith('/__lk-stub/') || file === 'commonjsHelpers.js';
  }
  return PACKAGE_PATHS.some((prefix) => url.pathname.startsWith(prefix));
}

/** Everything written to the console while `run` runs. */
function captureConsole(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((name) => console[name]);
  methods.forEach((name, index) => {
    console[name] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
      originals[index]!.apply(console, args);
    };
  });
  return {
    lines,
    stop: () => methods.forEach((name, index) => (console[name] = originals[index]!)),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The parts of a signed URL that must never leak: the URL itself and its signature, raw and decoded. */
function secretsOf(url: string): string[] {
  const sig = /[?&]sig=([^&]+)/.exec(url)![1]!;
  return [url, url.split('?')[1]!, sig, decodeURIComponent(sig)];
}

function objectIds(element: KitElement): string[] {
  return [...new Set(toolsOf(element).map((tool) => tool.objectId))].sort();
}

function recordLkEvents(): { details: { type: string; detail: unknown }[]; stop(): void } {
  const details: { type: string; detail: unknown }[] = [];
  const listener = (event: Event) => details.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of LK_EVENTS) document.addEventListener(type, listener, true);
  return { details, stop: () => LK_EVENTS.forEach((type) => document.removeEventListener(type, listener, true)) };
}

describe('a whole session on each element: network, storage, signed URLs', function () {
  this.timeout(120000);

  afterEach(async () => {
    await resetMouse();
  });

  for (const kind of ELEMENT_KINDS) {
    it(`<lk-${kind}>: fetches only the host's URLs (byte for byte) and the package's files, leaks no signed URL, stores nothing`, async () => {
      const kit = KITS[kind];
      const expired = await signedUrl(kit.fixture, { ttlSeconds: -60 });
      const fresh = await signedUrl(kit.fixture, { signatureWith: '+/' });
      expect(fresh).to.match(/sig=[^&]*%2B/).and.match(/sig=[^&]*%2F/);
      const generated = kind === 'pdf' ? URL.createObjectURL(new Blob([writePdf([{ lines: ['Standard font text'], cjkLine: true }]) as BlobPart], { type: 'application/pdf' })) : undefined;
      const hostUrls = [expired, fresh, ...(generated ? [generated] : [])].map((url) => new URL(url, location.href).href);

      await clearStorage();
      const writes = watchStorageWrites();
      const consoleOutput = captureConsole();
      const events = recordLkEvents();
      const refreshes: unknown[] = [];
      await clearRequestLog();
      let element;
      try {
        element = await mountKit(kit, {
          src: expired,
          resolveUrl: (request) => {
            refreshes.push(request);
            return fresh;
          },
          annotations: kit.prelabels,
        });
        const labelled = await kit.label(element, input);
        await clickControl(input, radioFor(taskForm(element), 'Poor'));
        const submitted = nextEvent<CustomEvent>(element, 'lk-submit');
        await clickControl(input, buttonNamed(element, 'Submit'));
        const record = (await submitted).detail.record;
        expect(objectIds(element)).to.deep.equal(['free', 'locked', labelled].sort());
        expect(record.task.stageHistory).to.have.length(1);
        expect(JSON.stringify(element.export()), 'export').not.to.contain('sig=');
        if (generated) {
          const ready = nextEvent(element, 'lk-ready');
          element.src = generated;
          await ready;
          await element.settled();
        }
      } finally {
        element?.remove();
        await frames(2);
        writes.stop();
        consoleOutput.stop();
        events.stop();
      }
      if (generated) URL.revokeObjectURL(generated);

      expect(refreshes, 'resolveUrl asked once, for the expired URL').to.deep.equal([{ assetId: `${kind}-asset`, reason: 'expired' }]);

      // No call home: what left the page, and what the server saw (workers' requests included).
      const left = await browserRequests();
      const strangers = left.filter(({ url }) => !hostUrls.includes(url) && !(url.startsWith(`${location.origin}/`) && isPackageFile(url)));
      expect(strangers, 'requests to anything but the host URLs and the package').to.deep.equal([]);
      const served = await servedRequests();
      const assetRequests = served.filter((entry) => !isPackageFile(`${entry.path}?${entry.query}`));
      const raw = (entry: (typeof served)[number]) => `${entry.path}?${entry.query}`;
      expect(assetRequests.map(raw).filter((url) => url !== fresh && url !== expired), 'asset requests use the host URLs byte for byte').to.deep.equal([]);
      expect(assetRequests.filter((entry) => raw(entry) === fresh).map((entry) => entry.status), 'the fresh URL was fetched').to.satisfy(
        (statuses: number[]) => statuses.length > 0 && statuses.every((status) => status === 200 || status === 206),
      );
      // lk-video hands the URL to <video>, which tries it before the loader can see it expired.
      expect(assetRequests.filter((entry) => raw(entry) === expired).map((entry) => entry.status).every((status) => status === 403)).to.equal(true);
      if (kind === 'pdf') {
        const paths = served.map((entry) => entry.path);
        expect(paths, 'the worker from the package').to.include('/node_modules/pdfjs-dist/build/pdf.worker.min.mjs');
        expect(paths.some((path) => path.startsWith('/node_modules/pdfjs-dist/standard_fonts/')), 'standard fonts from the package').to.equal(true);
        expect(paths.some((path) => path.startsWith('/node_modules/pdfjs-dist/cmaps/')), 'CMaps from the package').to.equal(true);
      }

      // Signed URLs never reach exports, events, errors or the console.
      const secrets = [...secretsOf(expired), ...secretsOf(fresh)];
      const published = [...events.details.map((entry) => safeJson(entry.detail)), ...consoleOutput.lines];
      for (const secret of secrets) {
        expect(published.filter((text) => text.includes(secret)), `"${secret}" in an event or the console`).to.deep.equal([]);
      }
      expect(events.details.map((entry) => entry.type)).to.include.members(['lk-ready', 'lk-change', 'lk-submit']);

      // Nothing persisted, not even for a moment.
      expect(writes.writes, 'storage writes').to.deep.equal([]);
      expect(await storageLeft()).to.deep.equal(NOTHING_LEFT);
    });
  }

  for (const kind of ELEMENT_KINDS) {
    it(`<lk-${kind}>: an expired URL without resolveUrl ends in asset-expired, keeps every annotation, and a fresh src loads`, async () => {
      const kit = KITS[kind];
      const expired = await signedUrl(kit.fixture, { ttlSeconds: -60 });
      const element = await mountKit(kit, { src: expired, annotations: kit.prelabels, waitReady: false });
      const { detail } = await nextEvent<CustomEvent>(element, 'lk-error');
      expect(detail.code).to.equal('asset-expired');
      expect(detail.message).to.be.a('string').and.not.be.empty;
      for (const secret of secretsOf(expired)) expect(JSON.stringify(detail)).not.to.contain(secret);
      expect(objectIds(element)).to.deep.equal(['free', 'locked']);
      const ready = nextEvent(element, 'lk-ready');
      element.src = await signedUrl(kit.fixture);
      await ready;
      await element.settled();
      expect(objectIds(element)).to.deep.equal(['free', 'locked']);
      element.remove();
    });
  }
});
