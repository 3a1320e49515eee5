/** Objects on the current plane in an R-tree: hit tests and box queries without scanning. */
import RBush from 'rbush';
import type { Box, Geometry } from '../core/model.js';
import { geometryBounds } from '../core/geometry.js';

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  id: string;
  /** Insertion order: later objects are drawn on top. */
  order: number;
}

export interface SpatialIndex {
  /** Replaces everything (plane change, bulk import). */
  load(items: Iterable<[string, Geometry]>): void;
  set(id: string, geometry: Geometry | undefined): void;
  /** Empties the index (a sliced rebuild follows with `insertMany`). */
  clear(): void;
  has(id: string): boolean;
  /** Takes `count` draw orders for objects indexed later, so they keep their place below newer ones. */
  reserveOrders(count: number): number;
  /** Adds objects in one bulk load (a slice of a rebuild), each with its reserved order. */
  insertMany(items: readonly { id: string; geometry: Geometry; order: number }[]): void;
  search(box: Box): string[];
  bounds(id: string): Box | undefined;
  order(id: string): number;
  readonly size: number;
}

/**
 * Entries in draw order. A search that finds a good part of the index (a zoomed-out view of
 * 100,000 objects) is put in order by slotting each entry at its order, linear, where a comparison
 * sort of 100,000 entries takes tens of milliseconds; a small result is sorted.
 */
function inOrder(found: Entry[], orders: number): string[] {
  if (found.length < 1000 || found.length * 8 < orders) return found.sort((a, b) => a.order - b.order).map((entry) => entry.id);
  const slots = new Array<string | undefined>(orders);
  for (const entry of found) slots[entry.order] = entry.id;
  const ids: string[] = [];
  for (const id of slots) if (id !== undefined) ids.push(id);
  return ids;
}

export function createSpatialIndex(): SpatialIndex {
  const tree = new RBush<Entry>();
  const entries = new Map<string, Entry>();
  let counter = 0;

  function entryOf(id: string, geometry: Geometry, order: number): Entry {
    const b = geometryBounds(geometry);
    return { minX: b.x, minY: b.y, maxX: b.x + b.width, maxY: b.y + b.height, id, order };
  }

  return {
    load(items) {
      tree.clear();
      entries.clear();
      const all: Entry[] = [];
      for (const [id, geometry] of items) {
        const entry = entryOf(id, geometry, counter++);
        entries.set(id, entry);
        all.push(entry);
      }
      tree.load(all);
    },
    set(id, geometry) {
      const existing = entries.get(id);
      if (existing) tree.remove(existing);
      if (!geometry) {
        entries.delete(id);
        return;
      }
      const entry = entryOf(id, geometry, existing?.order ?? counter++);
      entries.set(id, entry);
      tree.insert(entry);
    },
    clear() {
      tree.clear();
      entries.clear();
    },
    has(id) {
      return entries.has(id);
    },
    reserveOrders(count) {
      const first = counter;
      counter += count;
      return first;
    },
    insertMany(items) {
      const added: Entry[] = [];
      for (const { id, geometry, order } of items) {
        if (entries.has(id)) continue;
        const entry = entryOf(id, geometry, order);
        entries.set(id, entry);
        added.push(entry);
      }
      tree.load(added);
    },
    search(box) {
      const found = tree.search({ minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height });
      return inOrder(found, counter);
    },
    bounds(id) {
      const e = entries.get(id);
      return e && { x: e.minX, y: e.minY, width: e.maxX - e.minX, height: e.maxY - e.minY };
    },
    order(id) {
      return entries.get(id)?.order ?? -1;
    },
    get size() {
      return entries.size;
    },
  };
}
