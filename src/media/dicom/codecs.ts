/**
 * The codecs, as the decode worker runs them: libjpeg-turbo (JPEG Baseline/Extended, 8-bit), IJG
 * libjpeg from dcmjs-codecs (JPEG Extended, 12-bit: jpeg12.ts),
 * jpeg-lossless-decoder-js (JPEG Lossless), CharLS (JPEG-LS), OpenJPEG (JPEG 2000) and OpenJPH
 * (HTJ2K). Each is imported, and its WebAssembly fetched from the URL the page names (the
 * package's copy or the host's, codec-assets.ts), the first time a frame needs it. A frame comes out as native little-endian samples of Bits Allocated,
 * so dicom-file.ts reads it like uncompressed pixel data.
 */
import type { WasmCodec, WasmFile } from './codec-assets.js';
import { CodecError, type CodecRequest, type CodecResult } from './decode-protocol.js';
import { decodeJpeg12 } from './jpeg12.js';
import { jpegPrecision } from './jpeg-header.js';
import type { CodecName } from './transfer-syntax.js';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
}

/** The calls every cornerstone codec's Emscripten decoder class has. */
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
  getInterleaveMode?(): number;
  delete(): void;
}

type WasmModule = Record<string, new () => WasmDecoder>;
type ModuleFactory = (options: Record<string, unknown>) => Promise<WasmModule>;

const DECODER_CLASS: Record<WasmCodec, string> = {
  jpeg: 'JPEGDecoder',
  'jpeg-ls': 'JpegLSDecoder',
  jpeg2000: 'J2KDecoder',
  htj2k: 'HTJ2KDecoder',
};

const CODEC_LABEL: Record<CodecName, string> = {
  jpeg: 'JPEG',
  'jpeg-lossless': 'JPEG Lossless',
  'jpeg-ls': 'JPEG-LS',
  jpeg2000: 'JPEG 2000',
  htj2k: 'HTJ2K',
};

/** Literal `import()`s so bundlers split each codec into its own chunk. */
function importFactory(codec: WasmCodec): Promise<unknown> {
  switch (codec) {
    case 'jpeg':
      return import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs');
    case 'jpeg-ls':
      return import('@cornerstonejs/codec-charls/decodewasmjs');
    case 'jpeg2000':
      return import('@cornerstonejs/codec-openjpeg/decodewasmjs');
    case 'htj2k':
      return import('@cornerstonejs/codec-openjph/wasmjs');
  }
}

function factoryOf(module: unknown): ModuleFactory {
  let candidate = module;
  // Through the CommonJS interop the factory is `default`, sometimes `default.default`.
  for (let depth = 0; depth < 3 && typeof candidate !== 'function'; depth++) candidate = (candidate as { default?: unknown } | null)?.default;
  if (typeof candidate !== 'function') throw new CodecError('A DICOM codec did not load.', 'unavailable');
  return candidate as ModuleFactory;
}

/** The smallest valid module: compiling it fails exactly when the policy refuses WebAssembly. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

export function webAssemblyAllowed(): boolean {
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE);
    return true;
  } catch {
    return false;
  }
}

function refuseWithoutWebAssembly(): void {
  if (!webAssemblyAllowed()) {
    throw new CodecError("The page's Content Security Policy does not allow WebAssembly ('wasm-unsafe-eval' in script-src).", 'csp');
  }
}

const modules = new Map<WasmCodec, Promise<WasmModule>>();

function loadCodec(codec: WasmCodec, wasmUrl: string): Promise<WasmModule> {
  let module = modules.get(codec);
  if (!module) {
    module = (async () => {
      refuseWithoutWebAssembly();
      const [factoryModule, wasmBinary] = await Promise.all([
        importFactory(codec).catch(() => {
          throw new CodecError('A DICOM codec did not load.', 'unavailable');
        }),
        fetchWasm(codec, wasmUrl),
      ]);
      const noop = () => undefined;
      // wasmBinary: Emscripten then never looks for the file itself (no locateFile, no CDN).
      return factoryOf(factoryModule)({ wasmBinary, locateFile: () => wasmUrl, print: noop, printErr: noop });
    })();
    // A failed load (offline, refused) may work next time: do not keep the rejection.
    module.catch(() => modules.delete(codec));
    modules.set(codec, module);
  }
  return module;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

async function fetchWasm(codec: WasmFile, url: string): Promise<ArrayBuffer> {
  const label = codec === 'jpeg-12bit' ? '12-bit JPEG' : CODEC_LABEL[codec];
  const failed = (reason: string) => new CodecError(`the ${label} decoder's WebAssembly file ${fileName(url)} ${reason}.`, 'unavailable');
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw failed('could not be fetched');
  }
  if (!response.ok) throw failed(`could not be fetched (HTTP ${response.status})`);
  const bytes = await response.arrayBuffer().catch(() => {
    throw failed('could not be read');
  });
  // A dev server's or host's fallback page where the file was due is not the file.
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (!WASM_MAGIC.every((byte, index) => head[index] === byte)) throw failed('is not WebAssembly (the server answered with something else, often an HTML page)');
  return bytes;
}

const fileName = (url: string) => {
  const path = url.startsWith('data:') ? '' : new URL(url).pathname;
  return path.split('/').pop() || 'file';
};

/** `wasmUrl`: the codec's WebAssembly file (absolute or data: URL); unused by JPEG Lossless. */
export async function decodeFrame(request: CodecRequest, wasmUrl: string): Promise<CodecResult> {
  if (request.codec === 'jpeg-lossless') return decodeJpegLossless(request);
  if (request.codec === 'jpeg' && (jpegPrecision(request.bytes) ?? 8) > 8) {
    // The page named the 12-bit codec's file for this frame (decode-client.ts reads the same header).
    refuseWithoutWebAssembly();
    const bytes = await decodeJpeg12(request, () => fetchWasm('jpeg-12bit', wasmUrl));
    return { bytes: widen(bytes, 2, request), planar: false };
  }
  const module = await loadCodec(request.codec, wasmUrl);
  const Decoder = module[DECODER_CLASS[request.codec]];
  if (!Decoder) throw new CodecError('A DICOM codec did not load.');
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(request.bytes.length).set(request.bytes);
    try {
      decoder.decode();
    } catch {
      // Emscripten throws C++ exceptions as numbers: nothing a person could use.
      throw new CodecError(`The ${CODEC_LABEL[request.codec]} frame could not be decoded (the file may be corrupt).`);
    }
    const info = decoder.getFrameInfo();
    checkFrameInfo(request, info);
    // A copy: the view points into the codec's memory, which the next frame reuses.
    const decoded = decoder.getDecodedBuffer().slice();
    const planar = request.codec === 'jpeg-ls' && request.samplesPerPixel > 1 && decoder.getInterleaveMode?.() === 0;
    return { bytes: widen(decoded, info.bitsPerSample > 8 ? 2 : 1, request), planar };
  } finally {
    decoder.delete();
  }
}

async function decodeJpegLossless(request: CodecRequest): Promise<CodecResult> {
  const { Decoder } = await import('jpeg-lossless-decoder-js');
  let out: Uint8Array | Uint16Array;
  try {
    const { bytes } = request;
    out = new Decoder().decode(bytes.buffer, bytes.byteOffset, bytes.byteLength, request.bitsAllocated > 8 ? 2 : 1);
  } catch {
    throw new CodecError('The JPEG Lossless frame could not be decoded (the file may be corrupt).');
  }
  const expected = request.width * request.height * request.samplesPerPixel;
  if (out.length !== expected) throw new CodecError(`The JPEG Lossless frame holds ${out.length} samples where the file says ${expected}.`);
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return { bytes: widen(bytes, out.BYTES_PER_ELEMENT, request), planar: false };
}

function checkFrameInfo(request: CodecRequest, info: FrameInfo): void {
  if (info.width !== request.width || info.height !== request.height) {
    throw new CodecError(`The ${CODEC_LABEL[request.codec]} frame is ${info.width}×${info.height} but the file says ${request.width}×${request.height}.`);
  }
  if (info.componentCount !== request.samplesPerPixel) {
    throw new CodecError(`The ${CODEC_LABEL[request.codec]} frame has ${info.componentCount} components but the file says ${request.samplesPerPixel} samples per pixel.`);
  }
  if (info.bitsPerSample > request.bitsAllocated) {
    throw new CodecError(`The ${CODEC_LABEL[request.codec]} frame has ${info.bitsPerSample}-bit samples but the file allocates ${request.bitsAllocated} bits.`);
  }
}

/** Samples of `from` bytes to Bits Allocated (zero-extended: dicom-file.ts masks and sign-extends). */
function widen(bytes: Uint8Array, from: number, request: CodecRequest): Uint8Array {
  const to = request.bitsAllocated / 8;
  if (from === to) return bytes;
  if (from > to) throw new CodecError(`The decoded samples are wider than the file's ${request.bitsAllocated} bits.`);
  const count = Math.floor(bytes.length / from);
  const out = new Uint8Array(count * to);
  for (let i = 0; i < count; i++) for (let b = 0; b < from; b++) out[i * to + b] = bytes[i * from + b]!;
  return out;
}
