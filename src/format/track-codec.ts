/**
 * Tracks (video), both ways: flat per-frame entries sharing an objectId become one object's
 * keyframes on import; on export an object is its frames, interpolated between keyframes
 * (FORMAT.md §2.1). Only elements with tracks carry this.
 */
import type { ClassificationAnswer, ObjectAnnotation } from '../core/model.js';
import { framesToExport, shapeAtFrame } from '../core/interpolation.js';
import type { TrackCodec } from './geometry/codec.js';
import { child, report, type ImportWalk, type Path, type ToolEntry } from './import-reader.js';

/**
 * Tracks: flat per-frame entries sharing an objectId become one object. Where some entry carries
 * `keyframe: true`, those and the `interpolationStopped` entries are its keyframes (the others
 * were interpolated); where none does (Ango's own pre-labels and exports), every entry is a
 * keyframe, the stops included. Answers are merged, first one per class and page.
 */
function trackObjects(walk: Pick<ImportWalk, 'problems'>, entries: readonly ToolEntry[], ids: Map<string, Path>): ObjectAnnotation[] {
  const groups = new Map<string, ToolEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.object.objectId);
    if (group) group.push(entry);
    else groups.set(entry.object.objectId, [entry]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    ids.set(first.object.objectId, first.path);
    const flagged = group.some((e) => e.keyframe);
    const byFrame = new Map<number, ToolEntry>();
    const answers: ClassificationAnswer[] = [];
    const answered = new Set<string>();
    let lock = false;
    for (const entry of group) {
      const frame = entry.object.keyframes[0]!.frame;
      if (entry.object.schemaId !== first.object.schemaId) {
        report(walk, 'inconsistent-object', child(entry.path, 'schemaId'), `objectId "${first.object.objectId}" has another class at ${String(first.path)}.`);
        continue;
      }
      const other = byFrame.get(frame);
      if (other) {
        report(walk, 'duplicate-object-id', child(entry.path, 'page'), `objectId "${first.object.objectId}" already has an entry on frame ${frame} at ${String(other.path)}.`);
        continue;
      }
      byFrame.set(frame, entry);
      for (const answer of entry.object.classifications) {
        const key = `${answer.schemaId}@${answer.page ?? ''}`;
        if (answered.has(key)) continue;
        answered.add(key);
        answers.push(answer);
      }
      lock ||= entry.object.lock === true;
    }
    const keyframes = [...byFrame.values()]
      .filter((e) => !flagged || e.keyframe || e.stopped)
      .map((e) => e.object.keyframes[0]!)
      .sort((a, b) => a.frame - b.frame);
    const { objectId, schemaId, metadata } = first.object;
    return { objectId, schemaId, keyframes, classifications: answers, ...(lock ? { lock: true } : {}), metadata };
  });
}

export const trackCodec: TrackCodec = {
  frames: (keyframes, frameTotal, keyframesOnly) =>
    framesToExport(keyframes, frameTotal, keyframesOnly).flatMap((page) => {
      const shape = shapeAtFrame(keyframes, page);
      return shape ? [{ page, geometry: shape.geometry, keyframe: shape.keyframe, stopped: shape.stopped }] : [];
    }),
  objects: trackObjects,
};
