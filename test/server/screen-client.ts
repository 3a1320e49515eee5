/**
 * Browser side of test/server/screen-plugin.mjs: the pixels the screen shows in a region of the
 * page, read from a real screenshot (not from a canvas the page could read itself).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface ScreenRegion {
  /** Top-left corner and size in CSS pixels of the viewport. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenPixels {
  region: ScreenRegion;
  /** The screenshot at device pixels (`ratio` of them per CSS pixel). */
  canvas: HTMLCanvasElement;
  ratio: number;
  /** RGBA of the CSS-pixel point (x, y) of the page (inside the region). */
  at(x: number, y: number): [number, number, number, number];
}

export async function captureScreen(region: ScreenRegion): Promise<ScreenPixels> {
  const base64 = await executeServerCommand<string, ScreenRegion>('screen:capture', region);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const ratio = bitmap.width / region.width;
  return {
    region,
    canvas,
    ratio,
    at(x, y) {
      const px = Math.min(bitmap.width - 1, Math.max(0, Math.round((x - region.x) * ratio)));
      const py = Math.min(bitmap.height - 1, Math.max(0, Math.round((y - region.y) * ratio)));
      const i = (py * bitmap.width + px) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}
