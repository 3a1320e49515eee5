/**
 * The newest of a stream of requests, and only it: each waits `delayMs` without a newer one
 * (debounce), and a newer one aborts the call still in flight, so a slow model never answers a
 * prompt the user has moved past. The caller never waits: answers and failures arrive by callback.
 */
export class LatestCall<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private generation = 0;

  constructor(private readonly delayMs: number) {}

  /** True while a call waits for its delay or for its answer. */
  get pending(): boolean {
    return this.timer !== undefined || this.abort !== undefined;
  }

  schedule(run: (signal: AbortSignal) => Promise<T>, answered: (value: T) => void, failed: (error: unknown) => void): void {
    this.cancel();
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const abort = new AbortController();
      this.abort = abort;
      const current = () => generation === this.generation && !abort.signal.aborted;
      let call: Promise<T>;
      try {
        call = Promise.resolve(run(abort.signal));
      } catch (error) {
        call = Promise.reject(error);
      }
      call.then(
        (value) => {
          if (!current()) return;
          this.abort = undefined;
          answered(value);
        },
        (error: unknown) => {
          if (!current()) return;
          this.abort = undefined;
          failed(error);
        },
      );
    }, this.delayMs);
  }

  /** Drops the waiting call and aborts the one in flight; neither answers. */
  cancel(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }
}
