/**
 * The one place that fetches an asset. It uses the host's URL byte for byte, lets the host fetch
 * in its place (`fetchAsset`, to add headers), and when a signed URL has expired or is refused asks
 * the host for a fresh one (`resolveUrl`) and retries once. Errors never contain the URL.
 */
import { LabelkitError, type ErrorCode } from '../core/errors.js';
import { isExpired } from './expiry.js';

export type RefreshReason = 'expired' | 'forbidden' | 'not-found';

export interface ResolveUrlRequest {
  assetId?: string;
  reason: RefreshReason;
  /**
   * Set when the URL is not the asset's own: `brush-mask`, an imported `https:` brush PNG (with its
   * 0-based `page`); `tile`, one tile of a tiled image (with its `tile` path).
   */
  resource?: 'brush-mask' | 'tile';
  page?: number;
  /** For `tile`: the tile's path beside the info.json or .dzi, without query (`photo_files/12/3_1.jpg`). */
  tile?: string;
}

export interface AssetLoaderOptions {
  /** The host's URL, used byte for byte. */
  src: string;
  /** The host's asset id, passed back to `resolveUrl`. */
  assetId?: string;
  /** Fetches in place of `fetch` (to add headers or route through the host). */
  fetchAsset?: (url: string, init: RequestInit) => Promise<Response>;
  /** Gives a fresh URL when the current one has expired or is refused. */
  resolveUrl?: (request: ResolveUrlRequest) => string | Promise<string>;
  /** Clock for expiry checks (epoch ms); `Date.now` by default. */
  now?: () => number;
  /** What the URL is, when it is not the asset itself: passed to `resolveUrl` with each request. */
  resource?: Pick<ResolveUrlRequest, 'resource' | 'page' | 'tile'>;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Range`. */
  headers?: Record<string, string>;
}

export interface AssetLoader {
  /** The URL in use now (after any refresh). Never log, export or show it. */
  currentUrl(): string;
  /**
   * A successful (2xx) response. An expired URL (by its own query) or a 401/403 answer makes
   * the loader ask `resolveUrl` for a fresh URL and retry once. Failures are `LabelkitError`s
   * (`asset-expired`, `asset-forbidden`, `asset-not-found`, `asset-load`); an abort rejects
   * with the signal's reason (an `AbortError` DOMException unless the caller chose another).
   */
  fetch(options?: FetchOptions): Promise<Response>;
  fetchArrayBuffer(options?: FetchOptions): Promise<ArrayBuffer>;
  /** The body decoded as UTF-8; one leading byte-order mark is dropped (it is not part of the text). */
  fetchText(options?: FetchOptions): Promise<string>;
  fetchBlob(options?: FetchOptions): Promise<Blob>;
  /**
   * For media elements that load `currentUrl()` themselves (`<video>`, `<img>`) and saw that load
   * fail: asks `resolveUrl` for a fresh URL, makes it current and returns it. Without a hook, or
   * when the hook gives nothing, rejects with `asset-expired` (`asset-forbidden` /
   * `asset-not-found` for those reasons). Call it once per failed URL, not in a loop.
   */
  refresh(reason: RefreshReason): Promise<string>;
  /**
   * For media elements that load the URL themselves: `currentUrl()`, refreshed first through
   * `resolveUrl` when its own query says it has expired, so an expired URL is never requested
   * (what `fetch` does for its own requests). Unchanged when there is no hook or it gives nothing.
   */
  usableUrl(): Promise<string>;
  /** True when there is a refresh hook and the current URL's own query says it has expired. */
  needsRefresh(): boolean;
}

function isDenied(status: number): boolean {
  return status === 401 || status === 403;
}

function httpError(status: number, expired: boolean, refreshed: boolean): LabelkitError {
  let code: ErrorCode;
  let message: string;
  if (isDenied(status) && expired) {
    code = 'asset-expired';
    message = refreshed
      ? `The link to the asset has expired (HTTP ${status}), and so has the fresh link.`
      : `The link to the asset has expired (HTTP ${status}) and no fresh link was provided.`;
  } else if (isDenied(status)) {
    code = 'asset-forbidden';
    message = `Access to the asset was refused (HTTP ${status}).`;
  } else if (status === 404 || status === 410) {
    code = 'asset-not-found';
    message = `The asset was not found (HTTP ${status}).`;
  } else {
    code = 'asset-load';
    message = status ? `The asset could not be loaded (HTTP ${status}).` : 'The asset could not be loaded.';
  }
  return new LabelkitError({ code, message, cause: { status } });
}

function refreshError(reason: RefreshReason): LabelkitError {
  if (reason === 'forbidden') return new LabelkitError({ code: 'asset-forbidden', message: 'Access to the asset was refused and no fresh link was provided.' });
  if (reason === 'not-found') return new LabelkitError({ code: 'asset-not-found', message: 'The asset was not found and no fresh link was provided.' });
  return new LabelkitError({ code: 'asset-expired', message: 'The link to the asset has expired and no fresh link was provided.' });
}

/** An abort of the caller's own signal (fetch's AbortError, or the reason the signal was aborted with). */
export function isAbortError(error: unknown, signal?: AbortSignal | null): boolean {
  return (error instanceof DOMException && error.name === 'AbortError') || (!!signal?.aborted && error === signal.reason);
}

/** A body that broke off: an abort stays an abort, anything else is an `asset-load` error. */
export function downloadInterrupted(error: unknown, signal?: AbortSignal | null): unknown {
  return isAbortError(error, signal) ? error : new LabelkitError({ code: 'asset-load', message: 'The asset download was interrupted.' });
}

/** Frees the connection of a response we will not read. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** The host's fresh URL; undefined when it gives none or fails (its error may name the URL). */
async function askHost(resolveUrl: NonNullable<AssetLoaderOptions['resolveUrl']>, request: ResolveUrlRequest): Promise<string | undefined> {
  try {
    const result = await resolveUrl(request);
    return typeof result === 'string' && result ? result : undefined;
  } catch {
    return undefined;
  }
}

export function createAssetLoader(options: AssetLoaderOptions): AssetLoader {
  let url = options.src;
  const now = options.now ?? (() => Date.now());
  /** The refresh in flight, shared by concurrent fetches that hold the same stale URL. */
  let pending: { from: string; fresh: Promise<string | undefined> } | undefined;

  /** A fresh URL in place of `from` (made current), or undefined when the host gives none. */
  function refreshFrom(from: string, reason: RefreshReason): Promise<string | undefined> {
    if (from !== url) return Promise.resolve(url);
    if (pending?.from === from) return pending.fresh;
    const resolveUrl = options.resolveUrl;
    if (!resolveUrl) return Promise.resolve(undefined);
    const request: ResolveUrlRequest = { ...(options.assetId !== undefined ? { assetId: options.assetId } : {}), reason, ...options.resource };
    const fresh = askHost(resolveUrl, request).then((result) => {
      if (result && url === from) url = result;
      return result;
    });
    const entry = { from, fresh };
    pending = entry;
    void fresh.then(() => {
      if (pending === entry) pending = undefined;
    });
    return fresh;
  }

  async function request(target: string, init: FetchOptions): Promise<Response> {
    const requestInit: RequestInit = {
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.headers ? { headers: { ...init.headers } } : {}),
    };
    try {
      // The string goes to fetch as is: `new URL()` would re-encode a signature.
      return options.fetchAsset ? await options.fetchAsset(target, requestInit) : await fetch(target, requestInit);
    } catch (error) {
      if (isAbortError(error, init.signal) || error instanceof LabelkitError) throw error;
      throw new LabelkitError({
        code: 'asset-load',
        message: 'The asset could not be loaded (network error, or the server does not allow cross-origin requests).',
      });
    }
  }

  async function fetchWithRefresh(init: FetchOptions = {}): Promise<Response> {
    let target = url;
    let refreshed = false;
    if (options.resolveUrl && isExpired(target, now())) {
      refreshed = true;
      target = (await refreshFrom(target, 'expired')) ?? target;
      init.signal?.throwIfAborted();
    }
    let response = await request(target, init);
    if (isDenied(response.status) && !refreshed && options.resolveUrl) {
      refreshed = true;
      const fresh = await refreshFrom(target, isExpired(target, now()) ? 'expired' : 'forbidden');
      init.signal?.throwIfAborted();
      if (fresh && fresh !== target) {
        discard(response);
        target = fresh;
        response = await request(target, init);
      }
    }
    if (!response.ok) {
      discard(response);
      throw httpError(response.status, isExpired(target, now()), refreshed);
    }
    return response;
  }

  async function readBody<T>(init: FetchOptions | undefined, read: (response: Response) => Promise<T>): Promise<T> {
    const response = await fetchWithRefresh(init);
    try {
      return await read(response);
    } catch (error) {
      throw downloadInterrupted(error, init?.signal);
    }
  }

  return {
    currentUrl: () => url,
    fetch: fetchWithRefresh,
    fetchArrayBuffer: (init) => readBody(init, (response) => response.arrayBuffer()),
    fetchBlob: (init) => readBody(init, (response) => response.blob()),
    // TextDecoder drops one leading BOM by default (ignoreBOM: false) and replaces invalid bytes.
    fetchText: (init) => readBody(init, async (response) => new TextDecoder('utf-8').decode(await response.arrayBuffer())),
    async usableUrl() {
      if (options.resolveUrl && isExpired(url, now())) await refreshFrom(url, 'expired');
      return url;
    },
    needsRefresh: () => Boolean(options.resolveUrl) && isExpired(url, now()),
    async refresh(reason) {
      const from = url;
      const fresh = await refreshFrom(from, reason);
      if (!fresh) throw refreshError(reason);
      return fresh;
    },
  };
}
