// Tiled test pictures in the two layouts <lk-image> reads: IIIF Image API 3 (level 0, the static
// layout `{id}/{region}/{size}/0/default.jpg` next to an `info.json` with `tiles` scaleFactors)
// and Deep Zoom (`{name}.dzi` + `{name}_files/{level}/{column}_{row}.jpg`). Tiles are JPEGs made
// by sharp from a procedural picture, nothing is downloaded.
//
// Pictures:
//   grid     40,000 × 40,000: 1000-px cells whose colour says where they are (see gridColor),
//            white lines on the cell edges, dark lines every 100 px.
//   photo    3200 × 1800: the bundled photo (test/fixtures/image/bottles-frame.jpg) scaled ×5,
//            also served whole (`/__lk-tiles/whole/photo.jpg`) for tiled-vs-whole comparisons.
//   photo-403  the photo, with its finest-level tile at column 1, row 1 answering 403.
//
// Served on demand by `tiledImagesMiddleware` (the test runner and the bench server), under
// /__lk-tiles/iiif/<name>/… and /__lk-tiles/dzi/<name>.dzi (a grid tile takes ~40 ms to make);
// `node scripts/tiled-images.mjs [dir] [name…]` writes the same files into a folder (default
// bench/out/tiles, git-ignored): the photo's 200 files in seconds, the grid's ~17,000 in minutes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const TILES_PREFIX = '/__lk-tiles/';
export const IIIF_TILE_SIZE = 512;
export const DZI_TILE_SIZE = 510;
export const DZI_OVERLAP = 1;
const QUALITY = 90;
const CELL = 1000;

/** The grid's colour at an asset pixel: red grows with the cell column, green with the row. */
export function gridColor(x, y) {
  const column = Math.floor(x / CELL);
  const row = Math.floor(y / CELL);
  if (x % CELL < 8 || y % CELL < 8) return [240, 240, 240];
  const shade = x % 100 < 2 || y % 100 < 2 ? 40 : 0;
  return [20 + column * 5 - shade, 20 + row * 5 - shade, (column + row) % 2 ? 200 : 90];
}

const PICTURES = {
  grid: { width: 40_000, height: 40_000 },
  // The same grid, small enough to write out whole for a static Storybook build (about 700 files).
  'grid-static': { width: 8192, height: 8192 },
  photo: { width: 3200, height: 1800 },
  'photo-403': { width: 3200, height: 1800, refused: { scale: 1, column: 1, row: 1 } },
};

let photoPixels;
/** The photo ×5 as raw RGB, made once. */
function photo() {
  photoPixels ??= sharp(join(root, 'test/fixtures/image/bottles-frame.jpg'))
    .resize(PICTURES.photo.width, PICTURES.photo.height, { kernel: 'lanczos3' })
    .removeAlpha()
    .raw()
    .toBuffer();
  return photoPixels;
}

/** The JPEG of `region` (asset pixels) at `width` × `height` pixels. */
async function renderRegion(name, region, width, height) {
  if (name.startsWith('grid')) {
    const scaleX = region.width / width;
    const scaleY = region.height / height;
    const xs = Array.from({ length: width }, (_, px) => Math.floor(region.x + (px + 0.5) * scaleX));
    const pixels = Buffer.alloc(width * height * 3);
    for (let py = 0; py < height; py++) {
      const y = Math.floor(region.y + (py + 0.5) * scaleY);
      let at = py * width * 3;
      for (const x of xs) {
        const [r, g, b] = gridColor(x, y);
        pixels[at++] = r;
        pixels[at++] = g;
        pixels[at++] = b;
      }
    }
    return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: QUALITY }).toBuffer();
  }
  const { width: W, height: H } = PICTURES.photo;
  return sharp(await photo(), { raw: { width: W, height: H, channels: 3 } })
    .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .resize(width, height, { fit: 'fill' })
    .jpeg({ quality: QUALITY })
    .toBuffer();
}

/** Halvings until the whole picture fits one IIIF tile. */
function iiifScaleFactors({ width, height }) {
  const factors = [1];
  while (Math.max(width, height) / factors.at(-1) > IIIF_TILE_SIZE) factors.push(factors.at(-1) * 2);
  return factors;
}

export function iiifInfo(name, id) {
  const picture = PICTURES[name];
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width: picture.width,
    height: picture.height,
    tiles: [{ width: IIIF_TILE_SIZE, height: IIIF_TILE_SIZE, scaleFactors: iiifScaleFactors(picture) }],
  };
}

export function dziXml(name) {
  const { width, height } = PICTURES[name];
  return `<?xml version="1.0" encoding="UTF-8"?>
<Image xmlns="http://schemas.microsoft.com/deepzoom/2008" Format="jpg" Overlap="${DZI_OVERLAP}" TileSize="${DZI_TILE_SIZE}">
  <Size Width="${width}" Height="${height}"/>
</Image>
`;
}

/** The DZI level whose picture is 1 × 1 px is 0; the full size is `maxLevel`. */
function dziMaxLevel({ width, height }) {
  return Math.ceil(Math.log2(Math.max(width, height)));
}

/** IIIF `x,y,w,h` (or `full`) and `w,h` / `w,` → the tile, or null when it is not one of the picture's tiles. */
function iiifTile(picture, regionText, sizeText) {
  const region = regionText === 'full' ? { x: 0, y: 0, width: picture.width, height: picture.height } : parseRegion(regionText);
  const size = /^(\d+),(\d*)$/.exec(sizeText);
  if (!region || !size) return null;
  const scale = iiifScaleFactors(picture).find((factor) => Math.ceil(region.width / factor) === Number(size[1]));
  if (!scale) return null;
  const span = IIIF_TILE_SIZE * scale;
  const column = region.x / span;
  const row = region.y / span;
  const width = Math.min(span, picture.width - region.x);
  const height = Math.min(span, picture.height - region.y);
  if (!Number.isInteger(column) || !Number.isInteger(row) || region.width !== width || region.height !== height) return null;
  return { region, width: Math.ceil(width / scale), height: Math.ceil(height / scale), scale, column, row };
}

function parseRegion(text) {
  const match = /^(\d+),(\d+),(\d+),(\d+)$/.exec(text);
  return match ? { x: Number(match[1]), y: Number(match[2]), width: Number(match[3]), height: Number(match[4]) } : null;
}

/** A DZI tile (with its overlap) → the asset region and pixel size, or null outside the picture. */
function dziTile(picture, level, column, row) {
  const scale = 2 ** (dziMaxLevel(picture) - level);
  if (!Number.isInteger(scale) || scale < 1) return null;
  const levelWidth = Math.ceil(picture.width / scale);
  const levelHeight = Math.ceil(picture.height / scale);
  const x0 = column * DZI_TILE_SIZE - (column > 0 ? DZI_OVERLAP : 0);
  const y0 = row * DZI_TILE_SIZE - (row > 0 ? DZI_OVERLAP : 0);
  if (x0 >= levelWidth || y0 >= levelHeight) return null;
  const x1 = Math.min(levelWidth, (column + 1) * DZI_TILE_SIZE + DZI_OVERLAP);
  const y1 = Math.min(levelHeight, (row + 1) * DZI_TILE_SIZE + DZI_OVERLAP);
  const region = { x: x0 * scale, y: y0 * scale, width: Math.min(picture.width - x0 * scale, (x1 - x0) * scale), height: Math.min(picture.height - y0 * scale, (y1 - y0) * scale) };
  return { region, width: x1 - x0, height: y1 - y0, scale, column, row };
}

function refused(name, tile) {
  const rule = PICTURES[name].refused;
  return Boolean(rule && tile.scale === rule.scale && tile.column === rule.column && tile.row === rule.row);
}

/**
 * What a path under TILES_PREFIX answers: `{ status, type, body }`, or null when it is not ours.
 * `origin` makes the IIIF `id` absolute, as real servers write it.
 */
export async function answerTilePath(path, origin = '') {
  const rest = path.startsWith(TILES_PREFIX) ? path.slice(TILES_PREFIX.length) : null;
  if (rest === null) return null;
  const notFound = { status: 404, type: 'text/plain', body: 'Not found' };
  let match = /^iiif\/([\w-]+)\/info\.json$/.exec(rest);
  if (match && PICTURES[match[1]]) {
    return { status: 200, type: 'application/json', body: JSON.stringify(iiifInfo(match[1], `${origin}${TILES_PREFIX}iiif/${match[1]}`)) };
  }
  match = /^iiif\/([\w-]+)\/([^/]+)\/([^/]+)\/0\/default\.jpg$/.exec(rest);
  if (match && PICTURES[match[1]]) {
    const tile = iiifTile(PICTURES[match[1]], match[2], match[3]);
    if (!tile) return notFound;
    if (refused(match[1], tile)) return { status: 403, type: 'text/plain', body: 'Forbidden' };
    return { status: 200, type: 'image/jpeg', body: await renderRegion(match[1], tile.region, tile.width, tile.height) };
  }
  match = /^dzi\/([\w-]+)\.dzi$/.exec(rest);
  if (match && PICTURES[match[1]]) return { status: 200, type: 'application/xml', body: dziXml(match[1]) };
  match = /^dzi\/([\w-]+)_files\/(\d+)\/(\d+)_(\d+)\.jpg$/.exec(rest);
  if (match && PICTURES[match[1]]) {
    const tile = dziTile(PICTURES[match[1]], Number(match[2]), Number(match[3]), Number(match[4]));
    if (!tile) return notFound;
    if (refused(match[1], tile)) return { status: 403, type: 'text/plain', body: 'Forbidden' };
    return { status: 200, type: 'image/jpeg', body: await renderRegion(match[1], tile.region, tile.width, tile.height) };
  }
  match = /^whole\/(photo)\.jpg$/.exec(rest);
  if (match) {
    const { width, height } = PICTURES.photo;
    return { status: 200, type: 'image/jpeg', body: await renderRegion('photo', { x: 0, y: 0, width, height }, width, height) };
  }
  return notFound;
}

/** Koa middleware (@web/dev-server): the tiled pictures under TILES_PREFIX, made on request. */
export async function tiledImagesMiddleware(ctx, next) {
  const answer = await answerTilePath(ctx.path, ctx.origin);
  if (!answer) return next();
  ctx.status = answer.status;
  ctx.type = answer.type;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = answer.body;
  // Now: the test runner's cache middleware (outside ours) would turn `no-store` into a long
  // max-age, and a later test would not see its tile requests in the server's log.
  ctx.flushHeaders();
}

/** Every file of `name` in both layouts, written under `directory` (same paths as served, named `as`). */
export async function writeTiledImage(directory, name, as = name) {
  const picture = PICTURES[name];
  const write = async (path) => {
    const answer = await answerTilePath(TILES_PREFIX + path);
    if (answer.status !== 200) return;
    const target = join(directory, path.replace(`${name}`, as));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, answer.body);
  };
  await write(`iiif/${name}/info.json`);
  for (const scale of iiifScaleFactors(picture)) {
    const span = IIIF_TILE_SIZE * scale;
    for (let y = 0; y < picture.height; y += span) {
      for (let x = 0; x < picture.width; x += span) {
        const w = Math.min(span, picture.width - x);
        const h = Math.min(span, picture.height - y);
        await write(`iiif/${name}/${x},${y},${w},${h}/${Math.ceil(w / scale)},${Math.ceil(h / scale)}/0/default.jpg`);
      }
    }
  }
  await write(`dzi/${name}.dzi`);
  const maxLevel = dziMaxLevel(picture);
  for (let level = maxLevel; level >= 0; level--) {
    const scale = 2 ** (maxLevel - level);
    const columns = Math.ceil(Math.ceil(picture.width / scale) / DZI_TILE_SIZE);
    const rows = Math.ceil(Math.ceil(picture.height / scale) / DZI_TILE_SIZE);
    for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) await write(`dzi/${name}_files/${level}/${column}_${row}.jpg`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [directory = join(root, 'bench/out/tiles'), ...names] = process.argv.slice(2);
  for (const name of names.length ? names : ['photo', 'grid']) await writeTiledImage(directory, name);
}
