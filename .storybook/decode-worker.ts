import type { Plugin } from 'vite';

/**
 * The DICOM decode worker under Storybook's Vite (dev server and `npm run build:storybook`).
 * src/media/dicom/codec-assets.ts names the worker by its TypeScript source, which the test runner
 * compiles when served; Vite would copy it as a raw asset instead (a `.ts` file read as MPEG-TS
 * video), and it compiles a worker only for the literal `new Worker(new URL(…))`, which Trusted
 * Types refuses. Here the URL comes from Vite's `?worker&url` import instead: the worker bundled
 * with its codecs (in a build, one file of its own), created by labelkit as in the package.
 */
const SOURCE = /[\\/]src[\\/]media[\\/]dicom[\\/]codec-assets\.ts$/;
const WORKER_URL = "new URL('./decode-worker.ts', import.meta.url)";

export function dicomDecodeWorker(): Plugin {
  return {
    name: 'lk-dicom-decode-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id.split('?')[0]!)) return null;
      if (!code.includes(WORKER_URL)) this.error(`${id} no longer names the worker as ${WORKER_URL}: update .storybook/decode-worker.ts`);
      return { code: `import lkDecodeWorkerUrl from './decode-worker.ts?worker&url';\n${code.replace(WORKER_URL, 'new URL(lkDecodeWorkerUrl, import.meta.url)')}`, map: null };
    },
  };
}
