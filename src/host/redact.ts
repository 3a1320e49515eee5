/**
 * Signed URLs are credentials: these helpers strip them before anything leaves the element.
 * Query strings are split by hand so the parameters that stay keep their exact bytes.
 */
const SIGNATURE_PARAMS = new Set([
  'sig', 'se', 'sp', 'sv', 'sr', 'st', 'spr', 'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'si',
  'signature', 'expires', 'key-pair-id', 'policy', 'token', 'exp',
]);

function isSignatureParam(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    // keep the raw name
  }
  name = name.toLowerCase();
  return name.startsWith('x-amz-') || name.startsWith('x-goog-') || SIGNATURE_PARAMS.has(name);
}

/** `url` without known signature parameters (AWS, GCS, Azure SAS, CloudFront, generic tokens). */
export function redactSignedUrl(url: string): string {
  if (!url || url.startsWith('data:') || url.startsWith('blob:')) return url.startsWith('data:') ? 'data:' : url;
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = withoutHash.indexOf('?');
  if (queryAt < 0) return withoutHash;
  const kept = withoutHash
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && !isSignatureParam(pair.split('=')[0] ?? ''));
  const base = withoutHash.slice(0, queryAt);
  return kept.length ? `${base}?${kept.join('&')}` : base;
}

/** `text` with every given URL (whole, path+query, or bare query) replaced by `[asset-url]`. */
export function scrubUrls(text: string, urls: readonly string[]): string {
  let result = text;
  const needles = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    needles.add(url);
    const queryAt = url.indexOf('?');
    if (queryAt >= 0 && url.length - queryAt > 4) needles.add(url.slice(queryAt));
    const pathAt = url.search(/[^/:]\/[^/]/);
    if (pathAt >= 0) needles.add(url.slice(pathAt + 1));
  }
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    if (needle.length >= 4) result = result.split(needle).join('[asset-url]');
  }
  return result;
}
