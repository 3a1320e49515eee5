/**
 * What the assist layer (loaded only when a host sets `assist`) needs from its element. Types only:
 * the element builds one of these, so the layer reaches no protected member of the element itself.
 */
import type { ErrorInfo } from '../core/errors.js';
import type { LabelingSession } from '../core/session.js';
import type { Geometry } from '../core/model.js';
import type { ViewportState } from '../canvas/viewport.js';
import type { KeyAction } from '../elements/base/keymap.js';
import type { Tool, ToolContext } from '../tools/tool.js';

/**
 * Where the layer draws and prompts: the 2D surface (pixi), or one page of `<lk-pdf>`. The layer
 * needs no more of either than this.
 */
export interface AssistStage {
  /** `layer pixel = plane coordinate * scale + offset` (CSS pixels from the layer's top left). */
  readonly view: ViewportState;
  readonly activeTool: Tool;
  /** A tool that replaces the class's own drawing tool while set (the smart segment tool). */
  toolOverride: ((context: ToolContext, schemaId: string, tool: string) => Tool | undefined) | undefined;
  /** Builds the active class's tool again (after `toolOverride` changed). */
  reloadTool(): void;
}

export interface AssistBridge {
  readonly session: LabelingSession;
  assetId(): string;
  /** The surface once pixi has loaded (`<lk-pdf>`: the page shown, once drawn). */
  surface(): AssistStage | undefined;
  /** Calls `onChange` after every change of `surface()`'s view (pan, zoom, scroll). */
  observeView(stage: AssistStage, onChange: () => void): void;
  /** A fresh copy of the plane shown, as decoded; undefined before the asset is there. */
  picture(): Promise<ImageBitmap | undefined>;
  /**
   * What a request adds to `assetId`, `page` and `image`: `<lk-pdf>` says the page's 1-based
   * `pageNumber` and the `imageScale` (pixels of `image` per PDF point).
   */
  requestExtras?(image: ImageBitmap): { pageNumber: number; imageScale: number };
  /**
   * The classes a detector may answer with a `bounding-box` although their tool is not one, and
   * what such a box becomes (`<lk-pdf>`: a `pdf` class's area selection).
   */
  boxClasses?: { tools: readonly string[]; toGeometry(schemaId: string, geometry: Geometry, plane: number): Geometry };
  /** `<lk-video>`: the number of frames; undefined elsewhere (no tracking). */
  frameTotal(): number | undefined;
  newObjectId(): string;
  /** Runs `write` with its new objects stamped `createdIn: origin.in` and `model`. */
  writeAs<T>(origin: { in: string; model?: string }, write: () => T): T;
  reportError(info: ErrorInfo): void;
}

/** The layer as its element talks to it. */
export interface AssistLayerElement extends HTMLElement {
  bridge: AssistBridge | undefined;
  /** A key the element's keymap resolved; true when the layer used it (Enter, Delete on a suggestion). */
  handleKeyAction(action: KeyAction): boolean;
  /** Draws again (the surface arrived). */
  requestUpdate(): void;
}
