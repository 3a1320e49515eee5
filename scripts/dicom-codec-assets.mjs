// The DICOM codec worker and the codecs' WebAssembly files in the library bundle: dist/dicom-codecs/.
//
// src/media/dicom/codec-assets.ts names them as they are during development, relative to itself:
//   new URL('./decode-worker.ts', import.meta.url)
//   new URL('../../../node_modules/@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm', import.meta.url)
// The test runner and Vite serve those as they are. In the bundle the worker becomes its own ES
// chunk (dist/dicom-codecs/decode-worker.js, which imports the codec chunks it needs on demand)
// and each .wasm a copied asset beside it; every such URL is rewritten relative to whichever chunk
// the code ends in, so the package never loads a codec from anywhere but its own files.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Where the worker and the codecs' .wasm files land, relative to dist/. */
export const DICOM_CODECS_DIST_DIR = 'dicom-codecs';

export function dicomCodecAssets(root) {
  const sourceDir = join(root, 'src', 'media', 'dicom') + sep;
  const codecPackages = join(root, 'node_modules', '@cornerstonejs') + sep;
  const workerSource = join(sourceDir, 'decode-worker.ts');
  const marker = '__LK_DICOM_CODECS__/';
  const pattern = /new\s+URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'lk-dicom-codec-assets',
    transform(code, id) {
      if (!id.startsWith(sourceDir)) return null;
      let changed = false;
      const out = code.replace(pattern, (match, quote, target) => {
        const absolute = resolve(dirname(id), target);
        let file;
        if (absolute === workerSource) {
          file = 'decode-worker.js';
          this.emitFile({ type: 'chunk', id: absolute, fileName: `${DICOM_CODECS_DIST_DIR}/${file}` });
        } else if (absolute.startsWith(codecPackages) && absolute.endsWith('.wasm')) {
          file = basename(absolute);
          this.emitFile({ type: 'asset', fileName: `${DICOM_CODECS_DIST_DIR}/${file}`, source: readFileSync(absolute) });
        } else {
          return match;
        }
        changed = true;
        return `new URL(${quote}${marker}${file}${quote}, import.meta.url)`;
      });
      return changed ? { code: out, map: null } : null;
    },
    renderChunk(code, chunk) {
      if (!code.includes(marker)) return null;
      const depth = chunk.fileName.split('/').length - 1;
      const prefix = `${depth === 0 ? './' : '../'.repeat(depth)}${DICOM_CODECS_DIST_DIR}/`;
      return { code: code.split(marker).join(prefix), map: null };
    },
  };
}
