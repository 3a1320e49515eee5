/**
 * Reads the background's pixels for the smart tools, once per picture: a still image is read the
 * first time a smart tool asks; a video frame or re-windowed slice is read again after it changed
 * (`version`). The copy is drawn at the plane's size, so one pixel is one asset pixel.
 */
import type { PicturePixels } from '../tools/smart/picture.js';

type Drawable = CanvasImageSource & object;

export class PictureReader {
  private cached: { resource: Drawable; version: number; pixels: PicturePixels } | undefined;

  read(resource: unknown, width: number, height: number, version: number): PicturePixels | undefined {
    if (!isDrawable(resource) || !(width > 0 && height > 0)) return undefined;
    const cached = this.cached;
    if (cached && cached.resource === resource && cached.version === version && cached.pixels.width === width && cached.pixels.height === height) return cached.pixels;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    let rgba: Uint8ClampedArray;
    try {
      context.drawImage(resource, 0, 0, width, height);
      rgba = context.getImageData(0, 0, width, height).data;
    } catch {
      // A cross-origin video without CORS taints the copy: its pixels cannot be read.
      return undefined;
    }
    const pixels: PicturePixels = { width, height, rgba };
    this.cached = { resource, version, pixels };
    return pixels;
  }

  clear(): void {
    this.cached = undefined;
  }
}

function isDrawable(value: unknown): value is Drawable {
  return (
    (typeof ImageBitmap !== 'undefined' && value instanceof ImageBitmap) ||
    (typeof HTMLCanvasElement !== 'undefined' && value instanceof HTMLCanvasElement) ||
    (typeof HTMLImageElement !== 'undefined' && value instanceof HTMLImageElement) ||
    (typeof HTMLVideoElement !== 'undefined' && value instanceof HTMLVideoElement) ||
    (typeof OffscreenCanvas !== 'undefined' && value instanceof OffscreenCanvas)
  );
}
