/**
 * The planes of one DICOM asset: the frames of a multi-frame file, or the files of a series in
 * display order (each file's frames in turn). Decodes lazily and keeps recent frames; one stack
 * per element, so elements never share decoded frames. Native and RLE frames decode on demand
 * (`frame`); compressed ones in the codec worker, so a slice must be `load`ed before `frame`.
 */
import { DicomDecodeError } from './decode-error.js';
import { overlayMask, type DecodedFrame, type DicomFile, type DicomImageInfo } from './dicom-file.js';
import { createRecentCache } from './recent.js';
import { seriesOrder } from './series.js';
import { modalityMask, modalityRange, windowForRange, type VoiWindow } from './windowing.js';

export interface SliceStack {
  readonly width: number;
  readonly height: number;
  readonly count: number;
  /** PixelSpacing of the first file, [row, column] in mm (the export's metadata). */
  readonly pixelSpacing: [number, number] | undefined;
  /** PixelSpacing of the file a slice comes from: series may mix spacings. */
  pixelSpacingOf(slice: number): [number, number] | undefined;
  /** One SOP Instance UID per file, in display order (files without one are left out). */
  readonly sopInstanceUIDs: string[];
  info(slice: number): DicomImageInfo;
  /** Whether `frame(slice)` answers now (always for native and RLE files). */
  ready(slice: number): boolean;
  /** Decodes a slice (in the codec worker for compressed files); rejects with DicomDecodeError. */
  load(slice: number): Promise<DecodedFrame>;
  /** The decoded slice; throws DicomDecodeError for a compressed slice not `load`ed yet. */
  frame(slice: number): DecodedFrame;
  isGrey(slice: number): boolean;
  /** The file's window, else the window of the slice's value range (undefined until it is ready). */
  defaultWindow(slice: number): VoiWindow | undefined;
  /** The overlay planes' pixels on a slice (1 = set), undefined when its file has none there. */
  overlay(slice: number): Uint8Array | undefined;
  /** Modality value range of a grey slice (for drag sensitivity and the full-range window); needs `ready`. */
  range(slice: number): { min: number; max: number };
  /** 1 where a grey slice's modality value is within [min, max] (threshold painting); undefined for colour; needs `ready`. */
  withinRange(slice: number, min: number, max: number): Uint8Array | undefined;
  /** The decoded slices held now (at most FRAME_CACHE_SLICES, FRAME_CACHE_BYTES of samples) and their sample arrays. */
  cached(): { slices: number; arrays: ArrayBufferView[]; limitBytes: number };
}

/** Decoded slices kept for paging back: at most this many… */
export const FRAME_CACHE_SLICES = 48;
/** …and at most this many bytes of decoded samples (grey slices hold 4 bytes a pixel, colour 3), the most recent slice always. */
export const FRAME_CACHE_BYTES = 96 * 2 ** 20;
const OVERLAY_CACHE_SIZE = 48;

const frameBytes = (frame: DecodedFrame) => (frame.kind === 'grey' ? frame.values.byteLength : frame.rgb.byteLength);

export function createSliceStack(files: readonly DicomFile[]): SliceStack {
  if (files.length === 0) throw new DicomDecodeError('The series is empty.');
  const ordered = seriesOrder(files.map((file) => file.info)).map((index) => files[index]!);
  const first = ordered[0]!.info;
  for (const file of ordered) {
    if (file.info.width !== first.width || file.info.height !== first.height) {
      throw new DicomDecodeError(`The series mixes image sizes (${first.width}×${first.height} and ${file.info.width}×${file.info.height}).`, 'unsupported');
    }
  }
  const planes: { file: DicomFile; frame: number }[] = [];
  for (const file of ordered) for (let frame = 0; frame < file.info.frameCount; frame++) planes.push({ file, frame });
  const frames = createRecentCache<number, DecodedFrame>(FRAME_CACHE_SLICES, { weigh: frameBytes, maxWeight: FRAME_CACHE_BYTES });
  const ranges = new Map<number, { min: number; max: number }>();
  const overlays = createRecentCache<number, Uint8Array | undefined>(OVERLAY_CACHE_SIZE);

  const plane = (slice: number) => {
    const found = planes[slice];
    if (!found) throw new RangeError(`No slice ${slice}.`);
    return found;
  };
  const loading = new Map<number, Promise<DecodedFrame>>();
  const frame = (slice: number): DecodedFrame =>
    frames.get(slice, () => {
      const { file, frame: index } = plane(slice);
      if (file.decodesInWorker) throw new DicomDecodeError(`Slice ${slice + 1} is not decoded yet.`);
      return file.decodeFrame(index);
    });
  const ready = (slice: number) => frames.has(slice) || !plane(slice).file.decodesInWorker;
  const load = (slice: number): Promise<DecodedFrame> => {
    if (ready(slice)) {
      try {
        return Promise.resolve(frame(slice));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    let pending = loading.get(slice);
    if (!pending) {
      const { file, frame: index } = plane(slice);
      pending = file.loadFrame(index).finally(() => loading.delete(slice));
      pending.then((decoded) => frames.set(slice, decoded), () => undefined);
      loading.set(slice, pending);
    }
    return pending;
  };

  const isGrey = (slice: number) => plane(slice).file.info.photometric.startsWith('MONOCHROME');
  const range = (slice: number) => {
    let found = ranges.get(slice);
    if (!found) {
      const decoded = frame(slice);
      found = decoded.kind === 'grey' ? modalityRange(decoded.values, plane(slice).file.info.rescale) : { min: 0, max: 255 };
      ranges.set(slice, found);
    }
    return found;
  };
  const defaultWindow = (slice: number): VoiWindow | undefined => {
    if (!isGrey(slice)) return undefined;
    const fileWindow = plane(slice).file.info.windows[0];
    if (fileWindow) return fileWindow;
    return ready(slice) ? windowForRange(range(slice)) : undefined;
  };

  return {
    width: first.width,
    height: first.height,
    count: planes.length,
    pixelSpacing: first.pixelSpacing,
    pixelSpacingOf: (slice) => plane(slice).file.info.pixelSpacing,
    sopInstanceUIDs: ordered.map((file) => file.info.sopInstanceUID).filter((uid): uid is string => uid !== undefined),
    info: (slice) => plane(slice).file.info,
    overlay: (slice) =>
      overlays.get(slice, () => {
        const { file, frame: index } = plane(slice);
        return overlayMask(file.info, index);
      }),
    ready,
    load,
    frame,
    isGrey,
    defaultWindow,
    range,
    withinRange: (slice, min, max) => {
      const decoded = frame(slice);
      return decoded.kind === 'grey' ? modalityMask(decoded.values, plane(slice).file.info.rescale, min, max) : undefined;
    },
    cached: () => ({ slices: frames.size, arrays: [...frames.values()].map((decoded) => (decoded.kind === 'grey' ? decoded.values : decoded.rgb)), limitBytes: FRAME_CACHE_BYTES }),
  };
}
