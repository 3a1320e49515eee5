/**
 * Grey-level display pipeline (DICOM PS3.3 C.11): stored value → modality LUT (rescale slope and
 * intercept) → VOI LUT (linear window centre/width) → MONOCHROME1 inversion → 8-bit grey.
 * Pure functions over typed arrays so the element and the tests share one definition.
 */

export interface Rescale {
  slope: number;
  intercept: number;
}

export interface VoiWindow {
  center: number;
  width: number;
}

export interface WindowPreset extends VoiWindow {
  id: string;
  label: string;
}

/** Common CT presets in Hounsfield units (meaningful after the modality LUT of a CT). */
export const WINDOW_PRESETS: readonly WindowPreset[] = [
  { id: 'soft-tissue', label: 'Soft tissue', center: 40, width: 400 },
  { id: 'lung', label: 'Lung', center: -600, width: 1500 },
  { id: 'bone', label: 'Bone', center: 400, width: 1800 },
  { id: 'brain', label: 'Brain', center: 40, width: 80 },
  { id: 'liver', label: 'Liver', center: 60, width: 160 },
];

export const IDENTITY_RESCALE: Rescale = { slope: 1, intercept: 0 };

/** The linear VOI function of PS3.3 C.11.2.1.2.1, to a display value in [0, 255] (not rounded). */
export function voiLinear(value: number, window: VoiWindow): number {
  const width = Math.max(1, window.width);
  const low = window.center - 0.5 - (width - 1) / 2;
  const high = window.center - 0.5 + (width - 1) / 2;
  if (value <= low) return 0;
  if (value > high) return 255;
  return ((value - (window.center - 0.5)) / (width - 1) + 0.5) * 255;
}

/** Modality values of a frame: min and max after rescale (for a window when the file has none). */
export function modalityRange(values: ArrayLike<number>, rescale: Rescale): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 0 };
  const a = min * rescale.slope + rescale.intercept;
  const b = max * rescale.slope + rescale.intercept;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/** A window spanning the whole range of modality values: min maps to black, max to white. */
export function windowForRange(range: { min: number; max: number }): VoiWindow {
  const width = Math.max(1, range.max - range.min + 1);
  return { center: range.min + width / 2, width };
}

/**
 * Writes grey pixels into RGBA `out` (4 bytes per value, alpha 255). Each display value is rounded
 * half up, so tests can reproduce it with `Math.round`.
 */
export function renderGrayscale(values: ArrayLike<number>, rescale: Rescale, window: VoiWindow, invert: boolean, out: Uint8ClampedArray): void {
  const { slope, intercept } = rescale;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    let grey = Math.round(voiLinear(values[i]! * slope + intercept, window));
    if (invert) grey = 255 - grey;
    out[o] = grey;
    out[o + 1] = grey;
    out[o + 2] = grey;
    out[o + 3] = 255;
  }
}

/** Writes interleaved 8-bit RGB into RGBA `out`. */
export function renderRgb(rgb: Uint8Array, out: Uint8ClampedArray): void {
  for (let i = 0, o = 0; i < rgb.length; i += 3, o += 4) {
    out[o] = rgb[i]!;
    out[o + 1] = rgb[i + 1]!;
    out[o + 2] = rgb[i + 2]!;
    out[o + 3] = 255;
  }
}

/**
 * Window/level drag: horizontal movement changes the width, vertical the centre (down = brighter
 * is the radiology convention: moving down lowers the centre). `sensitivity` is modality units
 * per screen pixel, usually a fraction of the current width.
 */
export function dragWindow(start: VoiWindow, dx: number, dy: number, sensitivity: number): VoiWindow {
  return { center: start.center - dy * sensitivity, width: Math.max(1, start.width + dx * sensitivity) };
}
