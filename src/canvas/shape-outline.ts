/**
 * A geometry as the parts a painter needs: filled areas (with holes), axis-aligned rectangles,
 * open lines and point markers. One walk over the geometry types serves every painter (pixi
 * Graphics for live shapes, Canvas2D paths for the settled layer), so they cannot disagree on
 * what a shape looks like. No pixi, no DOM: elements that never load pixi may use it too.
 */
import type { Geometry, Point } from '../core/model.js';
import { rotatedBoxCorners } from '../core/geometry.js';
import { catmullRomPoints } from '../core/spline.js';

export interface OutlineSink {
  /** A closed area, filled and outlined; `holes` are cut out of it and outlined too. */
  area(outer: readonly Point[], holes: readonly (readonly Point[])[]): void;
  /** An axis-aligned rectangle area, width and height ≥ 0 (boxes, PDF rects). */
  rect(x: number, y: number, width: number, height: number): void;
  /** An open line: outlined, never filled. */
  line(points: readonly Point[]): void;
  /** A point annotation's marker. */
  marker(x: number, y: number): void;
  /** A spline's control point. */
  controlPoint(x: number, y: number): void;
}

const NO_HOLES: readonly (readonly Point[])[] = [];

export function traceGeometry(geometry: Geometry, sink: OutlineSink): void {
  switch (geometry.type) {
    case 'bounding-box': {
      const { x, y, width, height } = geometry.value;
      sink.rect(Math.min(x, x + width), Math.min(y, y + height), Math.abs(width), Math.abs(height));
      return;
    }
    case 'rotated-bounding-box':
      sink.area(rotatedBoxCorners(geometry.value), NO_HOLES);
      return;
    case 'polygon':
      // Fewer than three points is a polygon still being drawn: its edges so far.
      if (geometry.value.length >= 3) sink.area(geometry.value, NO_HOLES);
      else sink.line(geometry.value);
      return;
    case 'polyline':
      sink.line(geometry.value);
      return;
    case 'spline':
      sink.line(geometry.value.length > 2 ? catmullRomPoints(geometry.value) : geometry.value);
      for (const [x, y] of geometry.value) sink.controlPoint(x, y);
      return;
    case 'point':
      sink.marker(geometry.value[0], geometry.value[1]);
      return;
    case 'segmentation':
      for (const zone of geometry.value.zones) {
        if (zone.region.length >= 3) sink.area(zone.region, zone.holes.filter((hole) => hole.length >= 3));
      }
      return;
    case 'pdf': {
      const { rects, boundingRect } = geometry.value.position;
      for (const r of rects.length ? rects : [boundingRect]) {
        sink.rect(Math.min(r.x1, r.x2), Math.min(r.y1, r.y2), Math.abs(r.x2 - r.x1), Math.abs(r.y2 - r.y1));
      }
      return;
    }
    case 'ner':
      return;
  }
}

/** Twice the signed area of a ring; positive when it turns clockwise on a y-down screen. */
export function signedArea2(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    sum += points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
  }
  return sum;
}
