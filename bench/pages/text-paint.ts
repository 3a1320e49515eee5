/** First paint of the entities, measured the same way for every text page. */
import { nextFrame } from './common.js';

/** Whether any CSS Custom Highlight on the page holds a range (both text pages paint entities with them). */
function highlightsRegistered(): boolean {
  for (const highlight of CSS.highlights.values()) if (highlight.size > 0) return true;
  return false;
}

/**
 * Resolves after the first frame painted with entity highlights registered. A library may
 * register them later than the call that gave it the annotations (text-annotator indexes every
 * entity's client rects first, then paints in a debounced animation frame), so "load" lasts
 * until the highlights are there and one frame has shown them.
 */
export async function highlightsPainted(timeoutMs = 120_000): Promise<void> {
  const start = performance.now();
  while (!highlightsRegistered()) {
    if (performance.now() - start > timeoutMs) throw new Error(`no highlight registered within ${timeoutMs} ms`);
    await nextFrame();
  }
  await nextFrame();
}
