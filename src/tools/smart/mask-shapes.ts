/**
 * Pixel masks ↔ shapes for the smart tools and the shape edits. Tracing reuses the exact tracer of
 * the COCO converter (`traceMask`: rings along pixel edges, so a traced rectangle has exactly its
 * area) on the mask's bounding box only, then drops the staircase with Douglas–Peucker.
 */
import { simplifyPolyline } from '../../core/geometry.js';
import type { Box, Point, Zone } from '../../core/model.js';
import { rasterizeZones, traceMask, type MaskRows } from '../../format/convert/mask.js';

/** Douglas–Peucker on a closed ring (the ring's first point is kept). */
export function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  if (ring.length < 4 || tolerance <= 0) return ring.map(([x, y]) => [x, y]);
  const open = simplifyPolyline([...ring, ring[0]!], tolerance);
  open.pop();
  return open.length >= 3 ? open : ring.map(([x, y]) => [x, y]);
}

/** The bounding box of the set pixels of a plane-sized mask, or undefined when none is set. */
export function maskBox(mask: Uint8Array, width: number, height: number): Box | undefined {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (first < minX) minX = first;
    if (last > maxX) maxX = last;
    if (y < minY) minY = y;
    maxY = y;
  }
  return maxX < 0 ? undefined : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * The set pixels of a plane-sized mask (`width` wide) inside `box` as zones in plane coordinates,
 * each ring simplified by `tolerance` asset pixels (0 keeps the pixel edges).
 */
export function maskToZones(mask: Uint8Array, width: number, box: Box, tolerance: number): Zone[] {
  const crop = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * width + box.x;
    crop.set(mask.subarray(from, from + box.width), y * box.width);
  }
  return boxMaskToZones(crop, box, tolerance);
}

/**
 * Like `maskToZones` for a mask that covers `box` only (row-major, `stride` bytes a row: `box.width`
 * or more, the columns past `box.width` all 0; a multiple of 4 traces faster). With `rows`, the
 * mask's runs (`floodFill` gives them), the tracer looks only at the runs' edges.
 */
export function boxMaskToZones(mask: Uint8Array, box: Box, tolerance: number, stride = box.width, rows?: MaskRows): Zone[] {
  const shift = (ring: Point[]): Point[] => simplifyRing(ring, tolerance).map(([x, y]) => [x + box.x, y + box.y]);
  return traceMask(mask, stride, box.height, rows).map((zone) => ({ region: shift(zone.region), holes: zone.holes.map(shift) }));
}

/** A plane-sized mask of the zones (a pixel is in when its centre is inside a region and outside its holes). */
export function zonesToMask(zones: readonly Zone[], width: number, height: number): Uint8Array {
  return rasterizeZones(zones, width, height);
}
