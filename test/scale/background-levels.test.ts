/**
 * The halved copies of a still picture that the Canvas2D renderer draws when zoomed out
 * (src/canvas/background-levels.ts), made a band of rows per task: each level is the picture at
 * half the size of the one before, with no seam where two bands meet.
 */
import { expect } from '@open-wc/testing';
import { Texture } from 'pixi.js';
import { BackgroundLevels } from '../../src/canvas/background-levels.js';

/** A `width` × `height` bitmap: a flat grey left half and a horizontal black-to-white ramp right. */
async function picture(width: number, height: number): Promise<ImageBitmap> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'rgb(128, 128, 128)';
  context.fillRect(0, 0, width / 2, height);
  const ramp = context.createLinearGradient(width / 2, 0, width, 0);
  ramp.addColorStop(0, '#000');
  ramp.addColorStop(1, '#fff');
  context.fillStyle = ramp;
  context.fillRect(width / 2, 0, width / 2, height);
  return canvas.transferToImageBitmap();
}

function rgbaOf(bitmap: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

describe('background levels', () => {
  it('halves the picture level by level, band by band, seamless and true to its colours', async () => {
    const full = await picture(2400, 1800);
    let ready = 0;
    let levelReady!: () => void;
    const levels = new BackgroundLevels(Texture.from(full), () => {
      ready++;
      if (ready === 3) levelReady();
    });
    // 1200 × 900, 600 × 450, 300 × 225: the next would be under 256 on its longer side.
    await new Promise<void>((resolve) => (levelReady = resolve));

    const sizes = [1, 0.5, 0.25, 0.125, 0.01].map((zoom) => {
      const source = levels.textureFor(zoom).source.resource as ImageBitmap;
      return [source.width, source.height];
    });
    expect(sizes).to.deep.equal([
      [2400, 1800],
      [1200, 900],
      [600, 450],
      [300, 225],
      [300, 225],
    ]);

    const half = levels.textureFor(0.5).source.resource as ImageBitmap;
    const rgba = rgbaOf(half);
    for (let y = 0; y < half.height; y++) {
      // Every row opaque and grey in the flat half, the rows where bands meet included.
      const grey = (y * half.width + 100) * 4;
      expect([rgba[grey], rgba[grey + 1], rgba[grey + 2], rgba[grey + 3]], `row ${y}`).to.deep.equal([128, 128, 128, 255]);
      // The ramp keeps its brightness at the same place (within rounding of the resampling).
      const quarter = (y * half.width + Math.round(half.width * 0.75)) * 4;
      expect(Math.abs(rgba[quarter]! - 128), `ramp middle, row ${y}`).to.be.lessThan(4);
    }
    levels.destroy();
    full.close();
  });
});
