/**
 * Page sizes as they become known. pdf.js gives a page's size only once it has the page object
 * (`getPage`: a round trip to the worker, and the ranges of the file the object lies in), so a
 * long document's sizes take a while. Until then a page is laid out with a stand-in size, and
 * the sizes are asked for in the background, a small batch at a time: the worker then answers
 * the page the reader is looking at between two batches, and input runs while a batch is out.
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
  /** Pages asked for at once. */
  batch: number;
  /** Each batch's sizes as they arrive: pages `first` to `first + sizes.length - 1`. */
  onSizes(first: number, sizes: PdfPageSize[]): void;
  signal: AbortSignal;
}

/** Every page's size, asked for in page order, one batch at a time. A batch that fails is asked for once more. */
export async function gatherPageSizes(options: GatherOptions): Promise<PdfPageSize[]> {
  const { count, batch, signal } = options;
  const sizes: PdfPageSize[] = [];
  const ask = (first: number) => Promise.all(Array.from({ length: Math.min(batch, count - first) }, (_, offset) => options.sizeOf(first + offset)));
  for (let first = 0; first < count; first += batch) {
    let answered: PdfPageSize[];
    try {
      answered = await ask(first);
    } catch (error) {
      if (signal.aborted) throw error;
      answered = await ask(first);
    }
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    sizes.push(...answered);
    options.onSizes(first, answered);
  }
  return sizes;
}
