/**
 * One DICOM file: the display-relevant attributes and a frame decoder. Reads only what display and
 * the export's `metadata` need; patient and study attributes are never read, so they cannot leak.
 */
import type { DataSet, Element } from 'dicom-parser';
import { interleave, paletteToRgb, ybrFull422ToRgb, ybrFullToRgb, type PaletteLut } from './color.js';
import { DicomDecodeError } from './decode-error.js';
import type { CodecError, CodecRequest, CodecResult } from './decode-protocol.js';
import { loadDicomParser, type DicomParserApi } from './parser-loader.js';
import { decodeRleFrame } from './rle.js';
import { transferSyntaxOf, type TransferSyntax } from './transfer-syntax.js';
import type { Rescale, VoiWindow } from './windowing.js';

export interface DicomImageInfo {
  width: number;
  height: number;
  frameCount: number;
  samplesPerPixel: number;
  /** MONOCHROME1, MONOCHROME2, RGB, YBR_FULL, YBR_FULL_422, YBR_RCT, YBR_ICT, PALETTE COLOR. */
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  signed: boolean;
  planar: boolean;
  transferSyntax: TransferSyntax;
  /** Modality (0008,0060), e.g. CT, MR, US; it picks the window presets. */
  modality?: string;
  rescale: Rescale;
  /** Windows the file recommends, first is the default. */
  windows: VoiWindow[];
  /** Millimetres between pixel centres: [between rows (vertical), between columns (horizontal)]. */
  pixelSpacing?: [number, number];
  sopInstanceUID?: string;
  instanceNumber?: number;
  imagePosition?: [number, number, number];
  imageOrientation?: number[];
  /** Overlay planes (groups 6000–601E) stored as their own bits; absent when there are none. */
  overlays?: OverlayPlane[];
}

/** One overlay plane (PS3.3 C.9.2): 1-bit graphics over the image, e.g. annotations burnt in by the modality. */
export interface OverlayPlane {
  /** The group, 0x6000…0x601E. */
  group: number;
  rows: number;
  columns: number;
  /** Image row and column (1-based) of the overlay's top left pixel. */
  origin: [number, number];
  /** The first image frame (0-based) and how many frames the plane covers (one bitmap each). */
  firstFrame: number;
  frameCount: number;
  /** Packed bits, least significant first, frame after frame. */
  bits: Uint8Array;
  /** OverlayDescription or OverlayLabel, if any. */
  label?: string;
}

/** A decoded frame: stored grey values (before any LUT) or 8-bit interleaved RGB. */
export type DecodedFrame = { kind: 'grey'; values: Int32Array | Uint32Array } | { kind: 'rgb'; rgb: Uint8Array };

export interface DicomFile {
  readonly info: DicomImageInfo;
  /** True for compressed syntaxes whose frames the codec worker decodes: use `loadFrame`. */
  readonly decodesInWorker: boolean;
  /** Decodes a frame now (native and RLE pixel data); throws for files that decode in the worker. */
  decodeFrame(index: number): DecodedFrame;
  /** Decodes a frame, in the codec worker when the file is compressed. Rejects with DicomDecodeError. */
  loadFrame(index: number): Promise<DecodedFrame>;
}

/** Decodes one encapsulated frame (decode-client.ts in the page; a stand-in in unit tests). */
export type FrameCodec = (request: CodecRequest) => Promise<CodecResult>;

const TAG = {
  transferSyntax: 'x00020010',
  modality: 'x00080060',
  sopInstanceUID: 'x00080018',
  imagerPixelSpacing: 'x00181164',
  instanceNumber: 'x00200013',
  imagePosition: 'x00200032',
  imageOrientation: 'x00200037',
  samplesPerPixel: 'x00280002',
  photometric: 'x00280004',
  planar: 'x00280006',
  frames: 'x00280008',
  rows: 'x00280010',
  columns: 'x00280011',
  pixelSpacing: 'x00280030',
  bitsAllocated: 'x00280100',
  bitsStored: 'x00280101',
  highBit: 'x00280102',
  pixelRepresentation: 'x00280103',
  windowCenter: 'x00281050',
  windowWidth: 'x00281051',
  rescaleIntercept: 'x00281052',
  rescaleSlope: 'x00281053',
  redDescriptor: 'x00281101',
  greenDescriptor: 'x00281102',
  blueDescriptor: 'x00281103',
  redData: 'x00281201',
  greenData: 'x00281202',
  blueData: 'x00281203',
  floatPixelData: 'x7fe00008',
  doubleFloatPixelData: 'x7fe00009',
  pixelData: 'x7fe00010',
} as const;

/**
 * Parses a DICOM Part 10 file. Throws DicomDecodeError (corrupt or unsupported). Compressed frames
 * go to `codec`, by default the decode worker (loaded only when a file needs it).
 */
export async function parseDicomFile(bytes: ArrayBuffer | Uint8Array, codec?: FrameCodec): Promise<DicomFile> {
  const parser = await loadDicomParser();
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const header = readHeader(parser, array);
  const inflated = header?.syntax.deflated ? await inflateDataSet(array, header.position) : undefined;
  return parseWith(parser, array, codec ?? workerCodec, inflated);
}

/**
 * The decode worker as a FrameCodec, with the codec files under `codecsBase` (a host's copy of
 * dist/dicom-codecs/, `codecs-base` on <lk-dicom>) or the package's own; the worker's module loads
 * with the first compressed frame.
 */
export function workerFrameCodec(codecsBase?: string): FrameCodec {
  let codec: FrameCodec | undefined;
  return async (request) => {
    codec ??= (await import('./decode-client.js')).workerCodec(codecsBase);
    return codec(request);
  };
}

const workerCodec = workerFrameCodec();

/** `inflated`: the whole file with its deflated data set inflated (Deflated Explicit VR Little Endian). */
export function parseWith(parser: DicomParserApi, bytes: Uint8Array, codec: FrameCodec = workerCodec, inflated?: Uint8Array): DicomFile {
  let dataSet: DataSet;
  try {
    dataSet = inflated ? parser.parseDicom(bytes, { inflater: (() => inflated) as unknown as (arr: Uint8Array, position: number) => void }) : parser.parseDicom(bytes);
  } catch {
    // A compressed syntax labelkit cannot inflate (deflate) fails inside the parser: name it.
    const syntax = readHeader(parser, bytes)?.syntax;
    if (syntax?.encoding === 'unsupported') {
      throw new DicomDecodeError(`The DICOM file uses ${syntax.name} (${syntax.uid}), which labelkit does not decode.`, 'unsupported');
    }
    // dicom-parser throws strings or errors naming its internals; neither helps a person.
    throw new DicomDecodeError('The file is not a readable DICOM file (it may be truncated or corrupt).');
  }
  const info = readInfo(dataSet);
  const pixelElement = dataSet.elements[TAG.pixelData];
  if (!pixelElement) {
    const floatPixels = dataSet.elements[TAG.floatPixelData] ?? dataSet.elements[TAG.doubleFloatPixelData];
    throw new DicomDecodeError(floatPixels ? 'Float pixel data is not supported.' : 'The DICOM file holds no image.', 'unsupported');
  }
  const palette = info.photometric === 'PALETTE COLOR' ? readPalette(dataSet) : undefined;
  const overlays = readOverlays(dataSet);
  if (overlays.length > 0) info.overlays = overlays;
  const { encoding } = info.transferSyntax;
  const native = encoding === 'native-little' || encoding === 'native-big';
  const pixels = info.width * info.height;
  // 1-bit pixels (SEG masks) are packed: a frame need not start on a byte boundary.
  const frameBits = pixels * info.samplesPerPixel * info.bitsAllocated;
  const nativeFrameBits = info.photometric === 'YBR_FULL_422' ? (frameBits * 2) / 3 : frameBits;
  const nativeBytes = Math.ceil((nativeFrameBits * info.frameCount) / 8);
  if (native && pixelElement.length < nativeBytes) {
    throw new DicomDecodeError('The pixel data is shorter than the image size says (the file may be truncated).');
  }
  if (pixelElement.dataOffset + Math.min(pixelElement.length, nativeBytes) > dataSet.byteArray.length) {
    throw new DicomDecodeError('The pixel data runs past the end of the file (the file may be truncated).');
  }

  const encoded = (index: number): Uint8Array => {
    try {
      return encapsulatedFrame(parser, dataSet, pixelElement, index, info.frameCount);
    } catch (error) {
      if (error instanceof DicomDecodeError) throw error;
      throw new DicomDecodeError('The compressed pixel data could not be read.');
    }
  };

  let nativePixels: Uint8Array | undefined;
  /** The whole native pixel data, byte-swapped once where needed so frames can be cut anywhere. */
  const nativeData = (): Uint8Array => {
    if (!nativePixels) {
      const start = dataSet.byteArray.byteOffset + pixelElement.dataOffset;
      // Explicit VR Big Endian stores OW as 16-bit words: 8-bit samples in OW come swapped in
      // pairs, across frame boundaries when a frame has an odd number of bytes, and the last
      // sample of an odd total is in the padded last word.
      const swapped = encoding === 'native-big' && info.bitsAllocated === 8 && pixelElement.vr === 'OW';
      const length = swapped ? Math.min(pixelElement.length, nativeBytes + (nativeBytes % 2)) : nativeBytes;
      nativePixels = new Uint8Array(dataSet.byteArray.buffer, start, length);
      if (swapped) nativePixels = swapPairs(nativePixels);
    }
    return nativePixels;
  };

  const nativeFrame = (index: number): Uint8Array => {
    if (info.bitsAllocated === 1) return unpackBits(nativeData(), index * nativeFrameBits, nativeFrameBits);
    const frameBytes = nativeFrameBits / 8;
    return nativeData().subarray(index * frameBytes, (index + 1) * frameBytes);
  };

  const checkIndex = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= info.frameCount) throw new RangeError(`No frame ${index}.`);
  };
  const layout = { width: info.width, height: info.height, samplesPerPixel: info.samplesPerPixel, bitsAllocated: info.bitsAllocated };
  // 1-bit samples arrive unpacked, one byte each.
  const sampleInfo = info.bitsAllocated === 1 ? { ...info, bitsAllocated: 8 } : info;

  const decodeFrame = (index: number): DecodedFrame => {
    checkIndex(index);
    if (encoding === 'codec') throw new DicomDecodeError(`Frame ${index + 1} is decoded in the codec worker: use loadFrame.`);
    if (encoding === 'rle') return toFrame(readSamples(decodeRleFrame(encoded(index), layout), sampleInfo, true), info, palette, false, info.photometric);
    return toFrame(readSamples(nativeFrame(index), sampleInfo, encoding === 'native-little'), info, palette, info.planar, info.photometric);
  };

  return {
    info,
    decodesInWorker: encoding === 'codec',
    decodeFrame,
    async loadFrame(index: number): Promise<DecodedFrame> {
      if (encoding !== 'codec') return decodeFrame(index);
      checkIndex(index);
      const request: CodecRequest = { codec: info.transferSyntax.codec!, bytes: encoded(index), ...layout };
      let result: CodecResult;
      try {
        result = await codec(request);
      } catch (error) {
        throw codecFailure(error, info.transferSyntax);
      }
      return toFrame(readSamples(result.bytes, info, true), info, palette, result.planar, photometricAfterCodec(info));
    },
  };
}

/** Stored samples to a grey frame or 8-bit RGB, by photometric interpretation. */
function toFrame(samples: Int32Array | Uint32Array, info: DicomImageInfo, palette: PaletteLut | undefined, planar: boolean, photometric: string): DecodedFrame {
  const pixels = info.width * info.height;
  const native = info.transferSyntax.encoding === 'native-little' || info.transferSyntax.encoding === 'native-big';
  switch (photometric) {
    case 'MONOCHROME1':
    case 'MONOCHROME2':
      return { kind: 'grey', values: samples };
    case 'PALETTE COLOR':
      return { kind: 'rgb', rgb: paletteToRgb(samples, palette!) };
    case 'YBR_FULL_422':
      // Only native pixel data keeps the 4:2:2 subsampling; RLE and codecs give every pixel its samples.
      if (native) return { kind: 'rgb', rgb: ybrFull422ToRgb(to8Bit(samples, info.bitsStored), pixels) };
      return { kind: 'rgb', rgb: ybrFullToRgb(interleave(to8Bit(samples, info.bitsStored), pixels, false)) };
    case 'YBR_FULL':
      return { kind: 'rgb', rgb: ybrFullToRgb(interleave(to8Bit(samples, info.bitsStored), pixels, planar)) };
    default:
      return { kind: 'rgb', rgb: interleave(to8Bit(samples, info.bitsStored), pixels, planar) };
  }
}

/**
 * What the codec's output is: libjpeg-turbo turns a colour JPEG's YCbCr into RGB, and OpenJPEG and
 * OpenJPH undo JPEG 2000's colour transforms (YBR_RCT, YBR_ICT). JPEG Lossless and JPEG-LS leave
 * samples as stored.
 */
function photometricAfterCodec(info: DicomImageInfo): string {
  const codec = info.transferSyntax.codec;
  if (info.samplesPerPixel !== 3) return info.photometric;
  if (codec === 'jpeg' && info.photometric.startsWith('YBR')) return 'RGB';
  if ((codec === 'jpeg2000' || codec === 'htj2k') && (info.photometric === 'YBR_RCT' || info.photometric === 'YBR_ICT')) return 'RGB';
  return info.photometric;
}

function codecFailure(error: unknown, syntax: TransferSyntax): DicomDecodeError {
  const failure = (error as Partial<CodecError> | undefined)?.failure;
  const message = error instanceof Error ? error.message : 'The compressed frame could not be decoded.';
  const named = `${syntax.name} (${syntax.uid})`;
  switch (failure) {
    case 'csp':
      return new DicomDecodeError(
        `The DICOM file uses ${named}, which labelkit decodes with WebAssembly, and the page's Content Security Policy refuses it: add 'wasm-unsafe-eval' to script-src.`,
        'resource',
      );
    case 'unavailable':
      return new DicomDecodeError(`The DICOM file uses ${named}, and its decoder could not be loaded: ${message}`, 'resource');
    case 'unsupported':
      return new DicomDecodeError(`The DICOM file uses ${named}: ${message}`, 'unsupported');
    default:
      return new DicomDecodeError(message);
  }
}

/** The whole file with the data set after the meta group inflated (raw deflate, PS3.5 A.5). */
async function inflateDataSet(bytes: Uint8Array, position: number): Promise<Uint8Array> {
  let inflated: Uint8Array;
  try {
    const stream = new Blob([bytes.slice(position)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    inflated = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new DicomDecodeError('The deflated data set could not be inflated (the file may be corrupt).');
  }
  const whole = new Uint8Array(position + inflated.length);
  whole.set(bytes.subarray(0, position));
  whole.set(inflated, position);
  return whole;
}

const SUPPORTED_PHOTOMETRIC = new Set(['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL', 'YBR_FULL_422', 'PALETTE COLOR']);
/** JPEG 2000's colour transforms, which only its codecs undo. */
const JPEG2000_PHOTOMETRIC = new Set(['YBR_RCT', 'YBR_ICT']);

function readInfo(dataSet: DataSet): DicomImageInfo {
  const transferSyntax = transferSyntaxOf(dataSet.string(TAG.transferSyntax));
  if (transferSyntax.encoding === 'unsupported') {
    throw new DicomDecodeError(`The DICOM file uses ${transferSyntax.name} (${transferSyntax.uid}), which labelkit does not decode.`, 'unsupported');
  }
  const width = dataSet.uint16(TAG.columns) ?? 0;
  const height = dataSet.uint16(TAG.rows) ?? 0;
  const hasPixels = dataSet.elements[TAG.pixelData] !== undefined;
  if (hasPixels && (width <= 0 || height <= 0)) throw new DicomDecodeError('The DICOM file has no image size (Rows/Columns).');
  const samplesPerPixel = dataSet.uint16(TAG.samplesPerPixel) ?? 1;
  const photometric = (dataSet.string(TAG.photometric) ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2')).toUpperCase();
  const bitsAllocated = dataSet.uint16(TAG.bitsAllocated) ?? 16;
  const bitsStored = dataSet.uint16(TAG.bitsStored) ?? bitsAllocated;
  const highBit = dataSet.uint16(TAG.highBit) ?? bitsStored - 1;
  const frameCount = Math.max(1, dataSet.intString(TAG.frames) ?? 1);
  if (hasPixels) {
    const jpeg2000 = transferSyntax.codec === 'jpeg2000' || transferSyntax.codec === 'htj2k';
    if (!SUPPORTED_PHOTOMETRIC.has(photometric) && !(jpeg2000 && JPEG2000_PHOTOMETRIC.has(photometric))) {
      throw new DicomDecodeError(`The photometric interpretation ${photometric} is not supported.`, 'unsupported');
    }
    const oneBit = bitsAllocated === 1 && photometric.startsWith('MONO') && transferSyntax.encoding.startsWith('native');
    if (![8, 16, 32].includes(bitsAllocated) && !oneBit) throw new DicomDecodeError(`${bitsAllocated}-bit pixels are not supported.`, 'unsupported');
    if (samplesPerPixel !== (photometric.startsWith('MONO') || photometric === 'PALETTE COLOR' ? 1 : 3)) {
      throw new DicomDecodeError(`${samplesPerPixel} samples per pixel do not fit ${photometric}.`);
    }
    if (bitsStored < 1 || bitsStored > bitsAllocated || highBit >= bitsAllocated || highBit < bitsStored - 1) {
      throw new DicomDecodeError('The bit layout (Bits Stored, High Bit) does not fit Bits Allocated.');
    }
  }
  // RT Dose Grid Scaling is not a modality LUT: windows stay in stored units there.
  const slope = dataSet.floatString(TAG.rescaleSlope) ?? 1;
  const intercept = dataSet.floatString(TAG.rescaleIntercept) ?? 0;
  const info: DicomImageInfo = {
    width,
    height,
    frameCount,
    samplesPerPixel,
    photometric,
    bitsAllocated,
    bitsStored,
    highBit,
    signed: dataSet.uint16(TAG.pixelRepresentation) === 1,
    planar: dataSet.uint16(TAG.planar) === 1,
    transferSyntax,
    rescale: { slope: Number.isFinite(slope) && slope !== 0 ? slope : 1, intercept: Number.isFinite(intercept) ? intercept : 0 },
    windows: readWindows(dataSet),
  };
  const spacing = numbers(dataSet, TAG.pixelSpacing) ?? numbers(dataSet, TAG.imagerPixelSpacing);
  if (spacing && spacing.length >= 2 && spacing[0]! > 0 && spacing[1]! > 0) info.pixelSpacing = [spacing[0]!, spacing[1]!];
  const sop = dataSet.string(TAG.sopInstanceUID);
  if (sop) info.sopInstanceUID = sop;
  const modality = dataSet.string(TAG.modality)?.trim().toUpperCase();
  if (modality) info.modality = modality;
  const instance = dataSet.intString(TAG.instanceNumber);
  if (instance !== undefined && Number.isFinite(instance)) info.instanceNumber = instance;
  const position = numbers(dataSet, TAG.imagePosition);
  if (position && position.length === 3) info.imagePosition = [position[0]!, position[1]!, position[2]!];
  const orientation = numbers(dataSet, TAG.imageOrientation);
  if (orientation && orientation.length === 6) info.imageOrientation = orientation;
  return info;
}

/** The transfer syntax in the file meta group and where the data set starts, if the file has one. */
function readHeader(parser: DicomParserApi, bytes: Uint8Array): { syntax: TransferSyntax; position: number } | undefined {
  try {
    const header = parser.readPart10Header(bytes);
    const uid = header.string(TAG.transferSyntax);
    const position = (header as unknown as { position?: number }).position;
    return uid && position !== undefined ? { syntax: transferSyntaxOf(uid), position } : undefined;
  } catch {
    return undefined;
  }
}

function numbers(dataSet: DataSet, tag: string): number[] | undefined {
  const text = dataSet.string(tag);
  if (!text) return undefined;
  const values = text.split('\\').map((part) => Number.parseFloat(part));
  return values.every((v) => Number.isFinite(v)) ? values : undefined;
}

function readWindows(dataSet: DataSet): VoiWindow[] {
  const centres = numbers(dataSet, TAG.windowCenter) ?? [];
  const widths = numbers(dataSet, TAG.windowWidth) ?? [];
  const windows: VoiWindow[] = [];
  for (let i = 0; i < Math.min(centres.length, widths.length); i++) {
    if (widths[i]! >= 1) windows.push({ center: centres[i]!, width: widths[i]! });
  }
  return windows;
}

/** Overlay planes stored in their own OverlayData (1 bit allocated); embedded (retired) overlays are skipped. */
function readOverlays(dataSet: DataSet): OverlayPlane[] {
  const planes: OverlayPlane[] = [];
  for (let group = 0x6000; group <= 0x601e; group += 2) {
    const prefix = `x${group.toString(16)}`;
    const data = dataSet.elements[`${prefix}3000`];
    const rows = dataSet.uint16(`${prefix}0010`) ?? 0;
    const columns = dataSet.uint16(`${prefix}0011`) ?? 0;
    if (!data || rows <= 0 || columns <= 0 || (dataSet.uint16(`${prefix}0100`) ?? 1) !== 1) continue;
    const frameCount = Math.max(1, dataSet.intString(`${prefix}0015`) ?? 1);
    if (data.dataOffset + data.length > dataSet.byteArray.length || data.length * 8 < rows * columns * frameCount) continue;
    const plane: OverlayPlane = {
      group,
      rows,
      columns,
      origin: [dataSet.int16(`${prefix}0050`, 0) ?? 1, dataSet.int16(`${prefix}0050`, 1) ?? 1],
      firstFrame: Math.max(0, (dataSet.uint16(`${prefix}0051`) ?? 1) - 1),
      frameCount,
      bits: dataSet.byteArray.slice(data.dataOffset, data.dataOffset + data.length),
    };
    const label = dataSet.string(`${prefix}0022`) ?? dataSet.string(`${prefix}1500`);
    if (label) plane.label = label;
    planes.push(plane);
  }
  return planes;
}

/**
 * The overlay pixels on image frame `frame`: 1 where any plane has a bit set, else 0
 * (width × height of the image; parts of a plane outside the image are cut off).
 */
export function overlayMask(info: DicomImageInfo, frame: number): Uint8Array | undefined {
  const planes = (info.overlays ?? []).filter((plane) => frame >= plane.firstFrame && frame < plane.firstFrame + plane.frameCount);
  if (planes.length === 0) return undefined;
  const mask = new Uint8Array(info.width * info.height);
  for (const plane of planes) {
    const firstBit = (frame - plane.firstFrame) * plane.rows * plane.columns;
    for (let r = 0; r < plane.rows; r++) {
      const y = r + plane.origin[0] - 1;
      if (y < 0 || y >= info.height) continue;
      for (let c = 0; c < plane.columns; c++) {
        const x = c + plane.origin[1] - 1;
        if (x < 0 || x >= info.width) continue;
        const bit = firstBit + r * plane.columns + c;
        if ((plane.bits[bit >> 3]! >> (bit & 7)) & 1) mask[y * info.width + x] = 1;
      }
    }
  }
  return mask;
}

function readPalette(dataSet: DataSet): PaletteLut {
  const channel = (descriptorTag: string, dataTag: string) => {
    const entriesRaw = dataSet.uint16(descriptorTag, 0);
    const element = dataSet.elements[dataTag];
    if (entriesRaw === undefined || !element) throw new DicomDecodeError('The palette colour lookup table is missing.');
    const first = dataSet.uint16(descriptorTag, 1) ?? 0;
    const bits = dataSet.uint16(descriptorTag, 2) ?? 16;
    const entries = entriesRaw === 0 ? 65536 : entriesRaw;
    const out = new Uint8Array(entries);
    if (bits === 16 || element.length >= entries * 2) {
      // 16-bit entries scale to 8 bits by their high byte.
      const shift = bits === 16 ? 8 : 0;
      for (let i = 0; i < entries; i++) out[i] = ((dataSet.uint16(dataTag, i) ?? 0) >> shift) & 0xff;
    } else {
      for (let i = 0; i < entries; i++) out[i] = dataSet.byteArray[element.dataOffset + i] ?? 0;
    }
    return { first, out };
  };
  const red = channel(TAG.redDescriptor, TAG.redData);
  const green = channel(TAG.greenDescriptor, TAG.greenData);
  const blue = channel(TAG.blueDescriptor, TAG.blueData);
  return { firstValue: red.first, red: red.out, green: green.out, blue: blue.out };
}

function encapsulatedFrame(parser: DicomParserApi, dataSet: DataSet, element: Element, index: number, frameCount: number): Uint8Array {
  const fragments = element.fragments ?? [];
  const offsets = element.basicOffsetTable ?? [];
  if (fragments.length === 0) throw new DicomDecodeError('The compressed pixel data has no fragments.');
  if (offsets.length === frameCount && (frameCount === 1 || offsets.some((offset) => offset !== 0))) {
    return parser.readEncapsulatedImageFrame(dataSet, element, index) as Uint8Array;
  }
  if (frameCount === 1) return parser.readEncapsulatedPixelDataFromFragments(dataSet, element, 0, fragments.length) as Uint8Array;
  if (fragments.length === frameCount) return parser.readEncapsulatedPixelDataFromFragments(dataSet, element, index, 1) as Uint8Array;
  throw new DicomDecodeError('The frames of the compressed pixel data cannot be told apart (no offset table).');
}

/** `count` bits from `firstBit` (least significant bit first, PS3.5 8.1.1), one byte each. */
function unpackBits(bytes: Uint8Array, firstBit: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = firstBit + i;
    out[i] = (bytes[bit >> 3]! >> (bit & 7)) & 1;
  }
  return out;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/** Stored sample values: masked to Bits Stored, shifted down from High Bit, sign-extended when signed. */
function readSamples(bytes: Uint8Array, info: DicomImageInfo, littleEndian: boolean): Int32Array | Uint32Array {
  const bytesPerSample = info.bitsAllocated / 8;
  const count = Math.floor(bytes.byteLength / bytesPerSample);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = info.highBit + 1 - info.bitsStored;
  const unsigned32 = info.bitsAllocated === 32 && !info.signed;
  const out = unsigned32 ? new Uint32Array(count) : new Int32Array(count);
  const fullWidth = shift === 0 && info.bitsStored === info.bitsAllocated;
  const mask = info.bitsStored >= 32 ? 0xffffffff : 2 ** info.bitsStored - 1;
  const signBit = 2 ** (info.bitsStored - 1);
  for (let i = 0; i < count; i++) {
    let raw: number;
    if (bytesPerSample === 1) raw = bytes[i]!;
    else if (bytesPerSample === 2) raw = view.getUint16(2 * i, littleEndian);
    else raw = view.getUint32(4 * i, littleEndian);
    let value = fullWidth ? raw : Math.floor(raw / 2 ** shift) % (mask + 1);
    if (info.signed && value >= signBit) value -= 2 * signBit;
    out[i] = value;
  }
  return out;
}

/** Colour samples wider than 8 bits keep their 8 most significant stored bits. */
function to8Bit(samples: Int32Array | Uint32Array, bitsStored: number): ArrayLike<number> {
  if (bitsStored <= 8) return samples;
  const shift = bitsStored - 8;
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! >>> shift;
  return out;
}
