/**
 * Where the DICOM codec worker and the codecs' WebAssembly files are. The only module that
 * knows, so bundler-specific URL handling stays in one place: each URL is a
 * `new URL('<relative path>', import.meta.url)` literal, which the test runner and Vite serve as
 * is and which the library build (scripts/dicom-codec-assets.mjs) rewrites to the copies it
 * ships in dist/dicom-codecs/. Nothing is fetched from anywhere else.
 */
import type { CodecName } from './transfer-syntax.js';

/** Starts the decode worker (a module worker; `scriptUrl` wraps the URL for Trusted Types). */
export function startDecodeWorker(scriptUrl: (url: URL) => string | URL): Worker {
  return new Worker(scriptUrl(new URL('./decode-worker.ts', import.meta.url)), { type: 'module', name: 'labelkit-dicom-codecs' });
}

/** The WebAssembly file of a codec (JPEG Lossless is plain JavaScript and has none). */
export function codecWasmUrl(codec: Exclude<CodecName, 'jpeg-lossless'>): URL {
  switch (codec) {
    case 'jpeg':
      return new URL('../../../node_modules/@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm_decode.wasm', import.meta.url);
    case 'jpeg-ls':
      return new URL('../../../node_modules/@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm', import.meta.url);
    case 'jpeg2000':
      return new URL('../../../node_modules/@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm', import.meta.url);
    case 'htj2k':
      return new URL('../../../node_modules/@cornerstonejs/codec-openjph/dist/openjphjs.wasm', import.meta.url);
  }
}
