/**
 * Screen tolerances every tool shares, and the small pointer helpers built on them. Tolerances are
 * in screen pixels: a tool turns them into asset units with `context.scale` (screen px per asset px).
 */
import { clampToPlane } from '../../core/geometry.js';
import type { Point } from '../../core/model.js';
import type { ToolContext, ToolPointer } from '../tool.js';

/** A press that moves less than this is a click, not a drag. */
export const CLICK_SLOP_PX = 3;
/** A click this close to a path's first point closes it. */
export const CLOSE_RADIUS_PX = 8;
/** How near a shape a click still picks it. */
export const HIT_TOLERANCE_PX = 6;
export const HIT_TOLERANCE_TOUCH_PX = 12;
/** How near a handle a press still grabs it. */
export const HANDLE_TOLERANCE_PX = 8;
export const HANDLE_TOLERANCE_TOUCH_PX = 16;

export function pointOf(pointer: ToolPointer): Point {
  return [pointer.x, pointer.y];
}

/** Screen pixels → asset units at the current zoom. */
export function toAssetUnits(context: ToolContext, screenPx: number): number {
  return screenPx / (context.scale > 0 ? context.scale : 1);
}

/** Whether `a` and `b` lie within `screenPx` screen pixels of each other. */
export function within(context: ToolContext, a: Point, b: Point, screenPx: number): boolean {
  return Math.hypot(a[0] - b[0], a[1] - b[1]) <= toAssetUnits(context, screenPx);
}

/** Whether a press at `from` that is now at `to` has become a drag. */
export function isDrag(context: ToolContext, from: Point, to: Point): boolean {
  return Math.hypot(to[0] - from[0], to[1] - from[1]) >= toAssetUnits(context, CLICK_SLOP_PX);
}

/** The pointer's position kept inside the plane (drawing never leaves the asset). */
export function planePoint(context: ToolContext, pointer: ToolPointer): Point {
  const { width, height } = context.planeSize;
  if (!(width > 0 && height > 0)) return pointOf(pointer);
  return clampToPlane(pointOf(pointer), width, height);
}

export function hitTolerance(pointer: ToolPointer): number {
  return pointer.pointerType === 'touch' ? HIT_TOLERANCE_TOUCH_PX : HIT_TOLERANCE_PX;
}

export function handleTolerance(pointer: ToolPointer): number {
  return pointer.pointerType === 'touch' ? HANDLE_TOLERANCE_TOUCH_PX : HANDLE_TOLERANCE_PX;
}
