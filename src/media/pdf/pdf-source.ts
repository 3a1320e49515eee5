/**
 * How pdf.js gets a file's bytes through the host contract (`fetchAsset`, signed-URL refresh).
 * One GET streams the file from its first byte; when the server answers ranges (`Accept-Ranges:
 * bytes`, a known length, no content encoding), pdf.js also asks for the parts it needs first
 * (the cross-reference table at the end, the first page's objects) as ranges, so the first page
 * shows before the last byte arrives, as in pdf.js's own viewer. Otherwise the file is read whole
 * and handed over at once. pdf.js never sees the URL.
 */
import type { AssetLoader } from '../../host/asset-loader.js';
import { readAssetRange, readAtLeast, wholeBody } from '../../host/asset-range.js';

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
  if (length === undefined) return { kind: 'whole', data: await wholeBody(response, signal) };
  const reader = response.body!.getReader();
  let initial: Uint8Array;
  try {
    initial = await readAtLeast(reader, chunkBytes, signal);
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  if (initial.length >= length) return { kind: 'whole', data: initial.subarray(0, length) };
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
    read: (begin, end) => readAssetRange(loader, signal, begin, end),
    cancel: () => void reader.cancel().catch(() => undefined),
  };
}
