/**
 * Indexing a plane's objects in slices (sliced-work.ts): above SYNC_LIMIT objects the R-tree is
 * filled a slice at a time, so the picture and the first objects show while the rest are added.
 * Each object's geometry is read when its slice runs (the store is the truth): one written or
 * deleted meanwhile was already indexed, or dropped, by the store change and is skipped here.
 */
import type { Geometry } from '../core/model.js';
import type { SpatialIndex } from './spatial-index.js';
import { runInSlices, type SlicedRun } from './sliced-work.js';

/** Up to this many objects are indexed at once, in the caller's task (a few milliseconds). */
export const SYNC_LIMIT = 5000;

export function buildIndexInSlices(
  index: SpatialIndex,
  ids: readonly string[],
  geometryOf: (id: string) => Geometry | undefined,
  /** After each slice: the ids it indexed. */
  onSlice: (ids: string[]) => void,
): SlicedRun {
  index.clear();
  const firstOrder = index.reserveOrders(ids.length);
  let position = 0;
  let batch: { id: string; geometry: Geometry; order: number }[] = [];
  return runInSlices(
    ids,
    {
      each(id) {
        const order = firstOrder + position++;
        if (index.has(id)) return;
        const geometry = geometryOf(id);
        if (geometry) batch.push({ id, geometry, order });
      },
      endSlice() {
        index.insertMany(batch);
        const added = batch.map((item) => item.id);
        batch = [];
        onSlice(added);
      },
    },
    ids.length <= SYNC_LIMIT ? Infinity : undefined,
  );
}
