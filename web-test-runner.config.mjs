import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumPath } from './scripts/find-chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath() },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    commonjs({
      strictRequires: false,
      include: ['**/node_modules/**'],
    }),
  ],
};
