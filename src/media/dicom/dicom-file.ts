/**
 * One DICOM file: the display-relevant attributes and a frame decoder. Reads only what display and
 * the export's `metadata` need; patient and study attributes are never read, so they cannot leak.
 */
import type { DataSet, Element } from 'dicom-parser';
import { interleave, paletteToRgb, ybrFull422ToRgb, ybrFullToRgb, type PaletteLut } from './color.js';
import { DicomDecodeError } from './decode-error.js';
import { loadDicomParser, type DicomParserApi } from './parser-loader.js';
import { decodeRleFrame } from './rle.js';
import { transferSyntaxOf, type TransferSyntax } from './transfer-syntax.js';
import type { Rescale, VoiWindow } from './windowing.js';

export interface DicomImageInfo {
  width: number;
  height: number;
  frameCount: number;
  samplesPerPixel: number;
  /** MONOCHROME1, MONOCHROME2, RGB, YBR_FULL, YBR_FULL_422, PALETTE COLOR. */
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  signed: boolean;
  planar: boolean;
  transferSyntax: TransferSyntax;
  rescale: Rescale;
  /** Windows the file recommends, first is the default. */
  windows: VoiWindow[];
  /** Millimetres between pixel centres: [between rows (vertical), between columns (horizontal)]. */
  pixelSpacing?: [number, number];
  sopInstanceUID?: string;
  instanceNumber?: number;
  imagePosition?: [number, number, number];
  imageOrientation?: number[];
}

/** A decoded frame: stored grey values (before any LUT) or 8-bit interleaved RGB. */
export type DecodedFrame = { kind: 'grey'; values: Int32Array | Uint32Array } | { kind: 'rgb'; rgb: Uint8Array };

export interface DicomFile {
  readonly info: DicomImageInfo;
  decodeFrame(index: number): DecodedFrame;
}

const TAG = {
  transferSyntax: 'x00020010',
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

/** Parses a DICOM Part 10 file. Throws DicomDecodeError (corrupt or unsupported). */
export async function parseDicomFile(bytes: ArrayBuffer | Uint8Array): Promise<DicomFile> {
  const parser = await loadDicomParser();
  return parseWith(parser, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

export function parseWith(parser: DicomParserApi, bytes: Uint8Array): DicomFile {
  let dataSet: DataSet;
  try {
    dataSet = parser.parseDicom(bytes);
  } catch {
    // A compressed syntax labelkit cannot inflate (deflate) fails inside the parser: name it.
    const syntax = headerTransferSyntax(parser, bytes);
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
  const bytesPerSample = info.bitsAllocated / 8;
  const frameBytes = info.width * info.height * info.samplesPerPixel * bytesPerSample;
  const nativeFrameBytes = info.photometric === 'YBR_FULL_422' ? (frameBytes * 2) / 3 : frameBytes;
  if (info.transferSyntax.encoding !== 'rle' && pixelElement.length < nativeFrameBytes * info.frameCount) {
    throw new DicomDecodeError('The pixel data is shorter than the image size says (the file may be truncated).');
  }
  if (pixelElement.dataOffset + Math.min(pixelElement.length, nativeFrameBytes * info.frameCount) > dataSet.byteArray.length) {
    throw new DicomDecodeError('The pixel data runs past the end of the file (the file may be truncated).');
  }

  const frameData = (index: number): { bytes: Uint8Array; littleEndian: boolean; planar: boolean } => {
    if (info.transferSyntax.encoding === 'rle') {
      let encoded: Uint8Array;
      try {
        encoded = encapsulatedFrame(parser, dataSet, pixelElement, index, info.frameCount);
      } catch (error) {
        if (error instanceof DicomDecodeError) throw error;
        throw new DicomDecodeError('The compressed pixel data could not be read.');
      }
      const layout = { width: info.width, height: info.height, samplesPerPixel: info.samplesPerPixel, bitsAllocated: info.bitsAllocated };
      return { bytes: decodeRleFrame(encoded, layout), littleEndian: true, planar: false };
    }
    const start = dataSet.byteArray.byteOffset + pixelElement.dataOffset + index * nativeFrameBytes;
    let bytes = new Uint8Array(dataSet.byteArray.buffer, start, nativeFrameBytes);
    const bigEndian = info.transferSyntax.encoding === 'native-big';
    // Explicit VR Big Endian stores OW as 16-bit words: 8-bit samples in OW come swapped in pairs.
    if (bigEndian && info.bitsAllocated === 8 && pixelElement.vr === 'OW') bytes = swapPairs(bytes);
    return { bytes, littleEndian: !bigEndian, planar: info.planar };
  };

  return {
    info,
    decodeFrame(index: number): DecodedFrame {
      if (!Number.isInteger(index) || index < 0 || index >= info.frameCount) throw new RangeError(`No frame ${index}.`);
      const { bytes, littleEndian, planar } = frameData(index);
      const samples = readSamples(bytes, info, littleEndian);
      const pixels = info.width * info.height;
      switch (info.photometric) {
        case 'MONOCHROME1':
        case 'MONOCHROME2':
          return { kind: 'grey', values: samples };
        case 'PALETTE COLOR':
          return { kind: 'rgb', rgb: paletteToRgb(samples, palette!) };
        case 'YBR_FULL_422':
          if (info.transferSyntax.encoding === 'native-little' || info.transferSyntax.encoding === 'native-big') {
            return { kind: 'rgb', rgb: ybrFull422ToRgb(to8Bit(samples, info.bitsStored), pixels) };
          }
          return { kind: 'rgb', rgb: ybrFullToRgb(interleave(to8Bit(samples, info.bitsStored), pixels, false)) };
        case 'YBR_FULL':
          return { kind: 'rgb', rgb: ybrFullToRgb(interleave(to8Bit(samples, info.bitsStored), pixels, planar)) };
        default:
          return { kind: 'rgb', rgb: interleave(to8Bit(samples, info.bitsStored), pixels, planar) };
      }
    },
  };
}

const SUPPORTED_PHOTOMETRIC = new Set(['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL', 'YBR_FULL_422', 'PALETTE COLOR']);

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
    if (!SUPPORTED_PHOTOMETRIC.has(photometric)) throw new DicomDecodeError(`The photometric interpretation ${photometric} is not supported.`, 'unsupported');
    if (![8, 16, 32].includes(bitsAllocated)) throw new DicomDecodeError(`${bitsAllocated}-bit pixels are not supported.`, 'unsupported');
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
  const instance = dataSet.intString(TAG.instanceNumber);
  if (instance !== undefined && Number.isFinite(instance)) info.instanceNumber = instance;
  const position = numbers(dataSet, TAG.imagePosition);
  if (position && position.length === 3) info.imagePosition = [position[0]!, position[1]!, position[2]!];
  const orientation = numbers(dataSet, TAG.imageOrientation);
  if (orientation && orientation.length === 6) info.imageOrientation = orientation;
  return info;
}

function headerTransferSyntax(parser: DicomParserApi, bytes: Uint8Array): TransferSyntax | undefined {
  try {
    const uid = parser.readPart10Header(bytes).string(TAG.transferSyntax);
    return uid ? transferSyntaxOf(uid) : undefined;
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
