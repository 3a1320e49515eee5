/** Where a selected shape's handles are, in asset coordinates. Pure: no pixi, no DOM. */
import type { Geometry, Point } from '../core/model.js';
import { rotatedBoxCorners } from '../core/geometry.js';
import type { Handle } from '../tools/tool.js';

/** Distance of the rotate handle above the top edge, in screen pixels. */
export const ROTATE_HANDLE_OFFSET = 28;

type Edge = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

function mid(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function ringHandles(objectId: string, ring: readonly Point[], closed: boolean, place: { zone?: number; ring?: number }): Handle[] {
  const handles: Handle[] = ring.map((position, index) => ({ objectId, position, handle: { kind: 'vertex', index, ...place } }));
  const edges = closed ? ring.length : ring.length - 1;
  for (let index = 0; index < edges; index++) {
    const a = ring[index]!;
    const b = ring[(index + 1) % ring.length]!;
    handles.push({ objectId, position: mid(a, b), handle: { kind: 'midpoint', index, ...place } });
  }
  return handles;
}

/** Handles for one selected object. `scale` = screen px per asset px (places the rotate handle). */
export function handlesFor(objectId: string, geometry: Geometry, scale: number): Handle[] {
  switch (geometry.type) {
    case 'bounding-box': {
      const { x, y, width, height } = geometry.value;
      const corners: Point[] = [
        [x, y],
        [x + width, y],
        [x + width, y + height],
        [x, y + height],
      ];
      return boxHandles(objectId, corners);
    }
    case 'rotated-bounding-box': {
      const corners = rotatedBoxCorners(geometry.value);
      const handles = boxHandles(objectId, corners);
      const [tl, tr] = corners as [Point, Point];
      const top = mid(tl, tr);
      const angle = (geometry.value.rotation * Math.PI) / 180;
      const d = ROTATE_HANDLE_OFFSET / scale;
      handles.push({ objectId, position: [top[0] + Math.sin(angle) * d, top[1] - Math.cos(angle) * d], handle: { kind: 'rotate' } });
      return handles;
    }
    case 'polygon':
      return ringHandles(objectId, geometry.value, true, {});
    case 'polyline':
    case 'spline':
      return ringHandles(objectId, geometry.value, false, {});
    case 'point':
      return [{ objectId, position: geometry.value, handle: { kind: 'vertex', index: 0 } }];
    case 'keypoints':
      // One per labelled point; an absent point has no place to grab.
      return geometry.value.points.flatMap((p, index) => (p.visibility > 0 ? [{ objectId, position: [p.x, p.y] as Point, handle: { kind: 'vertex' as const, index } }] : []));
    case 'segmentation':
      return geometry.value.zones.flatMap((zone, z) => [
        ...ringHandles(objectId, zone.region, true, { zone: z, ring: 0 }),
        ...zone.holes.flatMap((hole, h) => ringHandles(objectId, hole, true, { zone: z, ring: h + 1 })),
      ]);
    default:
      return [];
  }
}

/** Corners clockwise from top-left → 4 corner and 4 edge resize handles. */
function boxHandles(objectId: string, corners: Point[]): Handle[] {
  const [tl, tr, br, bl] = corners as [Point, Point, Point, Point];
  const spots: [Point, Edge][] = [
    [tl, 'nw'],
    [tr, 'ne'],
    [br, 'se'],
    [bl, 'sw'],
    [mid(tl, tr), 'n'],
    [mid(tr, br), 'e'],
    [mid(br, bl), 's'],
    [mid(bl, tl), 'w'],
  ];
  return spots.map(([position, edge]) => ({ objectId, position, handle: { kind: 'resize', edge } }));
}
