/**
 * A Canvas2D layer over the stage for drafts that change on every pointer move or click (the smart
 * tools' outlines, `Draft.overlay`). Drawing one here costs its own path, a millisecond or less;
 * drawn in the stage it would cost a render of the whole stage (the picture and every shape), which
 * on a software renderer takes more than a frame. The layer follows the view: the surface draws it
 * again with each render, composed frames included. It never takes input (`pointer-events: none`)
 * and is in the page only while it shows a draft (appended last, so the stage's own canvas stays
 * the container's first).
 */
import type { Geometry } from '../core/model.js';
import { traceGeometry } from './shape-outline.js';
import type { Size, ViewportState } from './viewport.js';

export interface OverlayDraft {
  geometry: Geometry;
  /** 0xRRGGBB. */
  color: number;
}

/** Outline width in screen pixels and fill opacity, as the stage draws drafts (surface.ts). */
const STROKE_WIDTH = 2;
const STROKE_ALPHA = 0.8;
const FILL_ALPHA = 0.1;

export class DraftOverlay {
  private readonly canvas: HTMLCanvasElement;

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.dataset.layer = 'draft-overlay';
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  }

  /** Shows `draft` in `view` over a stage of `size` CSS pixels (takes the layer away when undefined). */
  draw(draft: OverlayDraft | undefined, view: ViewportState, size: Size): void {
    if (!draft) {
      this.canvas.remove();
      return;
    }
    if (this.canvas.parentNode !== this.container || this.canvas.nextSibling) this.container.append(this.canvas);
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(size.width * ratio));
    const height = Math.max(1, Math.round(size.height * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.canvas.style.width = `${size.width}px`;
      this.canvas.style.height = `${size.height}px`;
    } else {
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, width, height);
    }
    context.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.offsetX, ratio * view.offsetY);
    const css = `#${draft.color.toString(16).padStart(6, '0')}`;
    context.fillStyle = css;
    context.strokeStyle = css;
    context.lineWidth = STROKE_WIDTH / view.scale;
    context.lineJoin = 'round';
    const fill = new Path2D();
    const outline = new Path2D();
    const addRing = (path: Path2D, ring: readonly (readonly [number, number])[], closed: boolean) => {
      const [first, ...rest] = ring;
      if (!first) return;
      path.moveTo(first[0], first[1]);
      for (const [x, y] of rest) path.lineTo(x, y);
      if (closed) path.closePath();
    };
    traceGeometry(draft.geometry, {
      area(outer, holes) {
        for (const ring of [outer, ...holes]) {
          addRing(fill, ring, true);
          addRing(outline, ring, true);
        }
      },
      rect(x, y, w, h) {
        fill.rect(x, y, w, h);
        outline.rect(x, y, w, h);
      },
      line: (points) => addRing(outline, points, false),
      marker: (x, y) => outline.arc(x, y, 3 / view.scale, 0, 2 * Math.PI),
      controlPoint: (x, y) => outline.arc(x, y, 2 / view.scale, 0, 2 * Math.PI),
    });
    context.globalAlpha = FILL_ALPHA;
    context.fill(fill, 'evenodd');
    context.globalAlpha = STROKE_ALPHA;
    context.stroke(outline);
    context.globalAlpha = 1;
  }

  destroy(): void {
    this.canvas.remove();
  }
}
