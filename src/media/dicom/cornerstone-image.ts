/**
 * The image-loader half of the cornerstone adapter: a decoded frame (dicom-parser + our RLE and
 * colour decoding) to the image object cornerstone-core renders.
 *
 * Grey frames keep their stored values, rescale slope and intercept: cornerstone applies the
 * modality LUT, the window and the MONOCHROME1 inversion. Its LUT is an array with one entry for
 * every value from min(minPixelValue, 0) to maxPixelValue, which is fine for 8 to 16 bits but not
 * for 32-bit data (the RT Dose fixture holds 795000…1254000; a 32-bit frame may span 2³²), so a
 * frame that would need more than MAX_LUT_ENTRIES is requantized first (see `requantize`).
 *
 * Colour frames are already 8-bit RGB; they become RGBA and are drawn through IDENTITY_WINDOW.
 */
import type { CornerstoneImage } from './cornerstone.js';
import type { DecodedFrame, DicomImageInfo } from './dicom-file.js';
import type { Rescale, VoiWindow } from './windowing.js';

/** The most LUT entries a grey image may need before it is requantized (16 bits' worth). */
export const MAX_LUT_ENTRIES = 65536;

/** The window under which cornerstone's linear VOI maps 0…255 onto itself: ((x − 127.5) / 255 + 0.5) × 255 = x. */
export const IDENTITY_WINDOW: VoiWindow = { center: 127.5, width: 255 };

export interface Requantized {
  /** Values 0…65535: round((stored − min) / step). */
  values: Uint16Array;
  max: number;
  /** A power of two: the stored-value distance between two levels. */
  step: number;
  /** The modality LUT of the requantized values: the same modality values, up to half a step. */
  rescale: Rescale;
}

/**
 * Requantizes stored values spanning more than MAX_LUT_ENTRIES levels: subtracts the minimum and
 * divides by the smallest power of two that brings the span within 0…65535, and folds both into
 * the rescale so modality values (and so windows) stay in the file's units. A value moves by at
 * most step / 2 stored units (none when every value minus the minimum is a multiple of the step).
 */
export function requantize(values: ArrayLike<number>, min: number, max: number, rescale: Rescale): Requantized {
  let step = 1;
  while ((max - min) / step > MAX_LUT_ENTRIES - 1) step *= 2;
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round((values[i]! - min) / step);
  return {
    values: out,
    max: Math.round((max - min) / step),
    step,
    rescale: { slope: rescale.slope * step, intercept: rescale.intercept + rescale.slope * min },
  };
}

/** The entries cornerstone's LUT would have for values min…max (it always spans 0 too). */
export function lutEntries(min: number, max: number): number {
  return max - Math.min(min, 0) + 1;
}

/**
 * A cornerstone image object for one decoded frame. `window` is a grey frame's own window (colour
 * frames ignore it); the renderer passes the window in effect with every render anyway. Each call
 * makes a new object, so cornerstone's LUT cache (`cachedLut`, kept on the image) belongs to
 * whoever holds it.
 */
export function toCornerstoneImage(frame: DecodedFrame, info: DicomImageInfo, imageId: string, window: VoiWindow): CornerstoneImage {
  const { width, height } = info;
  const base = { imageId, rows: height, columns: width, width, height };
  if (frame.kind === 'rgb') {
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0, o = 0; i < frame.rgb.length; i += 3, o += 4) {
      rgba[o] = frame.rgb[i]!;
      rgba[o + 1] = frame.rgb[i + 1]!;
      rgba[o + 2] = frame.rgb[i + 2]!;
      rgba[o + 3] = 255;
    }
    return {
      ...base,
      minPixelValue: 0,
      maxPixelValue: 255,
      slope: 1,
      intercept: 0,
      windowCenter: IDENTITY_WINDOW.center,
      windowWidth: IDENTITY_WINDOW.width,
      invert: false,
      color: true,
      sizeInBytes: rgba.byteLength,
      getPixelData: () => rgba,
    };
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < frame.values.length; i++) {
    const v = frame.values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) min = max = 0;
  let pixels: Int32Array | Uint32Array | Uint16Array = frame.values;
  let rescale = info.rescale;
  if (lutEntries(min, max) > MAX_LUT_ENTRIES) {
    const requantized = requantize(frame.values, min, max, info.rescale);
    pixels = requantized.values;
    rescale = requantized.rescale;
    min = 0;
    max = requantized.max;
  }
  return {
    ...base,
    minPixelValue: min,
    maxPixelValue: max,
    slope: rescale.slope,
    intercept: rescale.intercept,
    windowCenter: window.center,
    windowWidth: window.width,
    invert: info.photometric === 'MONOCHROME1',
    color: false,
    sizeInBytes: pixels.byteLength,
    getPixelData: () => pixels,
  };
}
