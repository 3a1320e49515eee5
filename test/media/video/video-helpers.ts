/** Helpers for video tests: fixture URLs, range readers, and reading the frame shown from its pixels. */
import type { RangeReader } from '../../../src/media/video/container-probe.js';

export const FRAME_NUMBERS_URL = '/test/fixtures/video/frame-numbers.webm';
export const BOTTLES_URL = '/test/fixtures/video/bottle-detection.mp4';
export const UNSUPPORTED_URL = '/test/fixtures/video/unsupported-mpeg4.mp4';

export function fetchRangeReader(url: string): RangeReader {
  return async (start, end) => {
    const response = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return response.status === 200 ? bytes.subarray(start, end) : bytes;
  };
}

export async function fixtureBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

export function blobUrl(bytes: Uint8Array, type: string): string {
  return URL.createObjectURL(new Blob([bytes.slice()], { type }));
}

/**
 * The frame number frame-numbers.webm shows, read from its three base-8 grey blocks
 * (64×64 each at the bottom left of the 640×360 picture). `sample(x, y)` returns the red
 * channel at asset pixel (x, y).
 */
export function frameNumberFrom(sample: (x: number, y: number) => number): number {
  return [32, 96, 160].reduce((value, x) => value * 8 + Math.round((sample(x, 328) * 7) / 255), 0);
}

export function frameNumberOnCanvas(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d')!;
  return frameNumberFrom((x, y) => context.getImageData(x, y, 1, 1).data[0]!);
}
