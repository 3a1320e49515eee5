/**
 * pdf.js's data files (standard fonts, cMaps, wasm decoders) fetched on the main thread, so a
 * file that cannot be loaded is seen: pdf.js itself only logs a warning and draws with a
 * substitute. Each file is looked up by name in the resources (the package's own files, or the
 * host's copy), never by appending a name to a folder URL, so it loads wherever a bundler put it.
 * The first failure of each kind is reported once per document; pdf.js then goes on with its
 * fallback, so the document stays usable.
 */
import { LabelkitError } from '../../core/errors.js';
import { bundledFileUrl, dataUrlBytes, folderUrl, packagedFolderOf } from '../bundled-files.js';
import { RESOURCE_HINT, type PdfjsResources } from './pdf-assets.js';
import { PDFJS_DATA_FILES } from './pdfjs-data-files.js';

type DataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

const WHAT: Record<DataKind, string> = {
  cMapUrl: 'character maps (cMaps); text in some fonts may be missing',
  standardFontDataUrl: 'standard font data; text may show in a substitute font',
  wasmUrl: 'image decoders (wasm); some images may be missing',
};

/** The folder of dist/pdfjs/ each kind of file is in. */
const FOLDER: Record<DataKind, string> = { cMapUrl: 'cmaps', standardFontDataUrl: 'standard_fonts', wasmUrl: 'wasm' };

/** The shape of pdf.js's `BinaryDataFactory` option: a class it constructs with the data URLs. */
export type BinaryDataFactoryClass = new (urls: unknown) => {
  fetch(request: { kind: DataKind; filename: string }): Promise<Uint8Array>;
};

/**
 * The folder (with its trailing slash) of the image decoders' plain-JavaScript fallbacks, which
 * pdf.js imports by name where WebAssembly is not allowed; undefined where the layout of
 * dist/pdfjs/wasm/ is not kept (a bundler renamed the files: then there is no fallback).
 */
export function wasmFolder(resources: PdfjsResources, documentUrl: string): string | undefined {
  const folder = resources.hostFolder ? new URL('wasm/', resources.hostFolder) : packagedFolderOf(PDFJS_DATA_FILES, 'wasm/openjpeg.wasm');
  // pdf.js refuses a folder URL without its trailing slash (a dev server may have dropped it).
  return folder ? folderUrl(folder, documentUrl).href : undefined;
}

/** No data file is HTML: an HTML page in its place is a server's fallback for a file it does not have. */
function isHtml(response: Response): boolean {
  return /^\s*text\/html\b/i.test(response.headers.get('content-type') ?? '');
}

export function dataFilesReportingTo(resources: PdfjsResources, report: (error: LabelkitError) => void): BinaryDataFactoryClass {
  const reported = new Set<DataKind>();
  /** `answer`: the HTTP status of a failed answer, or `html` for a page where a file was due. */
  const fail = (kind: DataKind, answer: number | 'html' | undefined) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    const got = answer === 'html' ? ': the server answered an HTML page (a dev server or host fallback for a file it does not have)' : answer ? ` (HTTP ${answer})` : '';
    report(
      new LabelkitError({
        code: 'resource-load',
        message: `The PDF reader could not load its ${WHAT[kind]}${got}. ${RESOURCE_HINT}`,
        cause: { name: 'DataFileError', ...(typeof answer === 'number' ? { status: answer } : {}) },
      }),
    );
  };
  return class {
    async fetch({ kind, filename }: { kind: DataKind; filename: string }): Promise<Uint8Array> {
      const folder = Object.hasOwn(FOLDER, kind) ? FOLDER[kind] : undefined;
      // A name the package does not ship (a cMap a document names but pdf.js lacks): pdf.js's fallback, no request.
      const url = folder ? bundledFileUrl(PDFJS_DATA_FILES, `${folder}/${filename}`, resources.hostFolder) : undefined;
      if (!url) throw new Error(`No ${kind} file "${filename}".`);
      let answer: number | 'html' | undefined;
      try {
        // A file the host's bundler inlined: no request (a strict CSP refuses to fetch data: URLs).
        const inlined = dataUrlBytes(url);
        if (inlined) return inlined;
        const response = await fetch(url);
        answer = isHtml(response) ? 'html' : response.status;
        if (response.ok && answer !== 'html') return new Uint8Array(await response.arrayBuffer());
      } catch {
        // a network failure or a malformed data: URL: reported below like an HTTP error
      }
      fail(kind, answer);
      throw new Error(`Unable to load ${kind} data: ${filename}`);
    }
  };
}
