// `npm test`: every check CI runs, in order, stopping at the first failure with one line
// saying what failed. The last line is always the browser test counts once they ran:
// `N passed, M failed`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './find-chromium.mjs';
import { findViolations } from './check-boundaries.mjs';
import { manifestIsFresh, STALE_MESSAGE } from './check-manifest.mjs';
import { binPath, runNodeScript } from './run-tool.mjs';

const started = Date.now();
let counts = null;

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function printCounts() {
  if (counts) console.log(`${counts.passed} passed, ${counts.failed} failed`);
}

function fail(step, message) {
  console.error(`\n✗ ${step} failed: ${message}`);
  printCounts();
  process.exit(1);
}

async function step(name, run) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${name}`);
  const problem = await run();
  if (problem) fail(name, problem);
  console.log(`✓ ${name} (${seconds(stepStarted)})`);
}

await step('chromium', () => {
  try {
    console.log(`  using ${chromiumPath()}`);
    return null;
  } catch (error) {
    return error.message;
  }
});

await step('type-check', async () => {
  const tsc = binPath('typescript', 'tsc');
  const projects = ['tsconfig.json', 'tsconfig.core.json'];
  // Both projects at once (2 cores); output is captured so the two do not interleave.
  const results = await Promise.all(projects.map((project) => runNodeScript(tsc, ['-p', project, '--noEmit'], { capture: true })));
  const failed = projects.filter((_, index) => results[index].code !== 0);
  for (const result of results) if (result.code !== 0) process.stderr.write(result.output);
  return failed.length > 0 ? `tsc found errors in ${failed.join(' and ')}` : null;
});

await step('lint', async () => {
  // ESLint over the tree and Prettier over its scope (scripts/lint.mjs); output only on failure.
  const { code, output } = await runNodeScript(fileURLToPath(new URL('./lint.mjs', import.meta.url)), [], { capture: true });
  if (code !== 0) process.stderr.write(output);
  return code !== 0 ? 'lint found problems (npm run lint; npm run lint -- --fix applies the fixable ones)' : null;
});

await step('docs', async () => {
  // Every link and anchor in docs/ resolves and the API pages cover the manifest (scripts/test-docs.mjs).
  const { code, output } = await runNodeScript(fileURLToPath(new URL('./test-docs.mjs', import.meta.url)), [], { capture: true });
  if (code !== 0) process.stderr.write(output);
  return code !== 0 ? 'the docs check failed (node scripts/test-docs.mjs)' : null;
});

await step('boundaries', () => {
  const violations = findViolations();
  for (const violation of violations) console.error(`  ${violation}`);
  return violations.length > 0 ? `${violations.length} architecture rule violation(s) (scripts/check-boundaries.mjs)` : null;
});

await step('browser tests', async () => {
  const summaryDir = mkdtempSync(join(tmpdir(), 'labelkit-test-'));
  const summaryFile = join(summaryDir, 'counts.json');
  try {
    const { code } = await runNodeScript(binPath('@web/test-runner', 'web-test-runner'), [], {
      env: { LK_TEST_SUMMARY: summaryFile },
    });
    try {
      counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
    } catch {
      counts = null;
    }
    if (code !== 0 && counts?.failed) return `${counts.failed} failed (see the runner output above)`;
    if (code !== 0) return `web-test-runner exited with code ${code}`;
    if (!counts) return 'web-test-runner reported no results';
    return null;
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
  }
});

await step('build', async () => {
  // The manifest is checked against the committed file next, so the build must not rewrite it.
  const { code } = await runNodeScript(fileURLToPath(new URL('./build.mjs', import.meta.url)), ['--skip-manifest']);
  return code !== 0 ? 'npm run build failed' : null;
});

await step('manifest', async () => ((await manifestIsFresh()) ? null : STALE_MESSAGE));

await step('built package in hosts', async () => {
  // The built dist/ as hosts meet it, each check a script of its own with captured output, three
  // at a time (they mostly wait on browsers and bundlers, so 2 cores keep up):
  // - package (node --test test/package/): README snippets type-checked and run, what npm ships,
  //   dependencies, a host's tsc without the bundled libraries, framework bindings, server imports;
  // - host apps (test/hosts/run.mjs): the packed dist/ under Vite dev and build, webpack, Next.js,
  //   esbuild and a static server;
  // - storybook dev (test/hosts/storybook-dev.mjs): `npm start`'s dev server with every story, and
  //   with --build `npm run build:storybook`'s output;
  // - example app (scripts/test-example.mjs): examples/host-app end to end on SQLite and Postgres.
  const script = (path) => fileURLToPath(new URL(path, import.meta.url));
  const checks = [
    { name: 'host apps (vite dev, vite build, webpack, next, esbuild, static)', args: [script('../test/hosts/run.mjs')] },
    { name: 'storybook dev server', args: [script('../test/hosts/storybook-dev.mjs')] },
    { name: 'storybook build', args: [script('../test/hosts/storybook-dev.mjs'), '--build'] },
    { name: 'example host app', args: [script('./test-example.mjs')] },
    { name: 'package', args: ['--test', 'test/package/'] },
  ];
  const failed = [];
  const queue = [...checks];
  const worker = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const checkStarted = Date.now();
      const [first, ...rest] = check.args;
      const { code, output } = await runNodeScript(first, rest, { capture: true });
      process.stdout.write(`  ── ${check.name} (${seconds(checkStarted)}, exit ${code})\n${output}`);
      if (code !== 0) failed.push(check.name);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return failed.length > 0 ? `${failed.join(', ')} (output above; docs/bundlers.md, examples/host-app/README.md)` : null;
});

await step('bench smoke', async () => {
  // One tiny pass of every `npm run bench` scenario so the harness does not rot; no timings are checked.
  const { code } = await runNodeScript(fileURLToPath(new URL('../bench/run.mjs', import.meta.url)), ['--smoke']);
  return code !== 0 ? 'the bench harness broke (node bench/run.mjs --smoke, output above)' : null;
});

console.log(`\nall checks passed in ${seconds(started)}`);
printCounts();
