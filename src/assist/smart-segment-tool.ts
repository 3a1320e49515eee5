/**
 * The smart segment tool: click on the object (positive point), Alt+click beside it (negative
 * point) or drag a box round it; after each prompt the host's model (`assist.segment`) answers a
 * shape that becomes the draft. Enter makes the draft an object (one undo step), Esc drops it all,
 * Delete / Backspace takes back the last point. Requests are debounced and the one in flight is
 * aborted by a newer prompt (`LatestCall`); a failure keeps the draft and the prompts.
 */
import { normalizeBox } from '../core/geometry.js';
import type { Box, Geometry, Point } from '../core/model.js';
import { isDrag, planePoint } from '../tools/shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tools/tool.js';
import { LatestCall } from './latest-call.js';
import type { AssistPoint } from './types.js';

export interface SmartSegmentPrompt {
  points: AssistPoint[];
  box?: Box;
}

export interface SmartSegmentOptions {
  /** Asks the model for the shape of `prompt`; `signal` aborts when a newer prompt replaces it. */
  segment(prompt: SmartSegmentPrompt, signal: AbortSignal): Promise<Geometry>;
  /** Enter with a draft: write it as an object. */
  accept(geometry: Geometry): void;
  /** The model failed: the draft and the prompts stay. */
  failed(error: unknown): void;
  /** The prompts (a box being dragged included) or the waiting state changed: the overlay redraws them. */
  changed(prompt: SmartSegmentPrompt, waiting: boolean): void;
  /** Quiet time before a prompt is sent (ms). */
  debounceMs: number;
}

type Phase = 'idle' | 'pressing' | 'dragging';

export function createSmartSegmentTool(context: ToolContext, schemaId: string, options: SmartSegmentOptions): Tool {
  const call = new LatestCall<Geometry>(options.debounceMs);
  let phase: Phase = 'idle';
  let start: Point = [0, 0];
  let current: Point = [0, 0];
  let points: AssistPoint[] = [];
  let box: Box | undefined;
  let geometry: Geometry | undefined;

  const dragBox = (): Box => normalizeBox({ x: start[0], y: start[1], width: current[0] - start[0], height: current[1] - start[1] });
  const prompt = (): SmartSegmentPrompt => ({ points: [...points], ...(box ? { box } : {}) });
  const hasPrompt = () => points.length > 0 || box !== undefined;

  function announce(): void {
    const shown = phase === 'dragging' ? { points: [...points], box: dragBox() } : prompt();
    options.changed(shown, call.pending);
  }

  function ask(): void {
    if (!hasPrompt()) return;
    const asked = prompt();
    call.schedule(
      (signal) => options.segment(asked, signal),
      (answer) => {
        geometry = answer;
        context.setDraft({ schemaId, geometry: answer });
        announce();
      },
      (error) => {
        options.failed(error);
        announce();
      },
    );
    announce();
  }

  function reset(): void {
    call.cancel();
    phase = 'idle';
    points = [];
    box = undefined;
    geometry = undefined;
    context.setDraft(undefined);
    announce();
  }

  return {
    get state() {
      return `smart-segment.${phase === 'idle' && hasPrompt() ? 'prompted' : phase}`;
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || phase !== 'idle' || !context.session.canEdit) return;
      start = planePoint(context, pointer);
      current = start;
      phase = 'pressing';
    },
    pointerMove(pointer: ToolPointer) {
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      if (phase === 'pressing' && isDrag(context, start, current)) phase = 'dragging';
      if (phase === 'dragging') announce();
    },
    pointerUp(pointer: ToolPointer) {
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      const dragged = phase === 'dragging' || isDrag(context, start, current);
      const draggedBox = dragBox();
      phase = 'idle';
      if (dragged) {
        if (draggedBox.width > 0 && draggedBox.height > 0) box = draggedBox;
      } else {
        points.push({ x: current[0], y: current[1], positive: !pointer.altKey });
      }
      ask();
    },
    finish() {
      if (!geometry) return false;
      const accepted = geometry;
      reset();
      options.accept(accepted);
      return true;
    },
    cancel() {
      if (!hasPrompt() && !geometry && phase === 'idle') return false;
      reset();
      return true;
    },
    deleteKey() {
      if (points.length === 0) return false;
      points.pop();
      if (hasPrompt()) ask();
      else reset();
      return true;
    },
    dispose() {
      reset();
    },
  };
}
