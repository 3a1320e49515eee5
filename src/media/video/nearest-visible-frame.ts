/**
 * Where to show a track the labeler picked while it is not on the current frame: the nearest
 * frame on which it is drawn, so selecting it from the object list or with Tab brings it on screen.
 */
import { visibleRanges } from '../../core/interpolation.js';
import type { Keyframe } from '../../core/model.js';

/**
 * The frame nearest to `frame` on which the track is drawn (`frame` itself when it is drawn there;
 * the earlier one on a tie); undefined when it is drawn on no frame of the video.
 */
export function nearestVisibleFrame(keyframes: readonly Keyframe[], frame: number, frameTotal: number): number | undefined {
  let best: number | undefined;
  for (const [start, end] of visibleRanges(keyframes, frameTotal)) {
    const candidate = Math.max(start, Math.min(end, frame));
    if (best === undefined || Math.abs(candidate - frame) < Math.abs(best - frame)) best = candidate;
  }
  return best;
}
