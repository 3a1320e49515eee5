// The host's HTTP API and files. Everything a labelkit page needs from its host:
//   GET  /                          the page (built by Vite into the client folder)
//   GET  /pdfjs/…                   labelkit's dist/pdfjs/ (the pdf.js worker and its data)
//   GET  /media/<file>?exp=…&sig=…  the assets, only with a valid unexpired signature; Range
//   GET  /api/tasks                 the queue: each task's status and a signed URL, minted now
//   GET  /api/tasks/:id             one task: its ontology and saved record
//   GET  /api/tasks/:id/url         a new signed URL (what the page's `resolveUrl` asks for)
//   PUT  /api/tasks/:id/record      { status: 'submitted' | 'skipped', record } → 204, or 422
//   PUT  /api/tasks/:id/review      { verdict: 'accept' | 'reject', comment?, errorCode? } → 204, or 409
// Authentication is out of scope: every request acts as one demo user.
import { createServer } from 'node:http';
import { recordProblems } from './records.mjs';
import { SECURITY_HEADERS } from './security-headers.mjs';
import { fileInside, sendFile } from './files.mjs';
import { createUrlSigner } from './signed-urls.mjs';

const MEDIA_PREFIX = '/media/';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const DEMO_USER = { id: 'u-ann', email: 'ann@example.com' };

class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

function decodedOr404(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(404, 'Not found.');
  }
}

function sendJson(response, status, body) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readJson(request) {
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) throw new HttpError(415, 'Send JSON.');
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The body is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
}

/**
 * @param {{ store: Awaited<ReturnType<typeof import('./store.mjs').openStore>>, secret: Buffer,
 *   urlTtlSeconds: number, mediaDir: string, clientDir: string, pdfjsDir: string }} options
 */
export function createApp({ store, secret, urlTtlSeconds, mediaDir, clientDir, pdfjsDir }) {
  const signer = createUrlSigner({ secret, ttlSeconds: urlTtlSeconds, prefix: MEDIA_PREFIX });

  // `asset` is the stable reference the record keeps; the signed URL never goes into it.
  const describe = ({ mediaPath, ontologyId: _ontologyId, ...visible }) => ({ ...visible, asset: `${MEDIA_PREFIX}${mediaPath}` });
  const withUrl = (task) => {
    const { url, expiresAt } = signer.sign(task.mediaPath);
    return { ...describe(task), src: url, expiresAt };
  };

  async function taskOr404(id) {
    const task = await store.getTask(id);
    if (!task) throw new HttpError(404, 'No such task.');
    return task;
  }

  async function api(request, response, path) {
    const [, , collection, id, part, ...rest] = path.split('/');
    if (collection !== 'tasks' || rest.length > 0) throw new HttpError(404, 'Not found.');
    const method = request.method;
    if (!id && method === 'GET') return sendJson(response, 200, { user: DEMO_USER, tasks: (await store.listTasks()).map(withUrl) });
    const taskId = decodedOr404(id ?? '');
    if (!part && method === 'GET') return sendJson(response, 200, describe(await taskOr404(taskId)));
    if (part === 'url' && method === 'GET') {
      const { url, expiresAt } = signer.sign((await taskOr404(taskId)).mediaPath);
      return sendJson(response, 200, { url, expiresAt });
    }
    if (part === 'record' && method === 'PUT') {
      const task = await taskOr404(taskId);
      const { status, record } = await readJson(request);
      if (status !== 'submitted' && status !== 'skipped') throw new HttpError(400, 'status must be submitted or skipped.');
      const problems = recordProblems(task, record);
      if (problems.length > 0) throw new HttpError(422, 'The record does not fit the task.', { problems });
      await store.saveRecord(taskId, { status, record, user: DEMO_USER.email, at: new Date().toISOString() });
      response.writeHead(204, SECURITY_HEADERS).end();
      return undefined;
    }
    if (part === 'review' && method === 'PUT') {
      await taskOr404(taskId);
      const { verdict, comment, errorCode } = await readJson(request);
      if (verdict !== 'accept' && verdict !== 'reject') throw new HttpError(400, 'verdict must be accept or reject.');
      const text = (value, limit) => (typeof value === 'string' && value ? value.slice(0, limit) : null);
      const saved = await store.saveReview(taskId, {
        verdict,
        comment: text(comment, 2000),
        errorCode: text(errorCode, 100),
        user: DEMO_USER.email,
        at: new Date().toISOString(),
      });
      if (!saved) throw new HttpError(409, 'Only a submitted task can be reviewed.');
      response.writeHead(204, SECURITY_HEADERS).end();
      return undefined;
    }
    throw new HttpError(method === 'GET' || method === 'PUT' ? 404 : 405, 'Not found.');
  }

  async function media(request, response, rawUrl) {
    // As a bucket would: CORS for any page, and the signature checked on the URL as sent.
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Content-Range, Accept-Ranges, Content-Length',
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    const refused = signer.refusal(rawUrl);
    if (refused) {
      response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${refused}`);
      return;
    }
    const path = rawUrl.slice(MEDIA_PREFIX.length, rawUrl.indexOf('?'));
    if (!(await sendFile(request, response, fileInside(mediaDir, path), { headers, ranges: true }))) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  async function files(request, response, path) {
    const fromPdfjs = path.startsWith('/pdfjs/');
    const file = fromPdfjs ? fileInside(pdfjsDir, path.slice('/pdfjs/'.length)) : fileInside(clientDir, path === '/' ? 'index.html' : path.slice(1));
    // Vite names built files by content hash, so they never change; the page itself is always fresh.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': cache };
    if (!(await sendFile(request, response, file, { headers }))) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  async function handle(request, response) {
    const rawUrl = request.url ?? '/';
    const path = rawUrl.split('?')[0];
    try {
      if (path.startsWith('/api/')) return await api(request, response, path);
      if (request.method === 'OPTIONS' && path.startsWith(MEDIA_PREFIX)) {
        response.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': 'Range',
          'Access-Control-Max-Age': '600',
        }).end();
        return undefined;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed.');
      if (path.startsWith(MEDIA_PREFIX)) return await media(request, response, rawUrl);
      return await files(request, response, path);
    } catch (error) {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpError) return sendJson(response, error.status, { error: error.message, ...error.extra });
      console.error(error);
      return sendJson(response, 500, { error: 'Something went wrong on the server.' });
    }
  }

  return createServer((request, response) => void handle(request, response));
}
