/**
 * The contract between a 2D surface and the drawing tools. Tools are small state machines in
 * asset coordinates: the surface converts pointer events once and renders what tools ask for.
 * Tools never touch the DOM or pixi, so they are tested as scripts without either.
 */
import type { Box, Geometry, Point } from '../core/model.js';
import type { LabelingSession } from '../core/session.js';
import type { PicturePixels } from './smart/picture.js';

export interface ToolPointer {
  /** Asset coordinates. */
  x: number;
  y: number;
  /** 0 primary, 1 middle, 2 secondary. */
  button: number;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  pointerType: 'mouse' | 'pen' | 'touch';
  /** 0..1; 0.5 for devices that do not report pressure. */
  pressure: number;
}

/** A handle on a selected shape: where it is and what dragging it does. */
export type HandleKind =
  | { kind: 'resize'; edge: 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw' }
  | { kind: 'rotate' }
  | { kind: 'vertex'; zone?: number; ring?: number; index: number }
  | { kind: 'midpoint'; zone?: number; ring?: number; index: number };

export interface Handle {
  objectId: string;
  position: Point;
  handle: HandleKind;
}

/** What a tool wants drawn while it works; never part of the store. */
export interface Draft {
  schemaId: string;
  geometry: Geometry;
  /** A point under the pointer the draft would add (rubber band); drawn dashed. */
  preview?: Point;
  /** A box-select rectangle (select tool). */
  marquee?: Box;
  /**
   * Drawn on a small layer over the stage instead of in it: for a draft that changes on every
   * pointer move or click (the smart tools'), which then costs its own path, not a stage render.
   */
  overlay?: boolean;
}

/** A brush stroke in progress: the mask being painted (a working copy, committed on pointer up). */
export interface BrushDraft {
  schemaId: string;
  erase: boolean;
  data: Uint8Array;
  width: number;
  height: number;
  /** The dirty region since the draft began, in asset pixels. */
  dirty: Box;
}

export interface ToolContext {
  readonly session: LabelingSession;
  /** The plane (frame, page, slice) the user is looking at. */
  readonly plane: number;
  readonly planeSize: { width: number; height: number };
  /** Screen pixels per asset pixel: tools turn screen tolerances (handles, closing) into asset units. */
  readonly scale: number;
  /** Brush diameter in asset pixels. */
  brushSize: number;
  /**
   * Which pixels of this plane a brush may paint (1 = may, one byte per pixel, row-major), e.g. those
   * within a Hounsfield range (lk-dicom's threshold painting); undefined = all. Erasing ignores it.
   */
  paintablePixels?(): Uint8Array | undefined;
  /** The plane's picture at asset resolution (magic wand, magnetic lasso); undefined where there is none. */
  picturePixels?(): PicturePixels | undefined;
  /**
   * The same pixels without blocking the page: at once when read already, else a promise of a read
   * done a band of rows per task (undefined: nothing to read, or pixels that cannot be read).
   */
  picturePixelsInSteps?(): PicturePixels | Promise<PicturePixels | undefined> | undefined;
  newObjectId(): string;
  /** Topmost visible object on this plane at `point`, within `tolerance` screen pixels (spatial index). */
  hitTest(point: Point, tolerance: number): string | undefined;
  /** Visible objects on this plane whose bounds intersect `box`. */
  query(box: Box): string[];
  /** The handle of a selected object at `point`, within `tolerance` screen pixels. */
  handleAt(point: Point, tolerance: number): Handle | undefined;
  /** The object's geometry on this plane (interpolated on video tracks), if visible here. */
  geometryOf(objectId: string): Geometry | undefined;
  setDraft(draft: Draft | undefined): void;
  setBrushDraft(draft: BrushDraft | undefined): void;
  setCursor(cursor: string): void;
  /** What the tool asks of the user next (keypoints: the next point's name), shown over the stage; undefined clears it. */
  setHint?(hint: string | undefined): void;
}

export interface Tool {
  /** Dotted state id, e.g. `polygon.drawing`. */
  readonly state: string;
  pointerDown(pointer: ToolPointer): void;
  pointerMove(pointer: ToolPointer): void;
  pointerUp(pointer: ToolPointer): void;
  /** Double click (closes polygons, finishes lines). */
  doubleClick?(pointer: ToolPointer): void;
  /** Enter / N: finish the shape being drawn. Returns true when there was one. */
  finish(): boolean;
  /** Esc: drop the draft or the gesture in progress and leave nothing behind. Returns true when there was one. */
  cancel(): boolean;
  /** Arrow-key nudge of the selection in asset pixels. Returns true when handled. */
  nudge?(dx: number, dy: number): boolean;
  /** Delete / Backspace while drawing or with a vertex selected. Returns true when handled. */
  deleteKey?(): boolean;
  /** Keypoints: the next point is absent (X). Returns true when handled. */
  skip?(): boolean;
  /** Keypoints: the focused point's visibility goes visible → occluded → absent → visible (O). Returns true when handled. */
  cycleVisibility?(): boolean;
  /** The tool is being switched away from: tidy up as cancel would. */
  dispose(): void;
}

export type ToolFactory = (context: ToolContext, schemaId: string) => Tool;
