/**
 * Turning the client rects of a text selection into the rects a `pdf` entry stores: one per
 * line run. Browsers give one rect per text span (often per word in PDF text layers); rects on
 * the same line that touch or nearly touch merge, while a wide gap (another column) starts a new
 * run.
 */

export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A gap wider than this many line heights separates two runs on one line (columns, tables). */
const RUN_GAP_IN_LINE_HEIGHTS = 1.5;

function sameLine(a: Edges, b: Edges): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Merges rects into line runs, top to bottom, then left to right. Empty rects are dropped. */
export function lineRuns(rects: readonly Edges[]): Edges[] {
  const sorted = rects
    .filter((rect) => rect.right - rect.left > 0.01 && rect.bottom - rect.top > 0.01)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const runs: Edges[] = [];
  for (const rect of sorted) {
    const run = runs.find((candidate) => {
      if (!sameLine(candidate, rect)) return false;
      const gap = Math.max(rect.left - candidate.right, candidate.left - rect.right);
      return gap <= RUN_GAP_IN_LINE_HEIGHTS * Math.max(candidate.bottom - candidate.top, rect.bottom - rect.top);
    });
    if (run) {
      run.left = Math.min(run.left, rect.left);
      run.top = Math.min(run.top, rect.top);
      run.right = Math.max(run.right, rect.right);
      run.bottom = Math.max(run.bottom, rect.bottom);
    } else {
      runs.push({ ...rect });
    }
  }
  return runs.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The smallest rect around all of `rects`, or undefined for none. */
export function boundsOf(rects: readonly Edges[]): Edges | undefined {
  if (rects.length === 0) return undefined;
  return rects.reduce((box, rect) => ({
    left: Math.min(box.left, rect.left),
    top: Math.min(box.top, rect.top),
    right: Math.max(box.right, rect.right),
    bottom: Math.max(box.bottom, rect.bottom),
  }));
}
