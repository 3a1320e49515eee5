// Files the package ships next to its bundle, by where they come from: the build copies each set
// into dist/<distDir>/ (scripts/build.mjs) and points every `new URL('<file>', import.meta.url)` in
// src/ that names one of its files at the copy (rollup.config.mjs). A new set is one more entry
// here, and its files are named in src/ one `new URL` each (src/media/bundled-files.ts says why;
// docs/bundlers.md how).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  // 12-bit JPEG Extended only (src/media/dicom/jpeg12.ts): the .wasm alone, its JavaScript loader is not used.
  { packageName: 'dcmjs-codecs', distDir: DICOM_CODECS_DIST_DIR, assets: { 'build/dcmjs-native-codecs.wasm': 'dcmjs-native-codecs.wasm' } },
];

/**
 * Koa middleware for @web/dev-server: a stand-in for a host's copy of dist/<distDir>/ under
 * `urlPrefix` (with both slashes), without a build, so tests can point an override (`codecs-base`)
 * at it. A copied file comes straight from node_modules; a worker redirects to its source, which
 * the dev server compiles. Anything the build would not ship, or that `skip(path)` names (a host
 * copy missing files), is a 404.
 */
export function bundledFilesCopyMiddleware(urlPrefix, distDir, { skip = () => false } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const sets = BUNDLED_FILE_SETS.filter((set) => set.distDir === distDir);
  const fileOf = (inside) => {
    for (const set of sets) {
      const worker = Object.entries(set.workers ?? {}).find(([, file]) => file === inside);
      if (worker) return { redirect: `/${worker[0]}` };
      const asset = Object.entries(set.assets ?? {}).find(([, to]) => to === inside);
      if (asset) return { path: join(root, 'node_modules', set.packageName, asset[0]) };
    }
    return undefined;
  };
  return async function bundledFilesCopy(ctx, next) {
    if (!ctx.path.startsWith(urlPrefix)) return next();
    const inside = ctx.path.slice(urlPrefix.length);
    const found = skip(inside) ? undefined : fileOf(inside);
    if (found?.redirect) {
      ctx.redirect(found.redirect);
      return undefined;
    }
    const info = found ? await stat(found.path).catch(() => null) : null;
    if (!info?.isFile()) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = extname(found.path) === '.wasm' ? 'application/wasm' : 'application/octet-stream';
    ctx.length = info.size;
    ctx.body = createReadStream(found.path);
    return undefined;
  };
}
