/**
 * Opening a PDF with pdf.js: one worker per document (several `<lk-pdf>` never share state), the
 * data files the package ships (or the host's copy), bytes by ranges through the host contract,
 * the host's password hook, and every way pdf.js can fail or stall turned into a labelkit error
 * with a code: a load either opens the document or rejects, it never waits forever.
 */
import { getDocument, InvalidPDFException, PasswordException, PasswordResponses, PDFDataRangeTransport, PDFWorker } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { LabelkitError } from '../../core/errors.js';
import { packagedResources, RESOURCE_HINT, type PdfjsResources } from './pdf-assets.js';
import { dataFilesReportingTo, wasmFolder } from './pdf-data-files.js';
import type { DownloadHandover } from './download-buffer.js';
import { PDF_CHUNK_BYTES, type PdfSource } from './pdf-source.js';
import { startPdfWorker } from './pdf-worker.js';

import type { PdfPasswordHook, PdfPasswordRequest } from './password.js';

export type { PdfPasswordHook, PdfPasswordRequest } from './password.js';

export interface OpenPdfOptions {
  /** The worker script and data folders; the package's own copies by default. */
  resources?: PdfjsResources;
  /** A worker started earlier (`startPdfWorker`) from `resources.worker`; one is started here otherwise. The document owns it. */
  worker?: Promise<Worker>;
  password?: PdfPasswordHook;
  signal: AbortSignal;
  /** How long the worker script may take to load and answer (20 s by default). */
  workerTimeoutMs?: number;
  /** Chunk size of range requests; the source's first read should be this long. */
  rangeChunkBytes?: number;
  /** A data file pdf.js could not load: the document goes on (pdf.js draws with a fallback). */
  onResourceError?: (error: LabelkitError) => void;
}

/** A page's size in PDF points at scale 1, its own rotation applied. */
export interface PdfPageSize {
  width: number;
  height: number;
}

export interface PdfDocumentHandle {
  readonly pageCount: number;
  page(index: number): Promise<PDFPageProxy>;
  /** Page `index`'s size (one round trip to the worker, and the ranges its page object needs). */
  pageSize(index: number): Promise<PdfPageSize>;
  /**
   * `work` on the document (a page, a render, a text layer), rejected when a range of the file
   * it may need cannot be had: pdf.js would wait for it forever. Work asked for after such a
   * failure first fetches the failed ranges again (pdf.js never asks for a chunk twice), so a
   * page that could not be loaded loads when it is asked for again; if they still fail, so does
   * the work.
   */
  guard<T>(work: Promise<T>): Promise<T>;
  destroy(): Promise<void>;
}

/** Tries per load: a hook that keeps answering wrong passwords must not loop forever. */
const MAX_PASSWORD_TRIES = 3;
const WORKER_TIMEOUT_MS = 20_000;
/**
 * Ranges fetched at once; the others wait, and those the stream has brought meanwhile are not
 * fetched at all. pdf.js asks for every page object of a flat page tree at once when it opens a
 * file (it checks the last page), nearly the whole file, which the stream is bringing anyway.
 */
const RANGES_IN_FLIGHT = 4;

export function pageSizeOf(page: PDFPageProxy): PdfPageSize {
  const viewport = page.getViewport({ scale: 1 });
  return { width: viewport.width, height: viewport.height };
}

/** pdf.js's range transport over a source, and the ranges that could not be fetched. */
interface RangeTransport {
  transport: PDFDataRangeTransport;
  /** Fetches the failed ranges again and hands them to pdf.js; rejects when one still fails. */
  retry(): Promise<void>;
}

/**
 * pdf.js's range transport over the source: what the download has brought goes in as initial
 * data, what it brings next as progressive data, the ranges pdf.js asks for as range data
 * (`RANGES_IN_FLIGHT` at a time; pdf.js counts the stream's bytes toward a range it waits for,
 * so one the stream has covered is dropped); a range that cannot be had goes to `onFailure` and
 * is kept for `retry()`.
 */
function rangeTransport(source: Extract<PdfSource, { kind: 'ranges' }>, download: DownloadHandover, onFailure: (error: unknown) => void): RangeTransport {
  const transport = new PDFDataRangeTransport(source.length, download.received);
  const failed = new Map<number, number>();
  const waiting: [begin: number, end: number][] = [];
  let inFlight = 0;
  /** Bytes handed over by the stream, from the file's start. */
  let streamed = download.received.length;
  let closed = false;
  let retrying: Promise<void> | undefined;
  const deliver = (begin: number, chunk: Uint8Array) => {
    failed.delete(begin);
    try {
      transport.onDataRange(begin, chunk);
    } catch {
      // pdf.js no longer waits for this range (the stream brought it meanwhile).
    }
  };
  const fetchRange = (begin: number, end: number) => {
    inFlight++;
    source
      .read(begin, end)
      .then(
        (chunk) => {
          if (!closed) deliver(begin, chunk);
        },
        (error: unknown) => {
          if (closed) return;
          failed.set(begin, end);
          onFailure(error);
        },
      )
      .finally(() => {
        inFlight--;
        fetchWaiting();
      });
  };
  const fetchWaiting = () => {
    while (!closed && inFlight < RANGES_IN_FLIGHT && waiting.length > 0) {
      const [begin, end] = waiting.shift()!;
      if (end > streamed) fetchRange(begin, end);
    }
  };
  transport.requestDataRange = (begin: number, end: number) => {
    waiting.push([begin, end]);
    fetchWaiting();
  };
  transport.abort = () => {
    closed = true;
    source.cancel();
  };
  const retry = async () => {
    const ranges = [...failed];
    const chunks = await Promise.all(ranges.map(([begin, end]) => source.read(begin, end)));
    if (closed) return;
    ranges.forEach(([begin], index) => deliver(begin, chunks[index]!));
  };
  void (async () => {
    for await (const chunk of download.rest) {
      if (closed) return;
      streamed += chunk.length;
      transport.onDataProgressiveRead(chunk);
    }
    if (!closed) transport.onDataProgressiveDone();
  })();
  return {
    transport,
    retry: () => (retrying ??= retry().finally(() => (retrying = undefined))),
  };
}

/**
 * Work that rejects when a range fails while it waits. After a failure, new work first has
 * the failed ranges fetched again (`retry`); while they cannot be had it rejects with the error.
 */
function rangeFailures(retry: () => Promise<void>): { fail(error: unknown): void; guard<T>(work: Promise<T>): Promise<T> } {
  let failure: { error: unknown } | undefined;
  const waiting = new Set<(error: unknown) => void>();
  const watch = <T>(work: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.add(reject);
      work.then(resolve, reject).finally(() => waiting.delete(reject));
    });
  return {
    fail(error) {
      failure = { error };
      for (const reject of waiting) reject(error);
      waiting.clear();
    },
    async guard<T>(work: Promise<T>): Promise<T> {
      const before = failure;
      if (before) {
        try {
          await retry();
        } catch (error) {
          work.catch(() => undefined);
          throw error;
        }
        if (failure === before) failure = undefined;
      }
      return watch(work);
    },
  };
}

/** Opens the file's bytes (still arriving: the worker starts meanwhile) with pdf.js. */
export async function openPdf(bytes: PdfSource | Promise<PdfSource>, options: OpenPdfOptions): Promise<PdfDocumentHandle> {
  const resources = options.resources ?? packagedResources();
  const starting = options.worker ?? startPdfWorker(resources.worker, { signal: options.signal, timeoutMs: options.workerTimeoutMs ?? WORKER_TIMEOUT_MS });
  let source: PdfSource;
  try {
    source = await bytes;
  } catch (error) {
    // The file's error is the one to report; the worker is not needed.
    starting.then((started) => started.terminate(), () => undefined);
    throw error;
  }
  let port: Worker;
  try {
    port = await starting;
  } catch (error) {
    // The download goes on by itself (download-buffer.ts): stopped with the load.
    if (source.kind === 'ranges') source.cancel();
    throw error;
  }
  const worker = PDFWorker.create({ port });
  let retryRanges = () => Promise.resolve();
  const failure = rangeFailures(() => retryRanges());
  const bytesFrom = (source: PdfSource) => {
    if (source.kind === 'whole') return { data: source.data };
    // What arrived while the worker started goes over at once: all of it, when the download is done.
    const download = source.take();
    if (download.ended && download.received.length >= source.length) return { data: download.received.subarray(0, source.length) };
    const ranges = rangeTransport(source, download, failure.fail);
    retryRanges = ranges.retry;
    return { range: ranges.transport, rangeChunkSize: options.rangeChunkBytes ?? PDF_CHUNK_BYTES };
  };
  let task: PDFDocumentLoadingTask;
  try {
    const wasmFallbacks = wasmFolder(resources, globalThis.document.baseURI);
    task = getDocument({
      ...bytesFrom(source),
      worker,
      // Data files are fetched here, by name, where a failure can be reported (pdf.js only warns);
      // the worker fetches nothing, so it needs no data folder URLs (nor ICC profiles, which pdf.js
      // only uses when the worker fetches).
      useWorkerFetch: false,
      BinaryDataFactory: dataFilesReportingTo(resources, (error) => options.onResourceError?.(error)),
      // The decoders' plain-JavaScript fallbacks, imported by name where WebAssembly is not allowed.
      ...(wasmFallbacks ? { wasmUrl: wasmFallbacks } : {}),
      // Nothing on the host page changes how a document renders, and no system font is probed.
      useSystemFonts: false,
      enableXfa: false,
    });
  } catch (error) {
    // The reader could not be set up before reading a byte of the file: a resource URL that a
    // bundler or dev server made unusable, or one pdf.js does not accept.
    if (source.kind === 'ranges') source.cancel();
    worker.destroy();
    port.terminate();
    throw setupError(error);
  }
  let tries = 0;
  // pdf.js wraps whatever the password callback rejects with; remember why the load gave up.
  let gaveUp: LabelkitError | undefined;
  task.onPassword = (answer: (password: string | Error) => void, code: number) => {
    const reason: PdfPasswordRequest['reason'] = code === PasswordResponses.INCORRECT_PASSWORD ? 'incorrect' : 'needed';
    const hook = options.password;
    const giveUp = () => {
      gaveUp = passwordError(reason, Boolean(hook));
      answer(gaveUp);
    };
    if (!hook || tries++ >= MAX_PASSWORD_TRIES) {
      giveUp();
      return;
    }
    Promise.resolve()
      .then(() => hook({ reason }))
      .then((password) => (typeof password === 'string' ? answer(password) : giveUp()), giveUp);
  };
  const teardown = async () => {
    if (source.kind === 'ranges') source.cancel();
    await task.destroy().catch(() => {});
    worker.destroy();
    port.terminate();
  };
  const onAbort = () => void teardown();
  options.signal.addEventListener('abort', onAbort, { once: true });
  let document: PDFDocumentProxy;
  try {
    document = await failure.guard(task.promise);
  } catch (error) {
    await teardown();
    throw gaveUp ?? toLabelkitError(error);
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  if (options.signal.aborted) {
    await teardown();
    throw new DOMException('Aborted', 'AbortError');
  }
  return {
    pageCount: document.numPages,
    page: (index) => failure.guard(document.getPage(index + 1)),
    pageSize: (index) => failure.guard(document.getPage(index + 1)).then(pageSizeOf),
    guard: failure.guard,
    destroy: teardown,
  };
}

function passwordError(reason: PdfPasswordRequest['reason'], hadHook: boolean): LabelkitError {
  const message =
    reason === 'incorrect' && hadHook
      ? 'The PDF is password-protected and the password given was not accepted.'
      : 'The PDF is password-protected. Set the `password` hook to open it.';
  return new LabelkitError({ code: 'asset-password', message, cause: { name: 'PasswordException' } });
}

/** pdf.js could not be set up: a problem of the page's resources, not of the file. */
function setupError(error: unknown): LabelkitError {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new LabelkitError({
    code: 'resource-load',
    message: `The PDF reader could not be set up${detail}. ${RESOURCE_HINT}`,
    cause: { name: error instanceof Error ? error.name : 'Error' },
  });
}

function toLabelkitError(error: unknown): unknown {
  if (error instanceof LabelkitError) return error;
  if (error instanceof PasswordException) return passwordError('needed', false);
  if (error instanceof InvalidPDFException) {
    return new LabelkitError({ code: 'asset-load', message: 'The file is not a readable PDF.', cause: { name: 'InvalidPDFException' } });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new LabelkitError({ code: 'asset-load', message: 'The PDF could not be opened.', cause: { name: error instanceof Error ? error.name : 'Error' } });
}
