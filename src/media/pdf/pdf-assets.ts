/**
 * Where the pdf.js worker and its data files are: the package's own copies (the worker below, the
 * data files in pdfjs-data-files.ts, each found by bundlers as ../bundled-files.ts explains), or a
 * host's copy of dist/pdfjs/ named by `pdfjs-base`. Nothing ever loads from a CDN. This module
 * loads with the element; the data-file table only with pdf.js.
 */
import { absoluteUrl, folderUrl } from '../bundled-files.js';

/** What a developer can do when a pdf.js file cannot be loaded (docs/bundlers.md has the details). */
export const RESOURCE_HINT =
  'Serve the package’s dist/pdfjs/ folder next to its bundle (bundlers that copy `new URL(…, import.meta.url)` files do; see docs/bundlers.md), or copy it to your static files and set `pdfjs-base` on the element.';

export interface PdfjsResources {
  /** The worker script (a module worker). */
  worker: string;
  /** A host's copy of dist/pdfjs/ (a folder URL) the data files come from; the packaged files when absent. */
  hostFolder?: URL;
}

/** The copies this package ships. */
export function packagedResources(): PdfjsResources {
  return { worker: absoluteUrl(new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url)) };
}

/** The files under a folder laid out like dist/pdfjs/ (`base` relative to the document; its trailing slash optional). */
export function resourcesUnder(base: string, documentUrl: string): PdfjsResources {
  const hostFolder = folderUrl(base, documentUrl);
  return { worker: new URL('pdf.worker.min.mjs', hostFolder).href, hostFolder };
}
