/**
 * Renders the slices of one SliceStack through cornerstone-core into one canvas of the slices'
 * natural size, which the element shows as the surface's background texture. Each element makes
 * its own renderer: the canvas, the cornerstone image objects and so their LUT caches belong to
 * it, and the window comes with every render, so two elements never share either.
 */
import type { Cornerstone, CornerstoneImage } from './cornerstone.js';
import { IDENTITY_WINDOW, toCornerstoneImage } from './cornerstone-image.js';
import { createRecentCache } from './recent.js';
import type { SliceStack } from './slice-stack.js';
import type { VoiWindow } from './windowing.js';

export interface SliceRenderer {
  /** The rendered slice, `stack.width` × `stack.height`. */
  readonly canvas: HTMLCanvasElement;
  /**
   * Draws `slice`: grey slices with `window` (undefined = the slice's own), MONOCHROME1 inverted
   * (and every grey slice inverted once more when `inverted`);
   * colour slices as they are; then `overlay` pixels (1 = set) in white on top. Throws the stack's
   * DicomDecodeError when the slice cannot be decoded.
   */
  render(slice: number, window: VoiWindow | undefined, overlay?: Uint8Array, inverted?: boolean): void;
  /** Blanks the canvas (transparent), e.g. after a slice failed to decode. */
  clear(): void;
  /** A copy of the canvas pixels (RGBA). */
  imageData(): ImageData;
  /** The arrays the cached image objects hold (their pixels, often the stack's own, and LUTs), and their bound. */
  cached(): { arrays: ArrayBufferView[]; limitBytes: number };
}

/** Image objects kept (each holds its pixels' view and its LUT); the stack keeps the decoded frames. */
const IMAGE_CACHE_SIZE = 16;
/** …and at most this many bytes of their pixels and LUTs (colour images hold an RGBA copy, 4 bytes a pixel). */
export const IMAGE_CACHE_BYTES = 32 * 2 ** 20;

/** The pixels an image object refers to, and the LUT cornerstone will make for it (one byte per value, grey only). */
const imageBytes = (image: CornerstoneImage) => image.sizeInBytes + (image.color ? 0 : image.maxPixelValue - Math.min(image.minPixelValue, 0) + 1);

export function createSliceRenderer(stack: SliceStack, cornerstone: Cornerstone): SliceRenderer {
  const canvas = document.createElement('canvas');
  canvas.width = stack.width;
  canvas.height = stack.height;
  const draw = cornerstone.canvasRenderer(canvas);
  const images = createRecentCache<number, CornerstoneImage>(IMAGE_CACHE_SIZE, { weigh: imageBytes, maxWeight: IMAGE_CACHE_BYTES });
  const imageOf = (slice: number) =>
    images.get(slice, () => toCornerstoneImage(stack.frame(slice), stack.info(slice), `slice:${slice}`, stack.defaultWindow(slice) ?? IDENTITY_WINDOW));

  return {
    canvas,
    render(slice, window, overlay, inverted = false) {
      const image = imageOf(slice);
      const voi = image.color ? IDENTITY_WINDOW : (window ?? stack.defaultWindow(slice)!);
      draw(image, {
        scale: 1,
        translation: { x: 0, y: 0 },
        voi: { windowWidth: voi.width, windowCenter: voi.center },
        invert: !image.color && image.invert !== inverted,
        pixelReplication: true,
      });
      if (overlay) drawOverlay(canvas, overlay);
    },
    clear() {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    },
    imageData() {
      const context = canvas.getContext('2d');
      return context ? context.getImageData(0, 0, canvas.width, canvas.height) : new ImageData(canvas.width, canvas.height);
    },
    cached: () => ({
      arrays: [...images.values()].flatMap((image) => {
        const lut = image.cachedLut?.lutArray;
        return lut ? [image.getPixelData(), lut] : [image.getPixelData()];
      }),
      limitBytes: IMAGE_CACHE_BYTES,
    }),
  };
}

/** Overlay bits as opaque white over the rendered slice (how viewers commonly show overlay planes). */
function drawOverlay(canvas: HTMLCanvasElement, overlay: Uint8Array): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < overlay.length; i++) {
    if (!overlay[i]) continue;
    image.data.fill(255, 4 * i, 4 * i + 4);
  }
  context.putImageData(image, 0, 0);
}
