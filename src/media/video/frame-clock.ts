/**
 * Frame ↔ media time for constant-frame-rate video. The frame index is derived from the
 * presented frame's media time (`requestVideoFrameCallback` `mediaTime`), never from
 * `currentTime`, which lies anywhere inside a frame's display interval.
 *
 * Frame n is presented at `origin + n / fps`, where `origin` is the media time of the first
 * frame (0 for most files; an edit list or a non-zero first timestamp can move it).
 */

export interface FrameClock {
  readonly fps: number;
  readonly frameTotal: number;
  /** Media time (seconds) of frame 0. */
  readonly origin: number;
  /** The frame presented at `mediaTime` (rounded: timestamps carry microsecond noise), clamped to the video. */
  frameAt(mediaTime: number): number;
  /** The frame whose display interval contains `time` (a `currentTime`, not a presented frame's time). */
  frameContaining(time: number): number;
  /** Where to seek so that frame n is shown: the middle of its display interval. */
  seekTime(frame: number): number;
  /** Media time at which frame n starts. */
  startTime(frame: number): number;
  /** `frame` as a valid index: an integer in `[0, frameTotal - 1]`. */
  clampFrame(frame: number): number;
}

export interface FrameClockOptions {
  fps: number;
  frameTotal: number;
  origin?: number;
  /** Media duration in seconds: seek times stay just inside it. */
  duration?: number;
}

export function createFrameClock(options: FrameClockOptions): FrameClock {
  const { fps } = options;
  if (!(fps > 0) || !Number.isFinite(fps)) throw new RangeError(`frame rate must be a positive number, not ${fps}`);
  const frameTotal = Math.max(1, Math.floor(options.frameTotal));
  const origin = options.origin ?? 0;
  const duration = options.duration;
  const clampFrame = (frame: number) => Math.max(0, Math.min(frameTotal - 1, Math.round(Number.isFinite(frame) ? frame : 0)));
  return {
    fps,
    frameTotal,
    origin,
    frameAt: (mediaTime) => clampFrame((mediaTime - origin) * fps),
    // A frame starting at 0.4 s has a start that may read 0.39999999 after rounding: allow 1 µs.
    frameContaining: (time) => clampFrame(Math.floor((time - origin + 1e-6) * fps)),
    seekTime(frame) {
      const time = origin + (clampFrame(frame) + 0.5) / fps;
      // Past the end a seek lands on the last frame anyway; keep strictly inside the media.
      return duration !== undefined && Number.isFinite(duration) && time >= duration ? Math.max(origin, duration - 0.25 / fps) : time;
    },
    startTime: (frame) => origin + clampFrame(frame) / fps,
    clampFrame,
  };
}

/** Frames in `duration` seconds at `fps` (rounded: container durations are rounded to ms). */
export function frameTotalFromDuration(duration: number, fps: number, origin = 0): number {
  if (!Number.isFinite(duration) || duration <= 0 || !(fps > 0)) return 1;
  return Math.max(1, Math.round((duration - origin) * fps));
}

/** `m:ss.mmm` (or `h:mm:ss.mmm`) for a time in seconds. */
export function formatMediaTime(seconds: number): string {
  const totalMs = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const s = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const m = totalMinutes % 60;
  const h = Math.floor(totalMinutes / 60);
  const tail = `${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${tail}` : `${m}:${tail}`;
}
