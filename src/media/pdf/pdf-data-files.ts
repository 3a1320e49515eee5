/**
 * pdf.js's data files (standard fonts, cMaps, wasm decoders) fetched on the main thread, so a
 * file that cannot be loaded is seen: pdf.js itself only logs a warning and draws with a
 * substitute. The first failure of each kind is reported once per document; pdf.js then goes on
 * with its fallback, so the document stays usable.
 */
import { LabelkitError } from '../../core/errors.js';

type DataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

const WHAT: Record<DataKind, string> = {
  cMapUrl: 'character maps (cMaps); text in some fonts may be missing',
  standardFontDataUrl: 'standard font data; text may show in a substitute font',
  wasmUrl: 'image decoders (wasm); some images may be missing',
};

/** The shape of pdf.js's `BinaryDataFactory` option: a class it constructs with the data URLs. */
export type BinaryDataFactoryClass = new (urls: Partial<Record<DataKind, string | null>>) => {
  fetch(request: { kind: DataKind; filename: string }): Promise<Uint8Array>;
};

export function dataFilesReportingTo(report: (error: LabelkitError) => void): BinaryDataFactoryClass {
  const reported = new Set<DataKind>();
  const fail = (kind: DataKind, status: number | undefined) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    const http = status ? ` (HTTP ${status})` : '';
    report(
      new LabelkitError({
        code: 'resource-load',
        message: `The PDF reader could not load its ${WHAT[kind]}${http}. Serve the package’s dist/pdfjs/ folder next to its bundle, or set \`pdfjs-base\`.`,
        cause: { name: 'DataFileError', ...(status ? { status } : {}) },
      }),
    );
  };
  return class {
    private readonly urls: Partial<Record<DataKind, string | null>>;

    constructor(urls: Partial<Record<DataKind, string | null>>) {
      this.urls = urls;
    }

    async fetch({ kind, filename }: { kind: DataKind; filename: string }): Promise<Uint8Array> {
      const base = this.urls[kind];
      if (!base) throw new Error(`No ${kind} configured.`);
      let response: Response | undefined;
      try {
        response = await fetch(`${base}${filename}`);
        if (response.ok) return new Uint8Array(await response.arrayBuffer());
      } catch {
        // a network failure: reported below like an HTTP error
      }
      fail(kind, response?.status);
      throw new Error(`Unable to load ${kind} data: ${filename}`);
    }
  };
}
