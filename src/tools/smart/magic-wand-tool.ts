/**
 * Magic wand (`magic-wand.idle` → click → `magic-wand.draft` → Enter → idle): a click fills the
 * pixels of the seed's colour within the tolerance; Shift+click adds another fill to the draft,
 * Alt+click takes one away. Changing the tolerance refills every click of the draft. Enter (or a
 * double click) writes the draft as one object of the class (`region-output.ts`); Esc drops it.
 * A click before the picture's pixels are read (they are read in steps) is filled once they are;
 * a newer change wins, and Enter meanwhile writes the draft when it is filled.
 */
import type { Box, Zone } from '../../core/model.js';
import { CLICK_SLOP_PX, planePoint, within } from '../shared/pointer.js';
import type { Tool, ToolContext, ToolPointer } from '../tool.js';
import { floodFill, maskStride, type FilledRegion } from './flood-fill.js';
import { boxMaskToZones } from './mask-shapes.js';
import type { PicturePixels } from './picture.js';
import { createRegionObject, type RegionOutput } from './region-output.js';
import type { SmartToolSettings } from './smart-settings.js';

/** How far the traced outline may stray from the pixel edges, in asset pixels. */
const OUTLINE_TOLERANCE = 0.5;

interface Fill {
  x: number;
  y: number;
  mode: 'replace' | 'add' | 'subtract';
}

export interface MagicWandTool extends Tool {
  /** Refills the draft's clicks with the current tolerance (the toolbar and keys call it). */
  refill(): void;
  /** The draft's zones (tests, bench). */
  readonly zones: readonly Zone[];
}

function unionBox(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * Runs the fill and the tracer over a small made-up picture, so the JavaScript engine has compiled
 * them before the first click: run cold, a million-pixel first fill takes several frames. Once a page.
 */
let warmedUp = false;
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const size = 128;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 16; y < 100; y++) rgba.fill(0, (y * size + 20) * 4, (y * size + 90) * 4);
  const picture = { width: size, height: size, rgba };
  for (let i = 0; i < 6; i++) {
    const region = floodFill(picture, 40 + i, 40, 32);
    if (region) boxMaskToZones(region.mask, region.box, OUTLINE_TOLERANCE, region.stride, region.rows);
  }
}

export function createMagicWandTool(context: ToolContext, schemaId: string, output: RegionOutput, settings: SmartToolSettings): MagicWandTool {
  warmUp();
  let fills: Fill[] = [];
  let zones: Zone[] = [];
  /** Bumped by every change of the fills: a picture read that ends after a newer change is not used. */
  let generation = 0;
  /** The picture is still being read (the first click on it): the fills wait for it. */
  let waiting = false;
  /** Enter or a double click came while waiting: the draft is written once it is filled. */
  let acceptWhenFilled = false;

  function compute(picture: PicturePixels): void {
    const regions: { region: FilledRegion; mode: Fill['mode'] }[] = [];
    for (const fill of fills) {
      const region = floodFill(picture, fill.x, fill.y, settings.tolerance);
      if (!region) continue;
      // A replacing fill starts the draft again.
      if (fill.mode === 'replace') regions.length = 0;
      regions.push({ region, mode: fill.mode });
    }
    // The draft covers the union of the added regions' boxes; subtracted regions only clear pixels inside it.
    let box: Box | undefined;
    for (const { region, mode } of regions) if (mode !== 'subtract') box = unionBox(box, region.box);
    if (!box) {
      zones = [];
      return;
    }
    const [only] = regions;
    if (regions.length === 1 && only) {
      zones = boxMaskToZones(only.region.mask, only.region.box, OUTLINE_TOLERANCE, only.region.stride, only.region.rows);
      return;
    }
    const stride = maskStride(box.width);
    const mask = new Uint8Array(stride * box.height);
    // Each region's runs written in turn (a subtracted one may stick out of the box: clipped).
    for (const { region, mode } of regions) {
      const value = mode === 'subtract' ? 0 : 1;
      const r = region.box;
      const { start, spans } = region.rows;
      for (let y = 0; y < r.height; y++) {
        const ty = r.y + y - box.y;
        if (ty < 0 || ty >= box.height) continue;
        for (let k = start[y]!; k < start[y + 1]!; k++) {
          const from = Math.max(0, r.x + spans[2 * k]! - box.x);
          const to = Math.min(box.width, r.x + spans[2 * k + 1]! - box.x + 1);
          if (from < to) mask.fill(value, ty * stride + from, ty * stride + to);
        }
      }
    }
    zones = boxMaskToZones(mask, box, OUTLINE_TOLERANCE, stride);
  }

  function show(): void {
    context.setDraft(zones.length > 0 ? { schemaId, geometry: { type: 'segmentation', value: { zones } }, overlay: true } : undefined);
  }

  /** Fills the draft again from `fills`: now when the picture is read, else once it is (the latest change wins). */
  function update(): void {
    const mine = ++generation;
    acceptWhenFilled = false;
    if (fills.length === 0) {
      waiting = false;
      zones = [];
      show();
      return;
    }
    const picture = context.picturePixelsInSteps?.() ?? context.picturePixels?.();
    if (!picture || !('then' in picture)) {
      waiting = false;
      // No picture to fill (none shown, or pixels that cannot be read): the click leaves nothing.
      if (picture) compute(picture);
      else {
        fills = [];
        zones = [];
      }
      show();
      return;
    }
    waiting = true;
    void picture.then((pixels) => {
      if (mine !== generation) return;
      waiting = false;
      if (!pixels) {
        fills = [];
        zones = [];
      } else compute(pixels);
      show();
      if (acceptWhenFilled) accept();
    });
  }

  function reset(): void {
    generation++;
    fills = [];
    zones = [];
    waiting = false;
    acceptWhenFilled = false;
    context.setDraft(undefined);
  }

  function accept(): boolean {
    if (waiting && context.session.canEdit) {
      acceptWhenFilled = true;
      return true;
    }
    acceptWhenFilled = false;
    if (zones.length === 0 || !context.session.canEdit) return false;
    const finished = zones;
    reset();
    createRegionObject(context, schemaId, finished, output);
    return true;
  }

  return {
    get state() {
      return `magic-wand.${zones.length > 0 || waiting ? 'draft' : 'idle'}`;
    },
    get zones() {
      return zones;
    },
    pointerDown(pointer: ToolPointer) {
      if (pointer.button !== 0 || !context.session.canEdit || !(context.picturePixelsInSteps ?? context.picturePixels)) return;
      const [x, y] = planePoint(context, pointer);
      // The second press of a double click (which accepts) must not refill the draft.
      const last = fills.at(-1);
      if (last && within(context, [x, y], [last.x, last.y], CLICK_SLOP_PX)) return;
      const mode = fills.length === 0 ? 'replace' : pointer.altKey ? 'subtract' : pointer.shiftKey ? 'add' : 'replace';
      fills = mode === 'replace' ? [{ x, y, mode }] : [...fills, { x, y, mode }];
      update();
    },
    pointerMove() {},
    pointerUp() {},
    doubleClick() {
      accept();
    },
    finish: accept,
    cancel() {
      if (fills.length === 0) return false;
      reset();
      return true;
    },
    deleteKey() {
      if (fills.length === 0) return false;
      fills = fills.slice(0, -1);
      update();
      return true;
    },
    refill() {
      if (fills.length > 0) update();
    },
    dispose() {
      if (fills.length > 0) reset();
    },
  };
}
