/**
 * The magic wand's region: the 4-connected pixels reachable from a seed whose colour differs from
 * the seed's by at most `tolerance` in every channel (0 = exactly the seed colour, 255 = all).
 * A span fill: runs of a row are filled at once and only the neighbouring rows' runs are queued.
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
  // Heckbert's span fill ("A Seed Fill Algorithm", Graphics Gems I): each entry is a run of the row
  // `y - dy` already filled and the direction `dy` to look in; the row it came from is looked at
  // again only where the new run sticks out past it (the leaks), so most pixels are tested once.
  const stack: number[] = [];
  const push = (y: number, left: number, right: number, dy: number) => {
    if (y + dy >= 0 && y + dy < height) stack.push(y, left, right, dy);
  };
  push(sy, sx, sx, 1);
  push(sy + 1, sx, sx, -1);
  while (stack.length > 0) {
    const dy = stack.pop()!;
    const x2 = stack.pop()!;
    const x1 = stack.pop()!;
    const y = stack.pop()! + dy;
    const row = y * width;
    let x = x1;
    while (x >= 0 && open(row + x)) visited[row + x--] = 1;
    // x1 itself closed: look for the next open pixel under the run first.
    let skip = x >= x1;
    let left = x + 1;
    if (!skip) {
      if (left < x1) push(y, left, x1 - 1, -dy);
      x = x1 + 1;
    }
    do {
      if (!skip) {
        while (x < width && open(row + x)) visited[row + x++] = 1;
        push(y, left, x - 1, dy);
        if (x > x2 + 1) push(y, x2 + 1, x - 1, -dy);
        if (left < minX) minX = left;
        if (x - 1 > maxX) maxX = x - 1;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      skip = false;
      x++;
      while (x <= x2 && !open(row + x)) x++;
      left = x;
    } while (x <= x2);
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
