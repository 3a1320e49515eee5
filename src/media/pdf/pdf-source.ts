/**
 * How pdf.js gets a file's bytes through the host contract (`fetchAsset`, signed-URL refresh).
 * One GET streams the file from its first byte; when the server answers ranges (`Accept-Ranges:
 * bytes`, a known length, no content encoding), pdf.js also asks for the parts it needs first
 * (the cross-reference table at the end, the first page's objects) as ranges, so the first page
 * shows before the last byte arrives, as in pdf.js's own viewer. Otherwise the file is read whole
 * and handed over at once. pdf.js never sees the URL.
 */
import { LabelkitError } from '../../core/errors.js';
import type { AssetLoader } from '../../host/asset-loader.js';

/** The size of the chunks pdf.js asks for, and of the first part handed over before the rest streams. */
export const PDF_CHUNK_BYTES = 65_536;

export type PdfSource =
  | { kind: 'whole'; data: Uint8Array }
  | {
      kind: 'ranges';
      /** The file's size in bytes. */
      length: number;
      /** Its first bytes (at least one chunk). */
      initial: Uint8Array;
      /** The bytes after `initial`, in order, as they arrive; ends early only on a network failure. */
      rest: AsyncIterable<Uint8Array>;
      /** Bytes `[begin, end)`; rejects with a LabelkitError (`asset-expired`, …) when they cannot be had. */
      read(begin: number, end: number): Promise<Uint8Array>;
      /** Stops the stream (the document was closed). */
      cancel(): void;
    };

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return (error instanceof DOMException && error.name === 'AbortError') || (signal.aborted && error === signal.reason);
}

function interrupted(error: unknown, signal: AbortSignal): unknown {
  return isAbort(error, signal) ? error : new LabelkitError({ code: 'asset-load', message: 'The PDF download was interrupted.' });
}

async function body(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw interrupted(error, signal);
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === length) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `bytes 0-65535/1234567` → the first byte; undefined when unreadable. */
function rangeStart(header: string | null): number | undefined {
  const match = header ? /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(header.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/** Bytes `[begin, end)`, also from a server that stopped answering ranges (then the whole body is read and cut). */
async function readRange(loader: AssetLoader, signal: AbortSignal, begin: number, end: number): Promise<Uint8Array> {
  const response = await loader.fetch({ signal, headers: { Range: `bytes=${begin}-${end - 1}` } });
  const start = response.status === 206 ? rangeStart(response.headers.get('content-range')) : undefined;
  const bytes = await body(response, signal);
  if (response.status !== 206) return bytes.slice(begin, end);
  if (start !== undefined && start !== begin) throw new LabelkitError({ code: 'asset-load', message: 'The server answered a different part of the PDF than was asked for.' });
  return bytes;
}

/** Whether ranges can be asked for: what pdf.js's own network loader checks. */
function rangeLength(response: Response, chunkBytes: number): number | undefined {
  const headers = response.headers;
  const encoding = headers.get('content-encoding');
  const length = Number(headers.get('content-length'));
  if (headers.get('accept-ranges') !== 'bytes' || (encoding && encoding !== 'identity') || !response.body) return undefined;
  return Number.isSafeInteger(length) && length > chunkBytes ? length : undefined;
}

export async function openPdfSource(loader: AssetLoader, signal: AbortSignal, chunkBytes = PDF_CHUNK_BYTES): Promise<PdfSource> {
  const response = await loader.fetch({ signal });
  const length = rangeLength(response, chunkBytes);
  if (length === undefined) return { kind: 'whole', data: await body(response, signal) };
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  try {
    while (received < chunkBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw interrupted(error, signal);
  }
  const initial = concat(parts, received);
  if (received >= length) return { kind: 'whole', data: initial.subarray(0, length) };
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } catch {
        // A broken stream is not fatal: what pdf.js still needs it asks for as ranges.
      }
    },
  };
  return {
    kind: 'ranges',
    length,
    initial,
    rest,
    read: (begin, end) => readRange(loader, signal, begin, end),
    cancel: () => void reader.cancel().catch(() => undefined),
  };
}
