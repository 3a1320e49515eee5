/**
 * Box and angle normalisation, apart from geometry.ts so that interpolation (which every element's
 * session reaches through plane-geometry.ts) does not bring the rest of the geometry into pages
 * without shapes (`<lk-text>`). geometry.ts re-exports both.
 */
import type { Box } from './model.js';

/** The same box with width and height ≥ 0 (a negative size extends left/up from x/y). */
export function normalizeBox(b: Box): Box {
  return {
    x: b.width < 0 ? b.x + b.width : b.x,
    y: b.height < 0 ? b.y + b.height : b.y,
    width: Math.abs(b.width),
    height: Math.abs(b.height),
  };
}

/** Degrees into (-180, 180]; non-finite input gives 0. */
export function normalizeRotation(degrees: number): number {
  if (!Number.isFinite(degrees)) return 0;
  let r = degrees % 360;
  if (r <= -180) r += 360;
  else if (r > 180) r -= 360;
  return r === 0 ? 0 : r; // no -0 in exports
}
