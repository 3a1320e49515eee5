/**
 * The shape edits as the labeler runs them on the selection (toolbar buttons and keys): each is one
 * `'update'` transaction, so one undo step. An edit that cannot apply returns why, in words, and
 * writes nothing; the element turns that into an `lk-error` (`shape-edit`).
 */
import { brushMaskKey, type ObjectAnnotation, type Zone } from '../../core/model.js';
import type { ToolCategory } from '../../core/ontology.js';
import { newObject } from '../../core/plane-geometry.js';
import { editableObject, objectWithGeometry } from '../shared/object-writes.js';
import { toAssetUnits } from '../shared/pointer.js';
import type { ToolContext } from '../tool.js';
import { maskBox, maskToZones, zonesToMask } from './mask-shapes.js';
import type { ShapeEdit } from './smart-kinds.js';
import { fillHoles, geometryForTool, removeIslands, simplifyZones, smoothZones, subtractZones, unionZones, zonesOf } from './shape-edits.js';


/** Simplify drops detail finer than this many screen pixels. */
const SIMPLIFY_SCREEN_PX = 2;
/** Remove islands: zones covering fewer square asset pixels than this go. */
export const ISLAND_AREA = 100;

export type EditOutcome = { ok: true } | { ok: false; message: string };

interface Shape {
  object: ObjectAnnotation;
  zones: Zone[];
  tool: 'polygon' | 'segmentation';
}

const refused = (message: string): EditOutcome => ({ ok: false, message });

function categoryOf(context: ToolContext, schemaId: string): ToolCategory | undefined {
  return context.session.ontology?.tools.find((tool) => tool.schemaId === schemaId);
}

/** The selected, editable polygons and segmentations on this plane, in selection order. */
function selectedShapes(context: ToolContext): Shape[] {
  const shapes: Shape[] = [];
  for (const id of context.session.selection) {
    const editable = editableObject(context, id);
    const tool = editable && categoryOf(context, editable.object.schemaId)?.tool;
    const zones = editable && zonesOf(editable.geometry);
    if (editable && zones && (tool === 'polygon' || tool === 'segmentation')) shapes.push({ object: editable.object, zones, tool });
  }
  return shapes;
}

/** Writes each shape's new zones in one transaction; refuses all of them if one does not fit its class. */
function rewrite(context: ToolContext, edits: { shape: Shape; zones: Zone[] }[], remove: readonly string[] = []): EditOutcome {
  const writes: ObjectAnnotation[] = [];
  for (const { shape, zones } of edits) {
    const geometry = geometryForTool(zones, shape.tool);
    if (!geometry) {
      return refused(
        zones.length === 0
          ? 'The edit would leave the shape empty.'
          : 'The result has holes or several parts, which a polygon cannot hold: use a segmentation class.',
      );
    }
    writes.push(objectWithGeometry(context, shape.object, geometry));
  }
  context.session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
    for (const object of writes) tx.putObject(object);
    for (const id of remove) tx.removeObject(id);
  });
  if (remove.length > 0) context.session.select(writes.map((object) => object.objectId));
  return { ok: true };
}

function eachSelected(context: ToolContext, change: (zones: Zone[]) => Zone[]): EditOutcome {
  const shapes = selectedShapes(context);
  if (shapes.length === 0) return refused('Select a polygon or segmentation first.');
  return rewrite(
    context,
    shapes.map((shape) => ({ shape, zones: change(shape.zones) })),
  );
}

function combine(context: ToolContext, operation: 'union' | 'subtract'): EditOutcome {
  const [target, ...others] = selectedShapes(context);
  if (!target || others.length === 0) return refused('Select two shapes: the first one selected is kept and changed.');
  let zones = target.zones;
  for (const other of others) zones = operation === 'union' ? unionZones(zones, other.zones) : subtractZones(zones, other.zones);
  return rewrite(context, [{ shape: target, zones }], operation === 'union' ? others.map((other) => other.object.objectId) : []);
}

/** The class to convert into: the same title first, else the first class of that tool type. */
function counterpart(context: ToolContext, from: ToolCategory | undefined, tools: readonly string[]): ToolCategory | undefined {
  const candidates = (context.session.ontology?.tools ?? []).filter((tool) => tools.includes(tool.tool));
  return candidates.find((tool) => from && tool.title === from.title) ?? candidates[0];
}

/** The active brush class's mask on this plane becomes one segmentation (or polygon) object; the mask is cleared. */
function brushToShape(context: ToolContext): EditOutcome {
  const { session } = context;
  const brush = session.activeSchemaId ? categoryOf(context, session.activeSchemaId) : undefined;
  if (brush?.tool !== 'brush') return refused('Pick the brush class whose mask to convert.');
  const key = brushMaskKey(context.plane, brush.schemaId);
  const mask = session.store.state.masks.get(key);
  const box = mask && maskBox(mask.data, mask.width, mask.height);
  if (!mask || !box) return refused(`${brush.title} has no painted pixels here.`);
  const target = counterpart(context, brush, ['segmentation', 'polygon']);
  if (!target) return refused('The ontology has no segmentation or polygon class to convert into.');
  const zones = maskToZones(mask.data, mask.width, box, 0);
  const geometry = geometryForTool(zones, target.tool as 'polygon' | 'segmentation');
  if (!geometry) return refused('The mask has holes or several parts, which a polygon cannot hold: add a segmentation class.');
  const objectId = context.newObjectId();
  const object = newObject(objectId, target.schemaId, context.plane, geometry, session.planeModel);
  session.store.transact({ origin: 'user', reason: 'create' }, (tx) => {
    tx.putObject(object);
    tx.removeMask(key);
  });
  session.select([objectId]);
  return { ok: true };
}

/** The selected shapes are painted into the matching brush class's mask on this plane and removed. */
function shapeToBrush(context: ToolContext): EditOutcome {
  const { session } = context;
  const shapes = selectedShapes(context);
  if (shapes.length === 0) return refused('Select a polygon or segmentation first.');
  const brush = counterpart(context, categoryOf(context, shapes[0]!.object.schemaId), ['brush']);
  if (!brush) return refused('The ontology has no brush class to paint into.');
  const { width, height } = context.planeSize;
  if (!(width > 0 && height > 0)) return refused('The picture is not loaded yet.');
  const key = brushMaskKey(context.plane, brush.schemaId);
  const existing = session.store.state.masks.get(key);
  const data = existing && existing.width === width && existing.height === height ? existing.data.slice() : new Uint8Array(width * height);
  const painted = zonesToMask(
    shapes.flatMap((shape) => shape.zones),
    width,
    height,
  );
  for (let i = 0; i < data.length; i++) if (painted[i]) data[i] = 1;
  session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
    tx.putMask({ key, page: context.plane, schemaId: brush.schemaId, width, height, data });
    for (const shape of shapes) tx.removeObject(shape.object.objectId);
  });
  session.select([]);
  return { ok: true };
}

export function runShapeEdit(context: ToolContext, edit: ShapeEdit): EditOutcome {
  if (!context.session.canEdit) return refused('Editing is not allowed now.');
  switch (edit) {
    case 'simplifyShape':
      return eachSelected(context, (zones) => simplifyZones(zones, toAssetUnits(context, SIMPLIFY_SCREEN_PX)));
    case 'smoothShape':
      return eachSelected(context, smoothZones);
    case 'fillHoles':
      return eachSelected(context, fillHoles);
    case 'removeIslands':
      return eachSelected(context, (zones) => removeIslands(zones, ISLAND_AREA));
    case 'unionShapes':
      return combine(context, 'union');
    case 'subtractShapes':
      return combine(context, 'subtract');
    case 'brushToShape':
      return brushToShape(context);
    case 'shapeToBrush':
      return shapeToBrush(context);
  }
}
