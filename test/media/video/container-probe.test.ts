import { expect } from '@open-wc/testing';
import { probeContainer, type RangeReader } from '../../../src/media/video/container-probe.js';

function rangeReader(url: string, log: Array<[number, number]>): RangeReader {
  return async (start, end) => {
    log.push([start, end]);
    const response = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, cache: 'no-store' });
    if (response.status !== 206 && response.status !== 200) throw new Error(`status ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return response.status === 200 ? bytes.subarray(start, end) : bytes;
  };
}

function bytesReader(bytes: Uint8Array): RangeReader {
  return async (start, end) => bytes.subarray(start, Math.min(end, bytes.length));
}

describe('container probe', () => {
  it('reads 179/6 fps and 1189 frames from the real MP4 whose moov sits at the end, without downloading it', async () => {
    const log: Array<[number, number]> = [];
    const info = await probeContainer(rangeReader('/test/fixtures/video/bottle-detection.mp4', log));
    expect(info?.container).to.equal('mp4');
    expect(info?.fps).to.be.closeTo(179 / 6, 1e-9);
    expect(info?.frameTotal).to.equal(1189);
    expect(info?.width).to.equal(640);
    expect(info?.height).to.equal(360);
    const fetched = log.reduce((sum, [start, end]) => sum + (end - start), 0);
    expect(fetched).to.be.below(100_000);
  });

  it('reads 30 fps exactly from the WebM DefaultDuration', async () => {
    const info = await probeContainer(rangeReader('/test/fixtures/video/frame-numbers.webm', []));
    expect(info).to.deep.equal({ container: 'webm', fps: 30, width: 640, height: 360 });
  });

  it('gives nothing for bytes that are no video container, and no rate for a truncated MP4', async () => {
    expect(await probeContainer(bytesReader(new TextEncoder().encode('just some text, not a video')))).to.equal(undefined);
    const response = await fetch('/test/fixtures/video/bottle-detection.mp4');
    const whole = new Uint8Array(await response.arrayBuffer());
    const truncated = await probeContainer(bytesReader(whole.subarray(0, 200_000)));
    expect(truncated).to.deep.equal({ container: 'mp4' });
  });

  it('reads a hand-built MP4 whose moov follows an mdat with a 64-bit size, with two stts runs', async () => {
    const box = (type: string, ...payload: Uint8Array[]) => {
      const length = payload.reduce((n, p) => n + p.length, 0) + 8;
      const out = new Uint8Array(length);
      new DataView(out.buffer).setUint32(0, length);
      out.set(new TextEncoder().encode(type), 4);
      let at = 8;
      for (const p of payload) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    };
    const u32 = (...values: number[]) => {
      const out = new Uint8Array(values.length * 4);
      values.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v));
      return out;
    };
    const hdlr = box('hdlr', u32(0, 0), new TextEncoder().encode('vide'), u32(0, 0, 0), new Uint8Array([0]));
    const mdhd = box('mdhd', u32(0, 0, 0, 90000, 0, 0));
    // 299 frames of 3003 ticks then one of 1501 (29.97 fps, a short last frame).
    const stts = box('stts', u32(0, 2, 299, 3003, 1, 1501));
    const moov = box('moov', box('trak', box('mdia', mdhd, hdlr, box('minf', box('stbl', stts)))));
    const ftyp = box('ftyp', new TextEncoder().encode('isom'), u32(0));
    const mdat = new Uint8Array(16 + 100);
    new DataView(mdat.buffer).setUint32(0, 1);
    mdat.set(new TextEncoder().encode('mdat'), 4);
    new DataView(mdat.buffer).setUint32(12, mdat.length);
    const file = new Uint8Array([...ftyp, ...mdat, ...moov]);
    const info = await probeContainer(bytesReader(file));
    expect(info?.fps).to.be.closeTo(30000 / 1001, 1e-9);
    expect(info?.frameTotal).to.equal(300);
  });
});
