/**
 * Page sizes as they become known. pdf.js gives a page's size only once it has the page object
 * (`getPage`: a round trip to the worker, and the ranges of the file the object lies in), so a
 * long document's sizes take a while. Until then a page is laid out with a stand-in size, and
 * the sizes are asked for in the background, a few at a time: the page the reader is looking
 * at waits behind those few at the worker, not behind every page, and input runs meanwhile.
 * Pure: the document is reached only through `sizeOf`.
 */
import type { PdfPageSize } from './pdf-document.js';

/** A size for every page: an unknown page takes the nearest known size before it, else after it. */
export function withStandIns(known: readonly (PdfPageSize | undefined)[]): PdfPageSize[] {
  let previous = known.find((size) => size !== undefined) ?? { width: 0, height: 0 };
  return Array.from(known, (size) => (previous = size ?? previous));
}

export interface GatherOptions {
  count: number;
  sizeOf(index: number): Promise<PdfPageSize>;
  /** Pages asked for at once: the most requests ahead of the reader's at the worker. */
  inFlight: number;
  /** Each size as it arrives. */
  onSize(index: number, size: PdfPageSize): void;
  signal: AbortSignal;
}

/**
 * Every page's size, asked for in page order with at most `inFlight` unanswered at a time (a
 * new one as each answer comes: a page tree walked one range at a time, over a slow network,
 * still has several of its branches in progress). A page that fails is asked for once more.
 */
export async function gatherPageSizes(options: GatherOptions): Promise<PdfPageSize[]> {
  const { count, signal } = options;
  const sizes: PdfPageSize[] = [];
  let next = 0;
  let failed = false;
  const ask = async (index: number) => {
    try {
      return await options.sizeOf(index);
    } catch (error) {
      if (signal.aborted) throw error;
      return options.sizeOf(index);
    }
  };
  const lane = async () => {
    while (next < count && !failed) {
      const index = next++;
      const size = await ask(index);
      if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
      sizes[index] = size;
      options.onSize(index, size);
    }
  };
  const lanes = Array.from({ length: Math.min(options.inFlight, count) }, () =>
    lane().catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  await Promise.all(lanes);
  return sizes;
}
