/**
 * Copy, paste and duplicate of drawn shapes (Ctrl/⌘+C, V, D) for an element that has shapes on a
 * plane (`SurfaceElement`, `<lk-pdf>`). Its own module so that `<lk-text>`, which has none, does
 * not download it nor the geometry that moving shapes needs.
 */
import { clipboardCentre, copyObjects, pastedObjects, type ClipboardItem } from '../../core/clipboard.js';
import type { Geometry, ObjectAnnotation, Point } from '../../core/model.js';
import type { LabelingSession } from '../../core/session.js';

export interface ShapeClipboardHost {
  readonly session: LabelingSession;
  /** The object's shape on the plane shown; undefined: not shown here. */
  shapeOf(object: ObjectAnnotation): Geometry | undefined;
  /** Where a paste is centred (asset units of the plane shown); undefined: where the shapes were copied from. */
  pastePoint(): Point | undefined;
  /** How far a duplicate lands from its original, in asset units. */
  duplicateOffset(): number;
  newObjectId(): string;
}

export class ShapeClipboard {
  /** Copied shapes: in memory only (never the system clipboard, never stored), for this element. */
  private items: ClipboardItem[] = [];

  constructor(private readonly host: ShapeClipboardHost) {}

  /** Copies the selected objects' shapes on this plane. False when nothing selected is shown here. */
  copy(): boolean {
    const items = this.selectedShapes();
    if (items.length === 0) return false;
    this.items = items;
    return true;
  }

  /** Pastes the copied shapes on the plane shown now as new objects (one undo step, selected). */
  paste(): boolean {
    const centre = clipboardCentre(this.items);
    if (!centre || !this.host.session.canEdit) return false;
    const pointer = this.host.pastePoint();
    return this.createCopies(this.items, pointer ? [pointer[0] - centre[0], pointer[1] - centre[1]] : [0, 0]);
  }

  /** Copies of the selected objects beside them on this plane, leaving the clipboard alone. One undo step. */
  duplicate(): boolean {
    if (!this.host.session.canEdit) return false;
    const items = this.selectedShapes();
    const offset = this.host.duplicateOffset();
    return items.length > 0 && this.createCopies(items, [offset, offset]);
  }

  private selectedShapes(): ClipboardItem[] {
    const { session } = this.host;
    const { store } = session;
    return copyObjects(
      session.selection.flatMap((id) => store.state.objects.get(id) ?? []),
      (object) => this.host.shapeOf(object),
    );
  }

  private createCopies(items: readonly ClipboardItem[], offset: Point): boolean {
    const { session } = this.host;
    const known = new Set((session.ontology?.tools ?? []).map((tool) => tool.schemaId));
    const objects = pastedObjects(
      items.filter((item) => known.has(item.schemaId)),
      { plane: session.plane, planeModel: session.planeModel, offset, newObjectId: () => this.host.newObjectId() },
    );
    if (objects.length === 0) return false;
    const change = session.store.transact({ origin: 'user', reason: 'create' }, (tx) => objects.forEach((object) => tx.putObject(object)));
    if (change) session.select(objects.map((object) => object.objectId));
    return true;
  }
}
