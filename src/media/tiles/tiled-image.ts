/**
 * A picture cut into tiles at several levels (IIIF Image API 3 or Deep Zoom), described without
 * the layout it came from: the tile layer asks which tiles cover a box and at which URL each is.
 * Coordinates are full-resolution asset pixels, as for a picture loaded whole.
 */
import type { Box } from '../../core/model.js';

export interface TileLevel {
  /** Asset pixels per pixel of this level's tiles: 1 for the full size, then 2, 4, … */
  readonly scale: number;
  readonly columns: number;
  readonly rows: number;
}

export interface TileAddress {
  /** Index into `levels` (0 is the full size). */
  readonly level: number;
  readonly column: number;
  readonly row: number;
}

export interface TiledImage {
  readonly format: 'iiif' | 'dzi';
  readonly width: number;
  readonly height: number;
  /** The tile grid's cell in level pixels (a Deep Zoom tile's picture is larger by its overlap). */
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Finest first; the last one is the coarsest (usually one tile). */
  readonly levels: readonly TileLevel[];
  /** The tile's path beside the info.json or .dzi (its URL: `siblingUrl(source, path)`, tile-url.ts). */
  tilePath(tile: TileAddress): string;
  /** The asset pixels the tile's picture covers (a Deep Zoom tile's overlap included). */
  tileBox(tile: TileAddress): Box;
}

/** The level to draw at `screenPixelsPerAssetPixel`: the coarsest one that still has a pixel per screen pixel. */
export function levelFor(image: TiledImage, screenPixelsPerAssetPixel: number): number {
  const wanted = screenPixelsPerAssetPixel > 0 ? 1 / screenPixelsPerAssetPixel : 1;
  let chosen = 0;
  image.levels.forEach((level, index) => {
    if (level.scale <= wanted) chosen = index;
  });
  return chosen;
}

/** The tiles of `level` whose grid cells meet `box` (asset pixels), nearest the box's centre first. */
export function tilesCovering(image: TiledImage, level: number, box: Box): TileAddress[] {
  const { scale, columns, rows } = image.levels[level]!;
  const spanX = image.tileWidth * scale;
  const spanY = image.tileHeight * scale;
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
  const left = clamp(Math.floor(box.x / spanX), columns - 1);
  const right = clamp(Math.ceil((box.x + box.width) / spanX) - 1, columns - 1);
  const top = clamp(Math.floor(box.y / spanY), rows - 1);
  const bottom = clamp(Math.ceil((box.y + box.height) / spanY) - 1, rows - 1);
  if (box.width <= 0 || box.height <= 0 || box.x >= image.width || box.y >= image.height || box.x + box.width <= 0 || box.y + box.height <= 0) return [];
  const tiles: TileAddress[] = [];
  for (let row = top; row <= bottom; row++) for (let column = left; column <= right; column++) tiles.push({ level, column, row });
  const cx = (box.x + box.width / 2) / spanX - 0.5;
  const cy = (box.y + box.height / 2) / spanY - 0.5;
  return tiles.sort((a, b) => Math.hypot(a.column - cx, a.row - cy) - Math.hypot(b.column - cx, b.row - cy));
}
