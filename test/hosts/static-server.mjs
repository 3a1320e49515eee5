// A plain static file server, as a host's CDN or web server is: files as they are, a content type
// by extension, byte ranges (a <video> seeks with them), 404 for anything else (no fallback page).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve } from 'node:path';
import { fileInside, parseByteRange } from '../../scripts/range-middleware.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
  '.dcm': 'application/dicom',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` (`[urlPrefix, directory]`, first match wins; `/` ends a path with `index.html`)
 * on a free port of 127.0.0.1, every answer with `headers` (a host's Content-Security-Policy).
 * Resolves with `{ url, close() }`.
 */
export async function serveStatic(mounts, { headers: extraHeaders = {} } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    for (const [prefix, directory] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = fileInside(resolve(directory), path.slice(prefix.length));
      const info = file ? await stat(file).catch(() => null) : null;
      if (!file || !info?.isFile()) continue;
      const headers = { ...extraHeaders, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
      const range = request.headers.range ? parseByteRange(request.headers.range, info.size) : null;
      if (range === 'unsatisfiable') {
        response.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
      } else if (range) {
        response.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${info.size}`, 'content-length': range.end - range.start + 1 });
        createReadStream(file, range).pipe(response);
      } else {
        response.writeHead(200, { ...headers, 'content-length': info.size });
        createReadStream(file).pipe(response);
      }
      return;
    }
    response.writeHead(404, { ...extraHeaders, 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}
