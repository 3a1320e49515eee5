/**
 * The click-to-add-vertices machine behind polygon, polyline, spline and segmentation:
 * `${name}.idle` → (click) → `${name}.drawing` → (finish) → `${name}.idle`.
 *
 * - A primary click adds a vertex; a click within the click slop of the last vertex adds nothing
 *   (so the second click of a double click does not double the last vertex).
 * - Closable paths close on a click within 8 screen px of the first vertex once they have their
 *   minimum; before that such a click adds nothing.
 * - Enter/N (`finish`) or a double click finish the path when it has its minimum; with fewer
 *   vertices they do nothing, keep the draft and `finish` returns false.
 * - A secondary click or Delete removes the last vertex; removing the only one drops the draft.
 * - With `maxPoints`, the click that adds that vertex finishes the path.
 * - Esc (`cancel`) or `dispose` drops the draft. Nothing reaches the store before the finish,
 *   which writes once: the whole shape is one undo step.
 */
import type { Geometry, Point } from '../../core/model.js';
import { CLICK_SLOP_PX, CLOSE_RADIUS_PX, planePoint, within } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';

export interface ClickPathOptions {
  /** State prefix, e.g. `polygon`. */
  name: string;
  /** The fewest vertices a finished path has. */
  minPoints: number;
  /** The vertex that finishes the path by itself (a measurement's fixed count); none by default. */
  maxPoints?: number;
  /** Whether a click on the first vertex closes the path. */
  closable: boolean;
  /** What the draft looks like while drawing. */
  draftGeometry(points: readonly Point[]): Geometry;
  /** The first click of a path (modifiers decide what it draws); false ignores the click. */
  begin?(pointer: ToolPointer, point: Point): boolean;
  /** Writes the finished path (at least `minPoints` vertices). */
  commit(points: Point[]): void;
}

export function createClickPathTool(context: ToolContext, schemaId: string, options: ClickPathOptions): Tool {
  let points: Point[] = [];
  let preview: Point | undefined;

  const drawing = () => points.length > 0;

  function show(): void {
    if (!drawing()) {
      context.setDraft(undefined);
      return;
    }
    context.setDraft({ schemaId, geometry: options.draftGeometry(points), ...(preview ? { preview } : {}) });
  }

  function reset(): void {
    points = [];
    preview = undefined;
    context.setDraft(undefined);
  }

  function complete(): boolean {
    if (!drawing() || points.length < options.minPoints || !context.session.canEdit) return false;
    const finished = points;
    reset();
    options.commit(finished);
    return true;
  }

  function removeLast(): boolean {
    if (!drawing()) return false;
    points = points.slice(0, -1);
    show();
    return true;
  }

  function addPoint(pointer: ToolPointer): void {
    const point = planePoint(context, pointer);
    const first = points[0];
    const last = points.at(-1);
    if (!first) {
      if (options.begin && !options.begin(pointer, point)) return;
      points = [point];
    } else if (options.closable && within(context, point, first, CLOSE_RADIUS_PX)) {
      if (points.length >= options.minPoints) complete();
      return;
    } else if (last && within(context, point, last, CLICK_SLOP_PX)) {
      return;
    } else {
      points = [...points, point];
    }
    if (options.maxPoints !== undefined && points.length >= options.maxPoints) {
      complete();
      return;
    }
    preview = point;
    show();
  }

  return {
    get state() {
      return `${options.name}.${drawing() ? 'drawing' : 'idle'}`;
    },
    pointerDown(pointer: ToolPointer) {
      if (!context.session.canEdit) return;
      if (pointer.button === 2) removeLast();
      else if (pointer.button === 0) addPoint(pointer);
    },
    pointerMove(pointer: ToolPointer) {
      if (!drawing()) return;
      preview = planePoint(context, pointer);
      show();
    },
    pointerUp() {},
    doubleClick() {
      complete();
    },
    finish: complete,
    cancel() {
      if (!drawing()) return false;
      reset();
      return true;
    },
    deleteKey() {
      return context.session.canEdit ? removeLast() : false;
    },
    dispose() {
      if (drawing()) reset();
    },
  };
}
