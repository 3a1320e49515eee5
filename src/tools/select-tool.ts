/**
 * The select tool: click, Shift+click, box-select; drag to move the selection; handles resize,
 * rotate and move, insert or delete vertices. Every drag is one gesture (one undo step); Esc during a
 * drag restores the mark. Locked objects can be selected but never change; in view mode nothing does.
 */
import type { Geometry, ObjectAnnotation, Point } from '../core/model.js';
import { normalizeBox, resizeBox, resizeRotatedBox, rotateBoxTowards, translateGeometry } from '../core/geometry.js';
import { withGeometryOnPlane } from '../core/plane-geometry.js';
import type { Handle, Tool, ToolContext, ToolPointer } from './tool.js';

const DRAG_THRESHOLD = 3;
const HIT_TOLERANCE = 6;
const HANDLE_TOLERANCE_MOUSE = 8;
const HANDLE_TOLERANCE_TOUCH = 18;
const ROTATE_SNAP = 15;

type Ring = { zone?: number; ring?: number };

/** The editable point list a vertex handle refers to. */
function ringOf(geometry: Geometry, place: Ring): Point[] | undefined {
  switch (geometry.type) {
    case 'polygon':
    case 'polyline':
    case 'spline':
      return geometry.value;
    case 'segmentation': {
      const zone = geometry.value.zones[place.zone ?? 0];
      if (!zone) return undefined;
      return place.ring ? zone.holes[place.ring - 1] : zone.region;
    }
    default:
      return undefined;
  }
}

function withRing(geometry: Geometry, place: Ring, ring: Point[]): Geometry {
  switch (geometry.type) {
    case 'polygon':
    case 'polyline':
    case 'spline':
      return { type: geometry.type, value: ring };
    case 'segmentation': {
      const zones = geometry.value.zones.map((zone, z) => {
        if (z !== (place.zone ?? 0)) return zone;
        if (!place.ring) return { ...zone, region: ring };
        return { ...zone, holes: zone.holes.map((hole, h) => (h === place.ring! - 1 ? ring : hole)) };
      });
      return { type: 'segmentation', value: { zones } };
    }
    default:
      return geometry;
  }
}

function minimumPoints(geometry: Geometry): number {
  return geometry.type === 'polyline' || geometry.type === 'spline' ? 2 : 3;
}

/** The geometry after dragging `handle` to `pointer`. */
function dragHandle(original: Geometry, handle: Handle['handle'], pointer: Point, start: Point, shiftKey: boolean): Geometry {
  if (handle.kind === 'resize') {
    if (original.type === 'bounding-box') return { type: original.type, value: resizeBox(original.value, handle.edge, pointer[0] - start[0], pointer[1] - start[1]) };
    if (original.type === 'rotated-bounding-box') return { type: original.type, value: resizeRotatedBox(original.value, handle.edge, pointer) };
    return original;
  }
  if (handle.kind === 'rotate') {
    return original.type === 'rotated-bounding-box' ? { type: original.type, value: rotateBoxTowards(original.value, pointer, shiftKey ? ROTATE_SNAP : undefined) } : original;
  }
  if (original.type === 'point') return { type: 'point', value: pointer };
  const ring = ringOf(original, handle);
  if (!ring) return original;
  return withRing(original, handle, ring.map((p, i) => (i === handle.index ? pointer : p)));
}

export function createSelectTool(context: ToolContext): Tool {
  const { session } = context;
  let state = 'select.idle';
  let start: Point = [0, 0];
  /** Each moving object's geometry on this plane when the move began. */
  let originals = new Map<string, Geometry>();
  let activeHandle: Handle | undefined;
  let handleGeometry: Geometry | undefined;
  let additive = false;
  /** The vertex last grabbed: Delete removes it. */
  let focusedVertex: Handle | undefined;

  const editable = (object: ObjectAnnotation | undefined): object is ObjectAnnotation => !!object && !object.lock && session.canEdit;

  function write(objectId: string, geometry: Geometry): void {
    const object = session.store.state.objects.get(objectId);
    if (!editable(object)) return;
    session.store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(withGeometryOnPlane(object, context.plane, geometry, session.planeModel)));
  }

  function startMove(): void {
    originals = new Map();
    for (const id of session.selection) {
      const object = session.store.state.objects.get(id);
      const geometry = context.geometryOf(id);
      if (editable(object) && geometry) originals.set(id, geometry);
    }
    if (originals.size) session.store.beginGesture();
    state = 'select.moving';
  }

  function finishGesture(): void {
    if (session.store.inGesture) session.store.endGesture('update');
    originals = new Map();
    activeHandle = undefined;
    handleGeometry = undefined;
    state = 'select.idle';
  }

  const pointOf = (p: ToolPointer): Point => [p.x, p.y];

  return {
    get state() {
      return state;
    },

    pointerDown(p) {
      if (p.button !== 0) return;
      start = pointOf(p);
      additive = p.shiftKey || p.ctrlKey;
      const tolerance = p.pointerType === 'touch' ? HANDLE_TOLERANCE_TOUCH : HANDLE_TOLERANCE_MOUSE;
      const handle = session.canEdit && !additive ? context.handleAt(start, tolerance) : undefined;
      const handleObject = handle && session.store.state.objects.get(handle.objectId);
      const geometry = handle && context.geometryOf(handle.objectId);
      if (handle && editable(handleObject) && geometry) {
        activeHandle = handle;
        handleGeometry = geometry;
        session.store.beginGesture();
        if (handle.handle.kind === 'midpoint') {
          // Dragging an edge midpoint inserts a vertex there and drags it.
          const ring = ringOf(geometry, handle.handle) ?? [];
          const index = handle.handle.index + 1;
          const inserted = [...ring.slice(0, index), handle.position, ...ring.slice(index)];
          handleGeometry = withRing(geometry, handle.handle, inserted);
          activeHandle = { ...handle, handle: { kind: 'vertex', index, ...(handle.handle.zone !== undefined ? { zone: handle.handle.zone } : {}), ...(handle.handle.ring !== undefined ? { ring: handle.handle.ring } : {}) } };
          write(handle.objectId, handleGeometry);
        }
        focusedVertex = activeHandle.handle.kind === 'vertex' ? activeHandle : undefined;
        state = 'select.handle';
        return;
      }
      focusedVertex = undefined;
      const hit = context.hitTest(start, HIT_TOLERANCE);
      if (hit) {
        if (additive) {
          session.select(session.selection.includes(hit) ? session.selection.filter((id) => id !== hit) : [...session.selection, hit]);
          state = 'select.idle';
          return;
        }
        if (!session.selection.includes(hit)) session.select([hit]);
        state = 'select.pressing';
        return;
      }
      if (!additive) session.select([]);
      state = 'select.marquee';
    },

    pointerMove(p) {
      const at = pointOf(p);
      if (state === 'select.pressing') {
        if (Math.hypot(at[0] - start[0], at[1] - start[1]) * context.scale < DRAG_THRESHOLD) return;
        startMove();
      }
      if (state === 'select.moving') {
        const dx = at[0] - start[0];
        const dy = at[1] - start[1];
        for (const [id, geometry] of originals) write(id, translateGeometry(geometry, dx, dy));
        return;
      }
      if (state === 'select.handle' && activeHandle && handleGeometry) {
        write(activeHandle.objectId, dragHandle(handleGeometry, activeHandle.handle, at, start, p.shiftKey));
        return;
      }
      if (state === 'select.marquee') {
        context.setDraft({ schemaId: '', geometry: { type: 'polyline', value: [] }, marquee: normalizeBox({ x: start[0], y: start[1], width: at[0] - start[0], height: at[1] - start[1] }) });
      }
    },

    pointerUp(p) {
      if (state === 'select.marquee') {
        const at = pointOf(p);
        context.setDraft(undefined);
        if (Math.hypot(at[0] - start[0], at[1] - start[1]) * context.scale >= DRAG_THRESHOLD) {
          const inside = context.query(normalizeBox({ x: start[0], y: start[1], width: at[0] - start[0], height: at[1] - start[1] }));
          session.select(additive ? [...session.selection, ...inside] : inside);
        }
        state = 'select.idle';
        return;
      }
      finishGesture();
    },

    finish: () => false,

    cancel() {
      if (state === 'select.moving' || state === 'select.handle') {
        session.store.cancelGesture();
        originals = new Map();
        activeHandle = undefined;
        state = 'select.idle';
        return true;
      }
      if (state === 'select.marquee') {
        context.setDraft(undefined);
        state = 'select.idle';
        return true;
      }
      return false;
    },

    nudge(dx, dy) {
      const targets = session.selection.map((id) => session.store.state.objects.get(id)).filter(editable);
      if (!targets.length) return false;
      session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
        for (const object of targets) {
          const geometry = context.geometryOf(object.objectId);
          if (geometry) tx.putObject(withGeometryOnPlane(object, context.plane, translateGeometry(geometry, dx, dy), session.planeModel));
        }
      });
      return true;
    },

    deleteKey() {
      const vertex = focusedVertex;
      if (!vertex || vertex.handle.kind !== 'vertex') return false;
      const object = session.store.state.objects.get(vertex.objectId);
      const geometry = context.geometryOf(vertex.objectId);
      const ring = geometry && ringOf(geometry, vertex.handle);
      focusedVertex = undefined;
      if (!editable(object) || !geometry || !ring) return false;
      if (ring.length <= minimumPoints(geometry)) return true;
      write(vertex.objectId, withRing(geometry, vertex.handle, ring.filter((_, i) => i !== (vertex.handle as { index: number }).index)));
      return true;
    },

    dispose() {
      if (session.store.inGesture) session.store.cancelGesture();
      context.setDraft(undefined);
      state = 'select.idle';
    },
  };
}
