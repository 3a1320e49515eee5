/**
 * Tile URLs are made from the host's source URL, as string operations (the host's bytes stay as
 * they are; `new URL()` would re-encode a signature): the tile path replaces the last part of the
 * source's path, and the source's query (a signed URL's policy or token) is kept. So tiles come
 * from where the host pointed and nowhere else: the `id` inside an info.json is not followed.
 */

/** `source` with everything after the last `/` of its path replaced by `path`, the query kept. */
export function siblingUrl(source: string, path: string): string {
  const hashAt = source.indexOf('#');
  const withoutHash = hashAt >= 0 ? source.slice(0, hashAt) : source;
  const queryAt = withoutHash.indexOf('?');
  const base = queryAt >= 0 ? withoutHash.slice(0, queryAt) : withoutHash;
  const query = queryAt >= 0 ? withoutHash.slice(queryAt) : '';
  return `${base.slice(0, base.lastIndexOf('/') + 1)}${path}${query}`;
}

/** The last part of the source's path (`info.json`, `photo.dzi`), without query or fragment. */
export function lastPathPart(source: string): string {
  const base = source.split(/[?#]/, 1)[0] ?? '';
  return base.slice(base.lastIndexOf('/') + 1);
}
