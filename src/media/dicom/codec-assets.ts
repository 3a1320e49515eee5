/**
 * Where the DICOM decode worker and the codecs' WebAssembly files are: the package's own copies
 * (dist/dicom-codecs/, each file named below by its own `new URL(…, import.meta.url)` so bundlers
 * find it, as ../bundled-files.ts explains), or a host's copy of that folder named by `codecs-base`
 * on <lk-dicom>. Nothing ever loads from a CDN.
 *
 * During development the worker is its TypeScript source (the test runner serves it compiled; the
 * Storybook config compiles it with Vite's worker build); the library build turns it into one
 * self-contained file, dist/dicom-codecs/decode-worker.js, that imports nothing (scripts/bundled-files.mjs),
 * so a bundler may copy it anywhere. The worker fetches nothing by itself: the page names each
 * .wasm file in its requests, so the file a bundler copied is the one used.
 */
import { absoluteUrl, bundledFileUrl, folderUrl, type BundledFiles } from '../bundled-files.js';
import type { CodecName } from './transfer-syntax.js';

export type WasmCodec = Exclude<CodecName, 'jpeg-lossless'>;
/** A codec's WebAssembly file: those of the codecs above, and 12-bit JPEG's (jpeg12.ts), chosen per frame. */
export type WasmFile = WasmCodec | 'jpeg-12bit';

/** dist/dicom-codecs/: the worker and each codec's WebAssembly (JPEG Lossless is plain JavaScript and has none). */
export const CODEC_FILES: BundledFiles = {
  'decode-worker.js': () => new URL('./decode-worker.ts', import.meta.url),
  'libjpegturbowasm_decode.wasm': () => new URL('../../../node_modules/@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm_decode.wasm', import.meta.url),
  'charlswasm_decode.wasm': () => new URL('../../../node_modules/@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm', import.meta.url),
  'openjpegwasm_decode.wasm': () => new URL('../../../node_modules/@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm', import.meta.url),
  'openjphjs.wasm': () => new URL('../../../node_modules/@cornerstonejs/codec-openjph/dist/openjphjs.wasm', import.meta.url),
  'dcmjs-native-codecs.wasm': () => new URL('../../../node_modules/dcmjs-codecs/build/dcmjs-native-codecs.wasm', import.meta.url),
};

const WASM_FILE: Record<WasmFile, string> = {
  jpeg: 'libjpegturbowasm_decode.wasm',
  'jpeg-ls': 'charlswasm_decode.wasm',
  jpeg2000: 'openjpegwasm_decode.wasm',
  htj2k: 'openjphjs.wasm',
  'jpeg-12bit': 'dcmjs-native-codecs.wasm',
};

/** What a developer can do when a codec file cannot be loaded (docs/bundlers.md has the details). */
export const CODECS_HINT =
  'Serve the package’s dist/dicom-codecs/ folder next to its bundle (bundlers that copy `new URL(…, import.meta.url)` files do; see docs/bundlers.md), or copy it to your static files and set `codecs-base` on <lk-dicom>.';

export interface CodecResources {
  /** The decode worker script (a module worker). */
  worker: string;
  /** Each codec's .wasm file. */
  wasm: Record<WasmFile, string>;
}

/**
 * The package's copies, or those under `codecsBase` (a folder laid out like dist/dicom-codecs/,
 * relative to the document; its trailing slash optional).
 */
export function codecResources(codecsBase?: string): CodecResources {
  const hostFolder = codecsBase ? folderUrl(codecsBase, absoluteUrl('./')) : undefined;
  const url = (file: string) => bundledFileUrl(CODEC_FILES, file, hostFolder)!;
  const wasm = Object.fromEntries(Object.entries(WASM_FILE).map(([codec, file]) => [codec, url(file)])) as Record<WasmFile, string>;
  return { worker: url('decode-worker.js'), wasm };
}
