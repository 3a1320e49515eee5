// Files the package ships next to its bundle, by the package they come from: the build copies
// them into dist/<distDir>/ (scripts/build.mjs) and points every `new URL('…/node_modules/<package>/…',
// import.meta.url)` in src/ at the copy (rollup.config.mjs). A new set (a DICOM codec's wasm, say)
// is one more entry here, and its files are named in src/ one `new URL` each
// (src/media/bundled-files.ts says why; docs/bundlers.md how).
import { PDFJS_ASSETS, PDFJS_DIST_DIR } from './pdfjs-assets.mjs';

/**
 * `{ packageName, distDir, assets }`: `assets` maps a path inside node_modules/<packageName>
 * (a folder ends in `/`) to its path inside dist/<distDir>/.
 */
export const BUNDLED_FILE_SETS = [{ packageName: 'pdfjs-dist', distDir: PDFJS_DIST_DIR, assets: PDFJS_ASSETS }];
