/**
 * Brush masks ↔ the PNG of FORMAT.md §2.1: every brush class of one plane in its exact colour on
 * a transparent background, later masks on top, no anti-aliasing. PNG coding is fast-png's.
 *
 * Decisions (labelkit): a mask whose class has no colour in `colors` is not painted (it could not
 * be read back); masks of another size are painted from the top-left and clipped. On decoding,
 * any non-zero alpha counts as painted and the colour must match a class exactly; PNGs re-encoded
 * by the host (palette, grey, 16-bit, tRNS) are read too.
 */
import { decode, encode } from 'fast-png';
import type { DecodedPng } from 'fast-png';
import type { BrushMask } from '../core/model.js';
import { brushMaskKey } from '../core/model.js';
import type { Problem, Result } from '../core/problem.js';
import { decodeBase64, encodeBase64 } from './base64.js';

const PREFIX = 'data:image/png;base64,';
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export interface DecodeBrushOptions {
  /** Plane the masks belong to (default 0). */
  page?: number;
  /** JSON path reported with problems (default `$.task.brushDataUrl`). */
  path?: string;
}

/** `#rrggbb` or `#rgb` → 0xrrggbb, undefined when not a colour. */
function rgbOf(hex: string): number | undefined {
  if (!HEX.test(hex)) return undefined;
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return Number.parseInt(digits, 16);
}

export function encodeBrushPng(masks: readonly BrushMask[], colors: ReadonlyMap<string, string>, width: number, height: number): string {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const data = new Uint8Array(w * h * 4);
  for (const mask of masks) {
    const rgb = rgbOf(colors.get(mask.schemaId) ?? '');
    if (rgb === undefined) continue;
    const r = (rgb >> 16) & 255;
    const g = (rgb >> 8) & 255;
    const b = rgb & 255;
    const rows = Math.min(h, mask.height);
    const cols = Math.min(w, mask.width);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        if (!mask.data[y * mask.width + x]) continue;
        const o = (y * w + x) * 4;
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
        data[o + 3] = 255;
      }
    }
  }
  return PREFIX + encodeBase64(encode({ width: w, height: h, data, channels: 4, depth: 8 }));
}

/** Reads one sample of pixel `i`, channel `c` at the image's own bit depth (packed rows below 8 bits). */
function sampler(image: DecodedPng): (i: number, c: number) => number {
  const { data, width, depth, channels } = image;
  if (depth >= 8) return (i, c) => data[i * channels + c]!;
  const stride = Math.ceil((width * depth * channels) / 8);
  const mask = (1 << depth) - 1;
  return (i, c) => {
    const y = Math.floor(i / width);
    const bit = ((i - y * width) * channels + c) * depth;
    return (data[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & mask;
  };
}

const TRANSPARENT = -1;
const NO_PALETTE_ENTRY = -2;

/**
 * A reader of pixel `i` as 0xrrggbb (8 bits a channel), TRANSPARENT where alpha is 0, or
 * NO_PALETTE_ENTRY; whatever the PNG colour type. Numbers, not objects: masks can be 16M pixels.
 */
function pixelReader(image: DecodedPng): (i: number) => number {
  const sample = sampler(image);
  const { depth, channels, palette, transparency } = image;
  const to8 = depth === 16 ? (v: number) => v >> 8 : depth < 8 ? (v: number) => Math.round((v * 255) / ((1 << depth) - 1)) : (v: number) => v;
  const rgb = (r: number, g: number, b: number) => (to8(r) << 16) | (to8(g) << 8) | to8(b);
  if (palette) {
    const colors = palette.map((entry) => ((entry[3] ?? 255) === 0 ? TRANSPARENT : ((entry[0]! & 255) << 16) | ((entry[1]! & 255) << 8) | (entry[2]! & 255)));
    return (i) => colors[sample(i, 0)] ?? NO_PALETTE_ENTRY;
  }
  const key = transparency && transparency.length ? [...transparency] : undefined;
  switch (channels) {
    case 1:
      return (i) => {
        const v = sample(i, 0);
        return key && key[0] === v ? TRANSPARENT : rgb(v, v, v);
      };
    case 2:
      return (i) => {
        const v = sample(i, 0);
        return sample(i, 1) === 0 ? TRANSPARENT : rgb(v, v, v);
      };
    case 3:
      return (i) => {
        const r = sample(i, 0);
        const g = sample(i, 1);
        const b = sample(i, 2);
        return key && key[0] === r && key[1] === g && key[2] === b ? TRANSPARENT : rgb(r, g, b);
      };
    default:
      return (i) => (sample(i, 3) === 0 ? TRANSPARENT : rgb(sample(i, 0), sample(i, 1), sample(i, 2)));
  }
}

/**
 * The brush masks painted in a PNG, given as a data URL or as the PNG's bytes (an `https:` mask the
 * element fetched through the host's hooks); a painted colour that is no brush class is a problem.
 */
export function decodeBrushPng(png: string | Uint8Array, colors: ReadonlyMap<string, string>, options: DecodeBrushOptions = {}): Result<BrushMask[]> {
  const page = options.page ?? 0;
  const path = options.path ?? '$.task.brushDataUrl';
  const fail = (code: string, message: string): Result<BrushMask[]> => ({ ok: false, problems: [{ code, path, message } satisfies Problem] });
  let bytes: Uint8Array | undefined;
  if (png instanceof Uint8Array) bytes = png;
  else if (typeof png !== 'string' || !png.startsWith(PREFIX)) return fail('bad-brush', 'The brush mask must be a data:image/png;base64 URL.');
  else bytes = decodeBase64(png.slice(PREFIX.length));
  if (!bytes) return fail('bad-brush', 'The brush mask is not valid base64.');
  let image: DecodedPng;
  let read: (i: number) => number;
  try {
    image = decode(bytes);
    read = pixelReader(image);
  } catch {
    return fail('bad-brush', 'The brush mask is not a valid PNG.');
  }
  const bySchema = new Map<number, string>();
  for (const [schemaId, hex] of colors) {
    const rgb = rgbOf(hex);
    if (rgb !== undefined && !bySchema.has(rgb)) bySchema.set(rgb, schemaId);
  }
  const { width, height } = image;
  const masks = new Map<string, Uint8Array>();
  for (let i = 0; i < width * height; i++) {
    const pixel = read(i);
    if (pixel === TRANSPARENT) continue;
    if (pixel === NO_PALETTE_ENTRY) return fail('bad-brush', `Pixel (${i % width}, ${Math.floor(i / width)}) uses a colour missing from the PNG palette.`);
    const schemaId = bySchema.get(pixel);
    if (schemaId === undefined) {
      const hex = `#${pixel.toString(16).padStart(6, '0')}`;
      return fail('unknown-brush-color', `Pixel (${i % width}, ${Math.floor(i / width)}) has colour ${hex}, which is no brush class.`);
    }
    let mask = masks.get(schemaId);
    if (!mask) masks.set(schemaId, (mask = new Uint8Array(width * height)));
    mask[i] = 1;
  }
  return { ok: true, value: [...masks].map(([schemaId, data]) => ({ key: brushMaskKey(page, schemaId), page, schemaId, width, height, data })) };
}
