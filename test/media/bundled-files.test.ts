import { expect } from '@open-wc/testing';
import { absoluteUrl, bundledFileUrl, dataUrlBytes, folderUrl, packagedFolderOf, type BundledFiles } from '../../src/media/bundled-files.js';

/**
 * What Turbopack (Next.js) turns `new URL('./x', import.meta.url)` into: an object on URL's
 * prototype whose `href` and `toString()` are only the path of the copied file.
 */
function turbopackUrl(path: string): URL {
  const url = Object.create(URL.prototype) as URL;
  for (const key of ['href', 'pathname']) Object.defineProperty(url, key, { value: path });
  Object.defineProperty(url, 'toString', { value: () => path });
  return url;
}

describe('bundled files', () => {
  it('a Turbopack-style URL (its href only a path) is resolved against the page, and its folder found', () => {
    const files: BundledFiles = {
      'wasm/openjpeg.wasm': () => turbopackUrl('/_next/static/media/wasm/openjpeg.wasm'),
      'cmaps/UniJIS-UCS2-H.bcmap': () => turbopackUrl('/_next/static/media/UniJIS-UCS2-H.0abc.bcmap'),
    };
    expect(bundledFileUrl(files, 'cmaps/UniJIS-UCS2-H.bcmap')).to.equal(`${location.origin}/_next/static/media/UniJIS-UCS2-H.0abc.bcmap`);
    expect(packagedFolderOf(files, 'wasm/openjpeg.wasm')?.href).to.equal(`${location.origin}/_next/static/media/wasm/`);
    expect(absoluteUrl(turbopackUrl('/a/b.mjs'))).to.equal(`${location.origin}/a/b.mjs`);
  });

  it('a file renamed by a bundler has no folder; a name the package does not ship has no URL (no request made of it)', () => {
    const files: BundledFiles = { 'wasm/openjpeg.wasm': () => new URL('/assets/openjpeg-3f2a.wasm', location.href) };
    expect(packagedFolderOf(files, 'wasm/openjpeg.wasm')).to.equal(undefined);
    expect(bundledFileUrl(files, 'cmaps/../../secret')).to.equal(undefined);
    expect(bundledFileUrl(files, 'toString')).to.equal(undefined);
  });

  it('a host’s copy: each file under its folder, the folder’s trailing slash added when a server or host dropped it', () => {
    const files: BundledFiles = { 'cmaps/UniJIS-UCS2-H.bcmap': () => new URL('/never-used', location.href) };
    const folder = folderUrl('/static/pdfjs', location.href);
    expect(folder.href).to.equal(`${location.origin}/static/pdfjs/`);
    expect(bundledFileUrl(files, 'cmaps/UniJIS-UCS2-H.bcmap', folder)).to.equal(`${location.origin}/static/pdfjs/cmaps/UniJIS-UCS2-H.bcmap`);
    expect(folderUrl('https://cdn.example/pdfjs/?v=2', location.href).href).to.equal('https://cdn.example/pdfjs/?v=2');
  });

  it('a file a bundler inlined as a data: URL is decoded without a request, base64 or percent-encoded; other URLs are fetched', () => {
    const bytes = [0, 1, 127, 128, 200, 255];
    const base64 = `data:application/octet-stream;base64,${btoa(String.fromCharCode(...bytes))}`;
    expect([...dataUrlBytes(base64)!]).to.deep.equal(bytes);
    expect([...dataUrlBytes('data:,%00%01%7F%80%C8%FF')!]).to.deep.equal(bytes);
    expect([...dataUrlBytes('data:text/plain,a%20é')!]).to.deep.equal([97, 32, 0xc3, 0xa9]);
    expect(dataUrlBytes('https://cdn.example/cmaps/x.bcmap')).to.equal(undefined);
    expect(() => dataUrlBytes('data:;base64,***')).to.throw();
  });
});
