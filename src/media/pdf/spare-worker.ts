/**
 * A pdf.js worker started before a document needs it. Starting one (fetching and compiling a
 * 1 MB module in a new thread) is the longest step of opening a PDF; an element that is on the
 * page without a file yet starts it then, and the load that follows takes it over. Only the
 * worker script the element would load anyway is fetched, and nothing is reported from here:
 * a spare that fails is dropped, and the load starts its own worker (which reports).
 */
import { startPdfWorker } from './pdf-worker.js';

interface Spare {
  url: string;
  worker: Promise<Worker>;
  abort: AbortController;
  failed: boolean;
}

export class SpareWorker {
  private spare: Spare | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** Starts a worker from `url`, unless one from it is already starting or ready. */
  warm(url: string): void {
    if (this.spare && this.spare.url === url && !this.spare.failed) return;
    this.release();
    const abort = new AbortController();
    const spare: Spare = { url, abort, failed: false, worker: startPdfWorker(url, { signal: abort.signal, timeoutMs: this.timeoutMs }) };
    spare.worker.catch(() => (spare.failed = true));
    this.spare = spare;
  }

  /**
   * A worker from `url` for a load: the spare when it came from `url` and has not failed, else
   * a new one. The caller owns it; `signal` stops it while it is still starting.
   */
  take(url: string, signal: AbortSignal): Promise<Worker> {
    const spare = this.spare;
    this.spare = undefined;
    if (!spare || spare.url !== url || spare.failed) {
      if (spare) this.dispose(spare);
      return startPdfWorker(url, { signal, timeoutMs: this.timeoutMs });
    }
    const stop = () => spare.abort.abort();
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    spare.worker.finally(() => signal.removeEventListener('abort', stop)).catch(() => undefined);
    return spare.worker;
  }

  /** Stops the spare, if any. */
  release(): void {
    if (this.spare) this.dispose(this.spare);
    this.spare = undefined;
  }

  private dispose(spare: Spare): void {
    // A worker still starting is terminated by its abort; a ready one here.
    spare.abort.abort();
    spare.worker.then((worker) => worker.terminate(), () => undefined);
  }
}
