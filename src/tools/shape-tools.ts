/**
 * Drawing tools: press-drag boxes, click-by-click paths (polygon, polyline, spline, segmentation)
 * and points. Each finished shape is one store transaction, so one undo step; Esc leaves nothing.
 */
import type { Geometry, Point } from '../core/model.js';
import { normalizeBox, pointInPolygon } from '../core/geometry.js';
import { newObject, withGeometryOnPlane } from '../core/plane-geometry.js';
import type { Tool, ToolContext, ToolFactory, ToolPointer } from './tool.js';

/** Screen pixels a press must travel before it counts as a drag. */
const DRAG_THRESHOLD = 3;
/** Screen pixels within which a click on the first point closes a polygon. */
const CLOSE_DISTANCE = 8;

function screenDistance(context: ToolContext, a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]) * context.scale;
}

/** Creates the object on this plane and selects it: one transaction, one undo step. */
export function createObject(context: ToolContext, schemaId: string, geometry: Geometry): string | undefined {
  const { session } = context;
  const objectId = context.newObjectId();
  const change = session.store.transact({ origin: 'user', reason: 'create' }, (tx) =>
    tx.putObject(newObject(objectId, schemaId, context.plane, geometry, session.planeModel)),
  );
  if (!change) return undefined;
  session.select([objectId]);
  return objectId;
}

function clamp(context: ToolContext, p: ToolPointer): Point {
  const { width, height } = context.planeSize;
  if (!width || !height) return [p.x, p.y];
  return [Math.min(width, Math.max(0, p.x)), Math.min(height, Math.max(0, p.y))];
}

/** Bounding boxes and rotated boxes: press, drag, release. */
function createBoxTool(context: ToolContext, schemaId: string, type: 'bounding-box' | 'rotated-bounding-box'): Tool {
  let start: Point | undefined;
  let end: Point | undefined;
  let state = 'box.idle';

  const geometryFor = (a: Point, b: Point): Geometry => {
    const box = normalizeBox({ x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1] });
    return type === 'bounding-box' ? { type, value: box } : { type, value: { ...box, rotation: 0 } };
  };
  const reset = () => {
    start = end = undefined;
    state = 'box.idle';
    context.setDraft(undefined);
  };

  return {
    get state() {
      return state;
    },
    pointerDown(p) {
      if (p.button !== 0 || !context.session.canEdit) return;
      start = clamp(context, p);
      state = 'box.pressing';
    },
    pointerMove(p) {
      if (!start) return;
      end = clamp(context, p);
      if (state === 'box.pressing' && screenDistance(context, start, end) < DRAG_THRESHOLD) return;
      state = 'box.dragging';
      context.setDraft({ schemaId, geometry: geometryFor(start, end) });
    },
    pointerUp(p) {
      if (!start) return;
      end = clamp(context, p);
      const dragged = state === 'box.dragging' || screenDistance(context, start, end) >= DRAG_THRESHOLD;
      const geometry = geometryFor(start, end);
      reset();
      if (dragged) createObject(context, schemaId, geometry);
    },
    finish: () => false,
    cancel() {
      if (!start) return false;
      reset();
      return true;
    },
    dispose: reset,
  };
}

type PathType = 'polygon' | 'polyline' | 'spline' | 'segmentation';

const MIN_POINTS: Record<PathType, number> = { polygon: 3, segmentation: 3, polyline: 2, spline: 2 };

/** Click-by-click paths. Segmentation: Shift adds a zone to the selected region, Alt cuts a hole. */
function createPathTool(context: ToolContext, schemaId: string, type: PathType): Tool {
  let points: Point[] = [];
  let preview: Point | undefined;
  let modifier: 'zone' | 'hole' | undefined;
  const closes = type === 'polygon' || type === 'segmentation';

  const draftGeometry = (): Geometry =>
    type === 'segmentation'
      ? { type: 'polyline', value: points }
      : { type: type === 'polygon' ? 'polyline' : type, value: points };
  const show = () =>
    context.setDraft(points.length ? { schemaId, geometry: draftGeometry(), ...(preview ? { preview } : {}) } : undefined);
  const reset = () => {
    points = [];
    preview = undefined;
    modifier = undefined;
    context.setDraft(undefined);
  };

  /** With a region of this class selected, a Shift/Alt path adds a zone or a hole to it. */
  function extendSegmentation(ring: Point[]): boolean {
    const { session } = context;
    const target = session.selection.length === 1 ? session.store.state.objects.get(session.selection[0]!) : undefined;
    const geometry = target && context.geometryOf(target.objectId);
    if (!target || target.schemaId !== schemaId || geometry?.type !== 'segmentation' || !modifier) return false;
    const zones = geometry.value.zones.map((z) => ({ region: z.region, holes: [...z.holes] }));
    if (modifier === 'zone') zones.push({ region: ring, holes: [] });
    else {
      const zone = zones.find((z) => pointInPolygon(ring[0]!, z.region));
      if (!zone) return true; // a hole outside every region is ignored
      zone.holes.push(ring);
    }
    const next: Geometry = { type: 'segmentation', value: { zones } };
    session.store.transact({ origin: 'user', reason: 'update' }, (tx) =>
      tx.putObject(withGeometryOnPlane(target, context.plane, next, session.planeModel)),
    );
    return true;
  }

  function finish(): boolean {
    if (points.length < MIN_POINTS[type]) return false;
    const ring = points;
    reset();
    if (type === 'segmentation') {
      if (!extendSegmentation(ring)) createObject(context, schemaId, { type: 'segmentation', value: { zones: [{ region: ring, holes: [] }] } });
    } else createObject(context, schemaId, { type, value: ring });
    return true;
  }

  return {
    get state() {
      return points.length ? `${type}.drawing` : `${type}.idle`;
    },
    pointerDown(p) {
      if (!context.session.canEdit) return;
      if (p.button === 2) {
        points = points.slice(0, -1);
        show();
        return;
      }
      if (p.button !== 0) return;
      const at = clamp(context, p);
      if (points.length === 0) modifier = p.shiftKey ? 'zone' : p.altKey ? 'hole' : undefined;
      const first = points[0];
      const last = points.at(-1);
      if (closes && first && points.length >= MIN_POINTS[type] && screenDistance(context, first, at) <= CLOSE_DISTANCE) {
        finish();
        return;
      }
      // The second press of a double click lands on the last point: that finishes the path.
      if (last && screenDistance(context, last, at) <= DRAG_THRESHOLD) {
        if (points.length >= MIN_POINTS[type]) finish();
        return;
      }
      points = [...points, at];
      show();
    },
    pointerMove(p) {
      if (!points.length) return;
      preview = clamp(context, p);
      show();
    },
    pointerUp() {},
    doubleClick() {
      if (points.length) finish();
    },
    finish,
    cancel() {
      if (!points.length) return false;
      reset();
      return true;
    },
    deleteKey() {
      if (!points.length) return false;
      points = points.slice(0, -1);
      show();
      return true;
    },
    dispose: reset,
  };
}

function createPointTool(context: ToolContext, schemaId: string): Tool {
  return {
    state: 'point.idle',
    pointerDown(p) {
      if (p.button !== 0 || !context.session.canEdit) return;
      createObject(context, schemaId, { type: 'point', value: clamp(context, p) });
    },
    pointerMove() {},
    pointerUp() {},
    finish: () => false,
    cancel: () => false,
    dispose() {},
  };
}

export const shapeToolFactories: Record<'bounding-box' | 'rotated-bounding-box' | 'polygon' | 'polyline' | 'spline' | 'segmentation' | 'point', ToolFactory> = {
  'bounding-box': (context, schemaId) => createBoxTool(context, schemaId, 'bounding-box'),
  'rotated-bounding-box': (context, schemaId) => createBoxTool(context, schemaId, 'rotated-bounding-box'),
  polygon: (context, schemaId) => createPathTool(context, schemaId, 'polygon'),
  polyline: (context, schemaId) => createPathTool(context, schemaId, 'polyline'),
  spline: (context, schemaId) => createPathTool(context, schemaId, 'spline'),
  segmentation: (context, schemaId) => createPathTool(context, schemaId, 'segmentation'),
  point: createPointTool,
};
