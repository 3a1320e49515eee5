// Static files: the built page, labelkit's pdf.js folder and the signed media. Media answer HTTP
// Range requests with 206 (a <video> cannot seek without them, and pdf.js streams with them).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
  '.dcm': 'application/dicom',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.icc': 'application/vnd.iccprofile',
};

/** The file `urlPath` (still percent-encoded) names inside `directory`, or null if it would leave it. */
export function fileInside(directory, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(directory, `.${sep}${decoded}`);
  return file.startsWith(directory + sep) ? file : null;
}

/** One `bytes=a-b` range of a file of `size` bytes: { start, end }, 'unsatisfiable', or null (send it all). */
function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') return Number(match[2]) === 0 ? 'unsatisfiable' : { start: Math.max(0, size - Number(match[2])), end: size - 1 };
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/**
 * Sends `file` (or answers 404). `headers` are added to every answer; `ranges` turns on Range.
 * Returns false when there is no such file.
 */
export async function sendFile(request, response, file, { headers = {}, ranges = false } = {}) {
  const info = file ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) return false;
  const common = { ...headers, 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  if (ranges) common['Accept-Ranges'] = 'bytes';
  const range = ranges && request.headers.range ? byteRange(request.headers.range, info.size) : null;
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...common, 'Content-Range': `bytes */${info.size}` }).end();
    return true;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  response.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': String(end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${info.size}` } : {}),
  });
  if (request.method === 'HEAD' || info.size === 0) {
    response.end();
    return true;
  }
  createReadStream(file, { start, end }).on('error', () => response.destroy()).pipe(response);
  return true;
}
