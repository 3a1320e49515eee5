/**
 * Work done in steps: a generator that pauses (`yield`) between small slices of its work, so that
 * an element can give the main thread back between them (src/elements/base/run-steps.ts), and
 * returns its result. The synchronous API runs the same generator through at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to their end now, in this task; their result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
