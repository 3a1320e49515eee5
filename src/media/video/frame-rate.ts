/**
 * Which frame rate a video has. The rule (docs/elements/lk-video.md):
 * 1. the host's `frame-rate` attribute, when it is a positive number or a ratio (`30000/1001`);
 * 2. else what the file says: MP4 sample durations (`stts` / `mdhd`), WebM `DefaultDuration`;
 * 3. else an estimate from the media times of frames presented during a short muted probe;
 * 4. else 30.
 */

export type FrameRateSource = 'host' | 'container' | 'estimated' | 'default';

export interface FrameRate {
  fps: number;
  source: FrameRateSource;
}

export const DEFAULT_FRAME_RATE = 30;

/** Broadcast and film rates that estimates and header values snap to when they are that close. */
export const COMMON_FRAME_RATES: readonly number[] = [
  24000 / 1001, 24, 25, 30000 / 1001, 30, 48, 50, 60000 / 1001, 60, 100, 120000 / 1001, 120,
];

/** A frame rate from the host: `29.97`, `"30000/1001"`, `"25"`; undefined when not a positive finite number. */
export function parseFrameRate(input: unknown): number | undefined {
  if (typeof input === 'number') return input > 0 && Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  const ratio = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(text);
  const value = ratio ? Number(ratio[1]) / Number(ratio[2]) : /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  return value > 0 && Number.isFinite(value) ? value : undefined;
}

/** The first usable rate in the order of the rule above. */
export function resolveFrameRate(candidates: { host?: unknown; container?: number | undefined; estimated?: number | undefined }): FrameRate {
  const host = parseFrameRate(candidates.host);
  if (host !== undefined) return { fps: host, source: 'host' };
  const container = parseFrameRate(candidates.container);
  if (container !== undefined) return { fps: container, source: 'container' };
  const estimated = parseFrameRate(candidates.estimated);
  if (estimated !== undefined) return { fps: estimated, source: 'estimated' };
  return { fps: DEFAULT_FRAME_RATE, source: 'default' };
}

/**
 * The frame rate implied by the media times of presented frames. The median gap is one frame
 * (dropped frames make a few gaps two or three frames long: they count as that many); the rate is
 * frames over the time they span, so timestamp rounding (WebM stores milliseconds) averages out.
 * The result snaps to the nearest common rate within what the timestamps' precision allows.
 * Undefined with fewer than two usable gaps.
 */
export function estimateFrameRate(mediaTimes: readonly number[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < mediaTimes.length; i++) {
    const gap = mediaTimes[i]! - mediaTimes[i - 1]!;
    if (gap > 1e-4 && gap < 1) gaps.push(gap);
  }
  if (gaps.length < 2) return undefined;
  const sorted = [...gaps].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  let frames = 0;
  let span = 0;
  for (const gap of gaps) {
    frames += Math.max(1, Math.round(gap / median));
    span += gap;
  }
  const millisecondTimes = mediaTimes.every((t) => Math.abs(t * 1000 - Math.round(t * 1000)) < 1e-6);
  const quantum = millisecondTimes ? 1e-3 : 1e-6;
  const tolerance = Math.max(5e-4, (1.5 * quantum) / span);
  const near = COMMON_FRAME_RATES.filter((rate) => Math.abs(rate - frames / span) / rate < tolerance);
  // A short probe (a busy machine presents few frames) can leave 30 and 29.97 both within reach:
  // the media times themselves sit on one rate's frame grid and drift off the other's.
  if (near.length > 1) return near.reduce((best, rate) => (gridError(mediaTimes, rate) < gridError(mediaTimes, best) ? rate : best));
  return snapFrameRate(frames / span, tolerance);
}

/** How far the media times sit from the frame grid of `fps` that starts at the first of them (sum of squares, s²). */
function gridError(mediaTimes: readonly number[], fps: number): number {
  const first = mediaTimes[0] ?? 0;
  let sum = 0;
  for (const time of mediaTimes) {
    const since = time - first;
    const off = since - Math.round(since * fps) / fps;
    sum += off * off;
  }
  return sum;
}

/** The common rate nearest to `fps` within `relativeTolerance`, else `fps` itself. */
export function snapFrameRate(fps: number, relativeTolerance: number): number {
  let best: number | undefined;
  for (const rate of COMMON_FRAME_RATES) {
    const off = Math.abs(rate - fps) / rate;
    if (off < relativeTolerance && (best === undefined || off < Math.abs(best - fps) / best)) best = rate;
  }
  return best ?? fps;
}
