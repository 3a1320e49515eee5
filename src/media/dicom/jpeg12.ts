/**
 * 12-bit JPEG (JPEG Extended, 1.2.840.10008.1.2.4.51, with 12-bit samples), decoded by the IJG
 * libjpeg 12-bit build that DCMTK uses, as compiled to WebAssembly by the `dcmjs-codecs` package
 * (dcmjs-native-codecs.wasm: a WASI module with a plain C API). The package's own JavaScript
 * loader is not used: it reaches `fetch` and `require` through `eval`, which a strict Content
 * Security Policy refuses and labelkit never ships. So this module instantiates the .wasm itself
 * (fetched by codecs.ts from the URL the page names) and calls its C functions, the same ones that
 * loader calls. Runs in the decode worker; the module is set up the first time a 12-bit frame
 * comes and kept.
 */
import { CodecError, type CodecRequest } from './decode-protocol.js';

/** The C API of dcmjs-native-codecs.wasm that decoding one JPEG frame needs. */
interface NativeCodecs {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  CreateCodecsContext(): number;
  ReleaseCodecsContext(context: number): void;
  SetColumns(context: number, value: number): void;
  SetRows(context: number, value: number): void;
  SetBitsAllocated(context: number, value: number): void;
  SetBitsStored(context: number, value: number): void;
  SetSamplesPerPixel(context: number, value: number): void;
  SetPixelRepresentation(context: number, value: number): void;
  SetPlanarConfiguration(context: number, value: number): void;
  SetPhotometricInterpretation(context: number, value: number): void;
  SetEncodedBufferSize(context: number, size: number): void;
  GetEncodedBuffer(context: number): number;
  GetDecodedBuffer(context: number): number;
  GetDecodedBufferSize(context: number): number;
  CreateDecoderParameters(): number;
  ReleaseDecoderParameters(parameters: number): void;
  DecodeJpeg(context: number, parameters: number): void;
}

/** The module's index for MONOCHROME2 (its list starts MONOCHROME1, MONOCHROME2, …); grey frames only. */
const MONOCHROME2 = 1;
const WASI_SUCCESS = 0;

/** Thrown by the module's exception hook, so a decode failure carries the codec's own message. */
class NativeCodecFailure extends Error {}

let instance: Promise<NativeCodecs> | undefined;

function instantiate(wasm: () => Promise<ArrayBuffer>): Promise<NativeCodecs> {
  if (!instance) {
    instance = (async () => {
      let api: NativeCodecs | undefined;
      const view = () => new DataView(api!.memory.buffer);
      const text = (at: number, length: number) => new TextDecoder().decode(new Uint8Array(api!.memory.buffer, at, length));
      const imports = {
        env: {
          onCodecsException: (at: number, length: number) => {
            throw new NativeCodecFailure(text(at, length));
          },
          onCodecsInfo: () => undefined,
          onCodecsTrace: () => undefined,
          emscripten_notify_memory_growth: () => undefined,
        },
        // The few WASI calls its C library makes: no environment, no files; its warnings are dropped.
        wasi_snapshot_preview1: {
          proc_exit: (code: number) => {
            throw new NativeCodecFailure(`the 12-bit JPEG codec stopped (exit ${code})`);
          },
          clock_time_get: () => WASI_SUCCESS,
          fd_write: (_fd: number, _iovs: number, _count: number, written: number) => {
            view().setUint32(written, 0, true);
            return WASI_SUCCESS;
          },
          fd_close: () => WASI_SUCCESS,
          fd_seek: () => WASI_SUCCESS,
          environ_sizes_get: (count: number, size: number) => {
            view().setUint32(count, 0, true);
            view().setUint32(size, 0, true);
            return WASI_SUCCESS;
          },
          environ_get: () => WASI_SUCCESS,
        },
      };
      const { instance: created } = await WebAssembly.instantiate(await wasm(), imports);
      api = created.exports as unknown as NativeCodecs;
      // A WASI reactor: its C++ statics are set up once, before any other call.
      api._initialize?.();
      return api;
    })();
    // A failed load (offline, refused) may work next time: do not keep the rejection.
    instance.catch(() => (instance = undefined));
  }
  return instance;
}

/**
 * Decodes one 12-bit grey JPEG frame into little-endian 16-bit samples (the stored bits, unsigned:
 * dicom-file.ts masks and sign-extends). `wasm` fetches dcmjs-native-codecs.wasm (only the first time).
 */
export async function decodeJpeg12(request: CodecRequest, wasm: () => Promise<ArrayBuffer>): Promise<Uint8Array> {
  if (request.samplesPerPixel !== 1) {
    throw new CodecError(`12-bit JPEG with ${request.samplesPerPixel} samples per pixel is not supported: only grey (1 sample) 12-bit JPEG is decoded.`, 'unsupported');
  }
  const api = await instantiate(wasm);
  const context = api.CreateCodecsContext();
  const parameters = api.CreateDecoderParameters();
  try {
    api.SetColumns(context, request.width);
    api.SetRows(context, request.height);
    api.SetBitsAllocated(context, 16);
    api.SetBitsStored(context, 12);
    api.SetSamplesPerPixel(context, 1);
    api.SetPixelRepresentation(context, 0);
    api.SetPlanarConfiguration(context, 0);
    api.SetPhotometricInterpretation(context, MONOCHROME2);
    api.SetEncodedBufferSize(context, request.bytes.length);
    new Uint8Array(api.memory.buffer).set(request.bytes, api.GetEncodedBuffer(context));
    try {
      api.DecodeJpeg(context, parameters);
    } catch (error) {
      const detail = error instanceof NativeCodecFailure ? ` (${error.message})` : '';
      throw new CodecError(`The 12-bit JPEG frame could not be decoded${detail}; the file may be corrupt.`);
    }
    const expected = request.width * request.height * 2;
    const size = api.GetDecodedBufferSize(context);
    if (size !== expected) throw new CodecError(`The 12-bit JPEG frame decoded to ${size} bytes where the file says ${expected}.`);
    // A copy: the view points into the module's memory, which the next frame reuses.
    return new Uint8Array(api.memory.buffer, api.GetDecodedBuffer(context), size).slice();
  } finally {
    api.ReleaseDecoderParameters(parameters);
    api.ReleaseCodecsContext(context);
  }
}
