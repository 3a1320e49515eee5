// A tiny host app, as a developer writes one: it imports the installed package by its public
// name and puts every element on the page with a real asset. The harness (../run.mjs) bundles or
// serves it unchanged with each bundler and reads `window.lkHost` from Chromium.
import 'labelkit/define.js';

const box = { tools: [{ schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935' }] };
const ner = { tools: [{ schemaId: 't-ner', tool: 'ner', title: 'Entity', color: '#e53935' }] };
const pdf = { tools: [{ schemaId: 't-pdf', tool: 'pdf', title: 'Passage', color: '#e53935' }] };

/** [id, tag, asset, ontology]: the assets are the repository's test fixtures, copied to /assets/. */
const ELEMENTS = [
  ['image', 'lk-image', '/assets/bottles-frame.jpg', box],
  ['video', 'lk-video', '/assets/frame-numbers.webm', box],
  ['pdf', 'lk-pdf', '/assets/pdflatex-4-pages.pdf', pdf],
  // Helvetica not embedded and a Japanese line in a predefined CMap: pdf.js's font data and cMaps.
  ['pdf-data', 'lk-pdf', '/assets/standard-font-and-cmap.pdf', pdf],
  ['dicom', 'lk-dicom', '/assets/CT_small.dcm', box],
  // Compressed DICOM: the decode worker and the codecs' .wasm (dist/dicom-codecs/). The JPEG 2000
  // file is MR_small.dcm compressed losslessly: the harness compares the two on screen.
  ['dicom-mr', 'lk-dicom', '/assets/MR_small.dcm', box],
  ['dicom-jpeg2000', 'lk-dicom', '/assets/MR_small_jp2klossless.dcm', box],
  ['dicom-jpeg-ls', 'lk-dicom', '/assets/JPEGLSNearLossless_16.dcm', box],
  ['text', 'lk-text', '/assets/unicode-crlf.txt', ner],
];

const results = {};
const violations = [];
window.lkHost = { results, violations, expected: ELEMENTS.map(([id]) => id) };
// Served with a strict Content-Security-Policy (one target does), nothing may be refused.
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} refused ${event.blockedURI.slice(0, 80)}`));

// A host that serves its own copies of dist/pdfjs/ and dist/dicom-codecs/ (the esbuild recipe in
// docs/bundlers.md) says so here.
const { pdfjsBase, codecsBase } = document.documentElement.dataset;

for (const [id, tag, src, ontology] of ELEMENTS) {
  const element = document.createElement(tag);
  element.id = id;
  element.style.cssText = 'display: block; width: 800px; --lk-height: 360px';
  element.ontology = ontology;
  if (tag === 'lk-pdf' && pdfjsBase) element.setAttribute('pdfjs-base', pdfjsBase);
  if (tag === 'lk-dicom' && codecsBase) element.setAttribute('codecs-base', codecsBase);
  element.addEventListener('lk-ready', () => (results[id] = { ...results[id], ready: true }));
  element.addEventListener('lk-error', (event) => {
    const errors = [...(results[id]?.errors ?? []), { code: event.detail.code, message: event.detail.message }];
    results[id] = { ...results[id], errors };
  });
  element.src = src;
  document.body.append(element);
}
