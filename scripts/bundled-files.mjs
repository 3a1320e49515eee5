// Files the package ships next to its bundle, by where they come from: the build copies each set
// into dist/<distDir>/ (scripts/build.mjs) and points every `new URL('<file>', import.meta.url)` in
// src/ that names one of its files at the copy (rollup.config.mjs). A new set is one more entry
// here, and its files are named in src/ one `new URL` each (src/media/bundled-files.ts says why;
// docs/bundlers.md how).
import { PDFJS_ASSETS, PDFJS_DIST_DIR } from './pdfjs-assets.mjs';

/** Where the DICOM decode worker and the codecs' .wasm files land, relative to dist/. */
export const DICOM_CODECS_DIST_DIR = 'dicom-codecs';

/**
 * Each set is one of:
 * - `{ packageName, distDir, assets }`: files of node_modules/<packageName>, copied; `assets` maps
 *   a path inside the package (a folder ends in `/`) to its path inside dist/<distDir>/.
 * - `{ workers, distDir }`: worker scripts built from src/, each into one self-contained file
 *   that imports nothing (a bundler copies it as a file, wherever it likes, without reading it);
 *   `workers` maps the source path (from the repository root) to its file in dist/<distDir>/.
 */
export const BUNDLED_FILE_SETS = [
  { packageName: 'pdfjs-dist', distDir: PDFJS_DIST_DIR, assets: PDFJS_ASSETS },
  { workers: { 'src/media/dicom/decode-worker.ts': 'decode-worker.js' }, distDir: DICOM_CODECS_DIST_DIR },
  ...[
    ['codec-libjpeg-turbo-8bit', 'libjpegturbowasm_decode.wasm'],
    ['codec-charls', 'charlswasm_decode.wasm'],
    ['codec-openjpeg', 'openjpegwasm_decode.wasm'],
    ['codec-openjph', 'openjphjs.wasm'],
  ].map(([name, file]) => ({ packageName: `@cornerstonejs/${name}`, distDir: DICOM_CODECS_DIST_DIR, assets: { [`dist/${file}`]: file } })),
];
