/**
 * Compressed DICOM under a strict CSP: the codecs are WebAssembly, which a policy without
 * 'wasm-unsafe-eval' refuses. On such a page <lk-dicom> says so in an lk-error that names the
 * transfer syntax and the missing source; with it, every codec decodes (uncompressed files need
 * neither). The pages are test/server/csp-page-middleware.mjs's, in a same-origin iframe.
 */
import { expect } from '@open-wc/testing';
import type { ViolationRecord } from './csp/violations.js';

interface CspWindow extends Window {
  lkCspViolations: ViolationRecord[];
  lkCsp: unknown;
}

const FIXTURES = '/test/fixtures/dicom';

async function openCspPage(query: string): Promise<{ frame: HTMLIFrameElement; page: CspWindow }> {
  const frame = document.createElement('iframe');
  frame.title = 'strict CSP page';
  frame.style.cssText = 'position: fixed; left: 0; top: 0; width: 600px; height: 500px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__lk-csp/page.html${query}`;
  document.body.append(frame);
  await loaded;
  const page = frame.contentWindow as CspWindow;
  const started = performance.now();
  while (!page.lkCsp) {
    if (performance.now() - started > 30000) throw new Error('the CSP page did not load its modules');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { frame, page };
}

type Outcome = { type: 'lk-ready' } | { type: 'lk-error'; code: string; message: string };

/** Shows `fixture` in a new <lk-dicom> on the CSP page; what it answers first. */
async function show(page: CspWindow, fixture: string): Promise<{ outcome: Outcome; element: HTMLElement }> {
  const element = page.document.createElement('lk-dicom');
  element.style.cssText = 'display: block; width: 400px; height: 300px';
  const outcome = new Promise<Outcome>((resolve) => {
    element.addEventListener('lk-ready', () => resolve({ type: 'lk-ready' }), { once: true });
    element.addEventListener('lk-error', (event) => resolve({ type: 'lk-error', ...(event as CustomEvent<{ code: string; message: string }>).detail }), { once: true });
  });
  element.setAttribute('src', `${FIXTURES}/${fixture}`);
  page.document.body.append(element);
  return { outcome: await outcome, element };
}

const COMPRESSED: [fixture: string, syntax: string][] = [
  ['SC_rgb_jpeg_lossy_gdcm.dcm', 'JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50)'],
  ['JPGExtended.dcm', 'JPEG Extended (Process 2 & 4) (1.2.840.10008.1.2.4.51)'],
  ['JPEGLSNearLossless_16.dcm', 'JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81)'],
  ['MR_small_jp2klossless.dcm', 'JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)'],
  ['MR_small_htj2k.dcm', 'High-Throughput JPEG 2000 Lossless (1.2.840.10008.1.2.4.201)'],
];

describe("compressed DICOM and the page's Content Security Policy", function () {
  this.timeout(120000);

  it("without 'wasm-unsafe-eval': lk-error resource-load naming the syntax and the missing source; uncompressed files still show", async () => {
    const { frame, page } = await openCspPage('');
    try {
      for (const [fixture, syntax] of COMPRESSED) {
        const { outcome, element } = await show(page, fixture);
        expect(outcome.type, fixture).to.equal('lk-error');
        const error = outcome as Extract<Outcome, { type: 'lk-error' }>;
        expect(error.code, fixture).to.equal('resource-load');
        expect(error.message, fixture).to.contain(syntax);
        expect(error.message, fixture).to.contain("'wasm-unsafe-eval'");
        element.remove();
      }
      // JPEG Lossless is plain JavaScript: it needs no WebAssembly.
      const lossless = await show(page, 'SC_rgb_jpeg_gdcm.dcm');
      expect(lossless.outcome).to.deep.equal({ type: 'lk-ready' });
      const plain = await show(page, 'MR_small.dcm');
      expect(plain.outcome).to.deep.equal({ type: 'lk-ready' });
      // The page itself saw no violation: labelkit asked the worker's policy before compiling anything.
      expect(page.lkCspViolations, JSON.stringify(page.lkCspViolations)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it("with 'wasm-unsafe-eval': every codec decodes", async () => {
    const { frame, page } = await openCspPage('?wasm');
    try {
      expect((await fetch('/__lk-csp/page.html?wasm')).headers.get('content-security-policy')).to.contain("script-src 'self' 'wasm-unsafe-eval'");
      for (const fixture of ['SC_rgb_jpeg_lossy_gdcm.dcm', 'JPGExtended.dcm', 'SC_rgb_jpeg_gdcm.dcm', 'JPEGLSNearLossless_16.dcm', 'MR_small_jp2klossless.dcm', 'GDCMJ2K_TextGBR.dcm', 'MR_small_htj2k.dcm', 'MR_small_deflate.dcm']) {
        const { outcome, element } = await show(page, fixture);
        expect(outcome, fixture).to.deep.equal({ type: 'lk-ready' });
        element.remove();
      }
      expect(page.lkCspViolations, JSON.stringify(page.lkCspViolations)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
