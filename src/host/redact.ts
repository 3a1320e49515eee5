/**
 * Signed URLs are credentials: these helpers strip them before anything leaves the element.
 * Query strings are split by hand so the parameters that stay keep their exact bytes
 * (URLSearchParams would re-encode them).
 */

/** Exact parameter names (lower case) that carry a signature, an expiry or a credential. */
const SIGNATURE_PARAMS = new Set([
  // Azure SAS (service, account and user-delegation SAS)
  'sig', 'se', 'sp', 'sv', 'sr', 'st', 'spr', 'si', 'ss', 'srt', 'ses', 'sdd',
  'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'saoid', 'suoid', 'scid',
  // CloudFront, and the older S3 / GCS query-string signing (v2)
  'signature', 'expires', 'key-pair-id', 'policy', 'awsaccesskeyid', 'googleaccessid',
  // generic tokens, including the test server's `exp` + `sig`
  'token', 'access_token', 'exp',
]);

const SIGNATURE_PREFIXES = ['x-amz-', 'x-goog-'];

function isSignatureParam(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    // a malformed escape: judge the raw name
  }
  name = name.toLowerCase();
  return SIGNATURE_PREFIXES.some((prefix) => name.startsWith(prefix)) || SIGNATURE_PARAMS.has(name);
}

/** The raw name of one `name=value` pair of a query string. */
function pairName(pair: string): string {
  const eq = pair.indexOf('=');
  return eq >= 0 ? pair.slice(0, eq) : pair;
}

/** `query` (without `?`) minus signature pairs; the rest byte for byte, in order. */
function keepUnsigned(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '' && !isSignatureParam(pairName(pair)))
    .join('&');
}

/**
 * `url` without known signature parameters (AWS `X-Amz-*`, GCS `X-Goog-*`, Azure SAS,
 * CloudFront, generic `token`/`signature`/`expires`/`exp`/`sig`). Other parameters and the
 * fragment's other parameters stay byte for byte and in order. Works on absolute and relative
 * URLs; `blob:` and `data:` URLs carry no query and are returned unchanged.
 */
export function redactSignedUrl(url: string): string {
  if (/^(blob|data):/i.test(url)) return url;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const fragment = hashAt >= 0 ? url.slice(hashAt + 1) : undefined;
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? keepUnsigned(beforeHash.slice(queryAt + 1)) : '';
  // A fragment may hold tokens too (`#access_token=…`); media fragments such as `#t=10` stay.
  const hash = fragment === undefined ? '' : fragment.includes('=') ? keepUnsigned(fragment) : fragment;
  return `${base}${query ? `?${query}` : ''}${fragment !== undefined && hash ? `#${hash}` : ''}`;
}

/** Raw and decoded values of a URL's signature parameters: they must not leak on their own either. */
function signatureValues(url: string): string[] {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return [];
  const values: string[] = [];
  for (const pair of url.slice(queryAt + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0 || !isSignatureParam(pair.slice(0, eq))) continue;
    const raw = pair.slice(eq + 1);
    values.push(raw);
    try {
      values.push(decodeURIComponent(raw.replace(/\+/g, ' ')));
    } catch {
      // raw value only
    }
  }
  return values;
}

/** Needles shorter than this are too likely to match ordinary words. */
const MIN_NEEDLE = 6;

/** `value` as text, whatever it is (a URL object a host set as `src`, a non-string message); never throws. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** The forms of `url` that may show up in a message. */
function needlesOf(url: string): string[] {
  const needles = [url];
  try {
    needles.push(new URL(url).href);
  } catch {
    // relative: no absolute form without a base
  }
  const queryAt = url.indexOf('?');
  if (queryAt >= 0) {
    const query = url.slice(queryAt).split('#')[0] ?? '';
    needles.push(query, query.slice(1));
  }
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  if (authority) needles.push(url.slice(authority[0].length));
  needles.push(...signatureValues(url));
  return needles;
}

/**
 * `text` with every occurrence of the given URLs replaced by `[asset-url]`: the whole URL, its
 * absolute form, its path + query, its query with and without `?`, and the values of its
 * signature parameters. It never throws, whatever it is given (it runs while an error is being
 * reported, where a throw would lose that error); a URL it cannot take apart is still scrubbed whole.
 */
export function scrubUrls(text: unknown, urls: readonly unknown[]): string {
  const needles = new Set<string>();
  for (const value of urls) {
    const url = asText(value);
    if (!url) continue;
    try {
      for (const needle of needlesOf(url)) needles.add(needle);
    } catch {
      needles.add(url);
    }
  }
  let result = asText(text);
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    if (needle.length >= MIN_NEEDLE) result = result.split(needle).join('[asset-url]');
  }
  return result;
}
