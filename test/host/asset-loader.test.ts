import { expect } from '@open-wc/testing';
import { LabelkitError } from '../../src/core/errors.js';
import { createAssetLoader } from '../../src/host/asset-loader.js';
import { isExpired, signedUrlExpiry } from '../../src/host/expiry.js';
import { redactSignedUrl, scrubUrls } from '../../src/host/redact.js';

const IMAGE = '/test/fixtures/image/bottles-frame.jpg';

async function failure(promise: Promise<unknown>): Promise<LabelkitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabelkitError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('host: signed URL redaction and expiry', () => {
  it('strips every provider signature and keeps other parameters byte for byte, in order', () => {
    expect(redactSignedUrl('https://b.s3.amazonaws.com/a.jpg?X-Amz-Algorithm=AWS4&X-Amz-Signature=ab%2Bcd&v=1%2F2&X-Amz-Date=20261122T100000Z'))
      .to.equal('https://b.s3.amazonaws.com/a.jpg?v=1%2F2');
    expect(redactSignedUrl('https://storage.googleapis.com/b/a.jpg?X-Goog-Signature=x&X-Goog-Expires=60&w=640'))
      .to.equal('https://storage.googleapis.com/b/a.jpg?w=640');
    expect(redactSignedUrl('https://acct.blob.core.windows.net/c/a.jpg?sv=2022&sr=b&sp=r&st=1&se=2&sig=abc%3D&keep=yes'))
      .to.equal('https://acct.blob.core.windows.net/c/a.jpg?keep=yes');
    expect(redactSignedUrl('https://d.cloudfront.net/a.jpg?Expires=1&Signature=s~x&Key-Pair-Id=K&Policy=p'))
      .to.equal('https://d.cloudfront.net/a.jpg');
    expect(redactSignedUrl('/relative/a.jpg?exp=1&sig=Zz%2B&q=a+b')).to.equal('/relative/a.jpg?q=a+b');
    expect(redactSignedUrl('blob:https://x/1234')).to.equal('blob:https://x/1234');
  });

  it('scrubs a URL, its path and its query out of a message', () => {
    const url = 'https://b.example/secret/a.jpg?X-Amz-Signature=zzz';
    const message = `GET ${url} failed; query ?X-Amz-Signature=zzz; path /secret/a.jpg?X-Amz-Signature=zzz`;
    const scrubbed = scrubUrls(message, [url]);
    expect(scrubbed).not.to.contain('zzz');
    expect(scrubbed).to.contain('[asset-url]');
  });

  it('reads expiries of AWS, GCS, Azure, CloudFront and exp', () => {
    expect(signedUrlExpiry('https://x/a?X-Amz-Date=20261122T100000Z&X-Amz-Expires=60')).to.equal(Date.UTC(2026, 10, 22, 10, 1, 0));
    expect(signedUrlExpiry('https://x/a?X-Goog-Date=20261122T100000Z&X-Goog-Expires=3600')).to.equal(Date.UTC(2026, 10, 22, 11, 0, 0));
    expect(signedUrlExpiry('https://x/a?se=2026-11-22T10%3A00%3A00Z&sig=abc')).to.equal(Date.UTC(2026, 10, 22, 10, 0, 0));
    expect(signedUrlExpiry('https://x/a?Expires=1790000000&Signature=x')).to.equal(1790000000000);
    expect(signedUrlExpiry('https://x/a?q=1')).to.equal(undefined);
    expect(isExpired('https://x/a?exp=10', 11_000)).to.equal(true);
    expect(isExpired('https://x/a?exp=10', 9_000)).to.equal(false);
  });
});

describe('host: asset loader', () => {
  it('fetches the host URL byte for byte (no re-encoding)', async () => {
    const seen: string[] = [];
    const url = `${IMAGE}?sig=a%2Fb%2Bc+d&x=%7E`;
    const loader = createAssetLoader({ src: url, fetchAsset: (u, init) => (seen.push(u), fetch(u, init)) });
    const bytes = await loader.fetchArrayBuffer();
    expect(bytes.byteLength).to.be.greaterThan(1000);
    expect(seen).to.deep.equal([url]);
  });

  it('refreshes an expired URL through resolveUrl before fetching, once', async () => {
    const calls: unknown[] = [];
    const loader = createAssetLoader({
      src: `${IMAGE}?exp=1&sig=old`,
      assetId: 'a-1',
      now: () => 5_000,
      resolveUrl: (request) => (calls.push(request), `${IMAGE}?exp=999999999999&sig=new`),
    });
    const blob = await loader.fetchBlob();
    expect(blob.size).to.be.greaterThan(1000);
    expect(calls).to.deep.equal([{ assetId: 'a-1', reason: 'expired' }]);
    expect(loader.currentUrl()).to.contain('sig=new');
  });

  it('retries once with a fresh URL after a 403', async () => {
    let attempts = 0;
    const loader = createAssetLoader({
      src: '/denied?token=t1',
      fetchAsset: async (u) => (attempts++, u.includes('t2') ? fetch(IMAGE) : new Response('no', { status: 403 })),
      resolveUrl: () => '/fresh?token=t2',
    });
    await loader.fetchBlob();
    expect(attempts).to.equal(2);
  });

  it('maps failures to codes whose messages never contain the URL', async () => {
    const expired = await failure(createAssetLoader({ src: `${IMAGE}?exp=1&sig=SECRET`, now: () => 5_000 }).fetch());
    expect(expired.code).to.equal('asset-expired');
    const forbidden = await failure(createAssetLoader({ src: '/x?sig=SECRET', fetchAsset: async () => new Response('', { status: 403 }) }).fetch());
    expect(forbidden.code).to.equal('asset-forbidden');
    expect(forbidden.info.cause?.status).to.equal(403);
    const missing = await failure(createAssetLoader({ src: '/test/fixtures/nothing-here.jpg?sig=SECRET' }).fetch());
    expect(missing.code).to.equal('asset-not-found');
    const server = await failure(createAssetLoader({ src: '/x?sig=SECRET', fetchAsset: async () => new Response('', { status: 500 }) }).fetch());
    expect(server.code).to.equal('asset-load');
    const network = await failure(createAssetLoader({ src: '/x?sig=SECRET', fetchAsset: async () => { throw new TypeError('Failed to fetch /x?sig=SECRET'); } }).fetch());
    expect(network.code).to.equal('asset-load');
    for (const error of [expired, forbidden, missing, server, network]) {
      expect(error.message).not.to.contain('SECRET');
      expect(JSON.stringify(error.info)).not.to.contain('SECRET');
    }
  });

  it('passes an abort through untouched', async () => {
    const abort = new AbortController();
    abort.abort();
    let name = '';
    try {
      await createAssetLoader({ src: IMAGE }).fetch({ signal: abort.signal });
    } catch (error) {
      name = (error as Error).name;
    }
    expect(name).to.equal('AbortError');
  });

  it('decodes text as UTF-8 and drops a byte-order mark', async () => {
    const loader = createAssetLoader({ src: '/t', fetchAsset: async () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x0d, 0x0a])) });
    expect(await loader.fetchText()).to.equal('é\r\n');
  });
});
