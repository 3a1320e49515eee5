/**
 * Reads the frame rate (and, for MP4, the exact frame count) from a video file's headers
 * through byte-range reads, without decoding anything. MP4: the video track's `mdhd` timescale
 * and `stts` sample durations (the `moov` box may sit at the end of the file: top-level boxes
 * are walked by their headers only). WebM / Matroska: the video track's `DefaultDuration`.
 *
 * Files that say nothing usable (fragmented MP4, variable-rate WebM) give `fps: undefined`;
 * the caller then estimates (frame-rate.ts).
 */
import { snapFrameRate } from './frame-rate.js';

/** Bytes `[start, end)` of the file; may return fewer at the end of the file. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

export interface ContainerInfo {
  container: 'mp4' | 'webm';
  fps?: number;
  /** Number of video samples (MP4 only). */
  frameTotal?: number;
  width?: number;
  height?: number;
}

const HEAD_BYTES = 64 * 1024;
/** A `moov` larger than this is not read (hours of video with per-sample tables). */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;
const MAX_TOP_LEVEL_BOXES = 64;

export async function probeContainer(read: RangeReader): Promise<ContainerInfo | undefined> {
  const head = await read(0, HEAD_BYTES);
  if (head.length >= 8 && fourcc(head, 4) === 'ftyp') return probeMp4(read, head);
  if (head.length >= 4 && readUint(head, 0, 4) === 0x1a45dfa3) return probeWebm(head);
  return undefined;
}

// ---- MP4 ---------------------------------------------------------------------------------------

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

function readUint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

interface BoxHeader {
  type: string;
  /** Offset of the payload from the box start. */
  headerSize: number;
  /** Whole box size; Infinity when the box runs to the end of the file. */
  size: number;
}

function boxHeader(bytes: Uint8Array, at: number): BoxHeader | undefined {
  if (at + 8 > bytes.length) return undefined;
  const size32 = readUint(bytes, at, 4);
  const type = fourcc(bytes, at + 4);
  if (size32 === 1) {
    if (at + 16 > bytes.length) return undefined;
    return { type, headerSize: 16, size: readUint(bytes, at + 8, 8) };
  }
  return { type, headerSize: 8, size: size32 === 0 ? Infinity : size32 };
}

/** Child boxes of the payload `[start, end)`. */
function* children(bytes: Uint8Array, start: number, end: number): Generator<{ type: string; start: number; end: number }> {
  let at = start;
  while (at + 8 <= end) {
    const header = boxHeader(bytes, at);
    if (!header || header.size < header.headerSize) return;
    const boxEnd = Math.min(end, header.size === Infinity ? end : at + header.size);
    yield { type: header.type, start: at + header.headerSize, end: boxEnd };
    at = boxEnd;
  }
}

function child(bytes: Uint8Array, start: number, end: number, type: string): { start: number; end: number } | undefined {
  for (const box of children(bytes, start, end)) if (box.type === type) return box;
  return undefined;
}

async function probeMp4(read: RangeReader, head: Uint8Array): Promise<ContainerInfo> {
  const moov = await findMoov(read, head);
  const info: ContainerInfo = { container: 'mp4' };
  if (!moov) return info;
  for (const trak of children(moov, 0, moov.length)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(moov, trak.start, trak.end, 'mdia');
    if (!mdia) continue;
    const hdlr = child(moov, mdia.start, mdia.end, 'hdlr');
    if (!hdlr || hdlr.end - hdlr.start < 12 || fourcc(moov, hdlr.start + 8) !== 'vide') continue;
    const mdhd = child(moov, mdia.start, mdia.end, 'mdhd');
    const stbl = (() => {
      const minf = child(moov, mdia.start, mdia.end, 'minf');
      return minf && child(moov, minf.start, minf.end, 'stbl');
    })();
    const stts = stbl && child(moov, stbl.start, stbl.end, 'stts');
    const tkhd = child(moov, trak.start, trak.end, 'tkhd');
    if (tkhd) Object.assign(info, trackSize(moov, tkhd.start, tkhd.end));
    if (!mdhd || !stts) return info;
    const version = moov[mdhd.start]!;
    const timescale = readUint(moov, mdhd.start + (version === 1 ? 20 : 12), 4);
    const { frameTotal, dominantDelta } = readStts(moov, stts.start, stts.end);
    if (frameTotal > 0) info.frameTotal = frameTotal;
    if (timescale > 0 && dominantDelta > 0) info.fps = timescale / dominantDelta;
    return info;
  }
  return info;
}

function trackSize(bytes: Uint8Array, start: number, end: number): { width?: number; height?: number } {
  // tkhd ends with width and height as 16.16 fixed point.
  if (end - start < 84) return {};
  const width = readUint(bytes, end - 8, 4) / 65536;
  const height = readUint(bytes, end - 4, 4) / 65536;
  return width > 0 && height > 0 ? { width, height } : {};
}

function readStts(bytes: Uint8Array, start: number, end: number): { frameTotal: number; dominantDelta: number } {
  const entries = readUint(bytes, start + 4, 4);
  let frameTotal = 0;
  let dominantDelta = 0;
  let dominantCount = 0;
  for (let i = 0; i < entries; i++) {
    const at = start + 8 + i * 8;
    if (at + 8 > end) break;
    const count = readUint(bytes, at, 4);
    const delta = readUint(bytes, at + 4, 4);
    frameTotal += count;
    if (count > dominantCount && delta > 0) {
      dominantCount = count;
      dominantDelta = delta;
    }
  }
  return { frameTotal, dominantDelta };
}

/**
 * The file's `ftyp` box followed by its `moov` box (a whole box, header included): all an MP4
 * demuxer needs for the sample tables, read without touching the media data. Undefined when the
 * file is not an MP4 or its index cannot be read (fragmented, too large, cut).
 */
export async function readMp4Index(read: RangeReader): Promise<Uint8Array | undefined> {
  const head = await read(0, HEAD_BYTES);
  const ftyp = head.length >= 8 && fourcc(head, 4) === 'ftyp' ? boxHeader(head, 0) : undefined;
  if (!ftyp || ftyp.size === Infinity || ftyp.size > head.length) return undefined;
  const moov = await findMoov(read, head);
  if (!moov) return undefined;
  const index = new Uint8Array(ftyp.size + 8 + moov.length);
  index.set(head.subarray(0, ftyp.size));
  const moovSize = 8 + moov.length;
  index.set([moovSize >>> 24, (moovSize >>> 16) & 0xff, (moovSize >>> 8) & 0xff, moovSize & 0xff, 0x6d, 0x6f, 0x6f, 0x76], ftyp.size);
  index.set(moov, ftyp.size + 8);
  return index;
}

/** The payload of the top-level `moov` box, wherever it is in the file. */
async function findMoov(read: RangeReader, head: Uint8Array): Promise<Uint8Array | undefined> {
  let at = 0;
  for (let i = 0; i < MAX_TOP_LEVEL_BOXES; i++) {
    let header = boxHeader(head, at);
    if (!header) {
      const bytes = await read(at, at + 16);
      header = boxHeader(bytes, 0);
      if (!header) return undefined;
    }
    if (header.size < header.headerSize) return undefined;
    if (header.type === 'moov') {
      if (header.size === Infinity || header.size > MAX_MOOV_BYTES) return undefined;
      const payloadStart = at + header.headerSize;
      const payloadEnd = at + header.size;
      if (payloadEnd <= head.length) return head.subarray(payloadStart, payloadEnd);
      const bytes = await read(payloadStart, payloadEnd);
      return bytes.length === payloadEnd - payloadStart ? bytes : undefined;
    }
    if (header.size === Infinity) return undefined;
    at += header.size;
  }
  return undefined;
}

// ---- WebM / Matroska -----------------------------------------------------------------------

const EBML = {
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  defaultDuration: 0x23e383,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
} as const;

interface EbmlElement {
  id: number;
  start: number;
  end: number;
}

/** Reads a variable-length integer; `keepMarker` for element ids. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  let length = 1;
  while (!(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || at + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function* ebmlChildren(bytes: Uint8Array, start: number, end: number): Generator<EbmlElement> {
  let at = start;
  while (at < end) {
    const id = readVint(bytes, at, true);
    if (!id) return;
    const size = readVint(bytes, at + id.length, false);
    if (!size) return;
    const dataStart = at + id.length + size.length;
    const dataEnd = size.unknown ? end : Math.min(end, dataStart + size.value);
    yield { id: id.value, start: dataStart, end: dataEnd };
    if (size.unknown) return;
    at = dataStart + size.value;
  }
}

function probeWebm(head: Uint8Array): ContainerInfo {
  const info: ContainerInfo = { container: 'webm' };
  for (const top of ebmlChildren(head, 0, head.length)) {
    if (top.id !== EBML.segment) continue;
    for (const element of ebmlChildren(head, top.start, top.end)) {
      if (element.id === EBML.cluster) return info;
      if (element.id !== EBML.tracks) continue;
      for (const entry of ebmlChildren(head, element.start, element.end)) {
        if (entry.id !== EBML.trackEntry) continue;
        let isVideo = false;
        let defaultDuration = 0;
        let size: { width?: number; height?: number } = {};
        for (const field of ebmlChildren(head, entry.start, entry.end)) {
          if (field.id === EBML.trackType) isVideo = readUint(head, field.start, field.end - field.start) === 1;
          else if (field.id === EBML.defaultDuration) defaultDuration = readUint(head, field.start, field.end - field.start);
          else if (field.id === EBML.video) size = webmVideoSize(head, field);
        }
        if (!isVideo) continue;
        Object.assign(info, size);
        // DefaultDuration is whole nanoseconds: 33333333 ns means 30 fps, not 30.0000003.
        if (defaultDuration > 0) info.fps = snapFrameRate(1e9 / defaultDuration, 1e-6);
        return info;
      }
    }
  }
  return info;
}

function webmVideoSize(bytes: Uint8Array, video: EbmlElement): { width?: number; height?: number } {
  const size: { width?: number; height?: number } = {};
  for (const field of ebmlChildren(bytes, video.start, video.end)) {
    if (field.id === EBML.pixelWidth) size.width = readUint(bytes, field.start, field.end - field.start);
    else if (field.id === EBML.pixelHeight) size.height = readUint(bytes, field.start, field.end - field.start);
  }
  return size;
}

/**
 * The size of a WebM / Matroska file from its head: where its Segment ends (a demuxer reading by
 * range must know it). Undefined when the file is not one, or its Segment's size is unknown (a
 * live recording): then nothing but the whole download tells.
 */
export async function readWebmSize(read: RangeReader): Promise<number | undefined> {
  const head = await read(0, HEAD_BYTES);
  if (head.length < 4 || readUint(head, 0, 4) !== 0x1a45dfa3) return undefined;
  let at = 0;
  while (at < head.length) {
    const id = readVint(head, at, true);
    const size = id && readVint(head, at + id.length, false);
    if (!id || !size || size.unknown) return undefined;
    const dataStart = at + id.length + size.length;
    if (id.value === EBML.segment) return dataStart + size.value;
    at = dataStart + size.value;
  }
  return undefined;
}
