/**
 * DICOM transfer syntaxes: which ones labelkit decodes, and the names of those it does not so
 * the `asset-unsupported` error can say which one the file uses.
 */

export type PixelEncoding = 'native-little' | 'native-big' | 'rle' | 'unsupported';

export interface TransferSyntax {
  uid: string;
  name: string;
  encoding: PixelEncoding;
}

const KNOWN: Record<string, { name: string; encoding: PixelEncoding }> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', encoding: 'native-little' },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', encoding: 'native-little' },
  '1.2.840.10008.1.2.2': { name: 'Explicit VR Big Endian', encoding: 'native-big' },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encoding: 'rle' },
  '1.2.840.10008.1.2.1.99': { name: 'Deflated Explicit VR Little Endian', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (Process 1)', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (Process 2 & 4)', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless (Process 14)', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG Lossless (Process 14, SV1)', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.92': { name: 'JPEG 2000 Part 2 Multi-component Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.93': { name: 'JPEG 2000 Part 2 Multi-component', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG2 Main Profile', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 AVC/H.264', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.201': { name: 'High-Throughput JPEG 2000 Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.202': { name: 'High-Throughput JPEG 2000 RPCL Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.203': { name: 'High-Throughput JPEG 2000', encoding: 'unsupported' },
};

/** Describes a transfer syntax UID; unknown UIDs are unsupported and named by their UID. */
export function transferSyntaxOf(uid: string | undefined): TransferSyntax {
  // Files without a meta header are Implicit VR Little Endian by definition.
  const clean = (uid ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
  const known = KNOWN[clean];
  if (known) return { uid: clean, ...known };
  return { uid: clean, name: `transfer syntax ${clean}`, encoding: 'unsupported' };
}
