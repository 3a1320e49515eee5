/**
 * The select tool: pick, box-select, move, resize, rotate and reshape.
 *
 * States: `select.idle`; `select.pressing` (pointer down, not yet a drag); then one of
 * `select.moving`, `select.resizing`, `select.rotating`, `select.reshaping` (vertex or midpoint
 * handle) or `select.marquee`.
 *
 * - Click picks the topmost object; Shift+click toggles it in the selection; a click on empty
 *   space clears the selection (Shift keeps it). Clicking one of several selected objects keeps
 *   them all until release, so the press can drag them together; a release without drag then
 *   selects just that one.
 * - Drag on empty space draws a marquee; on release the objects whose bounds intersect it are
 *   selected (Shift adds them to the selection).
 * - Drag on a selected object moves every editable selected object; drag a handle to resize a
 *   box (8 handles), rotate a rotated box (Shift snaps to 15°), move a vertex, or insert a vertex
 *   on an edge (midpoint handle). A drag is one store gesture: one undo step; `cancel` (Esc)
 *   rolls it back and leaves nothing. A drag that ends where it began (vertex insertions aside)
 *   is rolled back too, so it leaves no empty undo step.
 * - Locked and hidden objects never change. Where `session.canEdit` is false the tool still
 *   selects (click, Shift+click, marquee) but never edits.
 * - `deleteKey` removes the focused vertex (the last vertex handle pressed, or the vertex a
 *   midpoint drag inserted) when its ring keeps its minimum (polygon and segmentation rings 3,
 *   polyline and spline 2) and then focuses the vertex before it; at the minimum it removes
 *   nothing but still reports the key as handled, so Delete never removes the whole shape while a
 *   vertex is focused. Without a focused vertex it returns false (the element deletes the selection).
 * - Keypoints: pressing a point's handle focuses it; `cycleVisibility` (O) turns it visible →
 *   occluded → absent → visible, and `deleteKey` makes it absent (one undo step each).
 * - `nudge` moves the editable selection in one transaction (one undo step per nudge).
 */
import { normalizeBox, translateGeometry } from '../../core/geometry.js';
import { nextVisibility, withKeypoint } from '../../core/keypoints.js';
import type { Box, Geometry, ObjectAnnotation, Point } from '../../core/model.js';
import { editableObject, objectWithGeometry } from '../shared/object-writes.js';
import { handleTolerance, hitTolerance, isDrag, pointOf } from '../shared/pointer.js';
import type { Handle, HandleKind, Tool, ToolContext, ToolPointer } from '../tool.js';
import { dragHandle } from './handle-drag.js';
import { deleteVertex, ringAt, vertexAt, type VertexPlace } from './vertex-edits.js';

/** The vertex `deleteKey` removes. */
export interface FocusedVertex {
  objectId: string;
  vertex: VertexPlace;
}

export interface SelectTool extends Tool {
  readonly focusedVertex: FocusedVertex | undefined;
}

interface Editable {
  object: ObjectAnnotation;
  geometry: Geometry;
}

type Press =
  /** On an object: drag moves the selection; a click on an already selected one selects just it. */
  | { kind: 'object'; collapseTo: string | undefined }
  | { kind: 'handle'; handle: Handle; target: Editable }
  | { kind: 'empty'; additive: boolean; base: readonly string[] }
  /** Nothing to drag (Shift+click that deselected, a drag that could not start). */
  | { kind: 'none' };

type Drag =
  | { kind: 'move'; items: Editable[] }
  | { kind: 'handle'; handle: Handle; target: Editable }
  | { kind: 'marquee'; additive: boolean; base: readonly string[]; box: Box };

const EDGE_CURSORS: Record<string, string> = {
  n: 'ns-resize',
  s: 'ns-resize',
  e: 'ew-resize',
  w: 'ew-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
  nw: 'nwse-resize',
  se: 'nwse-resize',
};

function handleCursor(kind: HandleKind): string {
  switch (kind.kind) {
    case 'resize':
      return EDGE_CURSORS[kind.edge] ?? 'move';
    case 'rotate':
      return 'grab';
    case 'vertex':
      return 'move';
    case 'midpoint':
      return 'copy';
  }
}

function dragState(drag: Drag): string {
  if (drag.kind === 'move') return 'select.moving';
  if (drag.kind === 'marquee') return 'select.marquee';
  const kind = drag.handle.handle.kind;
  return kind === 'resize' ? 'select.resizing' : kind === 'rotate' ? 'select.rotating' : 'select.reshaping';
}

export function createSelectTool(context: ToolContext): SelectTool {
  const { session } = context;
  const { store } = session;
  let press: Press | undefined;
  let drag: Drag | undefined;
  let start: Point = [0, 0];
  let focus: FocusedVertex | undefined;
  let cursor = '';

  function setCursor(next: string): void {
    if (next === cursor) return;
    cursor = next;
    context.setCursor(next);
  }

  function editableSelection(): Editable[] {
    return session.selection.map((id) => editableObject(context, id)).filter((e): e is Editable => e !== undefined);
  }

  function reset(): void {
    press = undefined;
    drag = undefined;
  }

  /** Focus the vertex a handle addresses, where it is a vertex of a ring (not a lone point). */
  function focusHandle(handle: Handle, geometry: Geometry): void {
    const kind = handle.handle;
    focus = kind.kind === 'vertex' && (ringAt(geometry, kind) || geometry.type === 'keypoints') ? { objectId: handle.objectId, vertex: placeOf(kind) } : undefined;
  }

  function beginDrag(): void {
    if (!press) return;
    switch (press.kind) {
      case 'handle':
        if (!session.canEdit) break;
        store.beginGesture();
        drag = { kind: 'handle', handle: press.handle, target: press.target };
        return;
      case 'object': {
        const items = session.canEdit ? editableSelection() : [];
        if (items.length === 0) break;
        store.beginGesture();
        drag = { kind: 'move', items };
        return;
      }
      case 'empty':
        drag = { kind: 'marquee', additive: press.additive, base: press.base, box: { x: start[0], y: start[1], width: 0, height: 0 } };
        return;
      case 'none':
        break;
    }
    press = { kind: 'none' };
  }

  function write(edits: Array<{ object: ObjectAnnotation; geometry: Geometry }>): void {
    store.transact({ origin: 'user', reason: 'update' }, (tx) => {
      for (const { object, geometry } of edits) tx.putObject(objectWithGeometry(context, object, geometry));
    });
  }

  function applyDrag(point: Point, shiftKey: boolean): void {
    if (!drag) return;
    const dx = point[0] - start[0];
    const dy = point[1] - start[1];
    if (drag.kind === 'marquee') {
      drag.box = normalizeBox({ x: start[0], y: start[1], width: dx, height: dy });
      context.setDraft({ schemaId: '', geometry: { type: 'bounding-box', value: drag.box }, marquee: drag.box });
      return;
    }
    // Leaving edit mode rolls the gesture back under us: stop editing.
    if (!store.inGesture) {
      reset();
      return;
    }
    if (drag.kind === 'move') {
      write(drag.items.map(({ object, geometry }) => ({ object, geometry: translateGeometry(geometry, dx, dy) })));
      return;
    }
    const { handle, target } = drag;
    const geometry = dragHandle(target.geometry, handle, dx, dy, shiftKey);
    if (!geometry) return;
    write([{ object: target.object, geometry }]);
    const kind = handle.handle;
    if (kind.kind === 'midpoint') focus = { objectId: handle.objectId, vertex: { ...placeOf(kind), index: kind.index + 1 } };
  }

  function endDrag(point: Point): void {
    if (!drag) return;
    if (drag.kind === 'marquee') {
      const ids = context.query(drag.box);
      session.select(drag.additive ? [...drag.base, ...ids] : ids);
      context.setDraft(undefined);
      return;
    }
    if (!store.inGesture) return;
    const unmoved = point[0] === start[0] && point[1] === start[1];
    const inserted = drag.kind === 'handle' && drag.handle.handle.kind === 'midpoint';
    if (unmoved && !inserted) store.cancelGesture();
    else store.endGesture('update');
  }

  function hover(pointer: ToolPointer): void {
    const point = pointOf(pointer);
    const handle = session.canEdit ? context.handleAt(point, handleTolerance(pointer)) : undefined;
    if (handle) {
      setCursor(handleCursor(handle.handle));
      return;
    }
    const hit = context.hitTest(point, hitTolerance(pointer));
    setCursor(hit === undefined ? 'default' : session.canEdit && session.selection.includes(hit) ? 'move' : 'pointer');
  }

  /** The focused keypoint of a selected, editable keypoints object (absent points included: the visibility key brings them back). */
  function focusedKeypoints(): { object: ObjectAnnotation; geometry: Extract<Geometry, { type: 'keypoints' }>; index: number } | undefined {
    if (!focus || !session.selection.includes(focus.objectId)) return undefined;
    const target = editableObject(context, focus.objectId);
    if (target?.geometry.type !== 'keypoints' || !target.geometry.value.points[focus.vertex.index]) return undefined;
    return { object: target.object, geometry: target.geometry, index: focus.vertex.index };
  }

  function cancel(): boolean {
    if (!press && !drag) return false;
    if (drag?.kind === 'marquee') context.setDraft(undefined);
    else if (drag && store.inGesture) store.cancelGesture();
    reset();
    return true;
  }

  return {
    get state() {
      if (drag) return dragState(drag);
      return press ? 'select.pressing' : 'select.idle';
    },
    get focusedVertex() {
      return focus;
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || press || drag) return;
      start = pointOf(pointer);
      if (session.canEdit) {
        const handle = context.handleAt(start, handleTolerance(pointer));
        const target = handle && editableObject(context, handle.objectId);
        if (handle && target) {
          focusHandle(handle, target.geometry);
          press = { kind: 'handle', handle, target };
          return;
        }
      }
      focus = undefined;
      const hit = context.hitTest(start, hitTolerance(pointer));
      const selection = session.selection;
      if (hit === undefined) {
        press = { kind: 'empty', additive: pointer.shiftKey, base: selection };
      } else if (pointer.shiftKey) {
        const selected = selection.includes(hit);
        session.select(selected ? selection.filter((id) => id !== hit) : [...selection, hit]);
        press = selected ? { kind: 'none' } : { kind: 'object', collapseTo: undefined };
      } else if (selection.includes(hit)) {
        press = { kind: 'object', collapseTo: selection.length > 1 ? hit : undefined };
      } else {
        session.select([hit]);
        press = { kind: 'object', collapseTo: undefined };
      }
    },
    pointerMove(pointer: ToolPointer) {
      if (!press && !drag) {
        hover(pointer);
        return;
      }
      const point = pointOf(pointer);
      if (!drag) {
        if (!isDrag(context, start, point)) return;
        beginDrag();
      }
      applyDrag(point, pointer.shiftKey);
    },
    pointerUp(pointer: ToolPointer) {
      if (!press && !drag) return;
      const point = pointOf(pointer);
      if (drag) {
        applyDrag(point, pointer.shiftKey);
        endDrag(point);
      } else if (press?.kind === 'object' && press.collapseTo !== undefined) {
        session.select([press.collapseTo]);
      } else if (press?.kind === 'empty' && !press.additive) {
        session.select([]);
      }
      reset();
    },
    finish() {
      return false;
    },
    cancel,
    nudge(dx: number, dy: number) {
      if (press || drag) return true;
      const items = editableSelection();
      if (items.length === 0) return false;
      write(items.map(({ object, geometry }) => ({ object, geometry: translateGeometry(geometry, dx, dy) })));
      return true;
    },
    cycleVisibility() {
      if (press || drag) return true;
      const target = focusedKeypoints();
      if (!target) return false;
      const point = target.geometry.value.points[target.index]!;
      const value = withKeypoint(target.geometry.value, target.index, { visibility: nextVisibility(point.visibility) });
      if (value) write([{ object: target.object, geometry: { type: 'keypoints', value } }]);
      return true;
    },
    deleteKey() {
      if (press || drag) return true;
      if (!focus) return false;
      const keypoints = focusedKeypoints();
      if (keypoints) {
        // A keypoint is never taken out of its instance (the names are fixed): it becomes absent.
        const value = withKeypoint(keypoints.geometry.value, keypoints.index, { visibility: 0 });
        if (value) write([{ object: keypoints.object, geometry: { type: 'keypoints', value } }]);
        focus = undefined;
        return true;
      }
      const { objectId, vertex } = focus;
      const target = session.selection.includes(objectId) ? editableObject(context, objectId) : undefined;
      if (!target || !vertexAt(target.geometry, vertex)) {
        focus = undefined;
        return false;
      }
      const geometry = deleteVertex(target.geometry, vertex);
      if (!geometry) return true;
      write([{ object: target.object, geometry }]);
      const ring = ringAt(geometry, vertex);
      const closed = geometry.type === 'polygon' || geometry.type === 'segmentation';
      const index = vertex.index > 0 ? vertex.index - 1 : closed && ring ? ring.length - 1 : 0;
      focus = { objectId, vertex: { ...vertex, index } };
      return true;
    },
    dispose() {
      cancel();
    },
  };
}

function placeOf(kind: { zone?: number; ring?: number; index: number }): VertexPlace {
  const place: VertexPlace = { index: kind.index };
  if (kind.zone !== undefined) place.zone = kind.zone;
  if (kind.ring !== undefined) place.ring = kind.ring;
  return place;
}
