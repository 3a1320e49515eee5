/**
 * Reads the background's pixels for the smart tools, once per picture: a still image is read the
 * first time a smart tool asks; a video frame or re-windowed slice is read again after it changed
 * (`version`). The copy is drawn at the plane's size, so one pixel is one asset pixel.
 *
 * `readInSteps` reads a band of rows per task (BAND_PIXELS at a time, a few milliseconds each) and
 * yields between bands, so reading a 4000×3000 picture (48 MB) never blocks the page for long;
 * `read` reads it all at once, for a caller that cannot wait.
 */
import { yieldToMain } from '../scheduling/yield-to-main.js';
import type { PicturePixels } from '../tools/smart/picture.js';

type Drawable = CanvasImageSource & object;

/** Pixels read per task by `readInSteps`: 2 MB of RGBA, a few milliseconds to draw and copy. */
const BAND_PIXELS = 500_000;


export class PictureReader {
  private cached: { resource: Drawable; version: number; pixels: PicturePixels } | undefined;
  private reading: { resource: unknown; version: number; width: number; height: number; done: Promise<PicturePixels | undefined> } | undefined;

  read(resource: unknown, width: number, height: number, version: number): PicturePixels | undefined {
    if (!isDrawable(resource) || !(width > 0 && height > 0)) return undefined;
    const ready = this.readAlready(resource, width, height, version);
    if (ready) return ready;
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

  /** The pixels when this picture is read already (no reading). */
  readAlready(resource: unknown, width: number, height: number, version: number): PicturePixels | undefined {
    const cached = this.cached;
    return cached && cached.resource === resource && cached.version === version && cached.pixels.width === width && cached.pixels.height === height ? cached.pixels : undefined;
  }

  /**
   * Like `read`, a band of rows per task; calls for the picture being read share that read.
   * `current()` is asked after each band: false (a video frame or slice changed meanwhile, so the
   * bands would not be of one picture) drops the read, resolving undefined.
   */
  readInSteps(resource: unknown, width: number, height: number, version: number, current: () => boolean = () => true): Promise<PicturePixels | undefined> {
    const ready = this.readAlready(resource, width, height, version);
    if (ready) return Promise.resolve(ready);
    const reading = this.reading;
    if (reading && reading.resource === resource && reading.version === version && reading.width === width && reading.height === height) return reading.done;
    if (!isDrawable(resource) || !(width > 0 && height > 0)) return Promise.resolve(undefined);
    const done = this.readBands(resource, width, height, version, current).finally(() => {
      if (this.reading?.done === done) this.reading = undefined;
    });
    this.reading = { resource, version, width, height, done };
    return done;
  }

  private async readBands(resource: Drawable, width: number, height: number, version: number, current: () => boolean): Promise<PicturePixels | undefined> {
    const rows = Math.max(1, Math.min(height, Math.floor(BAND_PIXELS / width)));
    const band = new OffscreenCanvas(width, rows);
    const context = band.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let top = 0; top < height; top += rows) {
      const count = Math.min(rows, height - top);
      try {
        // The whole picture drawn shifted up: only the band's rows land on the canvas (and cost).
        context.clearRect(0, 0, width, rows);
        context.drawImage(resource, 0, -top, width, height);
        rgba.set(context.getImageData(0, 0, width, count).data, top * width * 4);
      } catch {
        // A cross-origin video without CORS taints the copy: its pixels cannot be read.
        return undefined;
      }
      await yieldToMain();
      // Another picture or frame replaced this one meanwhile: this copy is of nothing shown.
      if (this.reading?.resource !== resource || this.reading.version !== version || !current()) return undefined;
    }
    const pixels: PicturePixels = { width, height, rgba };
    this.cached = { resource, version, pixels };
    return pixels;
  }

  clear(): void {
    this.cached = undefined;
    this.reading = undefined;
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
