/**
 * Measurements of a polyline on a plane: path length in millimetres when the pixel spacing is
 * known (columns scale by the column spacing, rows by the row spacing), else in pixels; the angle
 * at the middle point of a three-point polyline; the Cobb angle between the two lines of a
 * four-point one. Angles are in degrees, in the same physical space (non-square pixels change
 * them). Shared by every element that measures (lk-dicom, lk-image) and by the export.
 */

/** What a polyline class measures (the labelkit ontology field `measure` on a `polyline` tool). */
export type MeasureKind = 'length' | 'angle' | 'cobb';

export const MEASURE_KINDS: readonly MeasureKind[] = ['length', 'angle', 'cobb'];

/** The vertices that finish a polyline of each kind (a ruler 2, an angle 3, a Cobb angle 4). */
export const MEASURE_POINTS: Readonly<Record<MeasureKind, number>> = { length: 2, angle: 3, cobb: 4 };

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

type Vector = readonly [number, number];

/**
 * The Cobb angle: the angle between line 1 (points 0–1) and line 2 (points 2–3), 0–90° (lines have
 * no direction, so the acute one); undefined for any other number of points or a zero-length line.
 */
export function cobbAngle(points: readonly (readonly [number, number])[], spacing?: readonly [number, number]): number | undefined {
  if (points.length !== 4) return undefined;
  const [rowSpacing, columnSpacing] = spacing ?? [1, 1];
  const direction = (from: Vector, to: Vector): Vector => [(to[0] - from[0]) * columnSpacing, (to[1] - from[1]) * rowSpacing];
  const [ux, uy] = direction(points[0]!, points[1]!);
  const [vx, vy] = direction(points[2]!, points[3]!);
  if ((ux === 0 && uy === 0) || (vx === 0 && vy === 0)) return undefined;
  const degrees = (Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) * 180) / Math.PI;
  return degrees > 90 ? 180 - degrees : degrees;
}

/** A polyline's measurement as written beside its geometry in the export (labelkit `measurement`). */
export interface Measurement {
  /** Path length in mm (the plane has a pixel spacing). */
  lengthMm?: number;
  /** Path length in pixels (no pixel spacing). */
  lengthPx?: number;
  /** The angle at the middle point (3 points) or the Cobb angle (4 points, `cobb`), degrees. */
  angleDeg?: number;
}

/**
 * What a polyline measures: `length` its path length; `angle` the angle at its middle point;
 * `cobb` the Cobb angle; without a kind (lk-dicom's plain polylines) the length, plus the angle when
 * it has three points. Unrounded (`roundMeasurement` for the export).
 */
export function measurePolyline(points: readonly (readonly [number, number])[], kind: MeasureKind | undefined, spacing?: readonly [number, number]): Measurement {
  const out: Measurement = {};
  if (kind !== 'angle' && kind !== 'cobb') {
    const length = polylineLength(points, spacing);
    if (length.unit === 'mm') out.lengthMm = length.value;
    else out.lengthPx = length.value;
  }
  const angle = kind === 'cobb' ? cobbAngle(points, spacing) : kind === 'length' ? undefined : polylineAngle(points, spacing);
  if (angle !== undefined) out.angleDeg = angle;
  return out;
}

/** The export's numbers: to 0.001 mm, px and degrees, so records stay readable. */
export function roundMeasurement(measurement: Measurement): Measurement {
  const out: Measurement = {};
  if (measurement.lengthMm !== undefined) out.lengthMm = round3(measurement.lengthMm);
  if (measurement.lengthPx !== undefined) out.lengthPx = round3(measurement.lengthPx);
  if (measurement.angleDeg !== undefined) out.angleDeg = round3(measurement.angleDeg);
  return out;
}

/** The on-screen text of a measurement: `42.0 mm · 37.5°`. */
export function formatMeasurement(measurement: Measurement): string {
  const parts: string[] = [];
  if (measurement.lengthMm !== undefined) parts.push(formatLength({ value: measurement.lengthMm, unit: 'mm' }));
  if (measurement.lengthPx !== undefined) parts.push(formatLength({ value: measurement.lengthPx, unit: 'px' }));
  if (measurement.angleDeg !== undefined) parts.push(formatAngle(measurement.angleDeg));
  return parts.join(' · ');
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
