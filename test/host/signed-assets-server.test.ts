import { expect } from '@open-wc/testing';
import { browserRequests, clearRequestLog, servedRequests, signedUrl, withTamperedSignature } from '../server/signed-assets-client.js';

// The test server itself (test/server/signed-assets-plugin.mjs): the loader tests rely on it
// refusing exactly what a real object store refuses.
const IMAGE = 'image/bottles-frame.jpg';
const IMAGE_SIZE = 11758;

async function plainBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(`/test/fixtures/${path}`, { cache: 'no-store' });
  expect(response.status).to.equal(200);
  return new Uint8Array(await response.arrayBuffer());
}

function withQuery(url: string, query: string): string {
  return `${url.slice(0, url.indexOf('?'))}?${query}`;
}

describe('signed-URL test server', () => {
  let image: Uint8Array;

  before(async () => {
    image = await plainBytes(IMAGE);
  });

  it('mints same-origin URLs of the documented shape', async () => {
    const before = Math.floor(Date.now() / 1000);
    const url = await signedUrl(IMAGE, { ttlSeconds: 120 });
    const match = /^\/signed\/image\/bottles-frame\.jpg\?exp=(\d+)&sig=([A-Za-z0-9%]+)$/.exec(url);
    expect(match, url).to.not.equal(null);
    const exp = Number(match![1]);
    expect(exp).to.be.within(before + 119, before + 122);
    // 32-byte HMAC in base64: 44 characters once decoded, ending in one `=` (%3D).
    expect(decodeURIComponent(match![2]!)).to.have.length(44);
    expect(match![2]).to.match(/%3D$/);
  });

  it('serves a valid URL with CORS headers, the right type and the file bytes', async () => {
    const response = await fetch(await signedUrl(IMAGE));
    expect(response.status).to.equal(200);
    expect(response.headers.get('access-control-allow-origin')).to.equal('*');
    expect(response.headers.get('access-control-expose-headers')).to.contain('Content-Range');
    expect(response.headers.get('accept-ranges')).to.equal('bytes');
    expect(response.headers.get('content-type')).to.equal('image/jpeg');
    expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(image);
  });

  it('refuses a missing, tampered, expired or borrowed signature with 403', async () => {
    const url = await signedUrl(IMAGE);
    const path = url.slice(0, url.indexOf('?'));
    const query = url.slice(url.indexOf('?') + 1);
    const sig = query.slice(query.indexOf('sig=') + 4);
    const otherFile = await signedUrl('text/pride_and_prejudice.txt');
    const cases = [
      path,
      `${path}?${query.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 1}`)}`,
      withTamperedSignature(url),
      `${path}?${query.slice(0, query.indexOf('&'))}`,
      await signedUrl(IMAGE, { ttlSeconds: -5 }),
      withQuery(url, otherFile.slice(otherFile.indexOf('?') + 1)),
      `${path}?exp=${Date.now()}&sig=${sig}`,
    ];
    for (const refused of cases) {
      const response = await fetch(refused);
      expect(response.status, refused).to.equal(403);
      expect(response.headers.get('access-control-allow-origin')).to.equal('*');
    }
  });

  it('compares the raw query: a decoded or re-encoded signature is refused', async () => {
    const url = await signedUrl(IMAGE, { signatureWith: '+/' });
    expect(url).to.contain('%2B').and.to.contain('%2F');
    expect((await fetch(url)).status).to.equal(200);
    const variants = [
      url.replace(/%2B/g, '+'),
      url.replace(/%2F/g, '/'),
      url.replace(/%2B/g, '%2b'),
      url.replace(/%3D$/, '='),
    ];
    for (const variant of variants) expect((await fetch(variant)).status, variant).to.equal(403);
  });

  it('answers 404 for a validly signed missing file', async () => {
    const response = await fetch(await signedUrl('image/no-such-file.jpg'));
    expect(response.status).to.equal(404);
  });

  it('serves byte ranges with 206, suffix ranges, and 416 when unsatisfiable', async () => {
    const url = await signedUrl(IMAGE);
    const first = await fetch(url, { headers: { Range: 'bytes=0-3' } });
    expect(first.status).to.equal(206);
    expect(first.headers.get('content-range')).to.equal(`bytes 0-3/${IMAGE_SIZE}`);
    expect(new Uint8Array(await first.arrayBuffer())).to.deep.equal(image.slice(0, 4));

    const middle = await fetch(url, { headers: { Range: 'bytes=100-' } });
    expect(middle.status).to.equal(206);
    expect(new Uint8Array(await middle.arrayBuffer())).to.deep.equal(image.slice(100));

    const suffix = await fetch(url, { headers: { Range: 'bytes=-2' } });
    expect(suffix.headers.get('content-range')).to.equal(`bytes ${IMAGE_SIZE - 2}-${IMAGE_SIZE - 1}/${IMAGE_SIZE}`);
    expect(new Uint8Array(await suffix.arrayBuffer())).to.deep.equal(image.slice(-2));

    const beyond = await fetch(url, { headers: { Range: `bytes=${IMAGE_SIZE}-` } });
    expect(beyond.status).to.equal(416);
    expect(beyond.headers.get('content-range')).to.equal(`bytes */${IMAGE_SIZE}`);
  });

  it('answers HEAD, and is readable cross-origin after a preflight (Range and custom headers)', async () => {
    const url = await signedUrl(IMAGE);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(head.headers.get('content-length')).to.equal(String(IMAGE_SIZE));
    expect(head.headers.get('cache-control')).to.equal('no-store');

    // The same server under another host name is another origin: the custom header forces a preflight.
    const otherHost = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const crossOrigin = `${location.protocol}//${otherHost}:${location.port}${url}`;
    await clearRequestLog();
    const response = await fetch(crossOrigin, { headers: { Range: 'bytes=2-5', 'X-Host-Token': 'h' } });
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-range')).to.equal(`bytes 2-5/${IMAGE_SIZE}`);
    expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(image.slice(2, 6));
    const served = await servedRequests();
    expect(served.map((entry) => `${entry.method} ${entry.status}`)).to.deep.equal(['OPTIONS 204', 'GET 206']);
  });

  it('logs every request the server answered, and every request the page made', async () => {
    await clearRequestLog();
    const url = await signedUrl(IMAGE);
    await fetch(url, { headers: { 'X-Probe': 'one' } });
    await fetch('/test/fixtures/text/pride_and_prejudice.txt', { method: 'HEAD' });
    const served = await servedRequests();
    expect(served.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).to.deep.equal([
      'GET /signed/image/bottles-frame.jpg 200',
      'HEAD /test/fixtures/text/pride_and_prejudice.txt 200',
    ]);
    expect(served[0]!.query).to.equal(url.slice(url.indexOf('?') + 1));
    expect(served[0]!.headers['x-probe']).to.equal('one');
    const requested = await browserRequests();
    expect(requested.map((entry) => entry.url)).to.deep.equal([
      new URL(url, location.href).href,
      new URL('/test/fixtures/text/pride_and_prejudice.txt', location.href).href,
    ]);
    await clearRequestLog();
    expect(await servedRequests()).to.deep.equal([]);
  });
});
