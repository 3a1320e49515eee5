/** The messages between decode-client.ts (page) and decode-worker.ts. */
import type { CodecName } from './transfer-syntax.js';

export interface DecodeRequest {
  id: number;
  request: CodecRequest;
  /** The codec's WebAssembly file, as the page found it (codec-assets.ts): the worker never guesses a URL. */
  wasmUrl: string;
}

export type DecodeReply =
  | { id: number; ok: true; bytes: Uint8Array; planar: boolean }
  | { id: number; ok: false; failure: CodecFailure; message: string };

export interface CodecRequest {
  codec: CodecName;
  /** One encapsulated frame. */
  bytes: Uint8Array;
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsAllocated: number;
}

export interface CodecResult {
  /** Little-endian samples, `bitsAllocated / 8` bytes each. */
  bytes: Uint8Array;
  /** Colour planes one after the other (JPEG-LS without interleaving); otherwise interleaved. */
  planar: boolean;
}

/** `csp`: the page's Content Security Policy refuses WebAssembly ('wasm-unsafe-eval'); `unavailable`: the worker or a codec file could not be loaded. */
export type CodecFailure = 'corrupt' | 'unsupported' | 'csp' | 'unavailable';

export class CodecError extends Error {
  readonly failure: CodecFailure;

  constructor(message: string, failure: CodecFailure = 'corrupt') {
    super(message);
    this.name = 'CodecError';
    this.failure = failure;
  }
}

