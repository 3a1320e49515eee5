/**
 * Vertex edits on the shapes that have vertex handles (polygon, polyline, spline, segmentation
 * rings, point, keypoints: `index` names the point), addressed like `HandleKind`: `index` into the ring, and for segmentation `zone`
 * plus `ring` (0 the region, h + 1 hole h). Pure: each returns a new geometry or undefined.
 */
import { keypointAt, withKeypoint } from '../../core/keypoints.js';
import type { Geometry, Point } from '../../core/model.js';

export interface VertexPlace {
  zone?: number;
  ring?: number;
  index: number;
}

/** The fewest vertices a ring of this geometry keeps. */
export function minimumVertices(geometry: Geometry): number {
  return geometry.type === 'polyline' || geometry.type === 'spline' ? 2 : 3;
}

/** The ring a handle addresses, or undefined where the geometry has none there. */
export function ringAt(geometry: Geometry, place: VertexPlace): readonly Point[] | undefined {
  switch (geometry.type) {
    case 'polygon':
    case 'polyline':
    case 'spline':
      return geometry.value;
    case 'segmentation': {
      const zone = geometry.value.zones[place.zone ?? 0];
      if (!zone) return undefined;
      const ring = place.ring ?? 0;
      return ring === 0 ? zone.region : zone.holes[ring - 1];
    }
    default:
      return undefined;
  }
}

/** The geometry with the addressed ring replaced. */
function withRing(geometry: Geometry, place: VertexPlace, ring: Point[]): Geometry | undefined {
  switch (geometry.type) {
    case 'polygon':
    case 'polyline':
    case 'spline':
      return { type: geometry.type, value: ring };
    case 'segmentation': {
      const z = place.zone ?? 0;
      const r = place.ring ?? 0;
      const zone = geometry.value.zones[z];
      if (!zone || (r > 0 && !zone.holes[r - 1])) return undefined;
      const zones = geometry.value.zones.slice();
      zones[z] = r === 0 ? { region: ring, holes: zone.holes } : { region: zone.region, holes: zone.holes.map((hole, h) => (h === r - 1 ? ring : hole)) };
      return { type: 'segmentation', value: { zones } };
    }
    default:
      return undefined;
  }
}

export function vertexAt(geometry: Geometry, place: VertexPlace): Point | undefined {
  if (geometry.type === 'point') return place.index === 0 ? geometry.value : undefined;
  if (geometry.type === 'keypoints') return keypointAt(geometry.value, place.index);
  return ringAt(geometry, place)?.[place.index];
}

/** The geometry with the vertex moved to `to`. */
export function moveVertex(geometry: Geometry, place: VertexPlace, to: Point): Geometry | undefined {
  if (geometry.type === 'point') return place.index === 0 ? { type: 'point', value: [to[0], to[1]] } : undefined;
  if (geometry.type === 'keypoints') {
    const value = withKeypoint(geometry.value, place.index, { x: to[0], y: to[1] });
    return value && { type: 'keypoints', value };
  }
  const ring = ringAt(geometry, place);
  if (!ring || place.index < 0 || place.index >= ring.length) return undefined;
  const next = ring.slice();
  next[place.index] = [to[0], to[1]];
  return withRing(geometry, place, next);
}

/** The geometry with a new vertex at `at` after vertex `place.index` (on the edge a midpoint handle marks). */
export function insertVertex(geometry: Geometry, place: VertexPlace, at: Point): Geometry | undefined {
  const ring = ringAt(geometry, place);
  if (!ring || place.index < 0 || place.index >= ring.length) return undefined;
  const next = ring.slice();
  next.splice(place.index + 1, 0, [at[0], at[1]]);
  return withRing(geometry, place, next);
}

/** The geometry without the vertex, or undefined when its ring would fall below the minimum. */
export function deleteVertex(geometry: Geometry, place: VertexPlace): Geometry | undefined {
  const ring = ringAt(geometry, place);
  if (!ring || place.index < 0 || place.index >= ring.length || ring.length - 1 < minimumVertices(geometry)) return undefined;
  return withRing(geometry, place, ring.filter((_, i) => i !== place.index));
}
