/**
 * A decoded frame to display pixels: grey frames through rescale, window and (MONOCHROME1)
 * inversion; colour frames as they are.
 */
import type { DecodedFrame, DicomImageInfo } from './dicom-file.js';
import { modalityRange, renderGrayscale, renderRgb, windowForRange, type VoiWindow } from './windowing.js';

/** The window a grey frame opens with: the file's first, else one spanning the frame's values. */
export function defaultWindow(frame: DecodedFrame, info: DicomImageInfo): VoiWindow | undefined {
  if (frame.kind !== 'grey') return undefined;
  return info.windows[0] ?? windowForRange(modalityRange(frame.values, info.rescale));
}

/** Writes the frame into RGBA `out` (width × height × 4). `window` applies to grey frames only. */
export function renderDecodedFrame(frame: DecodedFrame, info: DicomImageInfo, window: VoiWindow | undefined, out: Uint8ClampedArray): void {
  if (frame.kind === 'rgb') {
    renderRgb(frame.rgb, out);
    return;
  }
  const voi = window ?? defaultWindow(frame, info)!;
  renderGrayscale(frame.values, info.rescale, voi, info.photometric === 'MONOCHROME1', out);
}
