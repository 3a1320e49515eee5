import type { Steps } from '../../format/steps.js';
import { yieldToMain } from '../../scheduling/yield-to-main.js';

/** Time the steps of one task may use before the main thread is given back (well under the 50-ms long-task mark). */
const TASK_BUDGET_MS = 8;

/**
 * Runs a generator that pauses (`yield`) between small steps of its work (reading an import,
 * storing it, building an export): steps run back to back until they have used TASK_BUDGET_MS,
 * then the main thread is given back (input, frames, other tasks run) before the next. After each
 * pause `goOn()` is asked; when it says no, the generator is closed (its `finally` blocks run)
 * and this resolves undefined. Else it resolves with the generator's result, in `value`.
 */
export async function runSteps<T>(steps: Steps<T>, goOn: () => boolean = () => true): Promise<{ value: T } | undefined> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value };
    if (performance.now() - start < TASK_BUDGET_MS) continue;
    await yieldToMain();
    if (!goOn()) {
      steps.return(undefined as T);
      return undefined;
    }
    start = performance.now();
  }
}
