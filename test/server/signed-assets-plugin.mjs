// A signed-URL asset server for the browser tests, in the shape real object stores have:
// files from test/fixtures under /signed/<relative path>?exp=<epoch s>&sig=<base64 HMAC-SHA256>,
// 403 without a valid unexpired signature, 404 for missing files, CORS, HTTP Range.
//
// The signature is checked against the raw query string: `sig` must be exactly
// encodeURIComponent(base64), so `+`, `/` and `=` arrive as %2B, %2F, %3D, and a client that
// decodes or re-encodes the URL fails (as it would against S3 or Azure).
//
// Test-runner commands (browser: `executeServerCommand(command, payload)` from
// @web/test-runner-commands):
//   'sign-url'           { path, ttlSeconds = 60, signatureWith?, maxBytesPerResponse? }
//                        → '/signed/<path>?exp=…&sig=…'
//                        path is relative to test/fixtures; a negative ttl mints an expired URL;
//                        signatureWith: characters the base64 signature must contain (e.g. '+/'),
//                        found by moving exp forward a few seconds; maxBytesPerResponse adds
//                        `&max=N`: range answers carry at most N bytes (servers may send less
//                        than asked), so a <video> must come back for the rest of the file and
//                        cannot have it all buffered before its URL expires.
//   'request-log:clear'  forgets the log; also starts recording every request the test page
//                        makes (any origin) for 'request-log:get' { source: 'browser' }.
//   'request-log:get'    { source = 'server' } → the requests the dev server answered since the
//                        last clear: { method, path, query, status, headers } (headers: range,
//                        authorization, x-*); { source: 'browser' } → { method, url } per request
//                        the page made, whichever origin (what leaves the browser).
// The log is one per test run; the runner's concurrency is 1, so a test file sees its own requests.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileInside, parseByteRange } from '../../scripts/range-middleware.mjs';

const repositoryRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Enough for a test file's requests; the oldest go first. */
const LOG_LIMIT = 5000;

function rawParams(query) {
  const params = new Map();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq >= 0 ? pair.slice(0, eq) : pair;
    if (name && !params.has(name)) params.set(name, eq >= 0 ? pair.slice(eq + 1) : '');
  }
  return params;
}

function loggedHeaders(headers) {
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'range' || name === 'authorization' || name.startsWith('x-')) kept[name] = String(value);
  }
  return kept;
}

/**
 * @param {{ directory?: string, urlPrefix?: string, secret?: Buffer }} options
 *   directory: served folder (relative to the repository root); urlPrefix: with both slashes;
 *   secret: HMAC key (random per run unless given).
 */
export function createSignedAssets({ directory = 'test/fixtures', urlPrefix = '/signed/', secret = randomBytes(32) } = {}) {
  const base = resolve(repositoryRoot, directory);
  const served = [];
  const requested = [];
  const watchedPages = new WeakSet();

  /** The raw `sig` value for a raw URL path and raw `exp`. */
  function signature(rawPath, exp) {
    const mac = createHmac('sha256', secret).update(`${rawPath}\n${exp}`).digest('base64');
    return encodeURIComponent(mac);
  }

  /** A signed URL (path + query, same origin) for a file under `directory`. */
  function signUrl({ path, ttlSeconds = 60, signatureWith = '', maxBytesPerResponse }) {
    if (typeof path !== 'string' || !path) throw new Error('sign-url needs a path');
    const relative = path.startsWith(urlPrefix) ? path.slice(urlPrefix.length) : path.replace(/^\/+/, '');
    const rawPath = urlPrefix + relative.split('/').map(encodeURIComponent).join('/');
    let exp = Math.floor(Date.now() / 1000) + Math.round(ttlSeconds);
    for (let attempt = 0; attempt < 100_000; attempt++, exp++) {
      const sig = signature(rawPath, exp);
      const mac = decodeURIComponent(sig);
      const max = Number.isInteger(maxBytesPerResponse) && maxBytesPerResponse > 0 ? `&max=${maxBytesPerResponse}` : '';
      if ([...signatureWith].every((char) => mac.includes(char))) return `${rawPath}?exp=${exp}&sig=${sig}${max}`;
    }
    throw new Error(`no signature with ${signatureWith} found`);
  }

  /** Why the raw URL is refused, or null when its signature is valid and unexpired. */
  function refusal(rawPath, rawQuery) {
    const params = rawParams(rawQuery);
    const exp = params.get('exp');
    const sig = params.get('sig');
    if (exp === undefined || sig === undefined || !/^\d{1,12}$/.test(exp)) return 'missing or malformed signature';
    const expected = Buffer.from(signature(rawPath, exp));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid signature';
    if (Number(exp) * 1000 <= Date.now()) return 'expired';
    return null;
  }

  async function serveSigned(ctx) {
    const queryAt = ctx.url.indexOf('?');
    const rawPath = queryAt >= 0 ? ctx.url.slice(0, queryAt) : ctx.url;
    const rawQuery = queryAt >= 0 ? ctx.url.slice(queryAt + 1) : '';
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Expose-Headers', 'Content-Range, Accept-Ranges, Content-Length');
    ctx.set('Cache-Control', 'no-store');
    ctx.compress = false;
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', ctx.get('access-control-request-headers') || 'Range');
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.set('Allow', 'GET, HEAD, OPTIONS');
      ctx.status = 405;
      ctx.body = 'Method not allowed';
      return;
    }
    const refused = refusal(rawPath, rawQuery);
    if (refused) {
      ctx.status = 403;
      ctx.type = 'text/plain';
      ctx.body = `Forbidden: ${refused}`;
      return;
    }
    const file = fileInside(base, rawPath.slice(urlPrefix.length));
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'Not found';
      return;
    }
    ctx.set('Accept-Ranges', 'bytes');
    ctx.set('Last-Modified', info.mtime.toUTCString());
    const header = ctx.get('range');
    const range = header ? parseByteRange(header, info.size) : null;
    if (range === 'unsatisfiable') {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${info.size}`);
      ctx.body = '';
      return;
    }
    const max = Number(rawParams(rawQuery).get('max'));
    const { start, end: asked } = range ?? { start: 0, end: info.size - 1 };
    const end = range && Number.isInteger(max) && max > 0 ? Math.min(asked, start + max - 1) : asked;
    ctx.status = range ? 206 : 200;
    ctx.type = extname(file) || 'application/octet-stream';
    if (range) ctx.set('Content-Range', `bytes ${start}-${end}/${info.size}`);
    // Koa sends no body for HEAD; an empty buffer avoids opening the file for nothing.
    ctx.body = ctx.method === 'HEAD' || info.size === 0 ? Buffer.alloc(0) : createReadStream(file, { start, end });
    ctx.length = info.size === 0 ? 0 : end - start + 1;
  }

  /** Koa middleware: logs every request, answers those under `urlPrefix`. */
  async function middleware(ctx, next) {
    const queryAt = ctx.url.indexOf('?');
    const entry = {
      method: ctx.method,
      path: queryAt >= 0 ? ctx.url.slice(0, queryAt) : ctx.url,
      query: queryAt >= 0 ? ctx.url.slice(queryAt + 1) : '',
      status: 0,
      headers: loggedHeaders(ctx.headers),
    };
    served.push(entry);
    if (served.length > LOG_LIMIT) served.splice(0, served.length - LOG_LIMIT);
    try {
      if (ctx.path.startsWith(urlPrefix)) {
        await serveSigned(ctx);
        // Send the headers now: the test runner's cache middleware (outside ours) would otherwise
        // turn `no-store` into a year-long max-age, and the browser would replay old answers.
        ctx.flushHeaders();
      } else {
        await next();
      }
    } finally {
      entry.status = ctx.status;
    }
  }

  function watchPage(session) {
    const page = typeof session?.browser?.getPage === 'function' ? session.browser.getPage(session.id) : undefined;
    if (!page || watchedPages.has(page)) return;
    watchedPages.add(page);
    page.on('request', (request) => {
      requested.push({ method: request.method(), url: request.url() });
      if (requested.length > LOG_LIMIT) requested.splice(0, requested.length - LOG_LIMIT);
    });
  }

  /** @web/test-runner plugin: the server commands above. */
  const plugin = {
    name: 'lk-signed-assets',
    executeCommand({ command, payload, session }) {
      if (command === 'sign-url') return signUrl(payload ?? {});
      if (command === 'request-log:clear') {
        served.length = 0;
        requested.length = 0;
        watchPage(session);
        return true;
      }
      if (command === 'request-log:get') {
        return payload?.source === 'browser' ? requested.map((entry) => ({ ...entry })) : served.map((entry) => ({ ...entry }));
      }
      return undefined;
    },
  };

  return { middleware, plugin, signUrl };
}

const signedAssets = createSignedAssets();

/** Koa middleware for @web/dev-server's `middleware` (put it first so it logs every request). */
export const signedAssetsMiddleware = signedAssets.middleware;
/** @web/test-runner plugin with the 'sign-url' and 'request-log:*' commands. */
export const signedAssetsPlugin = signedAssets.plugin;
/** Mints a URL the middleware accepts (for Node-side scripts). */
export const signUrl = signedAssets.signUrl;
export default signedAssetsPlugin;
