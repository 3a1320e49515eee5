/** When a signed URL stops working, read from its own query (epoch ms), where a provider says. */
function params(url: string): Map<string, string> {
  const map = new Map<string, string>();
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return map;
  const query = url.slice(queryAt + 1).split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq >= 0 ? pair.slice(0, eq) : pair;
    const value = eq >= 0 ? pair.slice(eq + 1) : '';
    try {
      map.set(decodeURIComponent(name).toLowerCase(), decodeURIComponent(value.replace(/\+/g, ' ')));
    } catch {
      map.set(name.toLowerCase(), value);
    }
  }
  return map;
}

/** `20261122T100000Z` (AWS/GCS basic ISO) → epoch ms. */
function basicIso(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

export function signedUrlExpiry(url: string): number | undefined {
  const q = params(url);
  for (const prefix of ['x-amz-', 'x-goog-']) {
    const date = q.get(`${prefix}date`);
    const expires = q.get(`${prefix}expires`);
    if (date && expires) {
      const start = basicIso(date);
      const seconds = Number(expires);
      if (start !== undefined && Number.isFinite(seconds)) return start + seconds * 1000;
    }
  }
  const azure = q.get('se');
  if (azure && q.has('sig')) {
    const at = Date.parse(azure);
    if (Number.isFinite(at)) return at;
  }
  for (const name of ['expires', 'exp']) {
    const value = q.get(name);
    if (value && /^\d+$/.test(value)) return Number(value) * 1000;
  }
  return undefined;
}

export function isExpired(url: string, nowMs: number): boolean {
  const expiry = signedUrlExpiry(url);
  return expiry !== undefined && expiry <= nowMs;
}
