/**
 * RLE Lossless (DICOM PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits
 * segment per byte plane (most significant byte first) of each sample. Decodes one frame into
 * native little-endian, interleaved (planar configuration 0) bytes so the native reader handles
 * both paths the same way.
 */
import { DicomDecodeError } from './decode-error.js';

export interface RleFrameLayout {
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsAllocated: number;
}

export function decodeRleFrame(data: Uint8Array, layout: RleFrameLayout): Uint8Array {
  const { width, height, samplesPerPixel, bitsAllocated } = layout;
  if (data.byteLength < 64) throw new DicomDecodeError('The RLE frame is shorter than its header.');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const segmentCount = view.getUint32(0, true);
  const bytesPerSample = bitsAllocated / 8;
  if (!Number.isInteger(bytesPerSample) || segmentCount !== samplesPerPixel * bytesPerSample || segmentCount > 15) {
    throw new DicomDecodeError(`The RLE frame has ${segmentCount} segments where ${samplesPerPixel * bytesPerSample} were expected.`);
  }
  const offsets: number[] = [];
  for (let i = 0; i < segmentCount; i++) offsets.push(view.getUint32(4 + 4 * i, true));
  const pixels = width * height;
  const out = new Uint8Array(pixels * samplesPerPixel * bytesPerSample);
  const stride = samplesPerPixel * bytesPerSample;
  for (let segment = 0; segment < segmentCount; segment++) {
    const start = offsets[segment]!;
    const end = segment + 1 < segmentCount ? offsets[segment + 1]! : data.byteLength;
    if (start < 64 || end > data.byteLength || end < start) throw new DicomDecodeError('An RLE segment offset points outside the frame.');
    const sample = Math.floor(segment / bytesPerSample);
    const byteInSample = segment % bytesPerSample; // 0 = most significant
    const firstOut = sample * bytesPerSample + (bytesPerSample - 1 - byteInSample);
    decodePackBits(data, start, end, out, firstOut, stride, pixels);
  }
  return out;
}

/** Writes `count` decoded bytes to `out[first + k * stride]`. */
function decodePackBits(data: Uint8Array, start: number, end: number, out: Uint8Array, first: number, stride: number, count: number): void {
  let read = start;
  let written = 0;
  while (written < count && read < end) {
    const header = data[read++]!;
    if (header < 128) {
      const run = header + 1;
      if (read + run > end) throw new DicomDecodeError('An RLE literal run is cut short.');
      for (let i = 0; i < run && written < count; i++) out[first + stride * written++] = data[read + i]!;
      read += run;
    } else if (header > 128) {
      const run = 257 - header;
      if (read >= end) throw new DicomDecodeError('An RLE replicate run is cut short.');
      const value = data[read++]!;
      for (let i = 0; i < run && written < count; i++) out[first + stride * written++] = value;
    }
    // 128 (-128) is a no-op.
  }
  if (written < count) throw new DicomDecodeError('An RLE segment ended before the frame was complete.');
}
