/**
 * The smart segment tool: click on the object (positive point), Alt+click beside it (negative
 * point) or drag a box round it; after each prompt the host's model (`assist.segment`) answers a
 * shape that becomes the draft. Enter makes the draft an object (one undo step), Esc drops it all,
 * Delete / Backspace takes back the last point. Requests are debounced and the one in flight is
 * aborted by a newer prompt (`LatestCall`); a failure keeps the draft and the prompts.
 */
import type { Box, Geometry } from '../core/model.js';
import { DragGesture } from '../tools/shared/drag-gesture.js';
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

export function createSmartSegmentTool(context: ToolContext, schemaId: string, options: SmartSegmentOptions): Tool {
  const call = new LatestCall<Geometry>(options.debounceMs);
  const gesture = new DragGesture(context);
  let points: AssistPoint[] = [];
  let box: Box | undefined;
  let geometry: Geometry | undefined;

  const prompt = (): SmartSegmentPrompt => ({ points: [...points], ...(box ? { box } : {}) });
  const hasPrompt = () => points.length > 0 || box !== undefined;

  function announce(): void {
    const shown = gesture.phase === 'dragging' ? { points: [...points], box: gesture.box } : prompt();
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
    gesture.cancel();
    points = [];
    box = undefined;
    geometry = undefined;
    context.setDraft(undefined);
    announce();
  }

  return {
    get state() {
      const { phase } = gesture;
      return `smart-segment.${phase === 'idle' && hasPrompt() ? 'prompted' : phase}`;
    },
    pointerDown(pointer: ToolPointer) {
      gesture.press(pointer);
    },
    pointerMove(pointer: ToolPointer) {
      if (gesture.move(pointer)) announce();
    },
    pointerUp(pointer: ToolPointer) {
      const release = gesture.release(pointer);
      if (!release) return;
      if (release.dragged) {
        if (release.box.width > 0 && release.box.height > 0) box = release.box;
      } else {
        points.push({ x: release.point[0], y: release.point[1], positive: !pointer.altKey });
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
      if (!hasPrompt() && !geometry && gesture.phase === 'idle') return false;
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
