/** Draws one geometry into a pixi Graphics in asset coordinates with screen-constant outlines. */
import type { Graphics } from 'pixi.js';
import type { Geometry, Point } from '../core/model.js';
import { rotatedBoxCorners } from '../core/geometry.js';
import { catmullRomPoints } from '../core/spline.js';

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

function pathOf(g: Graphics, points: readonly Point[], closed: boolean): void {
  const first = points[0];
  if (!first) return;
  g.moveTo(first[0], first[1]);
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    g.lineTo(p[0], p[1]);
  }
  if (closed) g.closePath();
}

export function drawGeometry(g: Graphics, geometry: Geometry, style: ShapeStyle): void {
  const width = style.strokeWidth / style.scale;
  const stroke = { width, color: style.color, alpha: style.draft ? 0.8 : 1, alignment: 0.5 };
  const fill = { color: style.color, alpha: style.fillAlpha };
  switch (geometry.type) {
    case 'bounding-box': {
      const { x, y, width: w, height: h } = geometry.value;
      g.rect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h)).fill(fill).stroke(stroke);
      return;
    }
    case 'rotated-bounding-box':
      g.poly(rotatedBoxCorners(geometry.value).flat(), true).fill(fill).stroke(stroke);
      return;
    case 'polygon':
      if (geometry.value.length >= 3) g.poly(geometry.value.flat(), true).fill(fill);
      pathOf(g, geometry.value, geometry.value.length >= 3);
      g.stroke(stroke);
      return;
    case 'polyline':
      pathOf(g, geometry.value, false);
      g.stroke(stroke);
      return;
    case 'spline':
      pathOf(g, geometry.value.length > 2 ? catmullRomPoints(geometry.value) : geometry.value, false);
      g.stroke(stroke);
      for (const [x, y] of geometry.value) g.circle(x, y, 2.5 / style.scale).fill({ color: style.color });
      return;
    case 'point': {
      const [x, y] = geometry.value;
      g.circle(x, y, 5 / style.scale).fill({ color: style.color, alpha: 0.9 }).stroke({ ...stroke, color: 0xffffff });
      return;
    }
    case 'segmentation':
      for (const zone of geometry.value.zones) {
        if (zone.region.length < 3) continue;
        g.poly(zone.region.flat(), true).fill(fill);
        for (const hole of zone.holes) if (hole.length >= 3) g.poly(hole.flat(), true).cut();
        pathOf(g, zone.region, true);
        g.stroke(stroke);
        for (const hole of zone.holes) {
          pathOf(g, hole, true);
          g.stroke(stroke);
        }
      }
      return;
    case 'pdf': {
      const rects = geometry.value.position.rects.length ? geometry.value.position.rects : [geometry.value.position.boundingRect];
      for (const r of rects) g.rect(r.x1, r.y1, r.x2 - r.x1, r.y2 - r.y1).fill(fill).stroke(stroke);
      return;
    }
    case 'ner':
      return;
  }
}

export function colorNumber(hex: string | undefined, fallback = 0x2196f3): number {
  if (!hex) return fallback;
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  return value ? Number.parseInt(value, 16) : fallback;
}
