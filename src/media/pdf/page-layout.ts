/**
 * Where each page sits in the scrolling document at a zoom: pages stacked top to bottom with a
 * gap, centred horizontally. Pure arithmetic, so the scroll height is exact before any page
 * renders and "which pages are near the viewport" is a binary search.
 */
import type { PdfPageSize } from './pdf-document.js';

export interface PageSlot {
  /** CSS pixels from the top-left of the document. */
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PageLayout {
  slots: PageSlot[];
  width: number;
  height: number;
}

export function layoutPages(sizes: readonly PdfPageSize[], scale: number, gap: number, minWidth = 0): PageLayout {
  const widest = sizes.reduce((max, size) => Math.max(max, size.width * scale), 0);
  const width = Math.max(minWidth, widest + 2 * gap);
  let top = gap;
  const slots = sizes.map((size) => {
    const slot = { top, left: (width - size.width * scale) / 2, width: size.width * scale, height: size.height * scale };
    top += slot.height + gap;
    return slot;
  });
  return { slots, width, height: top };
}

/** Index of the first slot whose bottom is below `y` (slots.length when none). */
function firstEndingBelow(slots: readonly PageSlot[], y: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const slot = slots[mid]!;
    if (slot.top + slot.height <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The pages that intersect `[top, bottom]` widened by `margin` pages on each side, as [first, last]. */
export function pagesNear(layout: PageLayout, top: number, bottom: number, margin: number): [number, number] | undefined {
  const count = layout.slots.length;
  if (count === 0) return undefined;
  const first = Math.min(firstEndingBelow(layout.slots, top), count - 1);
  let last = first;
  while (last + 1 < count && layout.slots[last + 1]!.top < bottom) last++;
  return [Math.max(0, first - margin), Math.min(count - 1, last + margin)];
}

/** The page covering most of `[top, bottom]`: what a page counter calls the current page. */
export function mostVisiblePage(layout: PageLayout, top: number, bottom: number): number {
  const range = pagesNear(layout, top, bottom, 0);
  if (!range) return 0;
  let best = range[0];
  let bestVisible = -1;
  for (let index = range[0]; index <= range[1]; index++) {
    const slot = layout.slots[index]!;
    const visible = Math.min(bottom, slot.top + slot.height) - Math.max(top, slot.top);
    if (visible > bestVisible) {
      best = index;
      bestVisible = visible;
    }
  }
  return best;
}
