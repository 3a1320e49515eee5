/**
 * Where the pdf.js worker and its data files are. During development these point into
 * node_modules; the build rewrites each URL to the copy it ships in dist/pdfjs/
 * (rollup.config.mjs), so nothing ever loads from a CDN. A host that serves its own copy of
 * dist/pdfjs/ (a bundler that does not follow `new URL(…, import.meta.url)`, another origin)
 * names that folder, and every file is looked for under it.
 */

/** The worker script and the folders pdf.js reads data from (folder URLs end in `/`). */
export interface PdfjsResources {
  worker: string;
  standardFonts: string;
  cMaps: string;
  wasm: string;
  iccs: string;
}

/** The copies this package ships. */
export function packagedResources(): PdfjsResources {
  return {
    worker: new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href,
    standardFonts: new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).href,
    cMaps: new URL('../../../node_modules/pdfjs-dist/cmaps/', import.meta.url).href,
    wasm: new URL('../../../node_modules/pdfjs-dist/wasm/', import.meta.url).href,
    iccs: new URL('../../../node_modules/pdfjs-dist/iccs/', import.meta.url).href,
  };
}

/** The files under a folder laid out like dist/pdfjs/ (`base` relative to the document). */
export function resourcesUnder(base: string, documentUrl: string): PdfjsResources {
  const folder = new URL(base.endsWith('/') ? base : `${base}/`, documentUrl);
  const at = (path: string) => new URL(path, folder).href;
  return { worker: at('pdf.worker.min.mjs'), standardFonts: at('standard_fonts/'), cMaps: at('cmaps/'), wasm: at('wasm/'), iccs: at('iccs/') };
}
