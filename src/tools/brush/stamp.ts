/**
 * Rasterising a round brush along the pointer path. A stroke segment is a capsule: every pixel
 * whose centre lies within the (linearly varying) radius of the segment, so a fast stroke with far
 * apart moves leaves no gaps. The pixel under the pointer is always included, so even a brush
 * thinner than a pixel paints.
 */
import type { Box } from '../../core/model.js';

export interface StampPoint {
  x: number;
  y: number;
  /** Radius in asset pixels. */
  radius: number;
}

/**
 * Calls `visit(index)` for each pixel of a `width` × `height` raster covered by the capsule from
 * `a` to `b` (a single disc when they coincide). Returns the covered pixel box, or undefined.
 */
export function forEachCapsulePixel(width: number, height: number, a: StampPoint, b: StampPoint, visit: (index: number) => void): Box | undefined {
  const reach = Math.max(a.radius, b.radius);
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cover = (px: number, py: number) => {
    visit(py * width + px);
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  };
  for (let py = y0; py <= y1; py++) {
    const cy = py + 0.5;
    for (let px = x0; px <= x1; px++) {
      const cx = px + 0.5;
      let t = lengthSq === 0 ? 0 : ((cx - a.x) * dx + (cy - a.y) * dy) / lengthSq;
      if (t < 0) t = 0;
      else if (t > 1) t = 1;
      const ex = a.x + t * dx - cx;
      const ey = a.y + t * dy - cy;
      const radius = a.radius + (b.radius - a.radius) * t;
      if (ex * ex + ey * ey <= radius * radius) cover(px, py);
    }
  }
  const bx = Math.floor(b.x);
  const by = Math.floor(b.y);
  if (bx >= 0 && by >= 0 && bx < width && by < height) cover(bx, by);
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

export function unionBox(a: Box | undefined, b: Box | undefined): Box | undefined {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
