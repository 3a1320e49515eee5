/**
 * Brush and eraser: round stamps along the pointer path (interpolated, so fast strokes leave no
 * gaps) into a working copy of this plane's mask for the class; one commit per stroke.
 * The eraser clears its own class; `'*'` clears every brush class on the plane.
 */
import { brushMaskKey, type Box, type BrushMask } from '../core/model.js';
import type { BrushDraft, Tool, ToolContext, ToolPointer } from './tool.js';

export interface BrushToolOptions {
  erase: boolean;
}

function stamp(draft: BrushDraft, cx: number, cy: number, radius: number, value: 0 | 1): void {
  const { width, height, data } = draft;
  const x0 = Math.max(0, Math.floor(cx - radius));
  const x1 = Math.min(width - 1, Math.ceil(cx + radius));
  const y0 = Math.max(0, Math.floor(cy - radius));
  const y1 = Math.min(height - 1, Math.ceil(cy + radius));
  const r2 = radius * radius;
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - cy;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      if (dx * dx + dy * dy <= r2) data[y * width + x] = value;
    }
  }
  const dirty: Box = draft.dirty;
  const right = Math.max(dirty.x + dirty.width, x1 + 1);
  const bottom = Math.max(dirty.y + dirty.height, y1 + 1);
  dirty.x = Math.min(dirty.x, x0);
  dirty.y = Math.min(dirty.y, y0);
  dirty.width = right - dirty.x;
  dirty.height = bottom - dirty.y;
}

export function createBrushTool(context: ToolContext, schemaId: string, options: BrushToolOptions): Tool {
  const { session } = context;
  let drafts: BrushDraft[] = [];
  let last: [number, number] | undefined;

  const targets = (): string[] => {
    if (schemaId !== '*') return [schemaId];
    return [...session.store.state.masks.values()].filter((m) => m.page === context.plane).map((m) => m.schemaId);
  };

  function paintTo(p: ToolPointer): void {
    const radius = (context.brushSize * (p.pointerType === 'pen' ? 0.5 + p.pressure : 1)) / 2;
    const from = last ?? [p.x, p.y];
    const distance = Math.hypot(p.x - from[0], p.y - from[1]);
    const steps = Math.max(1, Math.ceil(distance / Math.max(0.5, radius / 2)));
    for (const draft of drafts) {
      for (let i = 1; i <= steps; i++) stamp(draft, from[0] + ((p.x - from[0]) * i) / steps, from[1] + ((p.y - from[1]) * i) / steps, radius, options.erase ? 0 : 1);
      if (!last) stamp(draft, p.x, p.y, radius, options.erase ? 0 : 1);
    }
    last = [p.x, p.y];
    context.setBrushDraft(drafts[0]);
  }

  function reset(): void {
    drafts = [];
    last = undefined;
    context.setBrushDraft(undefined);
  }

  return {
    get state() {
      return drafts.length ? 'brush.painting' : 'brush.idle';
    },
    pointerDown(p) {
      if (p.button !== 0 || !session.canEdit) return;
      const { width, height } = context.planeSize;
      if (!width || !height) return;
      drafts = targets().map((id) => {
        const existing = session.store.state.masks.get(brushMaskKey(context.plane, id));
        const data = existing && existing.width === width && existing.height === height ? existing.data.slice() : new Uint8Array(width * height);
        return { schemaId: id, erase: options.erase, data, width, height, dirty: { x: Infinity, y: Infinity, width: 0, height: 0 } };
      });
      last = undefined;
      paintTo(p);
    },
    pointerMove(p) {
      if (drafts.length) paintTo(p);
    },
    pointerUp() {
      if (!drafts.length) return;
      const finished = drafts;
      reset();
      session.store.transact({ origin: 'user', reason: 'update' }, (tx) => {
        for (const draft of finished) {
          const key = brushMaskKey(context.plane, draft.schemaId);
          if (!draft.data.some((v) => v !== 0)) {
            tx.removeMask(key);
            continue;
          }
          const mask: BrushMask = { key, page: context.plane, schemaId: draft.schemaId, width: draft.width, height: draft.height, data: draft.data };
          tx.putMask(mask);
        }
      });
    },
    finish: () => false,
    cancel() {
      if (!drafts.length) return false;
      reset();
      return true;
    },
    dispose: reset,
  };
}
