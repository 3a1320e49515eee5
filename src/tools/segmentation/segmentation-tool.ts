/**
 * `segmentation`: draw a region like a polygon (`segmentation.idle` → `segmentation.drawing`).
 *
 * What the first click's modifiers choose, when a segmentation object of this class is selected
 * (and editable here):
 * - Shift: the region becomes another zone of that object (`'update'`).
 * - Alt: the ring becomes a hole of the zone whose region contains the first click (`'update'`).
 *   A first click inside no zone is ignored; a finished hole that is not inside its region
 *   (a vertex outside or an edge crossing the region) is dropped and writes nothing.
 * Otherwise (or with nothing suitable selected) it creates a new object
 * `{ zones: [{ region, holes: [] }] }` (`'create'`) and selects it. Each is one undo step.
 */
import type { Geometry, Point, Segmentation } from '../../core/model.js';
import { pointInPolygon } from '../../core/geometry.js';
import { createClickPathTool } from '../path/click-path-tool.js';
import { createObjectOnPlane, editableObject, objectWithGeometry } from '../shared/object-writes.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';
import { ringInside } from './ring-inside.js';

type Target = { kind: 'new' } | { kind: 'zone'; objectId: string } | { kind: 'hole'; objectId: string; zone: number };

export function createSegmentationTool(context: ToolContext, schemaId: string): Tool {
  let target: Target = { kind: 'new' };

  /** The selected segmentation of this class that Shift/Alt add to. */
  function selectedSegmentation(): { objectId: string; value: Segmentation } | undefined {
    for (const objectId of context.session.selection) {
      const editable = editableObject(context, objectId);
      if (editable?.object.schemaId === schemaId && editable.geometry.type === 'segmentation') {
        return { objectId, value: editable.geometry.value };
      }
    }
    return undefined;
  }

  function begin(pointer: ToolPointer, point: Point): boolean {
    const selected = pointer.shiftKey || pointer.altKey ? selectedSegmentation() : undefined;
    if (!selected) {
      target = { kind: 'new' };
    } else if (pointer.altKey) {
      const zone = selected.value.zones.findIndex((z) => pointInPolygon(point, z.region));
      if (zone === -1) return false;
      target = { kind: 'hole', objectId: selected.objectId, zone };
    } else {
      target = { kind: 'zone', objectId: selected.objectId };
    }
    return true;
  }

  function update(objectId: string, change: (value: Segmentation) => Segmentation | undefined): void {
    const editable = editableObject(context, objectId);
    if (!editable || editable.geometry.type !== 'segmentation') return;
    const value = change(editable.geometry.value);
    if (!value) return;
    const geometry: Geometry = { type: 'segmentation', value };
    context.session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
      tx.putObject(objectWithGeometry(context, editable.object, geometry));
    });
  }

  function commit(ring: Point[]): void {
    const chosen = target;
    target = { kind: 'new' };
    if (chosen.kind === 'new') {
      createObjectOnPlane(context, schemaId, { type: 'segmentation', value: { zones: [{ region: ring, holes: [] }] } });
    } else if (chosen.kind === 'zone') {
      update(chosen.objectId, (value) => ({ zones: [...value.zones, { region: ring, holes: [] }] }));
    } else {
      update(chosen.objectId, (value) => {
        const zone = value.zones[chosen.zone];
        if (!zone || !ringInside(ring, zone.region)) return undefined;
        const zones = value.zones.slice();
        zones[chosen.zone] = { region: zone.region, holes: [...zone.holes, ring] };
        return { zones };
      });
    }
  }

  return createClickPathTool(context, schemaId, {
    name: 'segmentation',
    minPoints: 3,
    closable: true,
    draftGeometry: (points) => ({ type: 'polygon', value: [...points] }),
    begin,
    commit,
  });
}
