/** Tracks (video) exported frame by frame: interpolated between keyframes (FORMAT.md §2.1). */
import { framesToExport, shapeAtFrame } from '../core/interpolation.js';
import type { TrackFrames } from './geometry/codec.js';

export const trackFrames: TrackFrames = (keyframes, frameTotal, keyframesOnly) =>
  framesToExport(keyframes, frameTotal, keyframesOnly).flatMap((page) => {
    const shape = shapeAtFrame(keyframes, page);
    return shape ? [{ page, geometry: shape.geometry, keyframe: shape.keyframe, stopped: shape.stopped }] : [];
  });
