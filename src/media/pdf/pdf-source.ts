/**
 * How pdf.js gets a file's bytes through the host contract (`fetchAsset`, signed-URL refresh).
 * One GET streams the file from its first byte, read as it arrives while pdf.js starts
 * (download-buffer.ts); when the server answers ranges (`Accept-Ranges: bytes`, a known length,
 * no content encoding), pdf.js also asks for the parts it needs first and has not got yet (the
 * cross-reference table at the end, the first page's objects) as ranges, so the first page
 * shows before the last byte arrives, as in pdf.js's own viewer. Otherwise the file is read whole
 * and handed over at once. pdf.js never sees the URL.
 */
import type { AssetLoader } from '../../host/asset-loader.js';
import { readAssetRange, readAtLeast, wholeBody } from '../../host/asset-range.js';
import { DownloadBuffer, type DownloadHandover } from './download-buffer.js';

/** The size of the chunks pdf.js asks for, and of the first part handed over before the rest streams. */
export const PDF_CHUNK_BYTES = 65_536;

export type PdfSource =
  | { kind: 'whole'; data: Uint8Array }
  | {
      kind: 'ranges';
      /** The file's size in bytes. */
      length: number;
      /**
       * The download so far (at least one chunk; all of it when it has ended) and the rest as it
       * arrives: called once, by the reader of the bytes.
       */
      take(): DownloadHandover;
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
  const download = new DownloadBuffer(reader, initial);
  return {
    kind: 'ranges',
    length,
    take: () => download.take(),
    read: (begin, end) => readAssetRange(loader, signal, begin, end),
    cancel: () => download.cancel(),
  };
}
