/**
 * How a smart tool's finished region becomes an ordinary object of its class: a `segmentation`
 * class keeps every zone with its holes; a `polygon` class (one ring, no holes, FORMAT.md) gets the
 * outline of the largest zone. One `'create'` transaction: one undo step.
 */
import { polygonArea } from '../../core/geometry.js';
import type { Geometry, Zone } from '../../core/model.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import type { ToolContext } from '../tool.js';

export type RegionOutput = 'polygon' | 'segmentation';

export function regionGeometry(zones: readonly Zone[], output: RegionOutput): Geometry | undefined {
  const kept = zones.filter((zone) => zone.region.length >= 3);
  if (kept.length === 0) return undefined;
  if (output === 'segmentation') return { type: 'segmentation', value: { zones: kept.map((z) => ({ region: z.region, holes: z.holes })) } };
  const largest = kept.reduce((a, b) => (polygonArea(b.region) > polygonArea(a.region) ? b : a));
  return { type: 'polygon', value: largest.region };
}

export function createRegionObject(context: ToolContext, schemaId: string, zones: readonly Zone[], output: RegionOutput): string | undefined {
  const geometry = regionGeometry(zones, output);
  return geometry && createObjectOnPlane(context, schemaId, geometry);
}
