/** What the codecs need to know of a JPEG stream before decoding it. */

/** The sample precision in a JPEG's frame header (SOFn), or undefined when there is none. */
export function jpegPrecision(bytes: Uint8Array): number | undefined {
  let at = 2;
  while (at + 4 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) return bytes[at + 4];
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return undefined;
}
