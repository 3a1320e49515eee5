/**
 * A still background at several sizes (halved each level), for the Canvas2D renderer: drawing a
 * 4000 × 3000 picture scaled down to the screen every frame costs more than the whole rest of a
 * pan frame, while a level near the screen's size is cheap. WebGL samples mipmaps itself and does
 * not need this. The levels are made when the page is idle after the picture is first shown, a band
 * of rows per task (one `createImageBitmap` resize of 12 megapixels held the main thread for 40–70 ms
 * here), so loading never waits for them and nothing blocks; until a level is ready the full
 * picture is drawn.
 */
import { Texture } from 'pixi.js';
import { yieldToMain } from '../scheduling/yield-to-main.js';

/** No level smaller than this on its longer side. */
const SMALLEST_SIDE = 256;
/** Rows of a level drawn per task: a few milliseconds of software resampling. */
const BAND_ROWS = 192;

export class BackgroundLevels {
  private readonly levels: (Texture | undefined)[];
  private destroyed = false;

  constructor(full: Texture, onLevelReady: () => void) {
    this.levels = [full];
    requestIdleCallback(() => void this.makeLevels(full, onLevelReady), { timeout: 1000 });
  }

  /** The smallest ready level that still has at least one pixel per screen pixel at this zoom. */
  textureFor(screenPixelsPerAssetPixel: number): Texture {
    const wanted = screenPixelsPerAssetPixel > 0 ? Math.floor(Math.log2(1 / screenPixelsPerAssetPixel)) : 0;
    for (let level = Math.min(wanted, this.levels.length - 1); level > 0; level--) {
      const texture = this.levels[level];
      if (texture) return texture;
    }
    return this.levels[0]!;
  }

  destroy(): void {
    this.destroyed = true;
    for (const texture of this.levels.slice(1)) if (texture && !texture.destroyed) texture.destroy(true);
    this.levels.length = 1;
  }

  private async makeLevels(full: Texture, onLevelReady: () => void): Promise<void> {
    if (this.destroyed) return;
    let source = full.source.resource as CanvasImageSource;
    let { width, height } = full;
    for (let level = 1; Math.max(width, height) / 2 >= SMALLEST_SIDE; level++) {
      const from = { width, height };
      width = Math.ceil(width / 2);
      height = Math.ceil(height / 2);
      if (level > 1) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
      if (this.destroyed) return;
      const bitmap = await this.halve(source, from, { width, height });
      if (!bitmap) return; // a source the browser cannot draw: the full picture keeps being drawn
      if (this.destroyed) {
        bitmap.close();
        return;
      }
      this.levels[level] = Texture.from(bitmap);
      source = bitmap;
      onLevelReady();
    }
  }

  /**
   * `source` drawn at `to`, band by band with the main thread given back between bands. Each band
   * covers whole rows of the level, so no edge is drawn twice at partial coverage (no seams).
   */
  private async halve(source: CanvasImageSource, from: { width: number; height: number }, to: { width: number; height: number }): Promise<ImageBitmap | undefined> {
    const canvas = new OffscreenCanvas(to.width, to.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.imageSmoothingQuality = 'medium';
    const rowScale = from.height / to.height;
    try {
      for (let y = 0; y < to.height; y += BAND_ROWS) {
        if (y > 0) await yieldToMain();
        if (this.destroyed) return undefined;
        const rows = Math.min(BAND_ROWS, to.height - y);
        context.drawImage(source, 0, y * rowScale, from.width, rows * rowScale, 0, y, to.width, rows);
      }
    } catch {
      return undefined;
    }
    return canvas.transferToImageBitmap();
  }
}
