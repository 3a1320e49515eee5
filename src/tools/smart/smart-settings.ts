/** What the labeler set for the smart tools of one surface (kept while tools are switched). */
export interface SmartToolSettings {
  /** Magic wand colour tolerance, 0–255 per channel. */
  tolerance: number;
}

export const DEFAULT_TOLERANCE = 32;
export const TOLERANCE_STEP = 8;

export function clampTolerance(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
