/**
 * Work too big for one task (indexing or painting 100,000 objects), done a slice at a time: each
 * slice runs until it has used SLICE_MS, then the main thread is yielded (input, frames and other
 * tasks run) before the next. No slice holds the thread near the 50-ms long-task mark.
 */

import { yieldToMain } from '../scheduling/yield-to-main.js';

/** Time one slice may take before it yields (the check is every CHECK_EVERY items). */
export const SLICE_MS = 8;
const CHECK_EVERY = 32;
/**
 * At most this many items a slice: what a slice gathers is flushed at its end (an R-tree bulk load,
 * a canvas fill and stroke), untimed, and grows with the items.
 */
export const MAX_SLICE_ITEMS = 2000;


export interface SlicedRun {
  /** Resolves true when every item was handled, false when cancelled first. */
  readonly done: Promise<boolean>;
  readonly finished: boolean;
  /** Slices run so far (the first runs at once, in the caller's task). */
  readonly slices: number;
  cancel(): void;
}

export interface SliceWork<T> {
  each(item: T): void;
  /** After a slice's last item: flush what the slice gathered. */
  endSlice(): void;
}

/**
 * Handles `items` in slices; the first slice runs before this returns, so a small set is done at
 * once. `sliceMs: Infinity` does everything now (a caller that must finish in its task).
 */
export function runInSlices<T>(items: readonly T[], work: SliceWork<T>, sliceMs = SLICE_MS): SlicedRun {
  let next = 0;
  const slice = () => {
    const start = performance.now();
    const last = sliceMs === Infinity ? items.length : Math.min(items.length, next + MAX_SLICE_ITEMS);
    while (next < last) {
      work.each(items[next++]!);
      if (next % CHECK_EVERY === 0 && performance.now() - start >= sliceMs) break;
    }
    work.endSlice();
  };
  return runSlices(slice, () => next < items.length);
}

/**
 * Runs `slice` now, then again a task at a time (the main thread yielded between) while `more()`
 * says there is work left; `afterLater` runs after each of the later slices (`last`: nothing is
 * left). Cancelling stops it before the next slice.
 */
export function runSlices(slice: () => void, more: () => boolean, afterLater?: (last: boolean) => void): SlicedRun {
  let cancelled = false;
  let slices = 0;
  const step = () => {
    slices++;
    slice();
  };
  step();
  const run = {
    finished: !more(),
    get slices() {
      return slices;
    },
    cancel() {
      cancelled = true;
    },
    done: Promise.resolve(true),
  };
  if (!run.finished) {
    run.done = (async () => {
      while (more()) {
        await yieldToMain();
        if (cancelled) return false;
        step();
        afterLater?.(!more());
      }
      run.finished = true;
      return true;
    })();
  }
  return run;
}
