/** Geometry helpers the converters share: flat coordinate lists, bounds, areas, ring checks. */
import type { Box, Point, Zone } from '../../core/model.js';
import { rotatedBoxCorners } from '../../core/geometry.js';
import type { ExportTool } from '../types.js';
import { isNumber } from './common.js';

/** `[x0, y0, x1, y1, …]` → points, or undefined when odd, too short or not all finite. */
export function pointsFromFlat(flat: unknown, min: number): Point[] | undefined {
  if (!Array.isArray(flat) || flat.length % 2 !== 0 || flat.length < min * 2 || !flat.every(isNumber)) return undefined;
  const out: Point[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i] as number, flat[i + 1] as number]);
  return out;
}

export function flatten(points: readonly Point[]): number[] {
  const out = new Array<number>(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    out[i * 2] = points[i]![0];
    out[i * 2 + 1] = points[i]![1];
  }
  return out;
}

export function boundsOf(points: readonly Point[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Area of a simple ring (shoelace). */
export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(sum) / 2;
}

export const zoneArea = (zone: Zone): number => ringArea(zone.region) - zone.holes.reduce((sum, hole) => sum + ringArea(hole), 0);

/** A ring without the repeated first point some writers close it with. */
export function openRing(points: Point[]): Point[] {
  const first = points[0];
  const last = points.at(-1);
  return points.length > 3 && first && last && first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
}

/** The points of a drawn 2D shape (its outline), for bounds; undefined for NER and PDF. */
export function outlineOf(tool: ExportTool): Point[] | undefined {
  if (tool['bounding-box']) {
    const { x, y, width, height } = tool['bounding-box'];
    return [
      [x, y],
      [x + width, y + height],
    ];
  }
  if (tool['rotated-bounding-box']) return tool['rotated-bounding-box'].corners ?? rotatedBoxCorners(tool['rotated-bounding-box']);
  if (tool.polygon) return tool.polygon;
  if (tool.polyline) return tool.polyline;
  if (tool.spline) return tool.spline;
  if (tool.point) return [tool.point];
  if (tool.segmentation) return tool.segmentation.zones.flatMap((z) => z.region);
  if (tool.keypoints) return tool.keypoints.points.filter((k) => k.visibility > 0).map((k): Point => [k.x, k.y]);
  return undefined;
}

/** The geometry key an export entry carries. */
export function geometryKeyOf(tool: ExportTool): string {
  for (const key of ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'spline', 'point', 'segmentation', 'keypoints', 'ner', 'pdf'] as const) {
    if (tool[key] !== undefined) return key;
  }
  return 'none';
}
