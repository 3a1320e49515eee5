import { nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LabelkitError } from '../../core/errors.js';
import type { Surface } from '../../canvas/surface.js';
import type { AssetLoader } from '../../host/asset-loader.js';
import { loadImage } from '../../host/load-image.js';
import type { MeasurementContext } from '../../format/geometry/codec.js';
import type { AssetMetadata } from '../../format/types.js';
import { annotatorLayoutStyles } from '../base/layout.styles.js';
import { SurfaceElement } from '../base/surface-element.js';
import { ContextProvider } from '@lit/context';
import { IMAGE_SHORTCUTS } from '../base/canvas-shortcuts.js';
import { elementShortcutsContext } from '../panels/shared/element-shortcuts.js';
import { measureLabelStyles, observeViewChanges, renderMeasureLabels } from '../measure/measure-labels.js';

/** An image has no pixel spacing: measuring classes (`measure`) measure in pixels. */
const PIXEL_MEASUREMENTS: MeasurementContext = { spacingOf: () => undefined, everyPolyline: false };

/**
 * Label a raster image: bounding boxes, rotated boxes, polygons, polylines, points,
 * segmentation, splines, brush masks and keypoint skeletons, with classifications and relations. Polyline classes
 * with `measure` (ruler, angle, Cobb angle) show their measurement in pixels and export it.
 *
 * @tagname lk-image
 * @summary Image labeling element.
 */
export class LkImage extends SurfaceElement {
  static override styles = [annotatorLayoutStyles, measureLabelStyles];

  private bitmap: ImageBitmap | undefined;
  /** Bumped on every view change so measurement labels follow pan and zoom. */
  @state() private viewTick = 0;

  constructor() {
    super();
    // The shortcut help inside this element lists the canvas keys too.
    new ContextProvider(this, { context: elementShortcutsContext, initialValue: IMAGE_SHORTCUTS });
  }

  protected async loadAsset(loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    this.setStatus('Loading image…');
    try {
      const bitmap = await loadImage(loader, signal);
      this.bitmap?.close();
      this.bitmap = bitmap;
      const surface = await this.ensureSurface();
      await this.showBitmap(surface);
      this.setStatus('');
      return { width: bitmap.width, height: bitmap.height };
    } catch (error) {
      if (!signal.aborted) this.setStatus(error instanceof LabelkitError ? error.message : 'The image could not be loaded.', true);
      throw error;
    }
  }

  /** @internal */
  protected override onSurfaceReady(surface: Surface): void {
    observeViewChanges(surface, () => this.viewTick++);
    if (this.bitmap) void this.showBitmap(surface);
  }

  /** @internal */
  protected override assistPicture(): CanvasImageSource | undefined {
    return this.bitmap;
  }

  protected override exportContext(): { measurements: MeasurementContext } {
    return { measurements: PIXEL_MEASUREMENTS };
  }

  protected override renderBelowStage(): TemplateResult | typeof nothing {
    return renderMeasureLabels(this.session, this.view, PIXEL_MEASUREMENTS);
  }

  /** Puts the decoded image on the surface (fitted) before `lk-ready` fires. */
  private async showBitmap(surface: Surface): Promise<void> {
    const bitmap = this.bitmap;
    if (!bitmap) return;
    const { Texture } = await import('pixi.js');
    if (this.bitmap !== bitmap) return;
    surface.setBackground(Texture.from(bitmap), { width: bitmap.width, height: bitmap.height }, { still: true });
  }
}
