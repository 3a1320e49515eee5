/**
 * Lengths on a DICOM slice: path length of a polyline in millimetres when the pixel spacing is
 * known (columns scale by the column spacing, rows by the row spacing), else in pixels.
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
