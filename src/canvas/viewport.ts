/** Pan and zoom as plain numbers: screen = asset * scale + offset. No pixi, no DOM. */
import type { Box, Point } from '../core/model.js';

export interface ViewportState {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 1 / 64;
export const MAX_SCALE = 64;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function screenToAsset(view: ViewportState, x: number, y: number): Point {
  return [(x - view.offsetX) / view.scale, (y - view.offsetY) / view.scale];
}

export function assetToScreen(view: ViewportState, x: number, y: number): Point {
  return [x * view.scale + view.offsetX, y * view.scale + view.offsetY];
}

/** Zooms by `factor` keeping the asset point under the screen point (`x`, `y`) in place. */
export function zoomAbout(view: ViewportState, factor: number, x: number, y: number): ViewportState {
  const scale = clampScale(view.scale * factor);
  const [ax, ay] = screenToAsset(view, x, y);
  return { scale, offsetX: x - ax * scale, offsetY: y - ay * scale };
}

/** The whole plane centred in the view with a small margin. */
export function fitView(plane: Size, view: Size, padding = 16): ViewportState {
  if (plane.width <= 0 || plane.height <= 0 || view.width <= 0 || view.height <= 0) {
    return { scale: 1, offsetX: 0, offsetY: 0 };
  }
  const scale = clampScale(
    Math.min((view.width - 2 * padding) / plane.width, (view.height - 2 * padding) / plane.height),
  );
  return {
    scale,
    offsetX: (view.width - plane.width * scale) / 2,
    offsetY: (view.height - plane.height * scale) / 2,
  };
}

/** One asset pixel per screen pixel, centred on what the view centre shows now. */
export function actualSize(view: ViewportState, size: Size): ViewportState {
  return zoomAbout(view, 1 / view.scale, size.width / 2, size.height / 2);
}

/** The part of the asset plane the view shows, in asset coordinates. */
export function visibleAssetBox(view: ViewportState, size: Size): Box {
  const [x, y] = screenToAsset(view, 0, 0);
  return { x, y, width: size.width / view.scale, height: size.height / view.scale };
}
