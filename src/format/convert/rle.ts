/**
 * COCO run-length encoding of binary masks, as pycocotools (cocoapi `maskApi.c`) defines it:
 * runs alternate 0s and 1s starting with 0s, over the pixels in column-major order (down each
 * column, columns left to right); `size` is `[height, width]`. The compressed form writes each
 * count (after the first two, as the difference from the count two before it) in 5-bit groups,
 * least significant first, each group + 48 as one ASCII character, bit 0x20 meaning "more
 * follows" and bit 0x10 of the last group the sign.
 *
 * Decision: no maintained JavaScript package implements this (npm has none that is kept up), and
 * it is 40 lines; this module is tested against pycocotools' own output (the cocoapi results file).
 *
 * Masks here are row-major `Uint8Array`s, `width × height`, non-zero = set.
 */

/** Run lengths from a compressed counts string, or undefined when it is not one. */
export function decodeCounts(text: string): number[] | undefined {
  const counts: number[] = [];
  let p = 0;
  while (p < text.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= text.length) return undefined;
      const c = text.charCodeAt(p) - 48;
      if (c < 0 || c > 63) return undefined;
      x |= (c & 0x1f) << (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x |= -1 << (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2]!;
    counts.push(x);
  }
  return counts;
}

/** The compressed counts string of run lengths. */
export function encodeCounts(counts: readonly number[]): string {
  let out = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i]!;
    if (i > 2) x -= counts[i - 2]!;
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= 5;
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out += String.fromCharCode(c + 48);
    }
  }
  return out;
}

/** The mask of run lengths (column-major runs) as a row-major mask, or undefined when the runs do not cover `width × height` exactly. */
export function countsToMask(counts: readonly number[], width: number, height: number): Uint8Array | undefined {
  const total = width * height;
  const mask = new Uint8Array(total);
  let index = 0;
  for (let i = 0; i < counts.length; i++) {
    const run = counts[i]!;
    if (!Number.isInteger(run) || run < 0 || index + run > total) return undefined;
    if (i % 2 === 1) {
      for (let j = index; j < index + run; j++) mask[(j % height) * width + Math.floor(j / height)] = 1;
    }
    index += run;
  }
  return index === total ? mask : undefined;
}

/** Run lengths (column-major, starting with 0s) of a row-major mask. */
export function maskToCounts(mask: Uint8Array, width: number, height: number): number[] {
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const v = mask[y * width + x] ? 1 : 0;
      if (v !== current) {
        counts.push(run);
        run = 0;
        current = v;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

/** Pixels set. */
export function maskArea(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  return n;
}
