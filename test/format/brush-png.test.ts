import { expect } from '@open-wc/testing';
import { decode, encode } from 'fast-png';
import type { BrushMask } from '../../src/core/model.js';
import { decodeBase64, encodeBase64 } from '../../src/format/base64.js';
import { decodeBrushPng, encodeBrushPng } from '../../src/format/brush-png.js';

const colors = new Map([
  ['t-grass', '#7cb342'],
  ['t-sky', '#00acc1'],
  ['t-mud', '#6d4c41'],
]);

function mask(schemaId: string, width: number, height: number, painted: (x: number, y: number) => boolean, page = 0): BrushMask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = painted(x, y) ? 1 : 0;
  return { key: `${page}:${schemaId}`, page, schemaId, width, height, data };
}

const painted = (m: BrushMask) => [...m.data.keys()].filter((i) => m.data[i]);

function pngUrl(image: Parameters<typeof encode>[0]): string {
  return `data:image/png;base64,${encodeBase64(encode(image))}`;
}

describe('format: brush PNG', () => {
  const width = 37;
  const height = 23;

  it('decodes what it encoded: every class back, later masks on top where they overlap', () => {
    const grass = mask('t-grass', width, height, (x, y) => (x * 7 + y * 3) % 5 === 0 || x < 4);
    const sky = mask('t-sky', width, height, (x, y) => y < 6);
    const url = encodeBrushPng([grass, sky], colors, width, height);
    const result = decodeBrushPng(url, colors);
    expect(result.ok).to.equal(true);
    const masks = result.ok ? result.value : [];
    const bySchema = Object.fromEntries(masks.map((m) => [m.schemaId, m]));
    expect(Object.keys(bySchema).sort()).to.deep.equal(['t-grass', 't-sky']);
    expect(painted(bySchema['t-sky']!)).to.deep.equal(painted(sky));
    const grassBelowSky = painted(grass).filter((i) => !sky.data[i]);
    expect(painted(bySchema['t-grass']!)).to.deep.equal(grassBelowSky);
    expect(bySchema['t-grass']).to.deep.include({ key: '0:t-grass', page: 0, width, height });
  });

  it('paints each class in its exact colour on a transparent background, with no other colours', () => {
    const grass = mask('t-grass', width, height, (x) => x === 3);
    const sky = mask('t-sky', width, height, (_x, y) => y === 3);
    const png = decode(decodeBase64(encodeBrushPng([grass, sky], colors, width, height).slice('data:image/png;base64,'.length))!);
    expect([png.width, png.height, png.channels, png.depth]).to.deep.equal([width, height, 4, 8]);
    const rgba = (x: number, y: number) => [...png.data.slice((y * width + x) * 4, (y * width + x) * 4 + 4)];
    expect(rgba(3, 0)).to.deep.equal([0x7c, 0xb3, 0x42, 255]);
    expect(rgba(3, 3)).to.deep.equal([0x00, 0xac, 0xc1, 255]);
    expect(rgba(10, 3)).to.deep.equal([0x00, 0xac, 0xc1, 255]);
    expect(rgba(0, 0)).to.deep.equal([0, 0, 0, 0]);
    const seen = new Set<string>();
    for (let i = 0; i < width * height; i++) seen.add([...png.data.slice(i * 4, i * 4 + 4)].join(','));
    expect([...seen].sort()).to.deep.equal(['0,0,0,0', '0,172,193,255', '124,179,66,255']);
  });

  it('clips masks of another size and skips classes without a colour', () => {
    const small = mask('t-grass', 2, 2, () => true);
    const large = mask('t-sky', width + 5, height + 5, (x, y) => x === width + 1 || (x === 5 && y === 5));
    const unknown = mask('t-nothing', width, height, () => true);
    const result = decodeBrushPng(encodeBrushPng([unknown, small, large], colors, width, height), colors);
    const masks = result.ok ? Object.fromEntries(result.value.map((m) => [m.schemaId, painted(m)])) : {};
    expect(masks).to.deep.equal({ 't-grass': [0, 1, width, width + 1], 't-sky': [5 * width + 5] });
  });

  it('sets the page on decoded masks', () => {
    const url = encodeBrushPng([mask('t-mud', 4, 4, (x, y) => x === y)], colors, 4, 4);
    const result = decodeBrushPng(url, colors, { page: 7 });
    expect(result.ok ? result.value.map((m) => [m.key, m.page, painted(m)]) : []).to.deep.equal([['7:t-mud', 7, [0, 5, 10, 15]]]);
  });

  it('refuses colours that are no brush class, and what is no PNG data URL, at the given path', () => {
    const url = pngUrl({ width: 2, height: 1, data: new Uint8Array([0x7c, 0xb3, 0x42, 255, 0x7c, 0xb3, 0x43, 255]), channels: 4, depth: 8 });
    const wrong = decodeBrushPng(url, colors, { path: '$.task.brushDataUrls.3' });
    expect(wrong.ok ? [] : wrong.problems.map((p) => [p.code, p.path, p.message.includes('#7cb343')])).to.deep.equal([['unknown-brush-color', '$.task.brushDataUrls.3', true]]);
    for (const bad of ['https://bucket.example/mask.png', 'data:image/png;base64,@@@@', 'data:image/png;base64,AAAA']) {
      const result = decodeBrushPng(bad, colors);
      expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).to.deep.equal([['bad-brush', '$.task.brushDataUrl']]);
    }
  });

  it('reads PNGs a host re-encoded: palette with transparency, RGB, grey with alpha, 16 bits', () => {
    // 2-bit palette: index 0 transparent, 1 grass, 2 sky.
    const palette = pngUrl({ width: 5, height: 1, data: new Uint8Array([0b00011000, 0b01000000]), channels: 1, depth: 2, palette: [[0, 0, 0, 0], [0x7c, 0xb3, 0x42, 255], [0x00, 0xac, 0xc1, 255]] });
    const fromPalette = decodeBrushPng(palette, colors);
    expect(fromPalette.ok ? Object.fromEntries(fromPalette.value.map((m) => [m.schemaId, painted(m)])) : fromPalette.problems).to.deep.equal({ 't-grass': [1, 4], 't-sky': [2] });

    const rgb = pngUrl({ width: 2, height: 1, data: new Uint8Array([0x7c, 0xb3, 0x42, 0x00, 0xac, 0xc1]), channels: 3, depth: 8 });
    const fromRgb = decodeBrushPng(rgb, colors);
    expect(fromRgb.ok ? fromRgb.value.map((m) => [m.schemaId, painted(m)]) : fromRgb.problems).to.deep.equal([['t-grass', [0]], ['t-sky', [1]]]);

    const grey = new Map([['t-ash', '#808080']]);
    const greyAlpha = pngUrl({ width: 3, height: 1, data: new Uint8Array([128, 255, 128, 0, 7, 0]), channels: 2, depth: 8 });
    const fromGrey = decodeBrushPng(greyAlpha, grey);
    expect(fromGrey.ok ? fromGrey.value.map((m) => [m.schemaId, painted(m)]) : fromGrey.problems).to.deep.equal([['t-ash', [0]]]);

    const deep = pngUrl({ width: 2, height: 1, data: new Uint16Array([0x7c7c, 0xb3b3, 0x4242, 0xffff, 0, 0, 0, 0]), channels: 4, depth: 16 });
    const fromDeep = decodeBrushPng(deep, colors);
    expect(fromDeep.ok ? fromDeep.value.map((m) => [m.schemaId, painted(m)]) : fromDeep.problems).to.deep.equal([['t-grass', [0]]]);
  });
});

describe('format: base64', () => {
  const bytes = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

  it('encodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(bytes(plain))).to.equal(encoded);
      expect([...decodeBase64(encoded)!]).to.deep.equal([...bytes(plain)]);
    }
  });

  it('agrees with the browser on every byte value and long input', () => {
    const all = new Uint8Array(70000).map((_v, i) => (i * 31 + (i >> 8)) & 255);
    const binary = String.fromCharCode(...all.slice(0, 256 * 3));
    expect(encodeBase64(all.slice(0, 256 * 3))).to.equal(btoa(binary));
    expect([...decodeBase64(encodeBase64(all))!]).to.deep.equal([...all]);
  });

  it('refuses what is not padded standard base64', () => {
    for (const bad of ['Zm9', 'Zm=v', 'Z!==', 'Zm9v_A==', '====', 'Zg=a']) expect(decodeBase64(bad), bad).to.equal(undefined);
    expect([...decodeBase64('Zm9v\nYmFy')!]).to.deep.equal([...bytes('foobar')]);
  });
});
