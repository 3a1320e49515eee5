/**
 * Waiting for events and frames. This module imports nothing, so a page without the test
 * runner's commands (the strict-CSP page's realm in test/security) can use it too.
 */

/** Resolves with the next event of `type` on `target` (rejects after `timeout` ms). */
export function nextEvent<T extends Event = CustomEvent>(target: EventTarget, type: string, timeout = 100000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

/** Waits `count` animation frames (renders are scheduled per frame). */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits, frame by frame, until `condition` holds (at most `timeout` ms: generous, as a loaded machine draws few frames). */
export async function until(condition: () => boolean, what: string, timeout = 60000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => requestAnimationFrame(resolve));
  if (!condition()) throw new Error(`never: ${what}`);
}
