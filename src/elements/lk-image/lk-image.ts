import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
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
import { tiledFormat, type SourceType } from '../../media/tiles/detect.js';
import type { TileLayer, TileLayerStats } from '../../canvas/tile-layer.js';

/** An image has no pixel spacing: measuring classes (`measure`) measure in pixels. */
const PIXEL_MEASUREMENTS: MeasurementContext = { spacingOf: () => undefined, everyPolyline: false };

/**
 * Label a raster image: bounding boxes, rotated boxes, polygons, polylines, points,
 * segmentation, splines, brush masks and keypoint skeletons, with classifications and relations. Polyline classes
 * with `measure` (ruler, angle, Cobb angle) show their measurement in pixels and export it.
 *
 * `src` may also be a tiled image (gigapixel): an IIIF Image API `info.json` or a Deep Zoom `.dzi`
 * (found by the URL's last path part, or named by `source-type`). Only the tiles on screen are
 * fetched, at the level the zoom needs, each through `fetchAsset` / `resolveUrl` like the asset;
 * coordinates are full-resolution pixels as for the picture loaded whole.
 *
 * @tagname lk-image
 * @summary Image labeling element.
 */
export class LkImage extends SurfaceElement {
  static override styles = [annotatorLayoutStyles, measureLabelStyles];

  /**
   * What `src` is: `auto` (a URL whose path ends in `info.json` is IIIF, one ending in `.dzi` is
   * Deep Zoom, anything else a picture loaded whole), `image`, `iiif` or `dzi`. Set it before `src`.
   */
  @property({ attribute: 'source-type' }) sourceType: SourceType = 'auto';

  /**
   * For a tiled `src`: the most decoded tiles kept in memory (a 512-px tile is 1 MiB of texture).
   * The least recently seen go first; those on screen and the coarsest level always stay.
   */
  @property({ attribute: 'tile-cache-size', type: Number }) tileCacheSize = 256;

  private bitmap: ImageBitmap | undefined;
  /**
   * pixi's module, asked for when a picture starts loading: a dynamic `import()` resolves a task
   * later even when the module is in already, and that wait then overlaps the decode.
   */
  private pixiLoad: Promise<typeof import('pixi.js')> | undefined;
  private tiles: TileLayer | undefined;
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
      const format = tiledFormat(loader.currentUrl(), this.sourceType);
      if (format) return await this.loadTiles(format, loader, signal);
      this.tiles = undefined;
      // Asked for now so the wait overlaps the decode; a failure is reported where it is awaited.
      this.loadPixi().catch(() => undefined);
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

  /** A tiled source: the descriptor read, the coarsest level on screen; the rest loads as the view needs it. */
  private async loadTiles(format: 'iiif' | 'dzi', loader: AssetLoader, signal: AbortSignal): Promise<AssetMetadata> {
    const { openTiledSource } = await import('./tiled-source.js');
    const reported = new Set<string>();
    const tiles = await openTiledSource(format, loader, signal, {
      loaderFor: (url, path) => this.resourceLoader(url, { resource: 'tile', tile: path }),
      onTile: () => this.surface?.invalidate(false),
      onError: (error) => this.reportTileError(error, reported),
      cacheSize: Math.max(16, Math.floor(this.tileCacheSize) || 256),
    });
    const surface = await this.ensureSurface();
    if (signal.aborted) {
      // Another src took over meanwhile: its picture stays.
      tiles.destroy();
      signal.throwIfAborted();
    }
    this.bitmap?.close();
    this.bitmap = undefined;
    this.tiles = tiles;
    const size = { width: tiles.image.width, height: tiles.image.height };
    surface.setTiles(tiles, size);
    this.setStatus('');
    return size;
  }

  /** One `lk-error` per kind of tile failure and load (a missing tile is seldom alone); the other tiles keep loading. */
  private reportTileError(error: unknown, reported: Set<string>): void {
    const info = error instanceof LabelkitError ? error.info : { code: 'asset-unsupported' as const, message: 'The tile is not an image this browser can decode.' };
    if (reported.has(info.code)) return;
    reported.add(info.code);
    this.reportError({ ...info, message: `A tile of the image could not be loaded. ${info.message}` });
  }

  /**
   * The tiled picture's cache and level now (tests, diagnostics); undefined for a picture loaded whole.
   * @internal
   */
  tileStats(): TileLayerStats | undefined {
    return this.tiles?.stats();
  }

  /** For a tiled `src`: resolves once the tiles the current view wants have loaded or failed, and are drawn (tests, screenshots). */
  async tilesSettled(): Promise<void> {
    await this.settled();
    await this.tiles?.idle();
    this.surface?.renderNow();
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

  private loadPixi(): Promise<typeof import('pixi.js')> {
    // A failed load is asked again next time (and its rejection is handled where it is awaited).
    this.pixiLoad ??= import('pixi.js').catch((error: unknown) => {
      this.pixiLoad = undefined;
      throw error;
    });
    return this.pixiLoad;
  }

  /** Puts the decoded image on the surface (fitted) before `lk-ready` fires. */
  private async showBitmap(surface: Surface): Promise<void> {
    const bitmap = this.bitmap;
    if (!bitmap) return;
    const { Texture } = await this.loadPixi();
    if (this.bitmap !== bitmap) return;
    surface.setBackground(Texture.from(bitmap), { width: bitmap.width, height: bitmap.height }, { still: true });
  }
}
