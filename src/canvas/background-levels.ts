/**
 * A still background at several sizes (halved each level), for the Canvas2D renderer: drawing a
 * 4000 × 3000 picture scaled down to the screen every frame costs more than the whole rest of a
 * pan frame, while a level near the screen's size is cheap. WebGL samples mipmaps itself and does
 * not need this. The levels are made when the page is idle after the picture is first shown
 * (`createImageBitmap` with a resize), so loading never waits for them; until a level is ready the
 * full picture is drawn.
 */
import { Texture } from 'pixi.js';

/** No level smaller than this on its longer side. */
const SMALLEST_SIDE = 256;

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
    let source = full.source.resource as ImageBitmapSource;
    let { width, height } = full;
    for (let level = 1; Math.max(width, height) / 2 >= SMALLEST_SIDE; level++) {
      width = Math.ceil(width / 2);
      height = Math.ceil(height / 2);
      if (level > 1) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
      if (this.destroyed) return;
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
      } catch {
        return; // a source the browser cannot resize: the full picture keeps being drawn
      }
      if (this.destroyed) {
        bitmap.close();
        return;
      }
      this.levels[level] = Texture.from(bitmap);
      source = bitmap;
      onLevelReady();
    }
  }
}
