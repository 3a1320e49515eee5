/**
 * Browser side of the signed-URL test server (test/server/signed-assets-plugin.mjs).
 * Only for tests: the commands travel over the test runner's socket.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface SignOptions {
  /** Seconds until the URL expires; negative mints an already expired URL. Default 60. */
  ttlSeconds?: number;
  /** Characters the base64 signature must contain, e.g. '+/' (they arrive as %2B/%2F). */
  signatureWith?: string;
  /** Range answers carry at most this many bytes, so a `<video>` keeps coming back for more. */
  maxBytesPerResponse?: number;
}

/** A same-origin signed URL, `/signed/<path>?exp=<epoch s>&sig=<url-encoded base64>`. */
export function signedUrl(path: string, options: SignOptions = {}): Promise<string> {
  return executeServerCommand<string, { path: string } & SignOptions>('sign-url', { path, ...options });
}

/** The URL with the signature's first character changed (to another one, so it never stays valid). */
export function withTamperedSignature(url: string): string {
  return url.replace(/sig=(.)/, (_, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`);
}

export interface ServedRequest {
  method: string;
  /** Raw path as the server received it. */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  status: number;
  /** `range`, `authorization` and `x-*` request headers. */
  headers: Record<string, string>;
}

export interface BrowserRequest {
  method: string;
  url: string;
}

/** Forgets logged requests and starts recording what the test page requests from any origin. */
export async function clearRequestLog(): Promise<void> {
  await executeServerCommand('request-log:clear');
}

/** Requests the dev server answered since the last clear. */
export function servedRequests(): Promise<ServedRequest[]> {
  return executeServerCommand<ServedRequest[], { source: 'server' }>('request-log:get', { source: 'server' });
}

/** Requests the page made since the last clear, to any origin. */
export function browserRequests(): Promise<BrowserRequest[]> {
  return executeServerCommand<BrowserRequest[], { source: 'browser' }>('request-log:get', { source: 'browser' });
}
