/**
 * Which part of the timeline is on screen: the rows and the frames the DOM needs. A long video
 * with many tracks has tens of thousands of keyframes; only the rows in view (plus a few) and the
 * frames around the visible span are rendered, so the page's cost does not grow with the video.
 */

export interface TimelineView {
  /** Scroller scroll position and size, CSS pixels. */
  scrollTop: number;
  scrollLeft: number;
  height: number;
  /** Width of the visible part of the tracks (the scroller minus the sticky labels). */
  trackWidth: number;
}

export interface TimelineLayout {
  rowHeight: number;
  rowCount: number;
  pxPerFrame: number;
  frameTotal: number;
}

export interface TimelineWindow {
  /** Rows `[firstRow, endRow)` are rendered. */
  firstRow: number;
  endRow: number;
  /** Keyframes and ticks on frames `[firstFrame, lastFrame]` are rendered. */
  firstFrame: number;
  lastFrame: number;
}

/** Rows rendered beyond each edge of the view, so a small scroll shows rows already there. */
const ROW_OVERSCAN = 3;

/**
 * The window for `view`. The frame range moves in steps of one visible span and reaches one span
 * beyond each side, so scrolling within a span (or playing with the view following the cursor)
 * keeps the same window and the rows' cached templates.
 */
export function timelineWindow(view: TimelineView, layout: TimelineLayout): TimelineWindow {
  const { rowHeight, rowCount, pxPerFrame, frameTotal } = layout;
  // The sticky ruler is one row tall at the top of the content: row i starts at (i + 1) rows.
  const firstVisible = Math.floor(view.scrollTop / rowHeight);
  const endVisible = Math.ceil((view.scrollTop + view.height) / rowHeight);
  const firstRow = Math.max(0, Math.min(rowCount, firstVisible - ROW_OVERSCAN));
  const endRow = Math.max(firstRow, Math.min(rowCount, endVisible + ROW_OVERSCAN));
  const px = Math.max(1e-9, pxPerFrame);
  const span = Math.max(1, Math.ceil(view.trackWidth / px));
  const step = Math.floor(Math.max(0, view.scrollLeft) / px / span);
  const firstFrame = Math.max(0, (step - 1) * span);
  const lastFrame = Math.min(frameTotal - 1, (step + 3) * span);
  return { firstRow, endRow, firstFrame, lastFrame };
}

export function sameWindow(a: TimelineWindow, b: TimelineWindow): boolean {
  return a.firstRow === b.firstRow && a.endRow === b.endRow && a.firstFrame === b.firstFrame && a.lastFrame === b.lastFrame;
}
