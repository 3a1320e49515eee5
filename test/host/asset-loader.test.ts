import { expect } from '@open-wc/testing';
import { LabelkitError } from '../../src/core/errors.js';
import { createAssetLoader, type ResolveUrlRequest } from '../../src/host/asset-loader.js';
import { loadImage } from '../../src/host/load-image.js';
import { clearRequestLog, servedRequests, signedUrl, withTamperedSignature } from '../server/signed-assets-client.js';
import { rejectionOf } from '../rejection.js';

// The loader against the real signed-URL test server (test/server/signed-assets-plugin.mjs).
const IMAGE = 'image/bottles-frame.jpg';
const TEXT = 'text/pride_and_prejudice.txt';

async function plainBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(`/test/fixtures/${path}`, { cache: 'no-store' });
  expect(response.status).to.equal(200);
  return new Uint8Array(await response.arrayBuffer());
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, LabelkitError);

/** Every part of a URL that must not reach a message: the URL, its path and segments, its query and values. */
function secretParts(url: string): string[] {
  const parsed = new URL(url, location.href);
  const query = parsed.search.slice(1);
  const parts = [url, parsed.href, parsed.pathname + parsed.search, query, ...parsed.pathname.split('/')];
  for (const pair of query.split('&')) {
    const value = pair.slice(pair.indexOf('=') + 1);
    parts.push(value, decodeURIComponent(value));
  }
  return parts.filter((part) => part.length > 3);
}

function expectNoUrl(error: LabelkitError, url: string): void {
  const said = `${error.message} ${JSON.stringify(error.info)}`;
  for (const part of secretParts(url)) expect(said, `leaks ${part}`).not.to.contain(part);
}

describe('host: asset loader against the signed-URL server', () => {
  let image: Uint8Array;

  before(async () => {
    image = await plainBytes(IMAGE);
  });

  it('loads the exact bytes of a fixture through a valid signed URL', async () => {
    const url = await signedUrl(IMAGE);
    const loader = createAssetLoader({ src: url });
    expect(new Uint8Array(await loader.fetchArrayBuffer())).to.deep.equal(image);
    expect(loader.currentUrl()).to.equal(url);
  });

  it('sends a signature with %2B and %2F byte for byte (a re-encoded one is refused)', async () => {
    const url = await signedUrl(IMAGE, { signatureWith: '+/' });
    expect(url).to.contain('%2B').and.to.contain('%2F');
    // The control: the same URL with the signature decoded is refused by the server.
    expect((await fetch(decodeURIComponent(url))).status).to.equal(403);
    await clearRequestLog();
    const seen: string[] = [];
    const loader = createAssetLoader({ src: url, fetchAsset: (target, init) => (seen.push(target), fetch(target, init)) });
    const blob = await loader.fetchBlob();
    expect(new Uint8Array(await blob.arrayBuffer())).to.deep.equal(image);
    expect(seen).to.deep.equal([url]);
    const served = (await servedRequests()).filter((entry) => entry.path.startsWith('/signed/'));
    expect(served.map((entry) => `${entry.path}?${entry.query}`)).to.deep.equal([url]);
  });

  it('refreshes an expired URL before fetching it: hook called once, fresh URL loaded and kept', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const fresh = await signedUrl(IMAGE, { ttlSeconds: 60 });
    const calls: ResolveUrlRequest[] = [];
    await clearRequestLog();
    const loader = createAssetLoader({ src: expired, assetId: 'asset-7', resolveUrl: (request) => (calls.push(request), fresh) });
    expect(new Uint8Array(await loader.fetchArrayBuffer())).to.deep.equal(image);
    expect(calls).to.deep.equal([{ assetId: 'asset-7', reason: 'expired' }]);
    expect(loader.currentUrl()).to.equal(fresh);
    const served = (await servedRequests()).filter((entry) => entry.path.startsWith('/signed/'));
    expect(served.map((entry) => entry.status)).to.deep.equal([200]);
    // The next fetch uses the fresh URL without asking again.
    await loader.fetchArrayBuffer();
    expect(calls).to.have.length(1);
  });

  it('retries once after a 403 with a fresh URL from an async hook (reason forbidden)', async () => {
    const good = await signedUrl(IMAGE);
    const tampered = withTamperedSignature(good);
    const calls: ResolveUrlRequest[] = [];
    const loader = createAssetLoader({
      src: tampered,
      resolveUrl: async (request) => (calls.push(request), good),
    });
    expect(new Uint8Array(await loader.fetchArrayBuffer())).to.deep.equal(image);
    expect(calls).to.deep.equal([{ reason: 'forbidden' }]);
    expect(loader.currentUrl()).to.equal(good);
  });

  it('after a 403 asks with reason expired when the URL has expired by then, else forbidden', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const calls: ResolveUrlRequest[] = [];
    // The page clock says the URL is still valid (skew); the server disagrees.
    const loader = createAssetLoader({ src: expired, now: () => 0, resolveUrl: (request) => (calls.push(request), expired) });
    const error = await failure(loader.fetch());
    expect(calls).to.deep.equal([{ reason: 'forbidden' }]);
    expect(error.code).to.equal('asset-forbidden');

    const calls2: ResolveUrlRequest[] = [];
    const fresh = await signedUrl(IMAGE);
    let clock = 0;
    const skewed = createAssetLoader({
      src: expired,
      now: () => clock,
      fetchAsset: async (target, init) => {
        clock = Date.now();
        return fetch(target, init);
      },
      resolveUrl: (request) => (calls2.push(request), fresh),
    });
    await skewed.fetchBlob();
    expect(calls2).to.deep.equal([{ reason: 'expired' }]);
  });

  it('does not loop: a fresh URL that is refused too ends in one error, hook called once', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const stillExpired = await signedUrl(IMAGE, { ttlSeconds: -10 });
    let calls = 0;
    await clearRequestLog();
    const loader = createAssetLoader({ src: expired, resolveUrl: () => (calls++, stillExpired) });
    const error = await failure(loader.fetch());
    expect(calls).to.equal(1);
    expect(error.code).to.equal('asset-expired');
    expect(error.info.cause).to.deep.equal({ status: 403 });
    const served = (await servedRequests()).filter((entry) => entry.path.startsWith('/signed/'));
    expect(served).to.have.length(1);
  });

  it('maps a 403 without a hook to asset-expired or asset-forbidden, with no part of the URL in the error', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const expiredError = await failure(createAssetLoader({ src: expired }).fetch());
    expect(expiredError.code).to.equal('asset-expired');
    expect(expiredError.info.cause).to.deep.equal({ status: 403 });
    expect(expiredError.message).to.equal('The link to the asset has expired (HTTP 403) and no fresh link was provided.');
    expectNoUrl(expiredError, expired);

    const tampered = withTamperedSignature(await signedUrl(IMAGE));
    const forbidden = await failure(createAssetLoader({ src: tampered }).fetchArrayBuffer());
    expect(forbidden.code).to.equal('asset-forbidden');
    expect(forbidden.message).to.equal('Access to the asset was refused (HTTP 403).');
    expect(forbidden.info.cause).to.deep.equal({ status: 403 });
    expectNoUrl(forbidden, tampered);
  });

  it('maps 404 to asset-not-found', async () => {
    const missing = await signedUrl('image/no-such-file.jpg');
    const error = await failure(createAssetLoader({ src: missing, resolveUrl: () => 'unused' }).fetchBlob());
    expect(error.code).to.equal('asset-not-found');
    expect(error.message).to.equal('The asset was not found (HTTP 404).');
    expect(error.info.cause).to.deep.equal({ status: 404 });
    expectNoUrl(error, missing);
  });

  it('maps 410 to asset-not-found, other statuses and network failures to asset-load', async () => {
    const src = '/elsewhere/a.jpg?token=SECRET-TOKEN-1';
    const gone = await failure(createAssetLoader({ src, fetchAsset: async () => new Response('', { status: 410 }) }).fetch());
    expect(gone.code).to.equal('asset-not-found');
    const server = await failure(createAssetLoader({ src, fetchAsset: async () => new Response(src, { status: 500 }) }).fetch());
    expect(server.code).to.equal('asset-load');
    expect(server.message).to.equal('The asset could not be loaded (HTTP 500).');
    expect(server.info.cause).to.deep.equal({ status: 500 });
    const thrown = await failure(
      createAssetLoader({
        src,
        fetchAsset: async (target) => {
          throw new TypeError(`Failed to fetch ${target}`);
        },
      }).fetch(),
    );
    expect(thrown.code).to.equal('asset-load');
    // A real network failure: nothing listens on port 9.
    const unreachable = 'http://127.0.0.1:9/a.jpg?sig=SECRET-SIG-2';
    const network = await failure(createAssetLoader({ src: unreachable }).fetch());
    expect(network.code).to.equal('asset-load');
    for (const error of [gone, server, thrown]) expectNoUrl(error, src);
    expectNoUrl(network, unreachable);
  });

  it('uses fetchAsset, which can add headers the server receives', async () => {
    const url = await signedUrl(IMAGE);
    const calls: { url: string; headers: Record<string, string> }[] = [];
    await clearRequestLog();
    const loader = createAssetLoader({
      src: url,
      fetchAsset: (target, init) => {
        const headers = new Headers(init.headers);
        headers.set('X-Host-Token', 'host-42');
        calls.push({ url: target, headers: Object.fromEntries(headers) });
        return fetch(target, { ...init, headers });
      },
    });
    const response = await loader.fetch({ headers: { Range: 'bytes=0-3' } });
    expect(response.status).to.equal(206);
    expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(image.slice(0, 4));
    expect(calls).to.deep.equal([{ url, headers: { range: 'bytes=0-3', 'x-host-token': 'host-42' } }]);
    const served = (await servedRequests()).filter((entry) => entry.path.startsWith('/signed/'));
    expect(served.map((entry) => entry.headers)).to.deep.equal([{ range: 'bytes=0-3', 'x-host-token': 'host-42' }]);
  });

  it('shares one refresh between concurrent fetches of an expired URL', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const fresh = await signedUrl(IMAGE);
    let calls = 0;
    const loader = createAssetLoader({
      src: expired,
      resolveUrl: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return fresh;
      },
    });
    const [a, b, c] = await Promise.all([loader.fetchArrayBuffer(), loader.fetchArrayBuffer(), loader.fetch({ headers: { Range: 'bytes=0-1' } })]);
    expect(calls).to.equal(1);
    expect(new Uint8Array(a)).to.deep.equal(image);
    expect(new Uint8Array(b)).to.deep.equal(image);
    expect(c.status).to.equal(206);
  });

  it('treats a failing or empty hook as no fresh URL, and keeps its error out', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    const throwing = await failure(
      createAssetLoader({
        src: expired,
        resolveUrl: () => {
          throw new Error(`cannot refresh ${expired}`);
        },
      }).fetch(),
    );
    expect(throwing.code).to.equal('asset-expired');
    expectNoUrl(throwing, expired);
    const empty = await failure(createAssetLoader({ src: expired, resolveUrl: () => '' }).fetch());
    expect(empty.code).to.equal('asset-expired');
  });

  it('passes an abort through as it is, before and during the fetch and during a refresh', async () => {
    const url = await signedUrl(IMAGE);
    const names: string[] = [];
    const record = async (promise: Promise<unknown>) => {
      try {
        await promise;
        names.push('resolved');
      } catch (error) {
        names.push(error instanceof DOMException ? error.name : String(error));
      }
    };
    const before = new AbortController();
    before.abort();
    await record(createAssetLoader({ src: url }).fetch({ signal: before.signal }));

    const during = new AbortController();
    const slow = createAssetLoader({
      src: url,
      fetchAsset: (target, init) => {
        queueMicrotask(() => during.abort());
        return new Promise((resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          setTimeout(() => resolve(fetch(target)), 1000);
        });
      },
    });
    await record(slow.fetchArrayBuffer({ signal: during.signal }));

    const refreshing = new AbortController();
    const expired = await signedUrl(IMAGE, { ttlSeconds: -30 });
    await record(
      createAssetLoader({
        src: expired,
        resolveUrl: () => {
          refreshing.abort();
          return url;
        },
      }).fetch({ signal: refreshing.signal }),
    );
    expect(names).to.deep.equal(['AbortError', 'AbortError', 'AbortError']);
  });

  it('decodes text as UTF-8 and drops a leading byte-order mark', async () => {
    const expected = new TextDecoder().decode(await plainBytes(TEXT));
    const text = await createAssetLoader({ src: await signedUrl(TEXT) }).fetchText();
    expect(text).to.equal(expected);
    const bom = createAssetLoader({ src: '/t', fetchAsset: async () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x0d, 0x0a, 0xef, 0xbb, 0xbf])) });
    expect(await bom.fetchText()).to.equal('é\r\n\ufeff');
  });

  it('refresh() gives media elements a fresh URL, or an error code without a hook', async () => {
    const fresh = await signedUrl(IMAGE);
    const calls: ResolveUrlRequest[] = [];
    const loader = createAssetLoader({ src: '/signed/old', assetId: 'v-1', resolveUrl: (request) => (calls.push(request), fresh) });
    expect(await loader.refresh('expired')).to.equal(fresh);
    expect(loader.currentUrl()).to.equal(fresh);
    expect(calls).to.deep.equal([{ assetId: 'v-1', reason: 'expired' }]);
    expect((await failure(createAssetLoader({ src: '/x' }).refresh('expired'))).code).to.equal('asset-expired');
    expect((await failure(createAssetLoader({ src: '/x' }).refresh('forbidden'))).code).to.equal('asset-forbidden');
    expect((await failure(createAssetLoader({ src: '/x', resolveUrl: () => '' }).refresh('not-found'))).code).to.equal('asset-not-found');
  });

  it('usableUrl() refreshes a URL that says it has expired before a media element gets it, and leaves a valid one alone', async () => {
    const expired = await signedUrl(IMAGE, { ttlSeconds: -60 });
    const valid = await signedUrl(IMAGE);
    const fresh = await signedUrl(IMAGE, { ttlSeconds: 120 });
    const calls: ResolveUrlRequest[] = [];
    const resolveUrl = (request: ResolveUrlRequest) => (calls.push(request), fresh);
    expect(await createAssetLoader({ src: expired, resolveUrl }).usableUrl()).to.equal(fresh);
    expect(calls).to.deep.equal([{ reason: 'expired' }]);
    expect(await createAssetLoader({ src: valid, resolveUrl }).usableUrl()).to.equal(valid);
    expect(await createAssetLoader({ src: expired }).usableUrl(), 'no hook: the server judges').to.equal(expired);
    expect(calls).to.have.length(1);
  });
});

describe('host: loadImage', () => {
  it('decodes a signed JPEG into a bitmap of its natural size', async () => {
    const url = await signedUrl(IMAGE);
    const img = new Image();
    img.src = `/test/fixtures/${IMAGE}`;
    await img.decode();
    const bitmap = await loadImage(createAssetLoader({ src: url }));
    expect([bitmap.width, bitmap.height]).to.deep.equal([img.naturalWidth, img.naturalHeight]);
    expect(bitmap.width).to.be.greaterThan(0);
    // Something a renderer can draw: the decoded pixels are not blank.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    expect(pixels.some((value, index) => index % 4 !== 3 && value > 0)).to.equal(true);
    bitmap.close();
  });

  it('reports a body that is not an image as asset-unsupported', async () => {
    const url = await signedUrl(TEXT);
    const error = await failure(loadImage(createAssetLoader({ src: url })));
    expect(error.code).to.equal('asset-unsupported');
    expectNoUrl(error, url);
  });

  it('passes loader errors through', async () => {
    const error = await failure(loadImage(createAssetLoader({ src: await signedUrl('image/no-such-file.jpg') })));
    expect(error.code).to.equal('asset-not-found');
  });

  it('rasterises an SVG with an intrinsic size', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="red"/></svg>';
    const loader = createAssetLoader({ src: '/a.svg', fetchAsset: async () => new Response(new Blob([svg], { type: 'image/svg+xml' })) });
    const bitmap = await loadImage(loader);
    expect([bitmap.width, bitmap.height]).to.deep.equal([30, 20]);
    bitmap.close();
  });

  it('rejects with the abort when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    let name = '';
    try {
      await loadImage(createAssetLoader({ src: await signedUrl(IMAGE) }), abort.signal);
    } catch (error) {
      name = error instanceof DOMException ? error.name : 'other';
    }
    expect(name).to.equal('AbortError');
  });
});
