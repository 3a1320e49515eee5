/**
 * Colour photometric interpretations to interleaved 8-bit RGB: RGB (interleaved or planar),
 * YBR_FULL, YBR_FULL_422 and PALETTE COLOR (PS3.3 C.7.6.3.1).
 */

export interface PaletteLut {
  /** Stored value mapped to the first entry. */
  firstValue: number;
  /** Entries per channel already scaled to 8 bits. */
  red: Uint8Array;
  green: Uint8Array;
  blue: Uint8Array;
}

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Three samples per pixel, interleaved (R1 G1 B1 R2…) or planar (R… G… B…), to interleaved. */
export function interleave(samples: ArrayLike<number>, pixels: number, planar: boolean): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  if (!planar) {
    for (let i = 0; i < pixels * 3; i++) out[i] = samples[i]!;
    return out;
  }
  for (let p = 0; p < pixels; p++) {
    out[3 * p] = samples[p]!;
    out[3 * p + 1] = samples[pixels + p]!;
    out[3 * p + 2] = samples[2 * pixels + p]!;
  }
  return out;
}

/** YBR_FULL (interleaved Y Cb Cr) to RGB in place (ITU-R BT.601 full range). */
export function ybrFullToRgb(ybr: Uint8Array): Uint8Array {
  for (let i = 0; i < ybr.length; i += 3) {
    const y = ybr[i]!;
    const cb = ybr[i + 1]! - 128;
    const cr = ybr[i + 2]! - 128;
    ybr[i] = clampByte(y + 1.402 * cr);
    ybr[i + 1] = clampByte(y - 0.344136 * cb - 0.714136 * cr);
    ybr[i + 2] = clampByte(y + 1.772 * cb);
  }
  return ybr;
}

/** YBR_FULL_422 as stored natively: each pair of pixels is Y1 Y2 Cb Cr. */
export function ybrFull422ToRgb(samples: ArrayLike<number>, pixels: number): Uint8Array {
  const ybr = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0; p < pixels; p += 2, i += 4) {
    const cb = samples[i + 2]!;
    const cr = samples[i + 3]!;
    ybr.set([samples[i]!, cb, cr], 3 * p);
    if (p + 1 < pixels) ybr.set([samples[i + 1]!, cb, cr], 3 * (p + 1));
  }
  return ybrFullToRgb(ybr);
}

/** PALETTE COLOR: each stored value indexes the LUT; values outside clamp to the first/last entry. */
export function paletteToRgb(values: ArrayLike<number>, lut: PaletteLut): Uint8Array {
  const out = new Uint8Array(values.length * 3);
  const last = lut.red.length - 1;
  for (let i = 0; i < values.length; i++) {
    const index = Math.max(0, Math.min(last, values[i]! - lut.firstValue));
    out[3 * i] = lut.red[index] ?? 0;
    out[3 * i + 1] = lut.green[index] ?? 0;
    out[3 * i + 2] = lut.blue[index] ?? 0;
  }
  return out;
}
