/** What a page has fetched, for the tests that check a module loads only when it is needed. */

/** Keep an entry for every module the page fetches (the browser keeps 250 by default). */
export function recordEveryFetch(): void {
  performance.setResourceTimingBufferSize(100_000);
}

/** Whether the page has fetched a file whose URL contains `part` (a source path, a file name). */
export function fetched(part: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));
}
