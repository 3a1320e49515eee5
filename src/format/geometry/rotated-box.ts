/**
 * Rotated boxes as the format writes them (FORMAT.md §2.1, format version 2) ↔ the model's.
 *
 * The model (core/model.ts) keeps a box by its unrotated extent and a rotation about its
 * centre, which is what the tools, the surface and interpolation work with. Ango writes the
 * same box by its origin corner: `(x, y)` is the corner that was the top-left before the box
 * turned, and the box turns about it; `corners` start there and go
 * `origin, origin + R·(0,h), origin + R·(w,h), origin + R·(w,0)`. Format version 1 (labelkit's
 * first) wrote the model's shape as it is, with corners clockwise from the rotated top-left.
 */
import type { Point, RotatedBox } from '../../core/model.js';
import { normalizeRotatedBox, normalizeRotation, rotatedBoxCorners } from '../../core/geometry.js';

const DEG = Math.PI / 180;

/** A box given by its origin corner (format version 2, any signs of width/height) → the model's box. */
export function rotatedBoxFromOrigin(origin: RotatedBox): RotatedBox {
  const { x, y, width, height } = origin;
  // Turned by the rotation the model will keep: cos(1e308°) is not cos of 1e308 mod 360 in floats.
  const rotation = normalizeRotation(origin.rotation);
  const cos = Math.cos(rotation * DEG);
  const sin = Math.sin(rotation * DEG);
  // The centre is the origin plus the half diagonal turned with the box.
  const cx = x + (width / 2) * cos - (height / 2) * sin;
  const cy = y + (width / 2) * sin + (height / 2) * cos;
  const w = Math.abs(width);
  const h = Math.abs(height);
  return normalizeRotatedBox({ x: cx - w / 2, y: cy - h / 2, width: w, height: h, rotation });
}

/**
 * To a billionth of a pixel: the trip through the centre and back costs a few ulps, and an import
 * exported again should give back the numbers it came with (500, not 500.00000000000006).
 */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9 + 0;
const tidyPoint = ([x, y]: Point): Point => [tidy(x), tidy(y)];

/** The model's box → its origin-corner shape and Ango's `corners` (format version 2). */
export function rotatedBoxToOrigin(box: RotatedBox): RotatedBox & { corners: Point[] } {
  const normal = normalizeRotatedBox(box);
  // Model corners run clockwise from the rotated top-left: [origin, +w, +w+h, +h].
  const [origin, acrossWidth, opposite, acrossHeight] = (rotatedBoxCorners(normal) as [Point, Point, Point, Point]).map(tidyPoint) as [Point, Point, Point, Point];
  return {
    x: origin[0],
    y: origin[1],
    width: normal.width,
    height: normal.height,
    rotation: normal.rotation,
    corners: [origin, acrossHeight, opposite, acrossWidth],
  };
}

/**
 * Ango's `corners` alone (origin first) → the model's box, or undefined unless there are four
 * that form a rectangle. The width runs from `corners[0]` to `corners[3]` and gives the
 * rotation; the height is `corners[1]` measured across it (negative for corners listed the
 * other way round, which normalising turns into the same rectangle).
 */
export function rotatedBoxFromOriginCorners(corners: readonly Point[]): RotatedBox | undefined {
  if (corners.length !== 4) return undefined;
  const [c0, c1, c2, c3] = corners as readonly [Point, Point, Point, Point];
  const wx = c3[0] - c0[0];
  const wy = c3[1] - c0[1];
  const hx = c1[0] - c0[0];
  const hy = c1[1] - c0[1];
  const width = Math.hypot(wx, wy);
  const side = Math.hypot(hx, hy);
  if (!isRectangle(c0, c2, wx, wy, hx, hy, width, side)) return undefined;
  const rotation = width === 0 ? (side === 0 ? 0 : normalizeRotation(Math.atan2(-hx, hy) / DEG)) : normalizeRotation(Math.atan2(wy, wx) / DEG);
  const cos = Math.cos(rotation * DEG);
  const sin = Math.sin(rotation * DEG);
  const height = -hx * sin + hy * cos;
  return rotatedBoxFromOrigin({ x: c0[0], y: c0[1], width, height, rotation });
}

/** Right angle at `c0` and `c2` opposite it, to a tolerance that allows corners rounded to a few decimals. */
function isRectangle(c0: Point, c2: Point, wx: number, wy: number, hx: number, hy: number, width: number, side: number): boolean {
  const tolerance = 1e-3 * Math.max(1, width, side);
  const dot = (wx * hx + wy * hy) / Math.max(1, width, side);
  const gap = Math.hypot(c0[0] + wx + hx - c2[0], c0[1] + wy + hy - c2[1]);
  return Math.abs(dot) <= tolerance && gap <= tolerance;
}
