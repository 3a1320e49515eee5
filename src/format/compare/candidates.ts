/**
 * Which objects could be alike at all: two objects whose extents (bounds over every plane they are
 * on, widened by what still scores above 0 beyond a shape: the point radius, half the line width)
 * do not meet on a common plane range have similarity 0. An R-tree of the extents keeps matching
 * near linear on assets with thousands of objects, where comparing every pair would not finish.
 */
import RBush from 'rbush';
import type { Box, Geometry } from '../../core/model.js';
import { geometryBounds } from '../../core/geometry.js';

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** The first and last plane the object is on. */
  first: number;
  last: number;
}

function boundsOf(geometry: Geometry): Box | undefined {
  if (geometry.type === 'ner') return { x: geometry.value.start, y: 0, width: geometry.value.end - geometry.value.start, height: 0 };
  if (geometry.type === 'keypoints') {
    const labelled = geometry.value.points.filter((p) => p.visibility > 0);
    if (labelled.length === 0) return geometry.value.box;
    const xs = labelled.map((p) => p.x);
    const ys = labelled.map((p) => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }
  return geometryBounds(geometry);
}

/** The extent of an object's shapes by plane, widened by `margin`; undefined for an object on no plane. */
export function extentOf(planes: ReadonlyMap<number, Geometry>, margin: number): Extent | undefined {
  let extent: Extent | undefined;
  for (const [frame, geometry] of planes) {
    const b = boundsOf(geometry);
    if (!b) continue;
    const minX = Math.min(b.x, b.x + b.width) - margin;
    const minY = Math.min(b.y, b.y + b.height) - margin;
    const maxX = Math.max(b.x, b.x + b.width) + margin;
    const maxY = Math.max(b.y, b.y + b.height) + margin;
    if (!extent) extent = { minX, minY, maxX, maxY, first: frame, last: frame };
    else {
      extent.minX = Math.min(extent.minX, minX);
      extent.minY = Math.min(extent.minY, minY);
      extent.maxX = Math.max(extent.maxX, maxX);
      extent.maxY = Math.max(extent.maxY, maxY);
      extent.first = Math.min(extent.first, frame);
      extent.last = Math.max(extent.last, frame);
    }
  }
  return extent;
}

/** Values filed under extents, found by an extent that meets theirs (on overlapping plane ranges). */
export class CandidateIndex<T> {
  private readonly tree = new RBush<Extent & { value: T }>();

  insert(extent: Extent, value: T): void {
    this.tree.insert({ ...extent, value });
  }

  search(extent: Extent): T[] {
    return this.tree.search(extent).flatMap((entry) => (entry.first <= extent.last && extent.first <= entry.last ? [entry.value] : []));
  }
}
