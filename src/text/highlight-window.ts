/**
 * Paints only the entities of blocks the browser renders. Every range in a CSS Custom Highlight is
 * turned into paint markers again whenever the page's style or DOM changes, so registering all
 * 10,000 entities of a novel makes every frame pay for all of them; here a block that comes into
 * view adds the entities it holds and one that leaves takes them out, and a changed entity is
 * repainted only when it lies in a rendered block.
 */
import type { DocumentView } from './document-view.js';
import type { EntityIndex, TextEntity } from './entity-index.js';
import type { EntityPaint, TextHighlights } from './highlights.js';

export interface HighlightWindow {
  /** A block started or stopped being rendered. */
  blockChanged(block: number, rendered: boolean): void;
  /** These entities were added, moved, reclassified, removed or changed lane. */
  entitiesChanged(ids: Iterable<string>): void;
  /** Paints the rendered blocks again from scratch (new palette, new index). */
  repaintAll(): void;
}

export interface HighlightWindowOptions {
  view: DocumentView;
  index: () => EntityIndex;
  highlights: TextHighlights;
  /** How an entity paints (its class and range), or undefined to leave it unpainted. */
  paintOf: (entity: TextEntity) => EntityPaint | undefined;
}

export function createHighlightWindow(options: HighlightWindowOptions): HighlightWindow {
  const { view, highlights, paintOf } = options;
  /** For each painted entity, how many rendered blocks it shares text with. */
  const blockCounts = new Map<string, number>();

  const blockChanged = (block: number, rendered: boolean) => {
    const [start, end] = view.blockSpan(block);
    for (const entity of options.index().overlapping(start, end)) {
      const count = (blockCounts.get(entity.id) ?? 0) + (rendered ? 1 : -1);
      if (count > 0) {
        if (!blockCounts.has(entity.id)) highlights.paint(entity.id, paintOf(entity));
        blockCounts.set(entity.id, count);
      } else {
        blockCounts.delete(entity.id);
        highlights.paint(entity.id, undefined);
      }
    }
  };

  return {
    blockChanged,
    entitiesChanged(ids) {
      const index = options.index();
      const rendered = [...view.renderedBlocks()].map((block) => view.blockSpan(block));
      for (const id of ids) {
        const entity = index.get(id);
        const count = entity ? rendered.filter(([start, end]) => entity.start < end && entity.end > start).length : 0;
        if (entity && count > 0) {
          blockCounts.set(id, count);
          highlights.paint(id, paintOf(entity));
        } else {
          blockCounts.delete(id);
          highlights.paint(id, undefined);
        }
      }
    },
    repaintAll() {
      highlights.clearEntities();
      blockCounts.clear();
      for (const block of view.renderedBlocks()) blockChanged(block, true);
    },
  };
}
