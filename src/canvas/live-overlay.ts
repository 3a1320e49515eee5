/**
 * On the Canvas2D renderer, the live shapes (selected, hovered, being drawn, their handles and
 * titles, relations, objects just added) are rendered onto a small canvas of their own over the
 * stage, cut to what they cover on screen. A frame in which only they changed (a selection, a
 * hover, a drag of a selected shape, an added shape) draws and commits that small canvas and
 * leaves the stage-sized one alone: in software the browser's commit and compositing of the
 * stage canvas (~9 ms) was most of such a frame.
 */
import { CanvasSource, Texture, type Container, type Renderer } from 'pixi.js';
import type { Size, ViewportState } from './viewport.js';

/** Screen pixels kept round the content's bounds (antialiased edges). */
const PAD = 2;

export class LiveOverlay {
  readonly canvas = document.createElement('canvas');
  private readonly source: CanvasSource;
  private readonly texture: Texture;

  constructor(container: HTMLElement, resolution: number) {
    // Never a target of input: the stage reads pointers on its container.
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;display:none';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.source = new CanvasSource({ resource: this.canvas, width: 1, height: 1, resolution, autoDensity: true });
    this.texture = new Texture({ source: this.source });
    container.appendChild(this.canvas);
  }

  /**
   * Renders `content` (asset coordinates) as the stage shows `view`, onto a canvas cut to the
   * content's screen bounds inside the stage; hidden when there is nothing to show.
   */
  render(renderer: Renderer, content: Container, view: ViewportState, stage: Size): void {
    content.position.set(view.offsetX, view.offsetY);
    content.scale.set(view.scale);
    const bounds = content.getBounds();
    const left = Math.max(0, Math.floor(bounds.minX) - PAD);
    const top = Math.max(0, Math.floor(bounds.minY) - PAD);
    const right = Math.min(Math.ceil(stage.width), Math.ceil(bounds.maxX) + PAD);
    const bottom = Math.min(Math.ceil(stage.height), Math.ceil(bounds.maxY) + PAD);
    if (!(right > left && bottom > top)) {
      this.canvas.style.display = 'none';
      return;
    }
    this.source.resize(right - left, bottom - top, renderer.resolution);
    const style = this.canvas.style;
    style.left = `${left}px`;
    style.top = `${top}px`;
    // A composed frame gives this canvas the stage canvas's transform: about the stage's origin.
    style.transformOrigin = `${-left}px ${-top}px`;
    style.display = '';
    content.position.set(view.offsetX - left, view.offsetY - top);
    renderer.render({ container: content, target: this.texture, clear: true });
  }

  destroy(): void {
    this.canvas.remove();
    this.texture.destroy(true);
  }
}
