/**
 * What the assist layer (loaded only when a host sets `assist`) needs from its element. Types only:
 * the element builds one of these, so the layer reaches no protected member of the element itself.
 */
import type { ErrorInfo } from '../core/errors.js';
import type { LabelingSession } from '../core/session.js';
import type { Surface } from '../canvas/surface.js';
import type { KeyAction } from '../elements/base/keymap.js';

export interface AssistBridge {
  readonly session: LabelingSession;
  assetId(): string;
  /** The surface once pixi has loaded. */
  surface(): Surface | undefined;
  /** A fresh copy of the plane shown, as decoded; undefined before the asset is there. */
  picture(): Promise<ImageBitmap | undefined>;
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
