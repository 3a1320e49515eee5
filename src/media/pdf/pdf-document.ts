/**
 * Opening a PDF with pdf.js: one worker per document (several `<lk-pdf>` never share state), the
 * data files the package ships, the host's password hook, and pdf.js failures turned into
 * labelkit errors with a code.
 */
import { getDocument, InvalidPDFException, PasswordException, PasswordResponses, PDFWorker } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { LabelkitError } from '../../core/errors.js';
import { pdfjsAssets } from './pdf-assets.js';
import { workerScriptUrl } from './worker-script-url.js';

/** What the password hook is asked: `needed` the first time, `incorrect` after a wrong answer. */
export interface PdfPasswordRequest {
  reason: 'needed' | 'incorrect';
}

/** Returns the password, or undefined to give up (the load then ends in `asset-password`). */
export type PdfPasswordHook = (request: PdfPasswordRequest) => string | undefined | Promise<string | undefined>;

export interface OpenPdfOptions {
  /** The pdf.js worker script (a module worker); defaults to the one the package ships. */
  workerUrl?: string | URL;
  password?: PdfPasswordHook;
  signal: AbortSignal;
}

/** A page's size in PDF points at scale 1, its own rotation applied. */
export interface PdfPageSize {
  width: number;
  height: number;
}

export interface PdfDocumentHandle {
  readonly pageCount: number;
  page(index: number): Promise<PDFPageProxy>;
  /** Every page's size; pages are asked for in order, so early pages answer first. */
  pageSizes(): Promise<PdfPageSize[]>;
  destroy(): Promise<void>;
}

/** Tries per load: a hook that keeps answering wrong passwords must not loop forever. */
const MAX_PASSWORD_TRIES = 3;

export function pageSizeOf(page: PDFPageProxy): PdfPageSize {
  const viewport = page.getViewport({ scale: 1 });
  return { width: viewport.width, height: viewport.height };
}

export async function openPdf(data: ArrayBuffer, options: OpenPdfOptions): Promise<PdfDocumentHandle> {
  const port = new Worker(workerScriptUrl(options.workerUrl ?? pdfjsAssets.worker), { type: 'module', name: 'labelkit-pdf' });
  const worker = PDFWorker.create({ port });
  const task: PDFDocumentLoadingTask = getDocument({
    data: new Uint8Array(data),
    worker,
    standardFontDataUrl: pdfjsAssets.standardFonts.href,
    cMapUrl: pdfjsAssets.cMaps.href,
    wasmUrl: pdfjsAssets.wasm.href,
    iccUrl: pdfjsAssets.iccs.href,
    // Nothing on the host page changes how a document renders, and no system font is probed.
    useSystemFonts: false,
    enableXfa: false,
  });
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
    await task.destroy().catch(() => {});
    worker.destroy();
    port.terminate();
  };
  const onAbort = () => void teardown();
  options.signal.addEventListener('abort', onAbort, { once: true });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
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
  let sizes: Promise<PdfPageSize[]> | undefined;
  return {
    pageCount: document.numPages,
    page: (index) => document.getPage(index + 1),
    pageSizes: () =>
      (sizes ??= Promise.all(Array.from({ length: document.numPages }, (_, index) => document.getPage(index + 1).then(pageSizeOf)))),
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

function toLabelkitError(error: unknown): unknown {
  if (error instanceof LabelkitError) return error;
  if (error instanceof PasswordException) return passwordError('needed', false);
  if (error instanceof InvalidPDFException) {
    return new LabelkitError({ code: 'asset-load', message: 'The file is not a readable PDF.', cause: { name: 'InvalidPDFException' } });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new LabelkitError({ code: 'asset-load', message: 'The PDF could not be opened.', cause: { name: error instanceof Error ? error.name : 'Error' } });
}
