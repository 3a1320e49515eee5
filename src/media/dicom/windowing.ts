/**
 * Window/level values for grey images (DICOM PS3.3 C.11): the rescale (modality LUT), windows,
 * presets, the window a frame opens with and the window/level drag. cornerstone-core applies
 * them when it renders (slice-renderer.ts); its linear VOI is
 * `((modality value − centre) / width + 0.5) × 255`, clamped to 0…255 and stored as a byte.
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
  { id: 'mediastinum', label: 'Mediastinum', center: 50, width: 350 },
];

/**
 * The fixed presets that mean something for a modality (DICOM Modality, 0008,0060): Hounsfield
 * windows for CT only. MR, PET, X-ray, ultrasound… have no fixed units, so they get none: their
 * own windows from the file and the full range stay.
 */
export function presetsFor(modality: string | undefined): readonly WindowPreset[] {
  return modality === 'CT' ? WINDOW_PRESETS : [];
}

/** Modality values of a frame: min and max after rescale (for a window when the file has none). */
/**
 * Threshold painting: 1 where the modality value (stored × RescaleSlope + RescaleIntercept, e.g.
 * Hounsfield units for CT) lies within [min, max], both ends included.
 */
export function modalityMask(values: ArrayLike<number>, rescale: Rescale, min: number, max: number): Uint8Array {
  const mask = new Uint8Array(values.length);
  const { slope, intercept } = rescale;
  for (let i = 0; i < values.length; i++) {
    const m = values[i]! * slope + intercept;
    if (m >= min && m <= max) mask[i] = 1;
  }
  return mask;
}

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

/**
 * A window spanning the range of modality values, as cornerstone computes one when an image has
 * none (computeAutoVoi): under its VOI the minimum is black and the maximum white.
 */
export function windowForRange(range: { min: number; max: number }): VoiWindow {
  return { center: (range.min + range.max) / 2, width: Math.max(1, range.max - range.min) };
}

/**
 * Window/level drag: horizontal movement changes the width, vertical the centre (down = brighter
 * is the radiology convention: moving down lowers the centre). `sensitivity` is modality units
 * per screen pixel, usually a fraction of the current width.
 */
export function dragWindow(start: VoiWindow, dx: number, dy: number, sensitivity: number): VoiWindow {
  return { center: start.center - dy * sensitivity, width: Math.max(1, start.width + dx * sensitivity) };
}
