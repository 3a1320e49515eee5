/**
 * Brush and eraser (`brush.idle` → `brush.painting`, `eraser.idle` → `eraser.painting`).
 *
 * A stroke paints a round stamp of diameter `context.brushSize` (a pen's pressure below 0.5
 * shrinks it, down to a tenth) along the pointer path into a working copy of this plane's mask for
 * the class (1 byte per pixel, 1 = painted; created at the plane's size on the first stroke). The
 * copy is shown through `setBrushDraft` and committed on release with one transaction: one undo
 * step per stroke (`'create'` for a class's first mask on the plane, `'update'` after). A stroke
 * that changes no pixel writes nothing; Esc mid-stroke drops it.
 *
 * With `context.paintablePixels` (threshold painting) a brush stroke paints only the pixels it
 * allows; pixels outside are left as they were (painted ones stay painted).
 *
 * The eraser clears pixels of its class. With the class `'*'` it clears every brush class on the
 * plane in one step; its draft is then the stroke's footprint (`schemaId: '*'`, 1 = erased),
 * since no single class mask shows the result. Empty masks are kept (an empty layer, not a delete).
 */
import type { Box } from '../../core/model.js';
import { brushMaskKey } from '../../core/model.js';
import type { BrushDraft, Tool, ToolContext, ToolPointer } from '../tool.js';
import { forEachCapsulePixel, unionBox, type StampPoint } from './stamp.js';

export interface BrushToolOptions {
  /** Clear pixels instead of painting them. */
  erase: boolean;
}

/** The eraser class that erases every brush class on the plane. */
export const ERASE_ALL = '*';

interface Layer {
  key: string;
  schemaId: string;
  width: number;
  height: number;
  data: Uint8Array;
  existed: boolean;
  changed: boolean;
}

interface Stroke {
  plane: number;
  layers: Layer[];
  /** Erase-all only: where the stroke went, for the draft. */
  footprint: { data: Uint8Array; width: number; height: number } | undefined;
  last: StampPoint;
  dirty: Box | undefined;
  /** Threshold painting: the pixels this stroke may paint (1 = may). */
  paintable: Uint8Array | undefined;
}

export function createBrushTool(context: ToolContext, schemaId: string, options: BrushToolOptions): Tool {
  const name = options.erase ? 'eraser' : 'brush';
  const eraseAll = options.erase && schemaId === ERASE_ALL;
  let stroke: Stroke | undefined;

  function stampAt(pointer: ToolPointer): StampPoint {
    const factor = pointer.pointerType === 'pen' ? Math.min(1, Math.max(0.1, pointer.pressure * 2)) : 1;
    return { x: pointer.x, y: pointer.y, radius: (Math.max(0, context.brushSize) / 2) * factor };
  }

  function planeSize(): { width: number; height: number } {
    return { width: Math.round(context.planeSize.width), height: Math.round(context.planeSize.height) };
  }

  function layersFor(plane: number): Layer[] | undefined {
    const { masks } = context.session.store.state;
    const copy = (mask: { key: string; schemaId: string; width: number; height: number; data: Uint8Array }): Layer => ({
      key: mask.key,
      schemaId: mask.schemaId,
      width: mask.width,
      height: mask.height,
      data: new Uint8Array(mask.data),
      existed: true,
      changed: false,
    });
    if (eraseAll) return [...masks.values()].filter((mask) => mask.page === plane).map(copy);
    if (schemaId === ERASE_ALL) return undefined;
    const key = brushMaskKey(plane, schemaId);
    const existing = masks.get(key);
    if (existing) return [copy(existing)];
    if (options.erase) return [];
    const { width, height } = planeSize();
    if (width <= 0 || height <= 0) return undefined;
    return [{ key, schemaId, width, height, data: new Uint8Array(width * height), existed: false, changed: false }];
  }

  function paint(from: StampPoint, to: StampPoint): void {
    if (!stroke) return;
    const value = options.erase ? 0 : 1;
    const paintable = stroke.paintable;
    for (const layer of stroke.layers) {
      const { data } = layer;
      const box = forEachCapsulePixel(layer.width, layer.height, from, to, (i) => {
        if (data[i] === value || (paintable && !paintable[i])) return;
        data[i] = value;
        layer.changed = true;
      });
      stroke.dirty = unionBox(stroke.dirty, box);
    }
    const footprint = stroke.footprint;
    if (footprint) {
      const box = forEachCapsulePixel(footprint.width, footprint.height, from, to, (i) => {
        footprint.data[i] = 1;
      });
      stroke.dirty = unionBox(stroke.dirty, box);
    }
    stroke.last = to;
  }

  function showDraft(): void {
    if (!stroke) return;
    const dirty = stroke.dirty ?? { x: 0, y: 0, width: 0, height: 0 };
    const shown = stroke.footprint ?? stroke.layers[0];
    const draft: BrushDraft | undefined = shown && {
      schemaId,
      erase: options.erase,
      data: shown.data,
      width: shown.width,
      height: shown.height,
      dirty,
    };
    context.setBrushDraft(draft);
  }

  function drop(): void {
    stroke = undefined;
    context.setBrushDraft(undefined);
  }

  function commit(done: Stroke): void {
    const changed = done.layers.filter((layer) => layer.changed);
    if (changed.length === 0 || !context.session.canEdit) return;
    const reason = changed.some((layer) => !layer.existed) ? 'create' : 'update';
    context.session.store.transact({ origin: 'user', reason }, (tx) => {
      for (const { key, schemaId: layerSchemaId, width, height, data } of changed) {
        tx.putMask({ key, page: done.plane, schemaId: layerSchemaId, width, height, data });
      }
    });
  }

  return {
    get state() {
      return `${name}.${stroke ? 'painting' : 'idle'}`;
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || stroke || !context.session.canEdit) return;
      const plane = context.plane;
      const layers = layersFor(plane);
      if (!layers) return;
      const size = layers[0] ?? planeSize();
      const footprint = eraseAll && size.width > 0 && size.height > 0 ? { ...size, data: new Uint8Array(size.width * size.height) } : undefined;
      const at = stampAt(pointer);
      const allowed = options.erase ? undefined : context.paintablePixels?.();
      const paintable = allowed && allowed.length === size.width * size.height ? allowed : undefined;
      stroke = { plane, layers, footprint, last: at, dirty: undefined, paintable };
      paint(at, at);
      showDraft();
    },
    pointerMove(pointer: ToolPointer) {
      if (!stroke) return;
      paint(stroke.last, stampAt(pointer));
      showDraft();
    },
    pointerUp(pointer: ToolPointer) {
      if (!stroke) return;
      paint(stroke.last, stampAt(pointer));
      const done = stroke;
      commit(done);
      drop();
    },
    finish() {
      return false;
    },
    cancel() {
      if (!stroke) return false;
      drop();
      return true;
    },
    dispose() {
      if (stroke) drop();
    },
  };
}
