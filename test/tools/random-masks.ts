import type { Random } from '../generators/seeded-random.js';

/**
 * A mask of three filled rectangles with random specks and holes (`density` of the pixels keep
 * their value): large insides to skip, holes, saddles and diagonal touches to trace.
 */
export function blobMask(width: number, height: number, density: number, random: Random): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let r = 0; r < 3; r++) {
    const x0 = Math.floor(random() * width);
    const y0 = Math.floor(random() * height);
    const x1 = Math.min(width, x0 + Math.floor(random() * width));
    const y1 = Math.min(height, y0 + Math.floor(random() * height));
    for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + x1);
  }
  for (let i = 0; i < mask.length; i++) if (random() > density) mask[i] = mask[i] ? 0 : random() < 0.3 ? 1 : 0;
  return mask;
}
