// The pdf.js files the package ships next to its bundle (dist/pdfjs/), and where each comes from
// in node_modules/pdfjs-dist. The build copies them (scripts/build.mjs); servers that stand in for
// a host's copy of dist/pdfjs/ without a build (the bench, the tests) map URLs through here.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where pdf.js assets land in dist/, relative to dist/. */
export const PDFJS_DIST_DIR = 'pdfjs';

/** Keyed by the path inside node_modules/pdfjs-dist; the value is the path inside dist/pdfjs/. */
export const PDFJS_ASSETS = {
  'build/pdf.worker.min.mjs': 'pdf.worker.min.mjs',
  'standard_fonts/': 'standard_fonts/',
  'cmaps/': 'cmaps/',
  'wasm/': 'wasm/',
  'iccs/': 'iccs/',
};

/** The node_modules file that `dist/pdfjs/<inside>` is a copy of, or null when the build ships no such file. */
export function pdfjsSourceFile(inside) {
  const pdfjsRoot = join(root, 'node_modules', 'pdfjs-dist');
  for (const [from, to] of Object.entries(PDFJS_ASSETS)) {
    const match = to.endsWith('/') ? inside.startsWith(to) && inside.length > to.length : inside === to;
    if (!match) continue;
    const file = normalize(join(pdfjsRoot, from, inside.slice(to.length)));
    const allowed = normalize(join(pdfjsRoot, from));
    return file === allowed || (from.endsWith('/') && file.startsWith(allowed)) ? file : null;
  }
  return null;
}

const TYPES = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.bcmap': 'application/octet-stream', '.icc': 'application/vnd.iccprofile' };

/**
 * Koa middleware for @web/dev-server: serves a stand-in for a host's copy of dist/pdfjs/ under
 * `urlPrefix` (with both slashes), straight from node_modules, so tests can point `pdfjs-base`
 * at it without a build. Anything the build would not ship is a 404.
 */
export function pdfjsCopyMiddleware(urlPrefix) {
  return async function pdfjsCopy(ctx, next) {
    if (!ctx.path.startsWith(urlPrefix)) return next();
    let inside;
    try {
      inside = decodeURIComponent(ctx.path.slice(urlPrefix.length));
    } catch {
      inside = '';
    }
    const file = pdfjsSourceFile(inside);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.length = info.size;
    ctx.body = createReadStream(file);
    return undefined;
  };
}
