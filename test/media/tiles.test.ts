/**
 * The tiled-picture modules on their own: descriptors read into levels and tile paths, tile URLs
 * made from the host's src, the level for a zoom, the tiles that cover a box, and the cache's
 * eviction (what it frees). The element tests (test/elements/lk-image-tiles.test.ts) check the
 * same against the test server's real tiles.
 */
import { expect } from '@open-wc/testing';
import { parseDzi } from '../../src/media/tiles/dzi.js';
import { parseIiifInfo } from '../../src/media/tiles/iiif.js';
import { tiledFormat } from '../../src/media/tiles/detect.js';
import { siblingUrl } from '../../src/media/tiles/tile-url.js';
import { levelFor, tilesCovering } from '../../src/media/tiles/tiled-image.js';
import { TileCache } from '../../src/media/tiles/tile-cache.js';
import { LabelkitError } from '../../src/core/errors.js';

const IIIF3 = JSON.stringify({
  '@context': 'http://iiif.io/api/image/3/context.json',
  id: 'https://elsewhere.example/iiif/x',
  width: 3000,
  height: 2000,
  tiles: [{ width: 512, scaleFactors: [1, 2, 4, 8] }],
});

describe('tiled pictures', () => {
  it('makes tile URLs beside the src, keeping its query byte for byte and dropping its fragment', () => {
    const src = 'https://cdn.example/a/b/info.json?X-Amz-Signature=ab%2Bc%2F%3D&x=1#frag';
    expect(siblingUrl(src, '0,0,512,512/512,512/0/default.jpg')).to.equal('https://cdn.example/a/b/0,0,512,512/512,512/0/default.jpg?X-Amz-Signature=ab%2Bc%2F%3D&x=1');
    expect(siblingUrl('slide.dzi', 'slide_files/9/0_0.jpg')).to.equal('slide_files/9/0_0.jpg');
  });

  it('tells the layout from source-type or the path', () => {
    expect(tiledFormat('https://x.example/s/info.json?sig=1')).to.equal('iiif');
    expect(tiledFormat('/s/slide.DZI')).to.equal('dzi');
    expect(tiledFormat('/s/photo.jpg')).to.equal(undefined);
    expect(tiledFormat('/s/info.json', 'image')).to.equal(undefined);
    expect(tiledFormat('/api/describe?id=4', 'dzi')).to.equal('dzi');
    expect(tiledFormat('data:application/json,{}')).to.equal(undefined);
  });

  it('reads an IIIF 3 info.json: levels from scaleFactors, canonical tile paths, the id not followed', () => {
    const image = parseIiifInfo(IIIF3);
    expect(image.levels.map((level) => [level.scale, level.columns, level.rows])).to.deep.equal([
      [1, 6, 4],
      [2, 3, 2],
      [4, 2, 1],
      [8, 1, 1],
    ]);
    expect(image.tilePath({ level: 0, column: 5, row: 3 })).to.equal('2560,1536,440,464/440,464/0/default.jpg');
    expect(image.tilePath({ level: 2, column: 1, row: 0 })).to.equal('2048,0,952,2000/238,500/0/default.jpg');
    expect(image.tileBox({ level: 1, column: 2, row: 1 })).to.deep.equal({ x: 2048, y: 1024, width: 952, height: 976 });
    expect(JSON.stringify(image.tilePath({ level: 3, column: 0, row: 0 }))).to.not.include('elsewhere');
  });

  it('asks an IIIF 2 server for `w,` sizes', () => {
    const image = parseIiifInfo(IIIF3.replace('/image/3/', '/image/2/'));
    expect(image.tilePath({ level: 1, column: 0, row: 0 })).to.equal('0,0,1024,1024/512,/0/default.jpg');
  });

  it('reads a Deep Zoom descriptor: levels down to one tile, overlapping tile boxes', () => {
    const xml = '<?xml version="1.0"?><Image xmlns="http://schemas.microsoft.com/deepzoom/2008" TileSize="254" Overlap="1" Format="png"><Size Width="1000" Height="600"/></Image>';
    const image = parseDzi(xml, 'https://tiles.example/deep/photo.dzi?token=t');
    // Deep Zoom level 10 is the full size (2^10 ≥ 1000); it stops where one tile holds the picture.
    expect(image.levels.map((level) => [level.scale, level.columns, level.rows])).to.deep.equal([
      [1, 4, 3],
      [2, 2, 2],
      [4, 1, 1],
    ]);
    expect(image.tilePath({ level: 0, column: 3, row: 2 })).to.equal('photo_files/10/3_2.png');
    expect(image.tilePath({ level: 2, column: 0, row: 0 })).to.equal('photo_files/8/0_0.png');
    expect(image.tileBox({ level: 0, column: 0, row: 0 })).to.deep.equal({ x: 0, y: 0, width: 255, height: 255 });
    expect(image.tileBox({ level: 0, column: 1, row: 1 })).to.deep.equal({ x: 253, y: 253, width: 256, height: 256 });
    expect(image.tileBox({ level: 0, column: 3, row: 2 })).to.deep.equal({ x: 761, y: 507, width: 239, height: 93 });
  });

  it('refuses descriptors it cannot use with asset-unsupported', () => {
    for (const bad of ['{}', '[]', 'null', '{"width":10,"height":10,"tiles":[{"width":0,"scaleFactors":[1]}]}', '{"width":10,"height":10,"tiles":[{"width":8,"scaleFactors":[1.5]}]}']) {
      expect(() => parseIiifInfo(bad), bad).to.throw(LabelkitError).with.property('code', 'asset-unsupported');
    }
    for (const bad of ['<Image/>', '<Image TileSize="256" Overlap="0" Format="../x"><Size Width="10" Height="10"/></Image>', 'not xml']) {
      expect(() => parseDzi(bad, 'a.dzi'), bad).to.throw(LabelkitError).with.property('code', 'asset-unsupported');
    }
  });

  it('chooses the coarsest level that still has a pixel per screen pixel, and the tiles that meet a box', () => {
    const image = parseIiifInfo(IIIF3);
    expect(levelFor(image, 4)).to.equal(0);
    expect(levelFor(image, 1)).to.equal(0);
    expect(levelFor(image, 0.5)).to.equal(1);
    expect(levelFor(image, 0.3)).to.equal(1);
    expect(levelFor(image, 0.01)).to.equal(3);
    const tiles = tilesCovering(image, 0, { x: 1000, y: 500, width: 600, height: 100 });
    expect(tiles.map((t) => `${t.column},${t.row}`).sort()).to.deep.equal(['1,0', '1,1', '2,0', '2,1', '3,0', '3,1']);
    expect(tilesCovering(image, 0, { x: 5000, y: 0, width: 100, height: 100 })).to.deep.equal([]);
  });

  it('evicts the least recently used tiles beyond the limits, sparing those kept, and frees each', () => {
    const freed: string[] = [];
    const cache = new TileCache<string>({ maxTiles: 3, maxBytes: 1000 }, (value) => freed.push(value));
    cache.add('a', 'A', 100, new Set());
    cache.add('b', 'B', 100, new Set());
    cache.add('c', 'C', 100, new Set());
    cache.use('a');
    cache.add('d', 'D', 100, new Set(['b']));
    // b is kept (on screen), a was used last: c goes.
    expect(freed).to.deep.equal(['C']);
    cache.add('e', 'E', 900, new Set());
    expect(cache.bytes).to.be.at.most(1000);
    expect(cache.size).to.be.at.most(3);
    cache.clear();
    expect(freed.sort()).to.deep.equal(['A', 'B', 'C', 'D', 'E']);
    expect(cache.bytes).to.equal(0);
  });
});
