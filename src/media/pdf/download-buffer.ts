/**
 * A download read as fast as it arrives, before anyone is ready for its bytes. pdf.js can take
 * them only once its worker runs (100–300 ms after a load starts, longer on a busy machine); a
 * body nobody reads stops the network once the browser's buffer for it is full, and pdf.js would
 * then start with the first chunk only and ask for the end of the file by range requests that
 * the download had already brought, or would have. Until `take()`, the chunks are kept here.
 */
import { concatBytes } from '../../host/asset-range.js';

export interface DownloadHandover {
  /** Every byte received so far, from the file's first one. */
  received: Uint8Array;
  /** Whether the body had ended by then: `received` is all of it, unless the download broke off. */
  ended: boolean;
  /** The bytes after `received`, in order, as they arrive; ends with the body, or early on a network failure. */
  rest: AsyncIterable<Uint8Array>;
}

export class DownloadBuffer {
  private chunks: Uint8Array[];
  private ended = false;
  private wake: (() => void) | undefined;

  /** Goes on reading `reader`, whose first bytes (`first`) were read already. */
  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    first: Uint8Array,
  ) {
    this.chunks = [first];
    void this.pump();
  }

  /** What has arrived, and what arrives from now on (once: the buffer keeps nothing after it). */
  take(): DownloadHandover {
    const received = concatBytes(this.chunks);
    this.chunks = [];
    return { received, ended: this.ended, rest: this.rest() };
  }

  /** Stops the download and drops what it holds. */
  cancel(): void {
    this.chunks = [];
    void this.reader.cancel().catch(() => undefined);
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        this.chunks.push(value);
        this.wake?.();
      }
    } catch {
      // A broken download is not fatal: what pdf.js still needs it asks for as ranges.
    }
    this.ended = true;
    this.wake?.();
  }

  private async *rest(): AsyncGenerator<Uint8Array> {
    for (;;) {
      while (this.chunks.length > 0) yield this.chunks.shift()!;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
