/**
 * Which slices carry labels, for the stack bar's ticks and the "next labelled slice" keys: slices
 * with an object, and slices with a brush mask that has any painted pixel.
 */
import type { BrushMask } from '../../core/model.js';
import type { AnnotationState } from '../../core/store.js';

/** A mask's pixels never change in place (the store replaces the mask), so its answer is kept. */
const painted = new WeakMap<Uint8Array, boolean>();

/** Whether a brush mask has any painted pixel. */
export function hasPaint(mask: BrushMask): boolean {
  let answer = painted.get(mask.data);
  if (answer === undefined) {
    answer = mask.data.some((value) => value !== 0);
    painted.set(mask.data, answer);
  }
  return answer;
}

/** Slice index → number of objects on it (0 for a slice that only has brush paint), ascending. */
export function labelledSlices(state: AnnotationState, count: number): Map<number, number> {
  const bySlice = new Map<number, number>();
  for (const object of state.objects.values()) {
    const frame = object.keyframes[0]?.frame;
    if (frame === undefined || frame < 0 || frame >= count) continue;
    bySlice.set(frame, (bySlice.get(frame) ?? 0) + 1);
  }
  for (const mask of state.masks.values()) {
    if (mask.page < 0 || mask.page >= count || bySlice.has(mask.page) || !hasPaint(mask)) continue;
    bySlice.set(mask.page, 0);
  }
  return new Map([...bySlice].sort((a, b) => a[0] - b[0]));
}

/** The nearest labelled slice after (`direction` 1) or before (−1) `from`, if any. */
export function nextLabelled(slices: ReadonlyMap<number, number>, from: number, direction: 1 | -1): number | undefined {
  let best: number | undefined;
  for (const slice of slices.keys()) {
    if (direction === 1 ? slice > from && (best === undefined || slice < best) : slice < from && (best === undefined || slice > best)) best = slice;
  }
  return best;
}
