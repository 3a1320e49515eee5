/**
 * Files the package ships next to its bundle (the pdf.js worker and data in dist/pdfjs/, decoders
 * of other media likewise) and how the page finds them.
 *
 * Each file is named in source by a literal `new URL('<file>', import.meta.url)`: the one form
 * that Vite (dev server and build), webpack 5 (so Next.js), Parcel and rollup's asset plugins all
 * follow, copying the file into their output and pointing the URL at the copy; the package's own
 * build points it at dist/ (rollup.config.mjs), which a plain static server serves as it is. A
 * folder URL is never relied on: bundlers copy files, not folders, and Vite's dev server drops a
 * folder URL's trailing slash. A bundler that follows none of this (esbuild) leaves the URL
 * relative to its own output; there the host serves a copy of the folder and names it (for
 * `<lk-pdf>`, `pdfjs-base`; for `<lk-dicom>`, `codecs-base`). A worker among these files is one
 * self-contained script and fetches only URLs the page gives it: a bundler copies it unread.
 */

/** Files by their path inside their dist/ folder (`cmaps/UniJIS-UCS2-H.bcmap`), each a `new URL(…, import.meta.url)`. */
export type BundledFiles = Readonly<Record<string, () => URL>>;

/**
 * What a bundler made of `new URL(…, import.meta.url)`, as an absolute URL. Turbopack (Next.js)
 * hands back a URL-like object whose `href` is only a path (`/_next/static/media/…`), which
 * `new URL(href)` refuses; it resolves against the page like any relative URL.
 */
export function absoluteUrl(url: URL | string): string {
  return new URL(String(url), globalThis.document?.baseURI ?? globalThis.location?.href).href;
}

/**
 * `base` as a folder URL, resolved against `documentUrl`: with its trailing slash, whatever a host
 * or a dev server did to it (a folder URL without one resolves its files beside the folder).
 */
export function folderUrl(base: string | URL, documentUrl: string): URL {
  const folder = new URL(base, documentUrl);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  return folder;
}

/**
 * Where the file `path` of `files` is: under `hostFolder` (a host's copy of the dist/ folder) when
 * given, else the packaged file. undefined for a path the package does not ship, so no name read
 * from a document ever becomes a request of its own.
 */
export function bundledFileUrl(files: BundledFiles, path: string, hostFolder?: URL): string | undefined {
  if (!Object.hasOwn(files, path)) return undefined;
  return hostFolder ? new URL(path, hostFolder).href : absoluteUrl(files[path]!());
}

/**
 * The folder that holds `path` of `files` when the packaged copy keeps the dist/ layout there (a
 * plain static server, the package build as is), else undefined (a bundler renamed the file).
 */
export function packagedFolderOf(files: BundledFiles, path: string): URL | undefined {
  const url = bundledFileUrl(files, path);
  if (!url) return undefined;
  const parsed = new URL(url);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!parsed.pathname.endsWith(`/${name}`) || parsed.search) return undefined;
  return new URL('./', parsed);
}

/**
 * The bytes of a `data:` URL, decoded here instead of fetched (undefined for any other URL).
 * Bundlers inline small files as data: URLs (Vite those under 4 kB, many cMaps among them), and a
 * page whose CSP `connect-src` does not list `data:` refuses to fetch one. Throws for a malformed one.
 */
export function dataUrlBytes(url: string): Uint8Array | undefined {
  const match = /^data:([^,]*),(.*)$/is.exec(url);
  if (!match) return undefined;
  const [, meta = '', payload = ''] = match;
  if (/;base64$/i.test(meta)) return Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  // Percent-encoded bytes, other characters as UTF-8.
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < payload.length; index++) {
    const escaped = payload[index] === '%' ? /^[0-9a-f]{2}$/i.exec(payload.slice(index + 1, index + 3)) : null;
    if (escaped) {
      bytes.push(parseInt(escaped[0], 16));
      index += 2;
    } else {
      const codePoint = payload.codePointAt(index)!;
      const char = String.fromCodePoint(codePoint);
      bytes.push(...encoder.encode(char));
      index += char.length - 1;
    }
  }
  return new Uint8Array(bytes);
}
