/**
 * Magnetic lasso ("intelligent scissors"; `magnetic-lasso.idle` → click → `magnetic-lasso.drawing`):
 * between clicked anchors the outline follows the picture's edges (live-wire, `live-wire.ts`).
 * A click adds an anchor (moved onto the strongest edge within a few screen pixels) and fixes the
 * wire up to it; a click on the first anchor, a double click or Enter closes the outline (the last
 * anchor is wired back to the first) and writes one object of the class; Backspace/Delete or a
 * secondary click removes the last anchor; Esc drops the outline. Nothing reaches the store before
 * the close: one undo step.
 */
import type { Point } from '../../core/model.js';
import { CLICK_SLOP_PX, CLOSE_RADIUS_PX, planePoint, toAssetUnits, within } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';
import { liveWire, snapToEdge, type LiveWire } from './live-wire.js';
import { simplifyRing } from './mask-shapes.js';
import type { PicturePixels } from './picture.js';
import { createRegionObject, type RegionOutput } from './region-output.js';

/** The search window around an anchor, in screen pixels (kept between these asset-pixel bounds). */
const WINDOW_SCREEN_PX = 400;
const MIN_WINDOW = 64;
const MAX_WINDOW = 640;
/** A click snaps to the strongest edge this close (screen pixels). */
const SNAP_SCREEN_PX = 6;
/** Wires are pixel staircases: this drops the steps (asset pixels). */
const PATH_TOLERANCE = 0.7;

interface Anchor {
  point: Point;
  /** The fixed wire from the previous anchor to this one (empty for the first). */
  wire: Point[];
  /** The wire from this anchor, grown as the pointer goes (made on the first move). */
  live: LiveWire | undefined;
}

export interface MagneticLassoTool extends Tool {
  /** The outline the draft shows now: fixed wires plus the live one (tests, bench). */
  readonly outline: readonly Point[];
}

/**
 * The picture if it is read already; else undefined while it is read in steps (the wire is a
 * straight line until then), so no pointer event waits on a 48 MB read.
 */
function pictureIfRead(context: ToolContext): PicturePixels | undefined {
  if (!context.picturePixelsInSteps) return context.picturePixels?.();
  const picture = context.picturePixelsInSteps();
  return picture && !('then' in picture) ? picture : undefined;
}

export function createMagneticLassoTool(context: ToolContext, schemaId: string, output: RegionOutput): MagneticLassoTool {
  let anchors: Anchor[] = [];
  let live: Point[] = [];

  const radius = () => Math.round(Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, toAssetUnits(context, WINDOW_SCREEN_PX))));

  function fixedOutline(): Point[] {
    const points: Point[] = [];
    for (const anchor of anchors) {
      if (anchor.wire.length === 0) points.push(anchor.point);
      else points.push(...anchor.wire.slice(1));
    }
    return points;
  }

  function outline(): Point[] {
    return [...fixedOutline(), ...live.slice(1)];
  }

  function show(): void {
    if (anchors.length === 0) {
      context.setDraft(undefined);
      return;
    }
    context.setDraft({ schemaId, geometry: { type: 'polyline', value: outline() }, overlay: true });
  }

  function wire(picture: PicturePixels | undefined, from: Anchor, to: Point): Point[] {
    if (!picture) return [from.point, to];
    from.live ??= liveWire(picture, from.point, radius());
    return from.live.wireTo(to);
  }

  function reset(): void {
    anchors = [];
    live = [];
    context.setDraft(undefined);
  }

  function close(): boolean {
    if (anchors.length < 2 || !context.session.canEdit) return false;
    const first = anchors[0]!;
    const last = anchors.at(-1)!;
    const back = wire(pictureIfRead(context), last, first.point);
    const ring = simplifyRing([...fixedOutline(), ...back.slice(1, -1)], PATH_TOLERANCE);
    reset();
    if (ring.length < 3) return false;
    createRegionObject(context, schemaId, [{ region: ring, holes: [] }], output);
    return true;
  }

  function removeLast(): boolean {
    if (anchors.length === 0) return false;
    anchors = anchors.slice(0, -1);
    live = [];
    show();
    return true;
  }

  function addAnchor(pointer: ToolPointer): void {
    const picture = pictureIfRead(context);
    const clicked = planePoint(context, pointer);
    const first = anchors[0];
    const last = anchors.at(-1);
    if (first && anchors.length >= 2 && within(context, clicked, first.point, CLOSE_RADIUS_PX)) {
      close();
      return;
    }
    if (last && within(context, clicked, last.point, CLICK_SLOP_PX)) return;
    const point = picture ? snapToEdge(picture, clicked, toAssetUnits(context, SNAP_SCREEN_PX)) : clicked;
    const path = last ? wire(picture, last, point) : [];
    anchors = [...anchors, { point: path.at(-1) ?? point, live: undefined, wire: path }];
    live = [];
    show();
  }

  return {
    get state() {
      return `magnetic-lasso.${anchors.length > 0 ? 'drawing' : 'idle'}`;
    },
    get outline() {
      return outline();
    },
    pointerDown(pointer: ToolPointer) {
      if (!context.session.canEdit) return;
      if (pointer.button === 2) removeLast();
      else if (pointer.button === 0) addAnchor(pointer);
    },
    pointerMove(pointer: ToolPointer) {
      const last = anchors.at(-1);
      if (!last) return;
      live = wire(pictureIfRead(context), last, planePoint(context, pointer));
      show();
    },
    pointerUp() {},
    doubleClick() {
      close();
    },
    finish: close,
    cancel() {
      if (anchors.length === 0) return false;
      reset();
      return true;
    },
    deleteKey() {
      return context.session.canEdit ? removeLast() : false;
    },
    dispose() {
      if (anchors.length > 0) reset();
    },
  };
}
