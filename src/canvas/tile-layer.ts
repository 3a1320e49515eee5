/**
 * A tiled picture (IIIF, Deep Zoom) as the surface's background: each frame it is told what part
 * of the asset is on screen and at what zoom, fetches the tiles of the right level there (nearest
 * the centre first, a few at a time, abandoning those panned away), decodes them off the main
 * thread (`createImageBitmap`) and shows them in asset coordinates. The coarsest level is always
 * loaded and kept, and every cached coarser tile stays under the finer ones, so a level that is
 * still loading shows the coarser picture instead of holes. Decoded tiles live in a bounded cache
 * whose evicted textures are destroyed.
 */
import { Container, Sprite, Texture } from 'pixi.js';
import type { Box } from '../core/model.js';
import { levelFor, tilesCovering, type TileAddress, type TiledImage } from '../media/tiles/tiled-image.js';
import { TileCache, type TileCacheLimits } from '../media/tiles/tile-cache.js';
import { isAbortError } from '../host/asset-loader.js';

export interface TileLayerOptions {
  image: TiledImage;
  /** The tile's bytes (through the host's hooks); rejects with a LabelkitError, or an AbortError. */
  fetchTile(tile: TileAddress, signal: AbortSignal): Promise<Blob>;
  /** A tile arrived: the surface should render. */
  onTile(): void;
  /** A tile could not be loaded or decoded; the others keep loading. */
  onError(error: unknown): void;
  limits?: Partial<TileCacheLimits>;
  /** Tiles fetched at once. */
  concurrency?: number;
}

export interface TileLayerStats {
  /** Decoded tiles held now, and their size as RGBA. */
  tiles: number;
  bytes: number;
  /** The level drawn (0: full size), its scale (asset pixels per tile pixel). */
  level: number;
  scale: number;
  /** Tiles on screen now. */
  shown: number;
  limits: TileCacheLimits;
}

/** 256 tiles of 512 px: 256 MiB of textures at most. */
const DEFAULT_LIMITS: TileCacheLimits = { maxTiles: 256, maxBytes: 256 * 1024 * 1024 };
const DEFAULT_CONCURRENCY = 6;
/** Past 800 % tiles are sampled nearest-neighbour, as the surface does for a whole picture. */
const PIXEL_EXACT_SCALE = 8;

const keyOf = ({ level, column, row }: TileAddress) => `${level}/${column}/${row}`;

export class TileLayer {
  readonly container = new Container();
  readonly image: TiledImage;
  private readonly options: TileLayerOptions;
  private readonly limits: TileCacheLimits;
  private readonly cache: TileCache<Texture>;
  private readonly sprites = new Map<string, Sprite>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly failed = new Set<string>();
  /** The coarsest level's tiles: fetched first, never evicted. */
  private readonly base: TileAddress[];
  private readonly baseKeys: Set<string>;
  private queue: TileAddress[] = [];
  private level: number;
  private idleWaiters: (() => void)[] = [];
  private destroyed = false;

  constructor(options: TileLayerOptions) {
    this.options = options;
    this.image = options.image;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.cache = new TileCache<Texture>(this.limits, (texture) => {
      const bitmap = texture.source.resource as ImageBitmap | undefined;
      texture.destroy(true);
      bitmap?.close?.();
    });
    this.level = this.image.levels.length - 1;
    const coarsest = this.image.levels[this.level]!;
    this.base = [];
    for (let row = 0; row < coarsest.rows; row++) for (let column = 0; column < coarsest.columns; column++) this.base.push({ level: this.level, column, row });
    this.baseKeys = new Set(this.base.map(keyOf));
    this.queue = [...this.base];
    this.pump();
  }

  /** Resolves when no tile the current view wants is loading. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): TileLayerStats {
    return {
      tiles: this.cache.size,
      bytes: this.cache.bytes,
      level: this.level,
      scale: this.image.levels[this.level]!.scale,
      shown: this.sprites.size,
      limits: { ...this.limits },
    };
  }

  /** Shows what is cached for `visible` (asset pixels) and fetches what is missing at the level for this zoom. */
  update(visible: Box, screenPixelsPerAssetPixel: number): void {
    if (this.destroyed) return;
    const image = this.image;
    const target = levelFor(image, screenPixelsPerAssetPixel);
    this.level = target;
    const wanted = target === image.levels.length - 1 ? [] : tilesCovering(image, target, visible);
    this.request(wanted);

    const shown = new Map<string, Texture>();
    for (let level = image.levels.length - 1; level >= target; level--) {
      for (const tile of tilesCovering(image, level, visible)) {
        const key = keyOf(tile);
        const texture = this.cache.use(key);
        if (texture) shown.set(key, texture);
      }
    }
    this.show(shown, screenPixelsPerAssetPixel > PIXEL_EXACT_SCALE ? 'nearest' : 'linear');
    this.cache.trim(new Set([...shown.keys(), ...this.baseKeys]));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
    this.queue = [];
    this.container.destroy({ children: true });
    this.sprites.clear();
    this.cache.clear();
    this.resolveIdle();
  }

  /** Coarse levels first (below), so finer tiles cover them where they are loaded. */
  private show(shown: Map<string, Texture>, scaleMode: 'nearest' | 'linear'): void {
    for (const [key, sprite] of this.sprites) {
      if (shown.has(key)) continue;
      sprite.destroy();
      this.sprites.delete(key);
    }
    let index = 0;
    for (const [key, texture] of shown) {
      let sprite = this.sprites.get(key);
      if (!sprite) {
        const [level, column, row] = key.split('/').map(Number) as [number, number, number];
        const box = this.image.tileBox({ level, column, row });
        sprite = new Sprite(texture);
        sprite.position.set(box.x, box.y);
        sprite.width = box.width;
        sprite.height = box.height;
        this.sprites.set(key, sprite);
      }
      if (texture.source.scaleMode !== scaleMode) texture.source.scaleMode = scaleMode;
      this.container.addChildAt(sprite, index++);
    }
  }

  /** Makes `wanted` (after the base) the queue; abandons fetches of tiles no longer wanted. */
  private request(wanted: TileAddress[]): void {
    const keys = new Set(wanted.map(keyOf));
    for (const [key, controller] of this.inFlight) {
      if (keys.has(key) || this.baseKeys.has(key)) continue;
      controller.abort();
      this.inFlight.delete(key);
    }
    const baseLeft = this.queue.filter((tile) => this.baseKeys.has(keyOf(tile)));
    this.queue = [...baseLeft, ...wanted.filter((tile) => !this.cache.has(keyOf(tile)) && !this.inFlight.has(keyOf(tile)) && !this.failed.has(keyOf(tile)))];
    this.pump();
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? DEFAULT_CONCURRENCY;
    while (!this.destroyed && this.inFlight.size < concurrency && this.queue.length > 0) {
      const tile = this.queue.shift()!;
      const key = keyOf(tile);
      if (this.cache.has(key) || this.inFlight.has(key)) continue;
      const controller = new AbortController();
      this.inFlight.set(key, controller);
      void this.load(tile, key, controller.signal).finally(() => {
        if (this.inFlight.get(key) === controller) this.inFlight.delete(key);
        this.pump();
        if (this.queue.length === 0 && this.inFlight.size === 0) this.resolveIdle();
      });
    }
  }

  private async load(tile: TileAddress, key: string, signal: AbortSignal): Promise<void> {
    let bitmap: ImageBitmap;
    try {
      const blob = await this.options.fetchTile(tile, signal);
      signal.throwIfAborted();
      bitmap = await createImageBitmap(blob);
    } catch (error) {
      if (isAbortError(error, signal) || signal.aborted || this.destroyed) return;
      this.failed.add(key);
      this.options.onError(error);
      return;
    }
    if (signal.aborted || this.destroyed) {
      bitmap.close();
      return;
    }
    const keep = new Set([...this.sprites.keys(), ...this.baseKeys]);
    this.cache.add(key, Texture.from(bitmap, true), bitmap.width * bitmap.height * 4, keep);
    this.options.onTile();
  }

  private resolveIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
