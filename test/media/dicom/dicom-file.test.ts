import { expect } from '@open-wc/testing';
import { parseDicomFile, type DecodedFrame } from '../../../src/media/dicom/dicom-file.js';
import { DicomDecodeError } from '../../../src/media/dicom/decode-error.js';
import { encapsulatedFragments, fetchBytes, firstFragmentOffset, int16le, rawPixelData, uint32le } from './raw-reader.js';
import { imageElements, words16, writeDicom, type WriteElement } from './dicom-writer.js';
import { rejectionOf } from '../../rejection.js';

const FIXTURES = '/test/fixtures/dicom';

function grey(frame: DecodedFrame): number[] {
  if (frame.kind !== 'grey') throw new Error('expected a grey frame');
  return [...frame.values];
}

function rgb(frame: DecodedFrame): number[] {
  if (frame.kind !== 'rgb') throw new Error('expected a colour frame');
  return [...frame.rgb];
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, DicomDecodeError);

describe('DICOM files (real fixtures)', () => {
  it('CT_small: 16-bit signed, rescale -1024, no window in the file', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/CT_small.dcm`);
    const file = await parseDicomFile(bytes);
    expect(file.info).to.include({ width: 128, height: 128, frameCount: 1, photometric: 'MONOCHROME2', signed: true, bitsAllocated: 16 });
    expect(file.info.rescale).to.deep.equal({ slope: 1, intercept: -1024 });
    expect(file.info.windows).to.deep.equal([]);
    expect(file.info.pixelSpacing).to.deep.equal([0.661468, 0.661468]);
    expect(file.info.transferSyntax.name).to.equal('Explicit VR Little Endian');
    const raw = int16le(rawPixelData(bytes, true));
    expect(grey(file.decodeFrame(0))).to.deep.equal(raw);
  });

  it('MR_small: the file window 600/1600 and its raw values', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/MR_small.dcm`);
    const file = await parseDicomFile(bytes);
    expect(file.info.windows[0]).to.deep.equal({ center: 600, width: 1600 });
    expect(file.info.pixelSpacing).to.deep.equal([0.3125, 0.3125]);
    const raw = int16le(rawPixelData(bytes, true));
    expect(grey(file.decodeFrame(0))).to.deep.equal(raw);
    expect(new Set(raw).size, 'the image is not flat').to.be.greaterThan(100);
  });

  it('MR_small_RLE decodes to exactly the pixels of MR_small', async () => {
    const plain = await parseDicomFile(await fetchBytes(`${FIXTURES}/MR_small.dcm`));
    const rle = await parseDicomFile(await fetchBytes(`${FIXTURES}/MR_small_RLE.dcm`));
    expect(rle.info.transferSyntax.name).to.equal('RLE Lossless');
    expect(grey(rle.decodeFrame(0))).to.deep.equal(grey(plain.decodeFrame(0)));
  });

  it('rtdose: Implicit VR, 15 frames of 32-bit unsigned values', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/rtdose.dcm`);
    const file = await parseDicomFile(bytes);
    expect(file.info).to.include({ width: 10, height: 10, frameCount: 15, bitsAllocated: 32, signed: false });
    expect(file.info.transferSyntax.name).to.equal('Implicit VR Little Endian');
    expect(file.info.pixelSpacing).to.deep.equal([10, 10]);
    const raw = uint32le(rawPixelData(bytes, false));
    expect(raw.length).to.equal(1500);
    for (const index of [0, 7, 14]) expect(grey(file.decodeFrame(index))).to.deep.equal(raw.slice(index * 100, index * 100 + 100));
    expect(() => file.decodeFrame(15)).to.throw(RangeError);
  });

  it('SC_rgb_rle_2frame: RGB bands on frame 0, frame 1 is its inverse', async () => {
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/SC_rgb_rle_2frame.dcm`));
    expect(file.info).to.include({ width: 100, height: 100, frameCount: 2, photometric: 'RGB', samplesPerPixel: 3 });
    const first = rgb(file.decodeFrame(0));
    const second = rgb(file.decodeFrame(1));
    const at = (data: number[], row: number, col: number) => data.slice((row * 100 + col) * 3, (row * 100 + col) * 3 + 3);
    const bands: [number, number[]][] = [
      [5, [255, 0, 0]],
      [15, [255, 128, 128]],
      [25, [0, 255, 0]],
      [35, [128, 255, 128]],
      [45, [0, 0, 255]],
      [55, [128, 128, 255]],
      [65, [0, 0, 0]],
      [75, [64, 64, 64]],
      [85, [192, 192, 192]],
      [95, [255, 255, 255]],
    ];
    for (const [row, colour] of bands) expect(at(first, row, 50), `row ${row}`).to.deep.equal(colour);
    expect(second).to.deep.equal(first.map((v) => 255 - v));
  });

  it('never reads patient attributes into the image info', async () => {
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/CT_small.dcm`));
    expect(JSON.stringify(file.info)).not.to.contain('CompressedSamples');
  });
});

describe('DICOM files (synthetic)', () => {
  it('reads Explicit VR Big Endian 16-bit signed samples', async () => {
    const values = [-1000, 0, 1000, 32767, -32768, 5];
    const file = await parseDicomFile(
      writeDicom(imageElements({ rows: 2, columns: 3, signed: true, pixelData: words16(values, false) }), 'explicit-be'),
    );
    expect(file.info.transferSyntax.name).to.equal('Explicit VR Big Endian');
    expect(grey(file.decodeFrame(0))).to.deep.equal(values);
  });

  it('reads Implicit VR Little Endian', async () => {
    const values = [1, 2, 3, 4];
    const file = await parseDicomFile(writeDicom(imageElements({ rows: 2, columns: 2, pixelData: words16(values) }), 'implicit-le'));
    expect(grey(file.decodeFrame(0))).to.deep.equal(values);
  });

  it('masks Bits Stored below High Bit and sign-extends 12-bit values', async () => {
    const words = [0xf7ff, 0x0800, 0xa001, 0x0fff];
    const file = await parseDicomFile(
      writeDicom(imageElements({ rows: 1, columns: 4, bitsStored: 12, highBit: 11, signed: true, pixelData: words16(words) }), 'explicit-le'),
    );
    expect(grey(file.decodeFrame(0))).to.deep.equal([2047, -2048, 1, -1]);
    const shifted = await parseDicomFile(
      writeDicom(imageElements({ rows: 1, columns: 2, bitsStored: 12, highBit: 15, pixelData: words16([0x1230, 0xfff0]) }), 'explicit-le'),
    );
    expect(grey(shifted.decodeFrame(0))).to.deep.equal([0x123, 0xfff]);
  });

  it('maps PALETTE COLOR through 16-bit lookup tables, clamping outside values', async () => {
    const descriptor = (vr: string): WriteElement['value'] => (vr === 'US' ? [4, 10, 16] : []);
    const lut = (entries: number[]) => words16(entries);
    const extra: WriteElement[] = [
      { tag: [0x0028, 0x1101], vr: 'US', value: descriptor('US') },
      { tag: [0x0028, 0x1102], vr: 'US', value: descriptor('US') },
      { tag: [0x0028, 0x1103], vr: 'US', value: descriptor('US') },
      { tag: [0x0028, 0x1201], vr: 'OW', value: lut([0x0000, 0xff00, 0x8000, 0x1000]) },
      { tag: [0x0028, 0x1202], vr: 'OW', value: lut([0x1100, 0x2200, 0x3300, 0x4400]) },
      { tag: [0x0028, 0x1203], vr: 'OW', value: lut([0xffff, 0x0000, 0x0100, 0x0200]) },
    ];
    const file = await parseDicomFile(
      writeDicom(
        imageElements({ rows: 1, columns: 4, photometric: 'PALETTE COLOR', bitsAllocated: 8, pixelData: new Uint8Array([9, 10, 12, 30]), extra28: extra }),
        'explicit-le',
      ),
    );
    expect(rgb(file.decodeFrame(0))).to.deep.equal([0x00, 0x11, 0xff, 0x00, 0x11, 0xff, 0x80, 0x33, 0x01, 0x10, 0x44, 0x02]);
  });

  it('converts YBR_FULL and YBR_FULL_422 to RGB and reads planar RGB', async () => {
    const ybrToRgb = (y: number, cb: number, cr: number) =>
      [y + 1.402 * (cr - 128), y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128), y + 1.772 * (cb - 128)].map((v) =>
        Math.max(0, Math.min(255, Math.round(v))),
      );
    const full = await parseDicomFile(
      writeDicom(
        imageElements({ rows: 1, columns: 2, samplesPerPixel: 3, photometric: 'YBR_FULL', planar: 0, bitsAllocated: 8, pixelData: new Uint8Array([76, 85, 255, 128, 128, 128]) }),
        'explicit-le',
      ),
    );
    expect(rgb(full.decodeFrame(0))).to.deep.equal([...ybrToRgb(76, 85, 255), 128, 128, 128]);
    const half = await parseDicomFile(
      writeDicom(
        imageElements({ rows: 1, columns: 2, samplesPerPixel: 3, photometric: 'YBR_FULL_422', planar: 0, bitsAllocated: 8, pixelData: new Uint8Array([76, 200, 85, 255]) }),
        'explicit-le',
      ),
    );
    expect(rgb(half.decodeFrame(0))).to.deep.equal([...ybrToRgb(76, 85, 255), ...ybrToRgb(200, 85, 255)]);
    const planar = await parseDicomFile(
      writeDicom(
        imageElements({ rows: 1, columns: 2, samplesPerPixel: 3, photometric: 'RGB', planar: 1, bitsAllocated: 8, pixelData: new Uint8Array([1, 2, 3, 4, 5, 6]) }),
        'explicit-le',
      ),
    );
    expect(rgb(planar.decodeFrame(0))).to.deep.equal([1, 3, 5, 2, 4, 6]);
  });

  it('names compressed transfer syntaxes it does not decode', async () => {
    const elements = imageElements({ rows: 1, columns: 1, pixelData: words16([0]) });
    const part2 = await rejection(parseDicomFile(writeDicom(elements, 'explicit-le', '1.2.840.10008.1.2.4.92')));
    expect(part2.kind).to.equal('unsupported');
    expect(part2.message).to.contain('JPEG 2000 Part 2 Multi-component Lossless (1.2.840.10008.1.2.4.92)');
    const mpeg = await rejection(parseDicomFile(writeDicom(elements, 'explicit-le', '1.2.840.10008.1.2.4.102')));
    expect(mpeg.message).to.contain('MPEG-4 AVC/H.264');
    const unknown = await rejection(parseDicomFile(writeDicom(elements, 'explicit-le', '1.2.999.7')));
    expect(unknown.message).to.contain('1.2.999.7');
  });

  it('a JPEG frame the codec cannot read is a corrupt file, named by its codec', async () => {
    const bytes = await fetchBytes(`${FIXTURES}/SC_rgb_jpeg_lossy_gdcm.dcm`);
    const [fragment] = encapsulatedFragments(bytes);
    fragment!.fill(0, 2);
    const file = await parseDicomFile(bytes);
    const error = await rejection(file.loadFrame(0));
    expect(error.kind).to.equal('corrupt');
    expect(error.message).to.contain('JPEG frame could not be decoded');
    expect(() => file.decodeFrame(0), 'compressed frames only decode through loadFrame').to.throw(DicomDecodeError);
  });

  it('Explicit VR Big Endian 8-bit OW with an odd byte count per frame: every frame, not only the first', async () => {
    // 3 frames of 1×3 samples: 9 bytes, swapped in 16-bit words across frame boundaries, padded.
    const samples = [10, 11, 12, 20, 21, 22, 30, 31, 32];
    const padded = [...samples, 0];
    const swapped = new Uint8Array(padded.map((_, i) => padded[i ^ 1]!));
    const file = await parseDicomFile(
      writeDicom(imageElements({ rows: 1, columns: 3, frames: 3, bitsAllocated: 8, pixelVr: 'OW', pixelData: swapped }), 'explicit-be'),
    );
    expect([0, 1, 2].map((frame) => grey(file.decodeFrame(frame)))).to.deep.equal([
      [10, 11, 12],
      [20, 21, 22],
      [30, 31, 32],
    ]);
  });

  it('1-bit pixels (segmentation masks): packed least significant bit first, frames not byte aligned', async () => {
    // 2 frames of 3×3: 18 bits. Frame 0 is a diagonal, frame 1 its complement.
    const frame0 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    const frame1 = frame0.map((bit) => 1 - bit);
    const bits = [...frame0, ...frame1];
    const packed = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => (packed[i >> 3]! |= bit << (i & 7)));
    const file = await parseDicomFile(
      writeDicom(imageElements({ rows: 3, columns: 3, frames: 2, bitsAllocated: 1, bitsStored: 1, pixelData: packed }), 'explicit-le'),
    );
    expect(file.info).to.include({ bitsAllocated: 1, frameCount: 2 });
    expect(grey(file.decodeFrame(0))).to.deep.equal(frame0);
    expect(grey(file.decodeFrame(1))).to.deep.equal(frame1);
  });

  it('reports corrupt and truncated files without naming parser internals', async () => {
    const garbage = await rejection(parseDicomFile(new Uint8Array(300).fill(7)));
    expect(garbage.kind).to.equal('corrupt');
    expect(garbage.message).not.to.match(/dicomParser/i);
    const mr = await fetchBytes(`${FIXTURES}/MR_small.dcm`);
    const truncated = await rejection(parseDicomFile(mr.slice(0, mr.length - 4000)));
    expect(truncated.kind).to.equal('corrupt');
    const rle = await fetchBytes(`${FIXTURES}/MR_small_RLE.dcm`);
    const broken = rle.slice();
    // Overwrite the RLE header's segment count inside the single fragment.
    const file = await parseDicomFile(broken);
    broken[firstFragmentOffset(broken)] = 9;
    expect(() => file.decodeFrame(0)).to.throw(DicomDecodeError);
    const noPixels = writeDicom([{ tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.3' }], 'explicit-le');
    expect((await rejection(parseDicomFile(noPixels))).kind).to.equal('unsupported');
  });
});
