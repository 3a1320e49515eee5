/**
 * When a signed URL stops working, read from its own query where the provider writes it.
 * This is a hint for refreshing early; the server's answer stays the judge.
 */

/** Query parameters by lower-case decoded name (first occurrence wins), values decoded. */
function queryParams(url: string): Map<string, string> {
  const map = new Map<string, string>();
  const queryAt = url.indexOf('?');
  if (queryAt < 0 || /^(blob|data):/i.test(url)) return map;
  const query = url.slice(queryAt + 1).split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq >= 0 ? pair.slice(0, eq) : pair;
    const rawValue = eq >= 0 ? pair.slice(eq + 1) : '';
    let name = rawName;
    let value = rawValue;
    try {
      name = decodeURIComponent(rawName);
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      // keep the raw text
    }
    name = name.toLowerCase();
    if (!map.has(name)) map.set(name, value);
  }
  return map;
}

/** `20261122T100000Z` (the ISO 8601 basic form AWS and GCS use) → epoch ms. */
function basicIsoToMs(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function epochSecondsToMs(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,12}$/.test(value) ? Number(value) * 1000 : undefined;
}

/**
 * The moment (epoch ms) a signed URL expires, from its own query:
 * AWS `X-Amz-Date` + `X-Amz-Expires`, GCS `X-Goog-Date` + `X-Goog-Expires`, Azure SAS `se`
 * (ISO 8601, only next to `sig`), CloudFront / S3 v2 / GCS v2 `Expires` and the test server's
 * `exp` (epoch seconds). Undefined when the URL says nothing about it.
 */
export function signedUrlExpiry(url: string): number | undefined {
  const params = queryParams(url);
  for (const prefix of ['x-amz-', 'x-goog-']) {
    const date = params.get(`${prefix}date`);
    const expires = params.get(`${prefix}expires`);
    if (date === undefined || expires === undefined || !/^\d+$/.test(expires)) continue;
    const start = basicIsoToMs(date);
    if (start !== undefined) return start + Number(expires) * 1000;
  }
  const azure = params.get('se');
  if (azure !== undefined && params.has('sig')) {
    // `se` may be a date alone (`2026-11-22`), which Date.parse reads as UTC midnight.
    const at = Date.parse(azure);
    if (Number.isFinite(at)) return at;
  }
  return epochSecondsToMs(params.get('expires')) ?? epochSecondsToMs(params.get('exp'));
}

/** True when the URL carries an expiry and it is at or before `nowMs`. */
export function isExpired(url: string, nowMs: number): boolean {
  const expiry = signedUrlExpiry(url);
  return expiry !== undefined && expiry <= nowMs;
}
