/**
 * An independent, deliberately naive reader for the native fixtures: finds the last Pixel Data
 * element (7FE0,0010) by its tag bytes and reads little-endian samples. Shares no code with
 * src/media/dicom, so tests compare the element against a second opinion.
 */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function rawPixelData(bytes: Uint8Array, explicit: boolean): Uint8Array {
  for (let i = bytes.length - 8; i >= 132; i--) {
    if (bytes[i] === 0xe0 && bytes[i + 1] === 0x7f && bytes[i + 2] === 0x10 && bytes[i + 3] === 0x00) {
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const vr = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!);
      if (explicit && vr !== 'OW' && vr !== 'OB') continue;
      const length = explicit ? view.getUint32(i + 8, true) : view.getUint32(i + 4, true);
      const start = i + (explicit ? 12 : 8);
      if (start + length <= bytes.length) return bytes.subarray(start, start + length);
    }
  }
  throw new Error('pixel data not found');
}

/** Offset of the first fragment's data in an encapsulated (undefined length) Pixel Data element with a one-entry offset table. */
export function firstFragmentOffset(bytes: Uint8Array): number {
  for (let i = bytes.length - 12; i >= 132; i--) {
    if (bytes[i] === 0xe0 && bytes[i + 1] === 0x7f && bytes[i + 2] === 0x10 && bytes[i + 3] === 0x00 && bytes[i + 8] === 0xff && bytes[i + 11] === 0xff) {
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      const offsetTableLength = view.getUint32(i + 16, true);
      return i + 12 + 8 + offsetTableLength + 8;
    }
  }
  throw new Error('encapsulated pixel data not found');
}

/** The fragments of an encapsulated Pixel Data element (the Basic Offset Table item left out). */
export function encapsulatedFragments(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 12; i >= 132; i--) {
    const undefinedLength = view.getUint32(i + 8, true) === 0xffffffff;
    if (bytes[i] !== 0xe0 || bytes[i + 1] !== 0x7f || bytes[i + 2] !== 0x10 || bytes[i + 3] !== 0x00 || !undefinedLength) continue;
    const items: Uint8Array[] = [];
    let at = i + 12;
    // Items are (FFFE,E000) + length; the sequence ends with (FFFE,E0DD).
    while (at + 8 <= bytes.length && view.getUint16(at, true) === 0xfffe && view.getUint16(at + 2, true) === 0xe000) {
      const length = view.getUint32(at + 4, true);
      items.push(bytes.subarray(at + 8, at + 8 + length));
      at += 8 + length;
    }
    return items.slice(1);
  }
  throw new Error('encapsulated pixel data not found');
}

/** RLE Lossless (PS3.5 G.3.1) the slow, obvious way: one array of `count` bytes per segment. */
export function rleSegments(fragment: Uint8Array, count: number): Uint8Array[] {
  const view = new DataView(fragment.buffer, fragment.byteOffset, fragment.byteLength);
  const segmentCount = view.getUint32(0, true);
  const segments: Uint8Array[] = [];
  for (let s = 0; s < segmentCount; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segmentCount ? view.getUint32(8 + 4 * s, true) : fragment.length;
    const out: number[] = [];
    let at = start;
    while (out.length < count && at < end) {
      const n = fragment[at++]!;
      if (n < 128) {
        for (let k = 0; k <= n; k++) out.push(fragment[at++]!);
      } else if (n > 128) {
        const value = fragment[at++]!;
        for (let k = 0; k < 257 - n; k++) out.push(value);
      }
    }
    segments.push(Uint8Array.from(out.slice(0, count)));
  }
  return segments;
}

export function int16le(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.byteLength / 2 }, (_, i) => view.getInt16(2 * i, true));
}

export function uint32le(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.byteLength / 4 }, (_, i) => view.getUint32(4 * i, true));
}

/**
 * The display value of a grey pixel, written out by hand from the formula cornerstone-core
 * documents for its linear VOI LUT (src/internal/getVOILut.js): `((m − c) / w + 0.5) × 255`,
 * `255 −` that for MONOCHROME1 (generateLut.js), stored into a Uint8ClampedArray. Note this is
 * not PS3.3's `((m − (c − 0.5)) / (w − 1) + 0.5) × 255`.
 */
export function expectedGrey(modalityValue: number, center: number, width: number, invert = false): number {
  const value = ((modalityValue - center) / width + 0.5) * 255;
  return toClampedByte(invert ? 255 - value : value);
}

/** What storing `value` into a Uint8ClampedArray keeps (ECMA-262 ToUint8Clamp): clamped, rounded half to even. */
export function toClampedByte(value: number): number {
  if (!(value > 0)) return 0;
  if (value >= 255) return 255;
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The old (PS3.3 C.11.2.1.2.1) formula, only to show that the display does not follow it. */
export function ps33Grey(modalityValue: number, center: number, width: number): number {
  if (modalityValue <= center - 0.5 - (width - 1) / 2) return 0;
  if (modalityValue > center - 0.5 + (width - 1) / 2) return 255;
  return Math.round(((modalityValue - (center - 0.5)) / (width - 1) + 0.5) * 255);
}

/** The window cornerstone derives for an image without one (computeAutoVoi): min → black, max → white. */
export function fullRangeWindow(values: readonly number[]): { center: number; width: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { center: (min + max) / 2, width: Math.max(1, max - min) };
}
