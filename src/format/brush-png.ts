/**
 * Brush masks ↔ the PNG of FORMAT.md: every brush class of a plane in its exact colour on a
 * transparent background, later masks on top, no anti-aliasing. PNG coding is fast-png's.
 */
import { decode, encode } from 'fast-png';
import type { BrushMask } from '../core/model.js';
import { brushMaskKey } from '../core/model.js';
import type { Result } from '../core/problem.js';
import { decodeBase64, encodeBase64 } from './base64.js';

const PREFIX = 'data:image/png;base64,';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function encodeBrushPng(masks: readonly BrushMask[], colors: ReadonlyMap<string, string>, width: number, height: number): string {
  const data = new Uint8Array(width * height * 4);
  for (const mask of masks) {
    const [r, g, b] = rgb(colors.get(mask.schemaId) ?? '#000000');
    const limit = Math.min(mask.data.length, width * height);
    for (let i = 0; i < limit; i++) {
      if (!mask.data[i]) continue;
      const o = i * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return PREFIX + encodeBase64(encode({ width, height, data, channels: 4, depth: 8 }));
}

/** Masks for page 0 (callers set the page); a colour that is no brush class is a problem. */
export function decodeBrushPng(dataUrl: string, colors: ReadonlyMap<string, string>): Result<BrushMask[]> {
  const fail = (message: string): Result<BrushMask[]> => ({ ok: false, problems: [{ code: 'bad-brush', path: '$.task.brushDataUrl', message }] });
  if (!dataUrl.startsWith(PREFIX)) return fail('The brush mask must be a data:image/png;base64 URL.');
  const bytes = decodeBase64(dataUrl.slice(PREFIX.length));
  if (!bytes) return fail('The brush mask is not valid base64.');
  let image: ReturnType<typeof decode>;
  try {
    image = decode(bytes);
  } catch {
    return fail('The brush mask is not a valid PNG.');
  }
  const { width, height, channels } = image;
  const pixels = image.data;
  const bySchema = new Map<number, string>();
  for (const [schemaId, hex] of colors) {
    const [r, g, b] = rgb(hex);
    bySchema.set((r << 16) | (g << 8) | b, schemaId);
  }
  const masks = new Map<string, Uint8Array>();
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    const alpha = channels === 4 ? pixels[o + 3]! : 255;
    if (alpha === 0) continue;
    const key = (pixels[o]! << 16) | (pixels[o + 1]! << 8) | pixels[o + 2]!;
    const schemaId = bySchema.get(key);
    if (!schemaId) return fail(`The brush mask has a colour that is no brush class (#${key.toString(16).padStart(6, '0')}).`);
    let mask = masks.get(schemaId);
    if (!mask) masks.set(schemaId, (mask = new Uint8Array(width * height)));
    mask[i] = 1;
  }
  return { ok: true, value: [...masks].map(([schemaId, data]) => ({ key: brushMaskKey(0, schemaId), page: 0, schemaId, width, height, data })) };
}
