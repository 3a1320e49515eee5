/**
 * Edits of polygon and segmentation shapes, pure: simplify, smooth, union, subtract, fill holes,
 * remove islands. Shapes are read as zones (a polygon is one zone without holes); boolean
 * operations are polygon-clipping's (Martinez–Rueda–Feito sweep line, robust predicates).
 */
import polygonClipping, { type MultiPolygon, type Ring } from 'polygon-clipping';
import { polygonArea } from '../../core/geometry.js';
import type { Geometry, Point, Zone } from '../../core/model.js';
import { simplifyRing } from './mask-shapes.js';

export function zonesOf(geometry: Geometry): Zone[] | undefined {
  if (geometry.type === 'polygon') return [{ region: geometry.value, holes: [] }];
  if (geometry.type === 'segmentation') return geometry.value.zones;
  return undefined;
}

/** The area the zones cover: regions less their holes. */
export function zonesArea(zones: readonly Zone[]): number {
  return zones.reduce((sum, zone) => sum + polygonArea(zone.region) - zone.holes.reduce((h, hole) => h + polygonArea(hole), 0), 0);
}

function toMultiPolygon(zones: readonly Zone[]): MultiPolygon {
  return zones.map((zone) => [zone.region, ...zone.holes].map((ring) => ring.map(([x, y]) => [x, y] as [number, number])));
}

/** polygon-clipping closes its rings (last point = first): labelkit's rings are implicitly closed. */
function openRing(ring: Ring): Point[] {
  const points = ring.map(([x, y]) => [x, y] as Point);
  const first = points[0];
  const last = points.at(-1);
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

function fromMultiPolygon(multi: MultiPolygon): Zone[] {
  return multi.map(([outer, ...holes]) => ({ region: openRing(outer ?? []), holes: holes.map(openRing) })).filter((zone) => zone.region.length >= 3);
}

export function unionZones(a: readonly Zone[], b: readonly Zone[]): Zone[] {
  return fromMultiPolygon(polygonClipping.union(toMultiPolygon(a), toMultiPolygon(b)));
}

export function subtractZones(a: readonly Zone[], b: readonly Zone[]): Zone[] {
  return fromMultiPolygon(polygonClipping.difference(toMultiPolygon(a), toMultiPolygon(b)));
}

/** Douglas–Peucker on every ring; a ring that would fall below 3 points is kept as it was. */
export function simplifyZones(zones: readonly Zone[], tolerance: number): Zone[] {
  return zones.map((zone) => ({ region: simplifyRing(zone.region, tolerance), holes: zone.holes.map((hole) => simplifyRing(hole, tolerance)) }));
}

/** One round of Chaikin's corner cutting on a closed ring (each corner becomes two points at ¼ and ¾). */
function chaikin(ring: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % ring.length]!;
    out.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
  }
  return out;
}

export function smoothZones(zones: readonly Zone[]): Zone[] {
  return zones.map((zone) => ({ region: chaikin(zone.region), holes: zone.holes.map(chaikin) }));
}

/** Every zone without its holes. */
export function fillHoles(zones: readonly Zone[]): Zone[] {
  return zones.map((zone) => ({ region: zone.region, holes: [] }));
}

/** The zones whose covered area is at least `minArea` square pixels. */
export function removeIslands(zones: readonly Zone[], minArea: number): Zone[] {
  return zones.filter((zone) => zonesArea([zone]) >= minArea);
}

/**
 * Zones as the geometry of a class of type `tool`: a segmentation takes any zones; a polygon only
 * one zone without holes (undefined otherwise: the edit cannot be written to that class).
 */
export function geometryForTool(zones: readonly Zone[], tool: 'polygon' | 'segmentation'): Geometry | undefined {
  if (zones.length === 0) return undefined;
  if (tool === 'segmentation') return { type: 'segmentation', value: { zones: zones.map((z) => ({ region: z.region, holes: z.holes })) } };
  const [only] = zones;
  return zones.length === 1 && only && only.holes.length === 0 ? { type: 'polygon', value: only.region } : undefined;
}
