/**
 * `keypoints`: one instance of a class's named points (COCO keypoints + skeleton).
 *
 * - Click by click: each click places the next named point (visible); `skip` (X) marks it absent
 *   and goes on; the last point (or `finish`, Enter, which leaves the rest absent) creates the
 *   object in one `'create'` step. `cycleVisibility` (O) turns the point placed last occluded
 *   (and back); `deleteKey` takes it back; Esc drops them all. The points so far are a draft.
 * - Template: a drag before the first point places every point at once, the class's
 *   `keypointTemplate` (or, without one, the points round an ellipse in name order) scaled into
 *   the dragged box, which becomes the instance's `box`.
 * - Correcting: with no point placed, a press on a handle of a selected object (its points) goes
 *   to the select tool, so points are dragged, focused, made occluded or absent where they are
 *   drawn, without changing tools.
 *
 * States `keypoints.idle`, `keypoints.placing`, `keypoints.pressing`, `keypoints.template`, `keypoints.editing`.
 */
import { normalizeBox } from '../../core/geometry.js';
import type { Box, Keypoint, Keypoints, Point } from '../../core/model.js';
import { createSelectTool } from '../select/select-tool.js';
import { createObjectOnPlane } from '../shared/object-writes.js';
import { handleTolerance, isDrag, planePoint } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';

type Phase = 'idle' | 'pressing' | 'template' | 'editing';

/** Where the points go in a dragged box without a `keypointTemplate`: round an ellipse, from the top, clockwise. */
export function defaultTemplate(count: number): [number, number][] {
  if (count === 1) return [[0.5, 0.5]];
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / count - Math.PI / 2;
    return [0.5 + 0.5 * Math.cos(angle), 0.5 + 0.5 * Math.sin(angle)];
  });
}

/** Every point of `names` placed from `template` (fractions of the box) into `box`, visible. */
export function templateInBox(names: readonly string[], template: readonly (readonly [number, number])[] | undefined, box: Box): Keypoints {
  const spots = template && template.length === names.length ? template : defaultTemplate(names.length);
  const points = names.map((name, i): Keypoint => {
    const [u, v] = spots[i]!;
    return { name, x: box.x + u * box.width, y: box.y + v * box.height, visibility: 2 };
  });
  return { points, box };
}

export function createKeypointsTool(context: ToolContext, schemaId: string): Tool {
  const category = () => context.session.ontology?.tools.find((tool) => tool.schemaId === schemaId);
  const names = (): readonly string[] => category()?.keypoints ?? [];
  const select = createSelectTool(context);
  let phase: Phase = 'idle';
  let placed: Keypoint[] = [];
  let start: Point = [0, 0];
  let current: Point = [0, 0];

  /** The instance so far: the placed points, the rest absent. */
  const sofar = (): Keypoints => ({
    points: names().map((name, i) => placed[i] ?? { name, x: 0, y: 0, visibility: 0 }),
  });

  function hint(): void {
    const list = names();
    const next = list[placed.length];
    if (list.length === 0) context.setHint?.(`“${category()?.title ?? schemaId}” names no keypoints.`);
    else if (next === undefined) context.setHint?.(undefined);
    else context.setHint?.(`Next: ${next} (${placed.length + 1}/${list.length}). Click to place, X skips${placed.length === 0 ? ', drag a box for the whole template' : ', Enter finishes'}.`);
  }

  function show(): void {
    context.setDraft(placed.length > 0 ? { schemaId, geometry: { type: 'keypoints', value: sofar() } } : undefined);
    hint();
  }

  function reset(): void {
    phase = 'idle';
    placed = [];
    show();
  }

  function create(value: Keypoints): void {
    reset();
    if (context.session.canEdit) createObjectOnPlane(context, schemaId, { type: 'keypoints', value });
  }

  /** Adds the next point; the last one creates the object. */
  function place(point: Keypoint): void {
    placed.push(point);
    if (placed.length >= names().length) create(sofar());
    else show();
  }

  const templateBox = (): Box => normalizeBox({ x: start[0], y: start[1], width: current[0] - start[0], height: current[1] - start[1] });

  hint();

  return {
    get state() {
      if (phase !== 'idle') return `keypoints.${phase}`;
      return placed.length > 0 ? 'keypoints.placing' : 'keypoints.idle';
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || phase !== 'idle' || !context.session.canEdit || names().length === 0) return;
      start = planePoint(context, pointer);
      current = start;
      if (placed.length === 0 && context.handleAt(start, handleTolerance(pointer))) {
        phase = 'editing';
        select.pointerDown(pointer);
        return;
      }
      phase = 'pressing';
    },
    pointerMove(pointer: ToolPointer) {
      if (phase === 'editing') {
        select.pointerMove(pointer);
        return;
      }
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      if (phase === 'pressing' && placed.length === 0 && isDrag(context, start, current)) phase = 'template';
      if (phase === 'template') context.setDraft({ schemaId, geometry: { type: 'keypoints', value: templateInBox(names(), category()?.keypointTemplate, templateBox()) } });
    },
    pointerUp(pointer: ToolPointer) {
      if (phase === 'editing') {
        select.pointerUp(pointer);
        phase = 'idle';
        return;
      }
      if (phase === 'idle') return;
      current = planePoint(context, pointer);
      if (phase === 'template') {
        const box = templateBox();
        if (box.width > 0 && box.height > 0) create(templateInBox(names(), category()?.keypointTemplate, box));
        else reset();
        return;
      }
      phase = 'idle';
      const name = names()[placed.length];
      if (name !== undefined && context.session.canEdit) place({ name, x: current[0], y: current[1], visibility: 2 });
    },
    skip() {
      const name = names()[placed.length];
      if (name === undefined || phase !== 'idle' || !context.session.canEdit) return false;
      place({ name, x: 0, y: 0, visibility: 0 });
      return true;
    },
    cycleVisibility() {
      if (phase === 'editing') return true;
      let last = placed.length - 1;
      while (last >= 0 && placed[last]!.visibility === 0) last--;
      if (last === -1) return placed.length > 0 || (select.cycleVisibility?.() ?? false);
      const point = placed[last]!;
      placed[last] = { ...point, visibility: point.visibility === 2 ? 1 : 2 };
      show();
      return true;
    },
    finish() {
      if (placed.length === 0 || phase !== 'idle') return false;
      create(sofar());
      return true;
    },
    cancel() {
      if (phase === 'editing') {
        phase = 'idle';
        return select.cancel();
      }
      if (phase === 'idle' && placed.length === 0) return false;
      reset();
      return true;
    },
    nudge(dx: number, dy: number) {
      return placed.length === 0 && phase === 'idle' ? (select.nudge?.(dx, dy) ?? false) : true;
    },
    deleteKey() {
      if (phase !== 'idle') return true;
      if (placed.length === 0) return select.deleteKey?.() ?? false;
      placed.pop();
      show();
      return true;
    },
    dispose() {
      select.dispose();
      phase = 'idle';
      placed = [];
      context.setDraft(undefined);
      context.setHint?.(undefined);
    },
  };
}
