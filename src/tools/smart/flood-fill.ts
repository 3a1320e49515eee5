/**
 * The magic wand's region: the 4-connected pixels reachable from a seed whose colour differs from
 * the seed's by at most `tolerance` in every channel (0 = exactly the seed colour, 255 = all).
 * Scanline fill: each run of a row is filled at once and only its neighbours' rows are queued.
 */
import type { Box } from '../../core/model.js';
import type { PicturePixels } from './picture.js';

export interface FilledRegion {
  /** 1 for a filled pixel, row-major over `box` (the filled pixels' bounds in the plane). */
  mask: Uint8Array;
  box: Box;
}

/** One plane-sized scratch mask per picture, left all zero after each fill (only the filled box is cleared). */
const scratchMasks = new WeakMap<PicturePixels, Uint8Array>();

export function floodFill(picture: PicturePixels, seedX: number, seedY: number, tolerance: number): FilledRegion | undefined {
  const { width, height, rgba } = picture;
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return undefined;
  const seed = (sy * width + sx) * 4;
  const t = Math.max(0, Math.min(255, tolerance));
  // Each channel's accepted range, so a pixel is tested with six comparisons and no arithmetic.
  const rMin = rgba[seed]! - t;
  const rMax = rgba[seed]! + t;
  const gMin = rgba[seed + 1]! - t;
  const gMax = rgba[seed + 1]! + t;
  const bMin = rgba[seed + 2]! - t;
  const bMax = rgba[seed + 2]! + t;
  let filled = scratchMasks.get(picture);
  if (!filled) {
    filled = new Uint8Array(width * height);
    scratchMasks.set(picture, filled);
  }
  const visited = filled;
  const open = (i: number): boolean => {
    if (visited[i] !== 0) return false;
    const j = i << 2;
    const r = rgba[j]!;
    const g = rgba[j + 1]!;
    const b = rgba[j + 2]!;
    return r >= rMin && r <= rMax && g >= gMin && g <= gMax && b >= bMin && b <= bMax;
  };
  let minX = sx;
  let maxX = sx;
  let minY = sy;
  let maxY = sy;
  const stack: number[] = [sy * width + sx];
  const seedRow = (row: number, left: number, right: number) => {
    // One seed per run of open pixels in the neighbouring row.
    let inRun = false;
    for (let i = row + left, end = row + right; i <= end; i++) {
      const ok = open(i);
      if (ok && !inRun) stack.push(i);
      inRun = ok;
    }
  };
  while (stack.length > 0) {
    const start = stack.pop()!;
    if (!open(start)) continue;
    const y = (start / width) | 0;
    const row = y * width;
    let left = start - row;
    let right = left;
    while (left > 0 && open(row + left - 1)) left--;
    while (right + 1 < width && open(row + right + 1)) right++;
    filled.fill(1, row + left, row + right + 1);
    if (left < minX) minX = left;
    if (right > maxX) maxX = right;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (y > 0) seedRow(row - width, left, right);
    if (y + 1 < height) seedRow(row + width, left, right);
  }
  const box = { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  const mask = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * width + box.x;
    mask.set(visited.subarray(from, from + box.width), y * box.width);
    visited.fill(0, from, from + box.width);
  }
  return { mask, box };
}
