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

export function int16le(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.byteLength / 2 }, (_, i) => view.getInt16(2 * i, true));
}

export function uint32le(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.byteLength / 4 }, (_, i) => view.getUint32(4 * i, true));
}

/** The window formula written out by hand (PS3.3 C.11.2.1.2.1), rounded to a byte. */
export function expectedGrey(modalityValue: number, center: number, width: number): number {
  if (modalityValue <= center - 0.5 - (width - 1) / 2) return 0;
  if (modalityValue > center - 0.5 + (width - 1) / 2) return 255;
  return Math.round(((modalityValue - (center - 0.5)) / (width - 1) + 0.5) * 255);
}
