/**
 * Paints the entities of a window of blocks around the rendered ones, and moves the window only
 * when the reader nears its edge. Two costs pull against each other: every change to a
 * `Highlight` makes the browser mark every registered range again and repaint the text in view
 * (adding a block's entities as it came into view and taking them out as it left cost each
 * scrolled frame several milliseconds), and so does any change to the page's DOM or style while
 * ranges are registered (with all 10,000 entities of a novel registered, each such frame paid
 * ~5 ms). A window of about twenty screens moves once every half dozen screens scrolled and
 * keeps about a tenth of a novel's entities registered.
 */
import type { DocumentView } from './document-view.js';
import type { EntityIndex, TextEntity } from './entity-index.js';
import type { EntityPaint, TextHighlights } from './highlights.js';

export interface HighlightWindow {
  /** A block started or stopped being rendered. */
  blockChanged(block: number, rendered: boolean): void;
  /** These entities were added, moved, reclassified, removed or changed lane. */
  entitiesChanged(ids: Iterable<string>): void;
  /** Paints the window again from scratch (new palette, new index). */
  repaintAll(): void;
}

export interface HighlightWindowOptions {
  view: DocumentView;
  index: () => EntityIndex;
  highlights: TextHighlights;
  /** How an entity paints (its class and range), or undefined to leave it unpainted. */
  paintOf: (entity: TextEntity) => EntityPaint | undefined;
}

/** Blocks painted on each side of the rendered ones (a block is about two screens). */
const REACH = 4;
/** The window moves when a rendered block comes this close to its edge. */
const MARGIN = 1;

export function createHighlightWindow(options: HighlightWindowOptions): HighlightWindow {
  const { view, highlights, paintOf } = options;
  /** The painted blocks, [first, last]; empty while last < first. */
  let first = 0;
  let last = -1;
  /** The block that came into view last: where the reader is. */
  let latest = -1;

  const spanOf = (from: number, to: number): [number, number] => [view.blockSpan(from)[0], view.blockSpan(to)[1]];
  const inWindow = (entity: TextEntity) => {
    if (last < first) return false;
    const [start, end] = spanOf(first, last);
    return entity.start < end && (entity.end > start || (entity.start === entity.end && entity.start >= start));
  };

  /** Paints [from, to] (or takes it out), entity by entity, leaving those still in the window. */
  const paintBlocks = (from: number, to: number, paint: boolean) => {
    if (to < from) return;
    const [start, end] = spanOf(from, to);
    for (const entity of options.index().overlapping(start, end)) highlights.paint(entity.id, paint || inWindow(entity) ? paintOf(entity) : undefined);
  };

  /** Moves the window to [from, to]: what leaves is taken out, what enters is painted. */
  const moveTo = (from: number, to: number) => {
    const [oldFirst, oldLast] = [first, last];
    first = from;
    last = to;
    if (oldLast < oldFirst) {
      paintBlocks(first, last, true);
      return;
    }
    paintBlocks(oldFirst, Math.min(oldLast, first - 1), false);
    paintBlocks(Math.max(oldFirst, last + 1), oldLast, false);
    paintBlocks(first, Math.min(last, oldFirst - 1), true);
    paintBlocks(Math.max(first, oldLast + 1), last, true);
  };

  /**
   * The window around `block` and the rendered blocks near it. After a jump the blocks left behind
   * are still rendered for a frame: they are not stretched over.
   */
  const around = (block: number): [number, number] => {
    let low = block;
    let high = block;
    for (const other of view.renderedBlocks()) {
      if (Math.abs(other - block) > REACH) continue;
      low = Math.min(low, other);
      high = Math.max(high, other);
    }
    return [Math.max(0, low - REACH), Math.min(view.blocks.length - 1, high + REACH)];
  };

  return {
    blockChanged(block, rendered) {
      if (!rendered) return;
      latest = block;
      const lastBlock = view.blocks.length - 1;
      const nearFirst = first > 0 && block < first + MARGIN;
      const nearLast = last < lastBlock && block > last - MARGIN;
      if (last >= first && !nearFirst && !nearLast) return;
      moveTo(...around(block));
    },
    entitiesChanged(ids) {
      const index = options.index();
      for (const id of ids) {
        const entity = index.get(id);
        highlights.paint(id, entity && inWindow(entity) ? paintOf(entity) : undefined);
      }
    },
    repaintAll() {
      highlights.clearEntities();
      first = 0;
      last = -1;
      const rendered = view.renderedBlocks();
      if (rendered.size > 0) moveTo(...around(rendered.has(latest) ? latest : Math.min(...rendered)));
    },
  };
}
