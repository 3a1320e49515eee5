/**
 * A Deep Zoom `.dzi` descriptor read as a TiledImage. Deep Zoom numbers levels from the 1 × 1 px
 * one (0) up to the full size; tiles are `{name}_files/{level}/{column}_{row}.{Format}` beside
 * the `.dzi`, each larger than its grid cell by `Overlap` pixels on every inner side.
 */
import { LabelkitError } from '../../core/errors.js';
import type { TileAddress, TiledImage, TileLevel } from './tiled-image.js';
import { lastPathPart } from './tile-url.js';

const UNSUPPORTED = 'The Deep Zoom descriptor is not one labelkit can read: it needs TileSize, Overlap, Format and a Size.';

function integerAttribute(element: Element | null | undefined, name: string, min: number): number | undefined {
  const text = element?.getAttribute(name);
  const value = text && /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  return Number.isSafeInteger(value) && value >= min ? value : undefined;
}

/** `source`: the .dzi's URL, whose name the tile folder takes (`photo.dzi` → `photo_files/`). */
export function parseDzi(text: string, source: string): TiledImage {
  // An XML parse: no scripts run, nothing is fetched, nothing is rendered.
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const image = document.documentElement;
  const size = image?.localName === 'Image' ? [...image.children].find((child) => child.localName === 'Size') : undefined;
  const tileSize = integerAttribute(image, 'TileSize', 1);
  const overlap = integerAttribute(image, 'Overlap', 0);
  const format = image?.getAttribute('Format') ?? '';
  const width = integerAttribute(size, 'Width', 1);
  const height = integerAttribute(size, 'Height', 1);
  if (document.querySelector('parsererror') || !tileSize || overlap === undefined || !/^[a-z0-9]{1,8}$/i.test(format) || !width || !height) {
    throw new LabelkitError({ code: 'asset-unsupported', message: UNSUPPORTED });
  }
  const maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
  const levels: TileLevel[] = [];
  for (let index = 0; index <= maxLevel; index++) {
    const scale = 2 ** index;
    const columns = Math.ceil(Math.ceil(width / scale) / tileSize);
    const rows = Math.ceil(Math.ceil(height / scale) / tileSize);
    levels.push({ scale, columns, rows });
    if (columns === 1 && rows === 1) break;
  }
  const name = lastPathPart(source).replace(/\.dzi$/i, '');
  return {
    format: 'dzi',
    width,
    height,
    tileWidth: tileSize,
    tileHeight: tileSize,
    levels,
    tilePath: ({ level, column, row }: TileAddress) => `${name}_files/${maxLevel - level}/${column}_${row}.${format}`,
    tileBox({ level, column, row }: TileAddress) {
      const { scale } = levels[level]!;
      const x0 = Math.max(0, column * tileSize - overlap);
      const y0 = Math.max(0, row * tileSize - overlap);
      const x1 = (column + 1) * tileSize + overlap;
      const y1 = (row + 1) * tileSize + overlap;
      return { x: x0 * scale, y: y0 * scale, width: Math.min(width, x1 * scale) - x0 * scale, height: Math.min(height, y1 * scale) - y0 * scale };
    },
  };
}
