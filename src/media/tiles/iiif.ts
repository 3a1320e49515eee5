/**
 * An IIIF Image API `info.json` (version 3, or 2 which has the same `tiles`) read as a TiledImage.
 * Tiles are requested in the canonical form a level 0 (static) server holds:
 * `{id}/{x},{y},{w},{h}/{w'},{h'}/0/default.jpg` (version 2: `{w'},`), beside the info.json the
 * host gave.
 */
import { LabelkitError } from '../../core/errors.js';
import type { TileAddress, TiledImage, TileLevel } from './tiled-image.js';

const UNSUPPORTED = 'The IIIF info.json is not one labelkit can read: it needs a width, a height and tiles with scale factors.';

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function parseIiifInfo(text: string): TiledImage {
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new LabelkitError({ code: 'asset-unsupported', message: 'The IIIF info.json is not valid JSON.' });
  }
  const tiles = Array.isArray(info?.tiles) ? (info.tiles[0] as Record<string, unknown> | undefined) : undefined;
  const factors = Array.isArray(tiles?.scaleFactors) ? (tiles.scaleFactors as unknown[]) : [];
  const { width, height } = info ?? {};
  const tileWidth = tiles?.width;
  const tileHeight = tiles?.height ?? tileWidth;
  if (!positiveInteger(width) || !positiveInteger(height) || !positiveInteger(tileWidth) || !positiveInteger(tileHeight) || factors.length === 0 || !factors.every(positiveInteger)) {
    throw new LabelkitError({ code: 'asset-unsupported', message: UNSUPPORTED });
  }
  const version2 = String(info['@context'] ?? '').includes('/image/2/');
  const levels: TileLevel[] = [...new Set(factors)]
    .sort((a, b) => a - b)
    .map((scale) => ({ scale, columns: Math.ceil(width / (tileWidth * scale)), rows: Math.ceil(height / (tileHeight * scale)) }));
  const tileBox = ({ level, column, row }: TileAddress) => {
    const { scale } = levels[level]!;
    const x = column * tileWidth * scale;
    const y = row * tileHeight * scale;
    return { x, y, width: Math.min(tileWidth * scale, width - x), height: Math.min(tileHeight * scale, height - y) };
  };
  return {
    format: 'iiif',
    width,
    height,
    tileWidth,
    tileHeight,
    levels,
    tileBox,
    tilePath(tile) {
      const box = tileBox(tile);
      const { scale } = levels[tile.level]!;
      const size = version2 ? `${Math.ceil(box.width / scale)},` : `${Math.ceil(box.width / scale)},${Math.ceil(box.height / scale)}`;
      return `${box.x},${box.y},${box.width},${box.height}/${size}/0/default.jpg`;
    },
  };
}
