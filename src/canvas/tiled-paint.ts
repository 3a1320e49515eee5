/**
 * The settled bitmap painted a region (tile) at a time: each tile is cleared and painted with every
 * shape that reaches into it, clipped to it. Within a tile the paint is the full render's (all fills
 * before all outlines, colours in a fixed order), so the finished bitmap has exactly the pixels of
 * one full render, while no task paints much more than MAX_SLICE_ITEMS shapes: a tile holding more
 * is split in four. Painting by objects instead (a slice of objects at a time) would put a later
 * slice's fills over an earlier slice's outlines.
 */
import type { Box } from '../core/model.js';
import { MAX_SLICE_ITEMS, runSlices, SLICE_MS, type SlicedRun } from './sliced-work.js';

export interface TileWork {
  /** Ids (in draw order) of the shapes that may reach into `tile` (bitmap pixels, whole numbers). */
  find(tile: Box): readonly string[];
  /** Clears `tile` and paints `ids` clipped to it. */
  paint(tile: Box, ids: readonly string[]): void;
  /** After each task but the first (the caller's): the bitmap changed (`last`: it is finished). */
  onLater(last: boolean): void;
}

/** A tile is not split below this side (bitmap pixels), however many shapes it holds. */
const MIN_TILE_PX = 16;

function quarters({ x, y, width, height }: Box): Box[] {
  const w = Math.floor(width / 2);
  const h = Math.floor(height / 2);
  return [
    { x, y, width: w, height: h },
    { x: x + w, y, width: width - w, height: h },
    { x, y: y + h, width: w, height: height - h },
    { x: x + w, y: y + h, width: width - w, height: height - h },
  ];
}

/**
 * Paints a `width` × `height` bitmap tile by tile, with the main thread yielded between tasks. It
 * starts from a grid of about `expected / MAX_SLICE_ITEMS` tiles (`expected`: how many shapes the
 * bitmap may hold), so the whole bitmap is never searched in one task.
 */
export function paintInTiles(width: number, height: number, expected: number, work: TileWork): SlicedRun {
  const side = Math.max(1, Math.ceil(Math.sqrt(expected / MAX_SLICE_ITEMS)));
  const tiles: Box[] = [];
  for (let row = side - 1; row >= 0; row--) {
    for (let column = side - 1; column >= 0; column--) {
      const x = Math.floor((column * width) / side);
      const y = Math.floor((row * height) / side);
      const w = Math.floor(((column + 1) * width) / side) - x;
      const h = Math.floor(((row + 1) * height) / side) - y;
      if (w > 0 && h > 0) tiles.push({ x, y, width: w, height: h });
    }
  }
  // A stack, filled last tile first: tiles are painted from the top left, a split tile's quarters next.
  const task = () => {
    const start = performance.now();
    let painted = 0;
    while (tiles.length && painted < MAX_SLICE_ITEMS && performance.now() - start < SLICE_MS) {
      const tile = tiles.pop()!;
      const ids = work.find(tile);
      if (ids.length > MAX_SLICE_ITEMS && tile.width >= 2 * MIN_TILE_PX && tile.height >= 2 * MIN_TILE_PX) {
        tiles.push(...quarters(tile).reverse());
        continue;
      }
      work.paint(tile, ids);
      painted += ids.length;
    }
  };
  return runSlices(task, () => tiles.length > 0, (last) => work.onLater(last));
}
