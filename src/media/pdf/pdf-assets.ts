/**
 * Where the pdf.js worker and its data files are. During development these point into
 * node_modules; the build rewrites each URL to the copy it ships in dist/pdfjs/
 * (rollup.config.mjs), so nothing ever loads from a CDN.
 */
export const pdfjsAssets = {
  worker: new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
  standardFonts: new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url),
  cMaps: new URL('../../../node_modules/pdfjs-dist/cmaps/', import.meta.url),
  wasm: new URL('../../../node_modules/pdfjs-dist/wasm/', import.meta.url),
  iccs: new URL('../../../node_modules/pdfjs-dist/iccs/', import.meta.url),
};
