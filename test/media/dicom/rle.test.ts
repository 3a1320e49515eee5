import { expect } from '@open-wc/testing';
import { decodeRleFrame } from '../../../src/media/dicom/rle.js';
import { DicomDecodeError } from '../../../src/media/dicom/decode-error.js';

function frame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((segment, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += segment.length;
  });
  const out = new Uint8Array(offset);
  out.set(header);
  let at = 64;
  for (const segment of segments) {
    out.set(segment, at);
    at += segment.length;
  }
  return out;
}

describe('RLE Lossless decoding', () => {
  it('decodes literal and replicate runs of an 8-bit frame', () => {
    // 2 literal bytes (header 1), then 3 copies of 9 (header -2 = 254), a no-op (128), 1 literal.
    const data = frame([[1, 7, 8, 254, 9, 128, 0, 5]]);
    const out = decodeRleFrame(data, { width: 3, height: 2, samplesPerPixel: 1, bitsAllocated: 8 });
    expect([...out]).to.deep.equal([7, 8, 9, 9, 9, 5]);
  });

  it('puts the most significant byte segment first into little-endian 16-bit samples', () => {
    const data = frame([
      [1, 0x12, 0xff],
      [1, 0x34, 0xfe],
    ]);
    const out = decodeRleFrame(data, { width: 2, height: 1, samplesPerPixel: 1, bitsAllocated: 16 });
    const view = new DataView(out.buffer);
    expect([view.getUint16(0, true), view.getInt16(2, true)]).to.deep.equal([0x1234, -2]);
  });

  it('interleaves one segment per colour sample', () => {
    const data = frame([[255, 10], [255, 20], [255, 30]]);
    const out = decodeRleFrame(data, { width: 2, height: 1, samplesPerPixel: 3, bitsAllocated: 8 });
    expect([...out]).to.deep.equal([10, 20, 30, 10, 20, 30]);
  });

  it('rejects a wrong segment count and segments that end early', () => {
    expect(() => decodeRleFrame(frame([[0, 1]]), { width: 1, height: 1, samplesPerPixel: 1, bitsAllocated: 16 })).to.throw(DicomDecodeError);
    expect(() => decodeRleFrame(frame([[0, 1]]), { width: 4, height: 1, samplesPerPixel: 1, bitsAllocated: 8 })).to.throw(DicomDecodeError, /ended/);
    expect(() => decodeRleFrame(new Uint8Array(10), { width: 1, height: 1, samplesPerPixel: 1, bitsAllocated: 8 })).to.throw(DicomDecodeError);
  });
});
