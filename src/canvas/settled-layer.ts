/**
 * The settled shapes (everything not selected, hovered or being drawn) painted with Canvas2D
 * into one bitmap that covers the view plus a margin; the surface shows it as a sprite and only
 * moves and scales it while the view changes.
 *
 * Shapes are batched by colour into a few Path2Ds, one fill and one stroke per colour, instead of
 * a pixi Graphics per shape: 10,000 boxes are a handful of draw calls and no per-shape objects to
 * build, keep or collect. Consequences (by design): within one colour, overlapping fills are
 * painted once (nonzero winding: outer rings are turned clockwise, holes counter-clockwise), and
 * every fill is painted before every outline, so outlines are never hidden under other fills.
 */
import { Texture } from 'pixi.js';
import type { Box, Geometry, Point } from '../core/model.js';
import { signedArea2, traceGeometry, type OutlineSink } from './shape-outline.js';
import { CONTROL_POINT_RADIUS, POINT_RADIUS } from './shape-drawing.js';

export interface SettledShape {
  geometry: Geometry;
  color: number;
  /** The shape's bounding box where known (from the index): a shape a few screen pixels wide is drawn as a dot. */
  bounds?: Box;
}

/**
 * Level of detail: a shape whose bounding box is under DOT_BELOW_PX screen pixels on its longer
 * side is drawn as a DOT_PX square dot of its colour at its centre, not traced (a 100,000-object
 * asset zoomed out is mostly such shapes: outlines there would be one blur, and each costs a trace).
 */
export const DOT_BELOW_PX = 4;
const DOT_PX = 2;

export interface SettledFrame {
  /** The asset rectangle the bitmap covers. */
  rect: Box;
  /** Bitmap pixels per asset pixel. */
  pixelScale: number;
  /** Screen pixels per asset pixel: outline widths and markers are constant on screen. */
  viewScale: number;
  strokeWidth: number;
  fillAlpha: number;
}

/**
 * Outlines 1 to 3 bitmap pixels wide, drawn as 1-pixel strokes side by side (offsets in bitmap
 * pixels). Skia strokes a path of 10,000 polygons 2 px wide in ~225 ms in software, and 1 px wide
 * (a hairline) in a few: four hairline passes a pixel apart look like the 2-px outline (a little
 * softer at the edges) at a fifth of the cost.
 * Wider outlines (zoomed-in HiDPI bitmaps) are stroked as they are.
 */
const HAIRLINE_PASSES: Record<number, readonly (readonly [number, number])[]> = {
  1: [[0, 0]],
  2: [[0, 0], [1, 0], [0, 1], [1, 1]],
  3: [[-1, 0], [0, 0], [1, 0], [0, -1], [0, 1]],
};

/** Shapes in one piece of a `PiecewisePath`: 16 measured fastest (1 and 256 take two to three times as long). */
const SHAPES_PER_PIECE = 16;

/**
 * A Path2D appended to shape by shape. Segments added one by one to a large Path2D get slower as
 * it grows (10,000 8-point polygons: ~800 ms in Chromium), while small paths added whole with
 * `addPath` stay linear (~15 ms): segments go to a small piece, added to the whole every few shapes.
 */
class PiecewisePath {
  /** Where the current shape's segments go. */
  piece = new Path2D();
  private readonly whole = new Path2D();
  private shapes = 0;

  endShape(): void {
    if (++this.shapes === SHAPES_PER_PIECE) this.addPiece();
  }

  /** The whole path; call once, after the last shape. */
  finish(): Path2D {
    if (this.shapes > 0) this.addPiece();
    return this.whole;
  }

  private addPiece(): void {
    this.whole.addPath(this.piece);
    this.piece = new Path2D();
    this.shapes = 0;
  }
}

interface ColourPaths {
  fill: PiecewisePath;
  stroke: PiecewisePath;
  markers: PiecewisePath;
  controlPoints: PiecewisePath;
  dots: PiecewisePath;
  hasDots: boolean;
  hasFill: boolean;
  hasMarkers: boolean;
  hasControlPoints: boolean;
}

function addRing(path: Path2D, points: readonly Point[], clockwise: boolean): void {
  const reverse = signedArea2(points) > 0 !== clockwise;
  const n = points.length;
  for (let k = 0; k < n; k++) {
    const p = points[reverse ? n - 1 - k : k]!;
    if (k === 0) path.moveTo(p[0], p[1]);
    else path.lineTo(p[0], p[1]);
  }
  path.closePath();
}

function addCircle(path: Path2D, x: number, y: number, radius: number): void {
  path.moveTo(x + radius, y);
  path.arc(x, y, radius, 0, Math.PI * 2);
}

function css(color: number, alpha = 1): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}

export class SettledLayer {
  private canvas = document.createElement('canvas');
  private current: Texture | undefined;
  private frame: SettledFrame | undefined;
  /** Whether a shape was painted since the bitmap was last cleared whole. */
  private painted = false;

  /** True while the bitmap is all transparent: the surface need not draw it (a full-view blend in software). */
  get blank(): boolean {
    return !this.painted;
  }

  /** The bitmap as a pixi texture; a new one after the bitmap changed size. */
  get texture(): Texture {
    this.current ??= Texture.from(this.canvas);
    return this.current;
  }

  render(shapes: Iterable<SettledShape>, frame: SettledFrame): void {
    const width = Math.max(1, Math.ceil(frame.rect.width * frame.pixelScale));
    const height = Math.max(1, Math.ceil(frame.rect.height * frame.pixelScale));
    if (this.canvas.width !== width || this.canvas.height !== height) this.resize(width, height);
    const context = this.canvas.getContext('2d')!;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    this.painted = false;
    this.frame = frame;
    this.paint(context, shapes, frame);
  }

  /**
   * Starts a render region by region (`paintRegion`, tiled-paint.ts): where `frame` is the one last
   * rendered, the bitmap keeps showing its shapes until each region is painted again; else it is cleared.
   */
  beginRegions(frame: SettledFrame): void {
    const last = this.frame;
    const same =
      last &&
      last.rect.x === frame.rect.x &&
      last.rect.y === frame.rect.y &&
      last.rect.width === frame.rect.width &&
      last.rect.height === frame.rect.height &&
      last.pixelScale === frame.pixelScale &&
      last.viewScale === frame.viewScale &&
      last.strokeWidth === frame.strokeWidth &&
      last.fillAlpha === frame.fillAlpha;
    if (same) this.frame = frame;
    else this.render([], frame);
  }

  /**
   * Clears `region` (bitmap pixels, whole numbers) and paints `shapes` clipped to it: it then shows
   * what a full render shows there (anti-aliasing next to the clip's edge may differ by a level).
   */
  paintRegion(shapes: Iterable<SettledShape>, region: Box): void {
    if (!this.frame) return;
    const context = this.canvas.getContext('2d')!;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(region.x, region.y, region.width, region.height);
    context.beginPath();
    context.rect(region.x, region.y, region.width, region.height);
    context.clip();
    this.paint(context, shapes, this.frame);
    context.restore();
  }

  /** Paints more shapes over the bitmap as last rendered (shapes added on top). */
  append(shapes: Iterable<SettledShape>): void {
    if (!this.frame) return;
    this.paint(this.canvas.getContext('2d')!, shapes, this.frame);
  }

  private paint(context: CanvasRenderingContext2D, shapes: Iterable<SettledShape>, frame: SettledFrame): void {
    // Colours in a fixed order (not first seen): a region painted alone stacks them as the whole does.
    const byColour = [...this.batch(shapes, frame.viewScale)].sort(([a], [b]) => a - b);
    if (byColour.length > 0) this.painted = true;
    const { pixelScale, rect } = frame;
    const place = (dx = 0, dy = 0) => context.setTransform(pixelScale, 0, 0, pixelScale, dx - rect.x * pixelScale, dy - rect.y * pixelScale);
    place();
    context.lineJoin = 'miter';
    context.lineWidth = frame.strokeWidth / frame.viewScale;
    // Outline width in bitmap pixels: a thin one is drawn as hairlines (see HAIRLINE_PASSES).
    const passes = HAIRLINE_PASSES[Math.round((frame.strokeWidth / frame.viewScale) * pixelScale)];
    for (const [color, paths] of byColour) {
      if (paths.hasFill) {
        context.fillStyle = css(color, frame.fillAlpha);
        context.fill(paths.fill.finish());
      }
    }
    for (const [color, paths] of byColour) {
      context.strokeStyle = css(color);
      const outlines = paths.stroke.finish();
      if (passes) {
        context.lineWidth = 1 / pixelScale;
        for (const [dx, dy] of passes) {
          place(dx, dy);
          context.stroke(outlines);
        }
        place();
        context.lineWidth = frame.strokeWidth / frame.viewScale;
      } else context.stroke(outlines);
      if (paths.hasDots) {
        context.fillStyle = css(color);
        context.fill(paths.dots.finish());
      }
      if (paths.hasControlPoints) {
        context.fillStyle = css(color);
        context.fill(paths.controlPoints.finish());
      }
      if (paths.hasMarkers) {
        const markers = paths.markers.finish();
        context.fillStyle = css(color, 0.9);
        context.fill(markers);
        context.strokeStyle = '#ffffff';
        context.stroke(markers);
      }
    }
    this.current?.source.update();
  }

  destroy(): void {
    this.current?.destroy(true);
    this.current = undefined;
    this.frame = undefined;
    this.painted = false;
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  private resize(width: number, height: number): void {
    // A texture keeps the size of its source at creation: a resized bitmap gets a new texture.
    this.current?.destroy(true);
    this.current = undefined;
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
  }

  private batch(shapes: Iterable<SettledShape>, viewScale: number): Map<number, ColourPaths> {
    const byColour = new Map<number, ColourPaths>();
    let paths!: ColourPaths;
    const markerRadius = POINT_RADIUS / viewScale;
    const controlRadius = CONTROL_POINT_RADIUS / viewScale;
    const sink: OutlineSink = {
      rect(x, y, width, height) {
        paths.fill.piece.rect(x, y, width, height);
        paths.stroke.piece.rect(x, y, width, height);
        paths.hasFill = true;
      },
      area(outer, holes) {
        for (const { piece } of [paths.fill, paths.stroke]) {
          addRing(piece, outer, true);
          for (const hole of holes) addRing(piece, hole, false);
        }
        paths.hasFill = true;
      },
      line(points) {
        const { piece } = paths.stroke;
        points.forEach(([x, y], k) => (k === 0 ? piece.moveTo(x, y) : piece.lineTo(x, y)));
      },
      marker(x, y) {
        addCircle(paths.markers.piece, x, y, markerRadius);
        paths.hasMarkers = true;
      },
      controlPoint(x, y) {
        addCircle(paths.controlPoints.piece, x, y, controlRadius);
        paths.hasControlPoints = true;
      },
    };
    const dotBelow = DOT_BELOW_PX / viewScale;
    const dot = DOT_PX / viewScale;
    for (const { geometry, color, bounds } of shapes) {
      let entry = byColour.get(color);
      if (!entry) {
        entry = {
          fill: new PiecewisePath(),
          stroke: new PiecewisePath(),
          markers: new PiecewisePath(),
          controlPoints: new PiecewisePath(),
          dots: new PiecewisePath(),
          hasDots: false,
          hasFill: false,
          hasMarkers: false,
          hasControlPoints: false,
        };
        byColour.set(color, entry);
      }
      paths = entry;
      if (bounds && Math.max(bounds.width, bounds.height) < dotBelow) {
        paths.dots.piece.rect(bounds.x + bounds.width / 2 - dot / 2, bounds.y + bounds.height / 2 - dot / 2, dot, dot);
        paths.hasDots = true;
        paths.dots.endShape();
        continue;
      }
      traceGeometry(geometry, sink);
      paths.fill.endShape();
      paths.stroke.endShape();
      if (paths.hasMarkers) paths.markers.endShape();
      if (paths.hasControlPoints) paths.controlPoints.endShape();
    }
    return byColour;
  }
}
