/**
 * The magic wand's region: the 4-connected pixels reachable from a seed whose colour differs from
 * the seed's by at most `tolerance` in every channel (0 = exactly the seed colour, 255 = all).
 * A span fill: runs of a row are filled at once and only the neighbouring rows' runs are queued.
 *
 * Speed (a million-pixel region within a frame): each pixel is read once as one 32-bit word and
 * tested with three table look-ups (`ACCEPT`, per channel: within the tolerance of the seed's
 * value), instead of three byte reads and six comparisons.
 */
import type { Box } from '../../core/model.js';
import type { PicturePixels } from './picture.js';

export interface FilledRegion {
  /** 1 for a filled pixel, row-major over `box` (the filled pixels' bounds in the plane), `stride` bytes a row. */
  mask: Uint8Array;
  box: Box;
  /**
   * Bytes per mask row: `box.width` rounded up to a multiple of 4 (the padding is 0), so the
   * tracer can read the mask four pixels at a time (`traceMask`).
   */
  stride: number;
}

/** One plane-sized scratch mask per picture, left all zero after each fill (only the filled box is cleared). */
const scratchMasks = new WeakMap<PicturePixels, Uint8Array>();
/** The picture's RGBA as one 32-bit word a pixel (R in the low byte on every little-endian machine). */
const pixelWords = new WeakMap<PicturePixels, Uint32Array>();

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A mask row of `width` pixels as stored: rounded up to whole 32-bit words. */
export const maskStride = (width: number): number => (width + 3) & ~3;

function wordsOf(picture: PicturePixels): Uint32Array {
  let words = pixelWords.get(picture);
  if (!words) {
    const { rgba } = picture;
    // A view when the bytes sit on a word boundary (getImageData's always do), else a copy.
    const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
    words = new Uint32Array(aligned.buffer, aligned.byteOffset, picture.width * picture.height);
    pixelWords.set(picture, words);
  }
  return words;
}

export function floodFill(picture: PicturePixels, seedX: number, seedY: number, tolerance: number): FilledRegion | undefined {
  const { width, height, rgba } = picture;
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return undefined;
  const seed = (sy * width + sx) * 4;
  const t = Math.max(0, Math.min(255, tolerance));
  // ACCEPT[c × 256 + v] is 1 when channel c's value v is within the tolerance of the seed's.
  const accept = new Uint8Array(3 * 256);
  for (let c = 0; c < 3; c++) {
    const value = rgba[seed + c]!;
    accept.fill(1, c * 256 + Math.max(0, value - t), c * 256 + Math.min(255, value + t) + 1);
  }
  let filled = scratchMasks.get(picture);
  if (!filled) {
    filled = new Uint8Array(width * height);
    scratchMasks.set(picture, filled);
  }
  const visited = filled;
  const words = LITTLE_ENDIAN ? wordsOf(picture) : undefined;
  const open = words
    ? (i: number): boolean => {
        if (visited[i] !== 0) return false;
        const p = words[i]!;
        return (accept[p & 0xff]! & accept[256 + ((p >>> 8) & 0xff)]! & accept[512 + ((p >>> 16) & 0xff)]!) === 1;
      }
    : (i: number): boolean => {
        if (visited[i] !== 0) return false;
        const j = i << 2;
        return (accept[rgba[j]!]! & accept[256 + rgba[j + 1]!]! & accept[512 + rgba[j + 2]!]!) === 1;
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
    while (x >= 0 && open(row + x)) x--;
    if (x < x1) visited.fill(1, row + x + 1, row + x1 + 1);
    // x1 itself closed: look for the next open pixel under the run first.
    let skip = x >= x1;
    let left = x + 1;
    if (!skip) {
      if (left < x1) push(y, left, x1 - 1, -dy);
      x = x1 + 1;
    }
    do {
      if (!skip) {
        const start = x;
        while (x < width && open(row + x)) x++;
        visited.fill(1, row + start, row + x);
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
  const stride = maskStride(box.width);
  const mask = new Uint8Array(stride * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * width + box.x;
    mask.set(visited.subarray(from, from + box.width), y * stride);
    visited.fill(0, from, from + box.width);
  }
  return { mask, box, stride };
}
