/**
 * The one place that fetches an asset. It uses the host's URL byte for byte, lets the host fetch
 * in its place (`fetchAsset`, to add headers), and when a signed URL has expired or is refused asks
 * the host for a fresh one (`resolveUrl`) and retries once. Errors never contain the URL.
 */
import { LabelkitError, type ErrorCode } from '../core/errors.js';
import { isExpired, signedUrlExpiry } from './expiry.js';

export type RefreshReason = 'expired' | 'forbidden' | 'not-found';

export interface AssetLoaderOptions {
  src: string;
  assetId?: string;
  fetchAsset?: (url: string, init: RequestInit) => Promise<Response>;
  resolveUrl?: (request: { assetId?: string; reason: RefreshReason }) => string | Promise<string>;
  now?: () => number;
}

export interface FetchOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface AssetLoader {
  /** The URL in use now (after any refresh). Never log or export it. */
  currentUrl(): string;
  fetch(options?: FetchOptions): Promise<Response>;
  fetchArrayBuffer(options?: FetchOptions): Promise<ArrayBuffer>;
  /** UTF-8 text; a leading byte-order mark is dropped (it is not part of the document). */
  fetchText(options?: FetchOptions): Promise<string>;
  fetchBlob(options?: FetchOptions): Promise<Blob>;
  /** For media elements that stream the URL themselves: a fresh URL after their load failed. */
  refresh(reason: RefreshReason): Promise<string>;
}

const MESSAGES: Record<string, string> = {
  'asset-expired': 'The asset link has expired and no fresh link was provided.',
  'asset-forbidden': 'The asset server refused access',
  'asset-not-found': 'The asset was not found',
  'asset-load': 'The asset could not be loaded',
};

function httpError(status: number, expired: boolean): LabelkitError {
  const code: ErrorCode =
    status === 401 || status === 403 ? (expired ? 'asset-expired' : 'asset-forbidden') : status === 404 || status === 410 ? 'asset-not-found' : 'asset-load';
  const message = code === 'asset-expired' ? MESSAGES[code]! : `${MESSAGES[code]} (HTTP ${status}).`;
  return new LabelkitError({ code, message, cause: { status } });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function createAssetLoader(options: AssetLoaderOptions): AssetLoader {
  let url = options.src;
  const now = options.now ?? (() => Date.now());
  const hadExpiry = () => signedUrlExpiry(url) !== undefined;

  async function resolveFresh(reason: RefreshReason): Promise<string | undefined> {
    if (!options.resolveUrl) return undefined;
    try {
      const fresh = await options.resolveUrl({ ...(options.assetId ? { assetId: options.assetId } : {}), reason });
      return typeof fresh === 'string' && fresh ? fresh : undefined;
    } catch {
      return undefined;
    }
  }

  async function request(target: string, init: FetchOptions): Promise<Response> {
    const requestInit: RequestInit = { ...(init.signal ? { signal: init.signal } : {}), ...(init.headers ? { headers: init.headers } : {}) };
    try {
      return options.fetchAsset ? await options.fetchAsset(target, requestInit) : await fetch(target, requestInit);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new LabelkitError({ code: 'asset-load', message: 'The asset could not be loaded (network error or blocked by CORS).', cause: { name: error instanceof Error ? error.name : 'Error' } });
    }
  }

  async function fetchWithRefresh(init: FetchOptions = {}): Promise<Response> {
    let refreshed = false;
    if (isExpired(url, now())) {
      const fresh = await resolveFresh('expired');
      if (!fresh) throw httpError(403, true);
      url = fresh;
      refreshed = true;
    }
    let response = await request(url, init);
    if ((response.status === 401 || response.status === 403) && !refreshed) {
      const expired = hadExpiry();
      const fresh = await resolveFresh(expired ? 'expired' : 'forbidden');
      if (!fresh) throw httpError(response.status, expired);
      url = fresh;
      response = await request(url, init);
    }
    if (!response.ok) throw httpError(response.status, hadExpiry() && isExpired(url, now()));
    return response;
  }

  async function body<T>(init: FetchOptions | undefined, read: (response: Response) => Promise<T>): Promise<T> {
    const response = await fetchWithRefresh(init);
    try {
      return await read(response);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new LabelkitError({ code: 'asset-load', message: 'The asset download was interrupted.' });
    }
  }

  return {
    currentUrl: () => url,
    fetch: fetchWithRefresh,
    fetchArrayBuffer: (init) => body(init, (r) => r.arrayBuffer()),
    fetchBlob: (init) => body(init, (r) => r.blob()),
    fetchText: (init) =>
      body(init, async (r) => {
        const text = new TextDecoder('utf-8').decode(await r.arrayBuffer());
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      }),
    async refresh(reason) {
      const fresh = await resolveFresh(reason);
      if (!fresh) throw httpError(403, true);
      url = fresh;
      return url;
    },
  };
}
