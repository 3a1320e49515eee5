/**
 * The magic wand's definition, written plainly for tests to compare the tool against: a
 * 4-connected breadth-first fill from the seed over pixels whose red, green and blue are each
 * within `tolerance` of the seed's.
 */
export interface RgbaPicture {
  readonly width: number;
  readonly height: number;
  readonly rgba: ArrayLike<number>;
}

export function referenceFill({ width, height, rgba }: RgbaPicture, sx: number, sy: number, tolerance: number): Uint8Array {
  const seed = (sy * width + sx) * 4;
  const near = (j: number) => [0, 1, 2].every((c) => Math.abs(rgba[j * 4 + c]! - rgba[seed + c]!) <= tolerance);
  const filled = new Uint8Array(width * height);
  const queue = [sy * width + sx];
  filled[queue[0]!] = 1;
  while (queue.length > 0) {
    const i = queue.pop()!;
    const x = i % width;
    const y = (i - x) / width;
    for (const [nx, ny] of [
      [x - 1, y],
      [x + 1, y],
      [x, y - 1],
      [x, y + 1],
    ] as const) {
      const j = ny * width + nx;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height || filled[j] || !near(j)) continue;
      filled[j] = 1;
      queue.push(j);
    }
  }
  return filled;
}
