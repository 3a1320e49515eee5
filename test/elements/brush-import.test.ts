/**
 * FORMAT.md §2.1: a brush mask on input may be the `https:` URL Ango exports. It is read through
 * the same host hooks as the asset (`fetchAsset`, `resolveUrl`), never by a bare `fetch`, against
 * the signed-assets test server (test/server/signed-assets-plugin.mjs) and its request log.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ResolveUrlRequest } from '../../src/host/asset-loader.js';
import { browserRequests, clearRequestLog, servedRequests, signedUrl } from '../server/signed-assets-client.js';
import { IMAGE_URL, ONTOLOGY_URL, fetchJson, nextEvent } from './helpers.js';

const BRUSH = 'format/brush-grass.png';

async function mount(hooks: { fetchAsset: LkImage['fetchAsset']; resolveUrl: LkImage['resolveUrl'] }): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image
      style="--lk-height: 360px; width: 720px"
      asset-id="a-1"
      .ontology=${await fetchJson(ONTOLOGY_URL)}
      .fetchAsset=${hooks.fetchAsset}
      .resolveUrl=${hooks.resolveUrl}
    ></lk-image>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = IMAGE_URL;
  await ready;
  return element;
}

/** Resolves after the next host write that puts a brush mask in the store. */
function nextMask(element: LkImage): Promise<void> {
  return new Promise((resolve) => {
    const off = element.session.store.subscribe((change) => {
      if (change.masks.length > 0) {
        off();
        resolve();
      }
    });
  });
}

/** The exported brush PNG's RGBA at a pixel. */
async function exportedPixel(element: LkImage, x: number, y: number): Promise<number[]> {
  const image = new Image();
  image.src = element.export().task.brushDataUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data];
}

describe('brush masks given as https: URLs', () => {
  it('fetches an expired signed mask through fetchAsset, gets a fresh URL from resolveUrl (resource brush-mask), and paints it', async () => {
    const fetched: string[] = [];
    const asked: ResolveUrlRequest[] = [];
    const fresh = await signedUrl(BRUSH);
    const element = await mount({
      fetchAsset: (url, init) => {
        fetched.push(url);
        return fetch(url, init);
      },
      resolveUrl: (request) => {
        asked.push(request);
        return fresh;
      },
    });
    const expired = await signedUrl(BRUSH, { ttlSeconds: -60 });
    await clearRequestLog();
    const painted = nextMask(element);
    element.annotations = { task: { brushDataUrl: expired } };
    await painted;

    expect(asked).to.deep.equal([{ assetId: 'a-1', reason: 'expired', resource: 'brush-mask', page: 0 }]);
    // The expired URL was never sent: the loader saw its expiry and asked the host first.
    expect(fetched.filter((url) => url.includes('brush-grass'))).to.deep.equal([fresh]);
    const served = (await servedRequests()).filter((r) => r.path.includes('brush-grass'));
    expect(served.map((r) => [r.method, r.status])).to.deep.equal([['GET', 200]]);
    // Nothing left the browser for the mask beyond the host's own fetch.
    expect((await browserRequests()).filter((r) => r.url.includes('brush-grass'))).to.have.length(1);
    // The mask is the store's now: exported as the PNG data URL in the class colour, never the URL.
    expect(element.export().task.brushDataUrl.startsWith('data:image/png;base64,')).to.equal(true);
    expect(await exportedPixel(element, 150, 300)).to.deep.equal([0x7c, 0xb3, 0x42, 255]);
    expect(await exportedPixel(element, 150, 100)).to.deep.equal([0, 0, 0, 0]);
    expect(JSON.stringify(element.export())).to.not.contain('sig=');
  });

  it('reports a mask that cannot be fetched as import-invalid at its JSON path, without its URL, keeping the objects', async () => {
    const element = await mount({ fetchAsset: (url, init) => fetch(url, init), resolveUrl: undefined });
    const missing = await signedUrl('format/no-such-mask.png');
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.annotations = { task: { tools: [{ objectId: 'o', schemaId: 't-car', 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } }], brushDataUrl: missing } };
    const { detail } = await error;
    expect(detail.code).to.equal('import-invalid');
    expect(detail.cause.problems.map((p: { code: string; path: string }) => [p.code, p.path])).to.deep.equal([['brush-load', '$.task.brushDataUrl']]);
    expect(JSON.stringify(detail)).to.not.contain('sig=');
    expect(element.export().task.tools.map((t) => t.objectId)).to.deep.equal(['o']);
  });

  it('refuses a brush URL that is neither a data URL nor https:', async () => {
    const element = await mount({ fetchAsset: undefined, resolveUrl: undefined });
    expect(element.import({ task: { brushDataUrl: 'javascript:alert(1)' } }).map((p) => [p.code, p.path])).to.deep.equal([['bad-brush', '$.task.brushDataUrl']]);
  });
});
