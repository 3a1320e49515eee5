// Koa middleware for @web/dev-server (the test runner's server): answers HTTP Range requests
// for files under a URL prefix with 206 Partial Content. The dev server itself ignores Range
// and sends the whole file with 200, so `<video>` has nothing seekable and seeks land on frame 0.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

const CONTENT_TYPES = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.dcm': 'application/dicom',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Parses a single-range `Range` header against a file of `size` bytes.
 * Returns `{ start, end }` (inclusive), 'unsatisfiable', or null when the header is not one
 * byte range we serve (then the whole file is sent, which HTTP allows).
 */
export function parseByteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

/** The file a URL path names inside `directory`, or null if it would escape it (or is not valid percent-encoding). */
export function fileInside(directory, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = resolve(directory, `.${sep}${decoded}`);
  return file.startsWith(directory + sep) ? file : null;
}

/**
 * @param {{ urlPrefix?: string, directory?: string }} options
 *   urlPrefix: the URL path the files are served under (with trailing slash);
 *   directory: the folder on disk it maps to (absolute or relative to the repository root).
 */
export function createRangeMiddleware({ urlPrefix = '/test/fixtures/', directory = 'test/fixtures' } = {}) {
  const base = resolve(root, directory);
  return async function rangeMiddleware(ctx, next) {
    if (!ctx.path.startsWith(urlPrefix) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const header = ctx.get('range');
    if (!header) {
      await next();
      if (ctx.status === 200) ctx.set('Accept-Ranges', 'bytes');
      return undefined;
    }
    const file = fileInside(base, ctx.path.slice(urlPrefix.length));
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return next();

    const range = parseByteRange(header, info.size);
    if (range === null) return next();
    ctx.set('Accept-Ranges', 'bytes');
    if (range === 'unsatisfiable') {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${info.size}`);
      ctx.body = '';
      return undefined;
    }
    ctx.status = 206;
    ctx.type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);
    ctx.set('Last-Modified', info.mtime.toUTCString());
    // Compressing a partial body would make Content-Range describe bytes the client never sees.
    ctx.compress = false;
    // Koa sends no body for HEAD; an empty buffer avoids opening the file for nothing.
    ctx.body = ctx.method === 'HEAD' ? Buffer.alloc(0) : createReadStream(file, { start: range.start, end: range.end });
    ctx.length = range.end - range.start + 1;
    return undefined;
  };
}

/** Range support for the bundled sample assets, served at /test/fixtures/. */
export const fixturesRangeMiddleware = createRangeMiddleware();
