/** Draws one geometry into a pixi Graphics in asset coordinates with screen-constant outlines (live shapes). */
import type { Graphics } from 'pixi.js';
import type { Geometry, Point } from '../core/model.js';
import { traceGeometry } from './shape-outline.js';

export interface ShapeStyle {
  color: number;
  /** Outline width in screen pixels. */
  strokeWidth: number;
  /** Screen pixels per asset pixel: outlines and point markers stay the same size on screen. */
  scale: number;
  fillAlpha: number;
  /** Dashed-looking outline for drafts: drawn lighter. */
  draft?: boolean;
}

/** Marker radii in screen pixels. */
export const POINT_RADIUS = 5;
export const CONTROL_POINT_RADIUS = 2.5;

function pathOf(g: Graphics, points: readonly Point[], closed: boolean): Graphics {
  const first = points[0];
  if (!first) return g;
  g.moveTo(first[0], first[1]);
  for (let i = 1; i < points.length; i++) g.lineTo(points[i]![0], points[i]![1]);
  if (closed) g.closePath();
  return g;
}

export function drawGeometry(g: Graphics, geometry: Geometry, style: ShapeStyle): void {
  const stroke = { width: style.strokeWidth / style.scale, color: style.color, alpha: style.draft ? 0.8 : 1, alignment: 0.5 };
  const fill = { color: style.color, alpha: style.fillAlpha };
  traceGeometry(geometry, {
    rect: (x, y, width, height) => g.rect(x, y, width, height).fill(fill).stroke(stroke),
    area(outer, holes) {
      g.poly(outer.flat(), true).fill(fill);
      for (const hole of holes) g.poly(hole.flat(), true).cut();
      pathOf(g, outer, true).stroke(stroke);
      for (const hole of holes) pathOf(g, hole, true).stroke(stroke);
    },
    line: (points) => pathOf(g, points, false).stroke(stroke),
    marker: (x, y) => g.circle(x, y, POINT_RADIUS / style.scale).fill({ color: style.color, alpha: 0.9 }).stroke({ ...stroke, color: 0xffffff }),
    controlPoint: (x, y) => g.circle(x, y, CONTROL_POINT_RADIUS / style.scale).fill({ color: style.color }),
  });
}

export function colorNumber(hex: string | undefined, fallback = 0x2196f3): number {
  if (!hex) return fallback;
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  return value ? Number.parseInt(value, 16) : fallback;
}
