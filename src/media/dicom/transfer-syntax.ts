/**
 * DICOM transfer syntaxes: which ones labelkit decodes and how, and the names of those it does not
 * so the `asset-unsupported` error can say which one the file uses.
 */

/**
 * How the pixel data is stored: native (little or big endian), RLE (decoded here), encapsulated
 * frames for one of the codecs (decoded in the codec worker), or not decodable.
 */
export type PixelEncoding = 'native-little' | 'native-big' | 'rle' | 'codec' | 'unsupported';

/** The codec that decodes an encapsulated syntax (see codecs.ts: one package each). */
export type CodecName = 'jpeg' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'htj2k';

export interface TransferSyntax {
  uid: string;
  name: string;
  encoding: PixelEncoding;
  /** Set when `encoding` is 'codec'. */
  codec?: CodecName;
  /** The data set after the file meta group is deflated (1.2.840.10008.1.2.1.99). */
  deflated?: boolean;
}

type Known = Omit<TransferSyntax, 'uid'>;

const codec = (name: string, codecName: CodecName): Known => ({ name, encoding: 'codec', codec: codecName });

const KNOWN: Record<string, Known> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', encoding: 'native-little' },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', encoding: 'native-little' },
  '1.2.840.10008.1.2.2': { name: 'Explicit VR Big Endian', encoding: 'native-big' },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encoding: 'rle' },
  '1.2.840.10008.1.2.1.99': { name: 'Deflated Explicit VR Little Endian', encoding: 'native-little', deflated: true },
  '1.2.840.10008.1.2.4.50': codec('JPEG Baseline (Process 1)', 'jpeg'),
  '1.2.840.10008.1.2.4.51': codec('JPEG Extended (Process 2 & 4)', 'jpeg'),
  '1.2.840.10008.1.2.4.57': codec('JPEG Lossless (Process 14)', 'jpeg-lossless'),
  '1.2.840.10008.1.2.4.70': codec('JPEG Lossless (Process 14, SV1)', 'jpeg-lossless'),
  '1.2.840.10008.1.2.4.80': codec('JPEG-LS Lossless', 'jpeg-ls'),
  '1.2.840.10008.1.2.4.81': codec('JPEG-LS Near-Lossless', 'jpeg-ls'),
  '1.2.840.10008.1.2.4.90': codec('JPEG 2000 Lossless', 'jpeg2000'),
  '1.2.840.10008.1.2.4.91': codec('JPEG 2000', 'jpeg2000'),
  '1.2.840.10008.1.2.4.92': { name: 'JPEG 2000 Part 2 Multi-component Lossless', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.93': { name: 'JPEG 2000 Part 2 Multi-component', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG2 Main Profile', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 AVC/H.264', encoding: 'unsupported' },
  '1.2.840.10008.1.2.4.201': codec('High-Throughput JPEG 2000 Lossless', 'htj2k'),
  '1.2.840.10008.1.2.4.202': codec('High-Throughput JPEG 2000 RPCL Lossless', 'htj2k'),
  '1.2.840.10008.1.2.4.203': codec('High-Throughput JPEG 2000', 'htj2k'),
};

/** Describes a transfer syntax UID; unknown UIDs are unsupported and named by their UID. */
export function transferSyntaxOf(uid: string | undefined): TransferSyntax {
  // Files without a meta header are Implicit VR Little Endian by definition.
  const clean = (uid ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
  const known = KNOWN[clean];
  if (known) return { uid: clean, ...known };
  return { uid: clean, name: `transfer syntax ${clean}`, encoding: 'unsupported' };
}

/** Every syntax labelkit decodes, for the docs and tests. */
export function decodedTransferSyntaxes(): TransferSyntax[] {
  return Object.keys(KNOWN)
    .map((uid) => transferSyntaxOf(uid))
    .filter((syntax) => syntax.encoding !== 'unsupported');
}
