import { expect } from '@open-wc/testing';

// The test server answers Range requests for the bundled fixtures with 206 Partial Content
// (scripts/range-middleware.mjs); without it <video> cannot seek.
const VIDEO = '/test/fixtures/video/bottle-detection.mp4';
const VIDEO_SIZE = 504961;

async function wholeFile(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { cache: 'no-store' });
  expect(response.status).to.equal(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function ranged(url: string, range: string): Promise<Response> {
  return fetch(url, { headers: { Range: range }, cache: 'no-store' });
}

describe('fixture server Range support', () => {
  let whole: Uint8Array;

  before(async () => {
    whole = await wholeFile(VIDEO);
  });

  it('serves the whole fixture with 200 and advertises byte ranges', async () => {
    const response = await fetch(VIDEO, { cache: 'no-store' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('accept-ranges')).to.equal('bytes');
    expect(whole.length).to.equal(VIDEO_SIZE);
  });

  it('answers a bounded range with 206, Content-Range and exactly those bytes', async () => {
    const response = await ranged(VIDEO, 'bytes=1000-1999');
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-range')).to.equal(`bytes 1000-1999/${VIDEO_SIZE}`);
    expect(response.headers.get('content-type')).to.equal('video/mp4');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).to.equal(1000);
    expect(Array.from(body)).to.deep.equal(Array.from(whole.subarray(1000, 2000)));
  });

  it('answers an open-ended range up to the last byte', async () => {
    const response = await ranged(VIDEO, `bytes=${VIDEO_SIZE - 300}-`);
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-range')).to.equal(`bytes ${VIDEO_SIZE - 300}-${VIDEO_SIZE - 1}/${VIDEO_SIZE}`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Array.from(body)).to.deep.equal(Array.from(whole.subarray(VIDEO_SIZE - 300)));
  });

  it('answers a suffix range with the last N bytes', async () => {
    const response = await ranged(VIDEO, 'bytes=-16');
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-range')).to.equal(`bytes ${VIDEO_SIZE - 16}-${VIDEO_SIZE - 1}/${VIDEO_SIZE}`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Array.from(body)).to.deep.equal(Array.from(whole.subarray(VIDEO_SIZE - 16)));
  });

  it('clamps a range that runs past the end', async () => {
    const response = await ranged(VIDEO, `bytes=${VIDEO_SIZE - 10}-${VIDEO_SIZE + 5000}`);
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-range')).to.equal(`bytes ${VIDEO_SIZE - 10}-${VIDEO_SIZE - 1}/${VIDEO_SIZE}`);
    expect((await response.arrayBuffer()).byteLength).to.equal(10);
  });

  it('refuses a range that starts past the end with 416', async () => {
    const response = await ranged(VIDEO, `bytes=${VIDEO_SIZE}-`);
    expect(response.status).to.equal(416);
    expect(response.headers.get('content-range')).to.equal(`bytes */${VIDEO_SIZE}`);
  });

  it('serves ranges of other fixture kinds with their content type', async () => {
    const pdf = '/test/fixtures/pdf/pdflatex-4-pages.pdf';
    const response = await ranged(pdf, 'bytes=0-7');
    expect(response.status).to.equal(206);
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    expect(new TextDecoder().decode(await response.arrayBuffer())).to.match(/^%PDF-\d\.\d/);
  });

  it('does not serve files outside the fixtures folder', async () => {
    const response = await ranged('/test/fixtures/..%2F..%2Fpackage.json', 'bytes=0-10');
    expect(response.status).to.not.equal(206);
  });

  it('lets <video> seek: the media is seekable and a seek lands where asked', async () => {
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.src = VIDEO;
    document.body.append(video);
    try {
      await new Promise((resolve, reject) => {
        video.addEventListener('loadedmetadata', resolve, { once: true });
        video.addEventListener('error', () => reject(new Error('video failed to load')), { once: true });
      });
      expect(video.seekable.length).to.equal(1);
      expect(video.seekable.end(0)).to.be.closeTo(video.duration, 0.05);
      const target = Math.min(2, video.duration / 2);
      video.currentTime = target;
      await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
      expect(video.currentTime).to.be.closeTo(target, 0.05);
    } finally {
      video.remove();
    }
  });
});
