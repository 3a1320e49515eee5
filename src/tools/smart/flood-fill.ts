/**
 * The magic wand's region: the 4-connected pixels reachable from a seed whose colour differs from
 * the seed's by at most `tolerance` in every channel (0 = exactly the seed colour, 255 = all).
 * Scanline fill: each run of a row is filled at once and only its neighbours' rows are queued.
 */
import type { Box } from '../../core/model.js';
import type { PicturePixels } from './picture.js';

export interface FilledRegion {
  /** 1 for a filled pixel; `box` in the plane's coordinates. */
  mask: Uint8Array;
  box: Box;
}

export function floodFill(picture: PicturePixels, seedX: number, seedY: number, tolerance: number): FilledRegion | undefined {
  const { width, height, rgba } = picture;
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return undefined;
  const seed = (sy * width + sx) * 4;
  const r = rgba[seed]!;
  const g = rgba[seed + 1]!;
  const b = rgba[seed + 2]!;
  const t = Math.max(0, Math.min(255, tolerance));
  const filled = new Uint8Array(width * height);
  const matches = (i: number): boolean => {
    if (filled[i]) return false;
    const j = i * 4;
    return Math.abs(rgba[j]! - r) <= t && Math.abs(rgba[j + 1]! - g) <= t && Math.abs(rgba[j + 2]! - b) <= t;
  };
  let minX = sx;
  let maxX = sx;
  let minY = sy;
  let maxY = sy;
  const stack: number[] = [sx, sy];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    const row = y * width;
    if (!matches(row + x)) continue;
    let left = x;
    while (left > 0 && matches(row + left - 1)) left--;
    let right = x;
    while (right + 1 < width && matches(row + right + 1)) right++;
    filled.fill(1, row + left, row + right + 1);
    if (left < minX) minX = left;
    if (right > maxX) maxX = right;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= height) continue;
      const nrow = ny * width;
      // One seed per run of matching pixels in the neighbouring row.
      let inRun = false;
      for (let nx = left; nx <= right; nx++) {
        const ok = matches(nrow + nx);
        if (ok && !inRun) stack.push(nx, ny);
        inRun = ok;
      }
    }
  }
  return { mask: filled, box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } };
}
