// The example host app (examples/host-app) end to end in headless Chromium: its page built by
// Vite against labelkit's dist/ (run after the build), its server on a free loopback port, on
// SQLite and on Postgres (a throwaway cluster from Debian's `postgresql`; under CI it must be
// installed). Prints one line per check and `example: N passed, M failed` last.
//   TEST_DATABASE_URL  use this Postgres database instead of starting a cluster
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { binPath, runNodeScript } from './run-tool.mjs';
import { startHost } from '../examples/host-app/e2e/host-process.mjs';
import { postgresBin, startPostgres } from '../examples/host-app/e2e/postgres.mjs';
import { everyMediaOpens, expiredUrlsRecover, labelSubmitReload, serverRefuses, skipAndReview } from '../examples/host-app/e2e/scenarios.mjs';
import { chromiumPath } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let passed = 0;
let failed = 0;

if (!existsSync(join(root, 'dist', 'lk-image.js')) || !existsSync(join(root, 'dist', 'pdfjs'))) {
  console.error('labelkit is not built: run `npm run build` first (the example uses dist/ as a host would)');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'labelkit-example-'));
const clientDir = join(scratch, 'client');
let browser;
let postgres;

async function check(name, host, run) {
  const checkStarted = Date.now();
  try {
    await run();
    passed++;
    console.log(`  ✓ ${name} (${seconds(checkStarted)})`);
  } catch (error) {
    failed++;
    console.error(`  ✗ ${name}: ${error.stack ?? error}\n    server output:\n${host.output().replace(/^/gm, '      ')}`);
  }
}

/** The checks against one database: two servers on it, the second with URLs that live 4 s. */
async function checkDatabase(label, database, env) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    let host = await startHost({ ...env, CLIENT_DIR: clientDir });
    try {
      await check(`${label}: label with real input, submit, reload: the box is shown and stored`, host, () =>
        labelSubmitReload({ context, origin: host.origin, database }),
      );
      await check(`${label}: the server refuses bad media URLs and records that do not fit`, host, () => serverRefuses({ origin: host.origin }));
      await check(`${label}: image, video, PDF, DICOM and text tasks each reach lk-ready`, host, () => everyMediaOpens({ context, origin: host.origin }));
      await check(`${label}: skip a task; switch to reviewer with unsaved work kept; reject with a comment`, host, () =>
        skipAndReview({ context, origin: host.origin, database }),
      );
    } finally {
      await host.stop();
    }
    host = await startHost({ ...env, CLIENT_DIR: clientDir, URL_TTL_SECONDS: '4' });
    try {
      await check(`${label}: signed URLs expire mid-task: refreshed through resolveUrl, the draft kept`, host, () =>
        expiredUrlsRecover({ context, origin: host.origin }),
      );
    } finally {
      await host.stop();
    }
  } finally {
    await context.close();
  }
}

try {
  // The page's types are checked against dist/types (as a host's would be) while Vite builds it.
  const buildStarted = Date.now();
  const typeCheck = runNodeScript(binPath('typescript', 'tsc'), ['-p', join(root, 'examples', 'host-app', 'tsconfig.json')], { capture: true });
  await build({ configFile: join(root, 'examples', 'host-app', 'vite.config.mjs'), logLevel: 'error', build: { outDir: clientDir } });
  const types = await typeCheck;
  if (types.code !== 0) {
    failed++;
    console.error(`  ✗ the page type-checks against labelkit's dist/types:\n${types.output}`);
  } else {
    passed++;
    console.log(`  ✓ the page type-checks against labelkit's dist/types; built it (${seconds(buildStarted)})`);
  }
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

  const sqliteFile = join(scratch, 'example.sqlite');
  await checkDatabase('SQLite', { sqliteFile }, { SQLITE_FILE: sqliteFile });

  let databaseUrl = process.env.TEST_DATABASE_URL;
  const bin = databaseUrl ? null : postgresBin();
  if (!databaseUrl && bin) {
    postgres = await startPostgres(bin);
    databaseUrl = postgres.url;
  }
  if (databaseUrl) {
    await checkDatabase('Postgres', { databaseUrl }, { DATABASE_URL: databaseUrl });
  } else if (process.env.CI) {
    failed++;
    console.error('  ✗ Postgres: not installed (Debian: apt-get install -y postgresql), and CI must check it');
  } else {
    console.log('  - Postgres not checked: install Debian’s postgresql (or set TEST_DATABASE_URL) to check it too');
  }
} catch (error) {
  failed++;
  console.error(`  ✗ ${error.stack ?? error}`);
} finally {
  await browser?.close();
  postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`  example checks took ${seconds(started)}`);
console.log(`example: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
