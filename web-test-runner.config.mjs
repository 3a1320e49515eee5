import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumPath } from './scripts/find-chromium.mjs';
import { pdfjsCopyMiddleware } from './scripts/pdfjs-assets.mjs';
import { bundledFilesCopyMiddleware, DICOM_CODECS_DIST_DIR } from './scripts/bundled-files.mjs';
import { fixturesRangeMiddleware } from './scripts/range-middleware.mjs';
import { signedAssetsMiddleware, signedAssetsPlugin } from './test/server/signed-assets-plugin.mjs';
import { cspPageMiddleware } from './test/server/csp-page-middleware.mjs';
import { spaFallbackMiddleware } from './test/server/spa-fallback-middleware.mjs';
import { testCountReporter } from './scripts/test-count-reporter.mjs';
import { tiledImagesMiddleware } from './scripts/tiled-images.mjs';
import { jsonModulesPlugin, storyAssetsMiddleware } from './test/server/stories-plugin.mjs';
import { opencvScriptMiddleware } from './test/server/opencv-script-middleware.mjs';

const commonjs = fromRollup(rollupCommonjs);

/**
 * Node built-ins that browser code only names on Node paths: dicom-parser's UMD build calls
 * `require('zlib')` (deflate, which labelkit inflates itself), the DICOM codecs' Emscripten glue
 * `require('fs')` and `require('path')`, mediabunny's Node file source `node:fs/promises`.
 * Browsers have none.
 */
const NODE_BUILTIN_STUBS = ['zlib', 'fs', 'path', 'fs/promises'];
const zlibStub = {
  name: 'lk-node-builtin-stubs',
  resolveImport({ source }) {
    const bare = source.replace(/^node:/, '');
    return NODE_BUILTIN_STUBS.includes(bare) ? `/__lk-stub/${bare}.js` : undefined;
  },
  serve(context) {
    const match = /^\/__lk-stub\/([a-z/]+)\.js$/.exec(context.path);
    return match && NODE_BUILTIN_STUBS.includes(match[1]) ? { body: 'export default {};', type: 'js' } : undefined;
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  // Generous: CI machines are shared, and a load a user would wait through must not fail a test.
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 900000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath() },
    }),
  ],
  reporters: [defaultReporter(), testCountReporter()],
  middleware: [
    // The stories' sample assets at /assets/, as Storybook serves them (test/stories/).
    storyAssetsMiddleware,
    // Signed-URL test server (/signed/…); first so its request log sees every request.
    signedAssetsMiddleware,
    // Tiled pictures (IIIF and Deep Zoom layouts) made on request under /__lk-tiles/ (scripts/tiled-images.mjs).
    tiledImagesMiddleware,
    // 206 Partial Content for /test/fixtures/ (the dev server ignores Range; <video> seeking needs it).
    fixturesRangeMiddleware,
    // A host's own copy of the package's dist/pdfjs/ (for `<lk-pdf pdfjs-base>`), served from node_modules.
    pdfjsCopyMiddleware('/host-pdfjs/'),
    // The same for dist/dicom-codecs/ (`<lk-dicom codecs-base>`), and one such copy that lacks the .wasm files.
    bundledFilesCopyMiddleware('/host-dicom-codecs/', DICOM_CODECS_DIST_DIR),
    bundledFilesCopyMiddleware('/host-dicom-codecs-no-wasm/', DICOM_CODECS_DIST_DIR, { skip: (file) => file.endsWith('.wasm') }),
    // /__lk-csp/page.html: a page served with the strict CSP a careful host sends (test/security/csp.test.ts).
    cspPageMiddleware,
    // /__lk-spa/…: an HTML page for every path, as a dev server's single-page-app fallback answers a missing file.
    spaFallbackMiddleware,
    // /__lk-opencv/opencv.js: OpenCV.js untransformed, for the assisted-labeling example's worker (test/assist/).
    opencvScriptMiddleware,
  ],
  plugins: [
    // 'sign-url' and 'request-log:*' server commands (test/server/).
    signedAssetsPlugin,
    (await import('./test/server/input-plugin.mjs')).inputPlugin, // 'input:touch|pen|wheel': real touch, pen and wheel via CDP
    (await import('./test/server/device-plugin.mjs')).devicePlugin, // 'device:scale-factor': a HiDPI screen via CDP
    (await import('./test/server/screen-plugin.mjs')).screenPlugin, // 'screen:capture': a screenshot of a page region (what the user sees)
    (await import('./test/server/cli-plugin.mjs')).cliPlugin, // 'labelkit-cli': bin/labelkit.mjs run with node against a bundled dist/format.js
    zlibStub,
    jsonModulesPlugin, // the stories import JSON as modules, as Vite allows
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    commonjs({
      strictRequires: false,
      include: ['**/node_modules/**'],
    }),
  ],
};
