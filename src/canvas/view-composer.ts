/**
 * On the Canvas2D renderer (chosen where WebGL would be software), a frame in which only the view
 * moved is composed by the browser: the last rendered frame is moved and scaled with a CSS
 * transform, the compositor's work (about the cost of an empty frame), instead of repainting the
 * picture and the shape bitmap (two full-canvas draws, ~8 ms a frame in software). A full render
 * follows at least every COMPOSE_MAX_MS while the view moves, as soon as the view is too far
 * (in scale) from the rendered one, and when it settles; until then the edges the motion uncovers
 * show the stage background and outlines scale with the zoom. On a GPU a render is cheap and
 * every frame is rendered.
 */
import type { ViewportState } from './viewport.js';

/** How long a rendered frame may stand in for a moving view. */
export const COMPOSE_MAX_MS = 50;
/** Beyond these scale ratios the composed frame is too blurred or too small: render instead. */
const MIN_RATIO = 0.5;
const MAX_RATIO = 2;

export class ViewComposer {
  private renderedView: ViewportState | undefined;
  private renderedAt = 0;
  private transformed: HTMLElement[] | undefined;

  /** Whether the canvas shows a composed (transformed) frame now. */
  get composing(): boolean {
    return this.transformed !== undefined;
  }

  /**
   * Shows `view` on `canvas` by transforming the last rendered frame; false when a render is due
   * instead. `companions` (the live overlay) get the same transform about their own origin.
   */
  compose(canvas: HTMLCanvasElement, view: ViewportState, now: number, companions: readonly HTMLElement[] = []): boolean {
    const from = this.renderedView;
    if (!from || now - this.renderedAt > COMPOSE_MAX_MS) return false;
    const ratio = view.scale / from.scale;
    if (!(ratio >= MIN_RATIO && ratio <= MAX_RATIO)) return false;
    canvas.style.transformOrigin = '0 0';
    const transform = `translate(${view.offsetX - ratio * from.offsetX}px, ${view.offsetY - ratio * from.offsetY}px) scale(${ratio})`;
    this.transformed = [canvas, ...companions];
    for (const element of this.transformed) element.style.transform = transform;
    return true;
  }

  /** `view` was rendered onto the canvas: it shows as drawn. */
  rendered(view: ViewportState, now: number): void {
    for (const element of this.transformed ?? []) element.style.transform = '';
    this.transformed = undefined;
    this.renderedView = view;
    this.renderedAt = now;
  }

  /** The canvas was replaced (a lost context rebuilt): nothing rendered on the new one yet. */
  reset(): void {
    this.transformed = undefined;
    this.renderedView = undefined;
  }
}
