/**
 * One rendered page: the pdf.js bitmap in a canvas sized for the device pixel ratio, and the
 * pdf.js text layer over it for selection. Created when a page comes near the viewport and
 * destroyed when it leaves, so a long document holds a handful of bitmaps at a time.
 */
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy, RenderTask } from 'pdfjs-dist';

/** Canvas pixels above which the bitmap is drawn at a lower resolution (and CSS-scaled up). */
const MAX_CANVAS_PIXELS = 16_777_216;

export interface PageViewOptions {
  /** Where the canvas goes; emptied on destroy. */
  raster: HTMLElement;
  /** Where the text layer goes; emptied on destroy. */
  text: HTMLElement;
  page: PDFPageProxy;
  /** CSS pixels per PDF point. */
  scale: number;
  devicePixelRatio: number;
}

export class PdfPageView {
  readonly scale: number;
  /** Resolves when the bitmap and the text layer are drawn; rejects only for real render errors. */
  readonly rendered: Promise<void>;
  private renderTask: RenderTask | undefined;
  private textLayer: TextLayer | undefined;
  private readonly canvas: HTMLCanvasElement;
  private destroyed = false;

  constructor(private readonly options: PageViewOptions) {
    this.scale = options.scale;
    this.canvas = document.createElement('canvas');
    this.rendered = this.render();
  }

  private async render(): Promise<void> {
    const { page, scale, raster, text } = this.options;
    const viewport = page.getViewport({ scale });
    const ratio = Math.min(this.options.devicePixelRatio, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, viewport.width * viewport.height)));
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    canvas.setAttribute('aria-hidden', 'true');
    raster.replaceChildren(canvas);
    this.renderTask = page.render({
      canvas,
      viewport,
      ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
    });
    text.replaceChildren();
    text.style.setProperty('--total-scale-factor', String(scale));
    this.textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
    try {
      await Promise.all([this.renderTask.promise, this.textLayer.render()]);
    } catch (error) {
      if (this.destroyed || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
      throw error;
    }
  }

  /** The drawn bitmap (tests read its pixels). */
  get bitmap(): HTMLCanvasElement {
    return this.canvas;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.renderTask?.cancel();
    this.textLayer?.cancel();
    // Zero-sized canvases give their backing store back at once instead of at the next GC.
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.options.raster.replaceChildren();
    this.options.text.replaceChildren();
    this.options.page.cleanup();
  }
}
