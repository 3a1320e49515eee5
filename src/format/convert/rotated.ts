/**
 * Rotated boxes as FORMAT.md version 2 defines them (Ango's): `(x, y)` is the origin corner and
 * the `width × height` box turns by `rotation` degrees about it (clockwise on a y-down screen);
 * `corners` = [origin, origin + R·(0,h), origin + R·(w,h), origin + R·(w,0)]. Label Studio's
 * rotated rectangles are the same shape, so they convert without arithmetic on the angle.
 * Kept here rather than in core: the converters speak the wire format, whatever the model stores.
 */
import type { Point, RotatedBox } from '../../core/model.js';

const DEG = Math.PI / 180;

/** The 4 corners of a version-2 rotated box, in FORMAT.md's order. */
export function rotatedCorners(box: RotatedBox & { corners?: Point[] }): Point[] {
  if (box.corners && box.corners.length === 4) return box.corners.map(([x, y]): Point => [x, y]);
  const { x, y, width: w, height: h } = box;
  const cos = Math.cos(box.rotation * DEG);
  const sin = Math.sin(box.rotation * DEG);
  const at = (u: number, v: number): Point => [x + u * cos - v * sin, y + u * sin + v * cos];
  return [at(0, 0), at(0, h), at(w, h), at(w, 0)];
}

/**
 * The version-2 box of 4 corners given clockwise on screen from the origin ([TL, TR, BR, BL], as
 * YOLO-OBB and Label Studio's exporter write them); corners given the other way round are read
 * in that order too, so either winding gives the same box.
 */
export function rotatedFromCorners(corners: readonly Point[], keepCorners = false): RotatedBox & { corners: Point[] } {
  const [p0, p1, , p3] = corners as [Point, Point, Point, Point];
  const cross = (p1[0] - p0[0]) * (p3[1] - p0[1]) - (p1[1] - p0[1]) * (p3[0] - p0[0]);
  const [right, down] = cross >= 0 ? [p1, p3] : [p3, p1];
  const width = Math.hypot(right[0] - p0[0], right[1] - p0[1]);
  const height = Math.hypot(down[0] - p0[0], down[1] - p0[1]);
  const rotation = Math.atan2(right[1] - p0[1], right[0] - p0[0]) / DEG;
  const box = { x: p0[0], y: p0[1], width, height, rotation };
  // keepCorners: the source's corners as written (a rounded file's quad is not exactly a rectangle), so writing it back changes nothing.
  return { ...box, corners: keepCorners ? [p0, down, [...corners[2]!] as Point, right].map(([x, y]): Point => [x, y]) : rotatedCorners(box) };
}

/** Corners clockwise on screen from the origin: [TL, TR, BR, BL] of the unrotated box. */
export function clockwiseCorners(box: RotatedBox & { corners?: Point[] }): Point[] {
  const [c0, c1, c2, c3] = rotatedCorners(box) as [Point, Point, Point, Point];
  return [c0, c3, c2, c1];
}
