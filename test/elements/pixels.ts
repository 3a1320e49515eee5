/** What the page paints, for DOM content no canvas can be read from (text, CSS Custom Highlights). */
import { captureScreen } from '../server/screen-client.js';

/** RGBA pixels of a viewport region, from a real screenshot. */
export async function pixels(rect: { left: number; top: number; width: number; height: number }): Promise<ImageData> {
  const screen = await captureScreen({ x: Math.floor(rect.left), y: Math.floor(rect.top), width: Math.ceil(rect.width), height: Math.ceil(rect.height) });
  return screen.canvas.getContext('2d')!.getImageData(0, 0, screen.canvas.width, screen.canvas.height);
}

/** Rows of the image holding at least `min` pixels close to `#rrggbb`. */
export function rowsWithColour(image: ImageData, hex: string, min = 4): number[] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let count = 0;
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (Math.abs(image.data[i]! - r!) + Math.abs(image.data[i + 1]! - g!) + Math.abs(image.data[i + 2]! - b!) < 60) count++;
    }
    if (count >= min) rows.push(y);
  }
  return rows;
}
