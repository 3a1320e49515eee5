/**
 * The magic wand's region: the 4-connected pixels reachable from a seed whose colour differs from
 * the seed's by at most `tolerance` in every channel (0 = exactly the seed colour, 255 = all).
 * A span fill: runs of a row are filled at once and only the neighbouring rows' runs are queued.
 *
 * Speed (a million-pixel region in a few milliseconds): each pixel is read once as one 32-bit word
 * and tested with three table look-ups (`accept`, per channel: within the tolerance of the seed's
 * value), written out in the scan loops rather than called, and the pending runs sit in a reused
 * `Int32Array` stack. The filled runs are kept, row by row, so the tracer looks only at the
 * pixels where a run starts or ends or a neighbouring row's runs differ (`MaskRows`).
 */
import type { Box } from '../../core/model.js';
import type { MaskRows } from '../../format/convert/mask.js';
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
  /** The mask's set pixels as runs, row by row (`traceMask` then looks only at their edges). */
  rows: MaskRows;
}

/** One plane-sized scratch mask per picture, left all zero after each fill (only the filled runs are cleared). */
const scratchMasks = new WeakMap<PicturePixels, Uint8Array>();
/** The picture's RGBA as one 32-bit word a pixel, red in the low byte, green next, then blue. */
const pixelWords = new WeakMap<PicturePixels, Uint32Array>();

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Pending runs (y, left, right, dy) and filled runs (y, left, right), reused from fill to fill (grown as needed). */
let pending = new Int32Array(4096);
let filledRuns = new Int32Array(3072);

/** A mask row of `width` pixels as stored: rounded up to whole 32-bit words. */
export const maskStride = (width: number): number => (width + 3) & ~3;

function wordsOf(picture: PicturePixels): Uint32Array {
  let words = pixelWords.get(picture);
  if (!words) {
    const { rgba } = picture;
    const count = picture.width * picture.height;
    if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) {
      // A view when the bytes sit on a word boundary (getImageData's always do).
      words = new Uint32Array(rgba.buffer, rgba.byteOffset, count);
    } else {
      // Else a copy read little-endian, once per picture, so the fill's shifts are the same everywhere.
      words = new Uint32Array(count);
      const bytes = new DataView(rgba.buffer, rgba.byteOffset, count * 4);
      for (let i = 0; i < count; i++) words[i] = bytes.getUint32(i * 4, true);
    }
    pixelWords.set(picture, words);
  }
  return words;
}

function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

export function floodFill(picture: PicturePixels, seedX: number, seedY: number, tolerance: number): FilledRegion | undefined {
  const { width, height, rgba } = picture;
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return undefined;
  const seed = (sy * width + sx) * 4;
  const t = Math.max(0, Math.min(255, tolerance));
  // accept[c × 256 + v] is 1 when channel c's value v is within the tolerance of the seed's.
  const accept = new Uint8Array(3 * 256);
  for (let c = 0; c < 3; c++) {
    const value = rgba[seed + c]!;
    accept.fill(1, c * 256 + Math.max(0, value - t), c * 256 + Math.min(255, value + t) + 1);
  }
  let visited = scratchMasks.get(picture);
  if (!visited) {
    visited = new Uint8Array(width * height);
    scratchMasks.set(picture, visited);
  }
  const words = wordsOf(picture);
  let minX = sx;
  let maxX = sx;
  let minY = sy;
  let maxY = sy;
  let stack = pending;
  let top = 0;
  let runs = filledRuns;
  let runCount = 0;
  // Heckbert's span fill ("A Seed Fill Algorithm", Graphics Gems I): each entry is a run of the row
  // `y - dy` already filled and the direction `dy` to look in; the row it came from is looked at
  // again only where the new run sticks out past it (the leaks), so most pixels are tested once.
  const push = (y: number, left: number, right: number, dy: number) => {
    if (y + dy < 0 || y + dy >= height) return;
    if (top + 4 > stack.length) stack = pending = grown(stack, top + 4);
    stack[top] = y;
    stack[top + 1] = left;
    stack[top + 2] = right;
    stack[top + 3] = dy;
    top += 4;
  };
  push(sy, sx, sx, 1);
  push(sy + 1, sx, sx, -1);
  while (top > 0) {
    top -= 4;
    const dy = stack[top + 3]!;
    const x2 = stack[top + 2]!;
    const x1 = stack[top + 1]!;
    const y = stack[top]! + dy;
    const row = y * width;
    let x = x1;
    for (; x >= 0; x--) {
      const i = row + x;
      if (visited[i] !== 0) break;
      const p = words[i]!;
      if ((accept[p & 0xff]! & accept[256 + ((p >>> 8) & 0xff)]! & accept[512 + ((p >>> 16) & 0xff)]!) === 0) break;
      visited[i] = 1;
    }
    // x1 itself closed: look for the next open pixel under the run first.
    let skip = x >= x1;
    let left = x + 1;
    if (!skip) {
      if (left < x1) push(y, left, x1 - 1, -dy);
      x = x1 + 1;
    }
    do {
      if (!skip) {
        const from = x;
        for (; x < width; x++) {
          const i = row + x;
          if (visited[i] !== 0) break;
          const p = words[i]!;
          if ((accept[p & 0xff]! & accept[256 + ((p >>> 8) & 0xff)]! & accept[512 + ((p >>> 16) & 0xff)]!) === 0) break;
        }
        visited.fill(1, row + from, row + x);
        push(y, left, x - 1, dy);
        if (x > x2 + 1) push(y, x2 + 1, x - 1, -dy);
        if (runCount + 3 > runs.length) runs = filledRuns = grown(runs, runCount + 3);
        runs[runCount] = y;
        runs[runCount + 1] = left;
        runs[runCount + 2] = x - 1;
        runCount += 3;
        if (left < minX) minX = left;
        if (x - 1 > maxX) maxX = x - 1;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      skip = false;
      x++;
      for (; x <= x2; x++) {
        const i = row + x;
        if (visited[i] !== 0) continue;
        const p = words[i]!;
        if ((accept[p & 0xff]! & accept[256 + ((p >>> 8) & 0xff)]! & accept[512 + ((p >>> 16) & 0xff)]!) === 1) break;
      }
      left = x;
    } while (x <= x2);
  }
  const box = { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  const stride = maskStride(box.width);
  const mask = new Uint8Array(stride * box.height);
  // The runs sorted by row (counting sort), then by x within a row, in the box's coordinates.
  const start = new Int32Array(box.height + 1);
  for (let r = 0; r < runCount; r += 3) start[runs[r]! - minY + 1]!++;
  for (let y = 0; y < box.height; y++) start[y + 1]! += start[y]!;
  const spans = new Int32Array((runCount / 3) * 2);
  const next = start.slice(0, box.height);
  for (let r = 0; r < runCount; r += 3) {
    const y = runs[r]! - minY;
    const left = runs[r + 1]! - minX;
    const right = runs[r + 2]! - minX;
    // Insertion by x among the row's runs placed so far (a row rarely has more than a few).
    let k = next[y]!++;
    while (k > start[y]! && spans[2 * k - 2]! > left) {
      spans[2 * k] = spans[2 * k - 2]!;
      spans[2 * k + 1] = spans[2 * k - 1]!;
      k--;
    }
    spans[2 * k] = left;
    spans[2 * k + 1] = right;
    mask.fill(1, y * stride + left, y * stride + right + 1);
    const row = (y + minY) * width + minX;
    visited.fill(0, row + left, row + right + 1);
  }
  return { mask, box, stride, rows: { start, spans } };
}
