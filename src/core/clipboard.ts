/**
 * Copy, paste and duplicate of drawn objects: what a copy keeps (the shape on the plane it was
 * copied from, the class, the answers) and the new objects a paste makes. Pure: the element holds
 * the clipboard in memory (never the system clipboard, never stored) and writes the result in one
 * transaction, so each paste is one undo step.
 */
import { geometryBounds, translateGeometry } from './geometry.js';
import type { ClassificationAnswer, Geometry, ObjectAnnotation, Point } from './model.js';
import { newObject } from './one-shape.js';
import type { PlaneModel } from './session.js';

/** One copied object. */
export interface ClipboardItem {
  schemaId: string;
  geometry: Geometry;
  /** Answers that hold for the whole object (frame-specific answers stay with their frame). */
  classifications: ClassificationAnswer[];
}

/**
 * The objects' shapes where `shapeOf` finds them (the plane shown), in the order given; objects
 * without one there are left out. `shapeOf` is passed in so that an element without tracks does
 * not load interpolation.
 */
export function copyObjects(objects: Iterable<ObjectAnnotation>, shapeOf: (object: ObjectAnnotation) => Geometry | undefined): ClipboardItem[] {
  const items: ClipboardItem[] = [];
  for (const object of objects) {
    const geometry = shapeOf(object);
    if (!geometry) continue;
    items.push({ schemaId: object.schemaId, geometry, classifications: object.classifications.filter((answer) => answer.page === undefined) });
  }
  return items;
}

/** The centre of the copied shapes' bounds. */
export function clipboardCentre(items: readonly ClipboardItem[]): Point | undefined {
  if (items.length === 0) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { geometry } of items) {
    const b = geometryBounds(geometry);
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

export interface PasteOptions {
  plane: number;
  planeModel: PlaneModel;
  /** Moves every shape by this much (asset units). */
  offset: Point;
  newObjectId(): string;
}

/** New objects for the copied items on `plane`, moved by `offset`, with fresh ids for them and their answers. */
export function pastedObjects(items: readonly ClipboardItem[], options: PasteOptions): ObjectAnnotation[] {
  const [dx, dy] = options.offset;
  return items.map((item) => {
    const objectId = options.newObjectId();
    const geometry = dx === 0 && dy === 0 ? item.geometry : translateGeometry(item.geometry, dx, dy);
    const object = newObject(objectId, item.schemaId, options.plane, geometry, options.planeModel);
    return { ...object, classifications: item.classifications.map((answer) => freshAnswer(answer, options.newObjectId)) };
  });
}

/** A copy of an answer (and its nested answers) with new ids and no lock or audit stamps. */
function freshAnswer(answer: ClassificationAnswer, newId: () => string): ClassificationAnswer {
  return {
    objectId: newId(),
    schemaId: answer.schemaId,
    answer: Array.isArray(answer.answer) ? [...answer.answer] : answer.answer,
    classifications: answer.classifications.map((nested) => freshAnswer(nested, newId)),
    metadata: { createdAt: '', createdBy: '', createdIn: '' },
  };
}
