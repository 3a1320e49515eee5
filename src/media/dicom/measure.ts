/**
 * Measurements on a DICOM slice: path length of a polyline in millimetres when the pixel spacing
 * is known (columns scale by the column spacing, rows by the row spacing), else in pixels; and the
 * angle at the middle point of a three-point polyline, in degrees, in the same physical space.
 */

export interface Length {
  value: number;
  unit: 'mm' | 'px';
}

/** `spacing` is DICOM PixelSpacing order: [between rows (vertical), between columns (horizontal)]. */
export function polylineLength(points: readonly (readonly [number, number])[], spacing?: readonly [number, number]): Length {
  const [rowSpacing, columnSpacing] = spacing ?? [1, 1];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = (points[i]![0] - points[i - 1]![0]) * columnSpacing;
    const dy = (points[i]![1] - points[i - 1]![1]) * rowSpacing;
    total += Math.hypot(dx, dy);
  }
  return { value: total, unit: spacing ? 'mm' : 'px' };
}

export function formatLength(length: Length): string {
  const digits = length.value >= 100 ? 0 : 1;
  return `${length.value.toFixed(digits)} ${length.unit}`;
}

/**
 * The angle (0–180°) between the two segments of a three-point polyline, at its middle point,
 * with rows and columns scaled by `spacing` (non-square pixels change angles); undefined for any
 * other number of points or a zero-length segment.
 */
export function polylineAngle(points: readonly (readonly [number, number])[], spacing?: readonly [number, number]): number | undefined {
  if (points.length !== 3) return undefined;
  const [rowSpacing, columnSpacing] = spacing ?? [1, 1];
  const [a, vertex, b] = points as [readonly [number, number], readonly [number, number], readonly [number, number]];
  const ux = (a[0] - vertex[0]) * columnSpacing;
  const uy = (a[1] - vertex[1]) * rowSpacing;
  const vx = (b[0] - vertex[0]) * columnSpacing;
  const vy = (b[1] - vertex[1]) * rowSpacing;
  if ((ux === 0 && uy === 0) || (vx === 0 && vy === 0)) return undefined;
  return (Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) * 180) / Math.PI;
}

export function formatAngle(degrees: number): string {
  return `${degrees.toFixed(1)}°`;
}
