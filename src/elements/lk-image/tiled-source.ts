/**
 * `<lk-image>`'s tiled sources (IIIF info.json, Deep Zoom .dzi), loaded only when `src` is one:
 * the descriptor comes through the element's asset loader, each tile through a loader of its own
 * with the same host hooks, so every request is one the host can see and sign.
 */
import type { AssetLoader } from '../../host/asset-loader.js';
import { TileLayer } from '../../canvas/tile-layer.js';
import { parseDzi } from '../../media/tiles/dzi.js';
import { parseIiifInfo } from '../../media/tiles/iiif.js';
import { siblingUrl } from '../../media/tiles/tile-url.js';

export interface TiledSourceHooks {
  /** A loader for one tile's URL through the host's hooks; `path` is the tile's path beside the descriptor. */
  loaderFor(url: string, path: string): AssetLoader;
  onTile(): void;
  onError(error: unknown): void;
  /** Most decoded tiles kept (each of 512 px is 1 MiB of texture). */
  cacheSize: number;
}

const MIB = 1024 * 1024;

/** The descriptor read and the coarsest level loaded (or failed): the picture can be shown. */
export async function openTiledSource(format: 'iiif' | 'dzi', loader: AssetLoader, signal: AbortSignal, hooks: TiledSourceHooks): Promise<TileLayer> {
  const text = await loader.fetchText({ signal });
  const image = format === 'iiif' ? parseIiifInfo(text) : parseDzi(text, loader.currentUrl());
  const layer = new TileLayer({
    image,
    fetchTile(tile, tileSignal) {
      const path = image.tilePath(tile);
      // Beside the descriptor's URL in use now (a refreshed one carries the fresh query).
      return hooks.loaderFor(siblingUrl(loader.currentUrl(), path), path).fetchBlob({ signal: tileSignal });
    },
    onTile: hooks.onTile,
    onError: hooks.onError,
    limits: { maxTiles: hooks.cacheSize, maxBytes: hooks.cacheSize * MIB },
  });
  const abandon = () => layer.destroy();
  signal.addEventListener('abort', abandon, { once: true });
  await layer.idle();
  signal.removeEventListener('abort', abandon);
  signal.throwIfAborted();
  return layer;
}
