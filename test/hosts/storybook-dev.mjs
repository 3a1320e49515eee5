// `node test/hosts/storybook-dev.mjs`: `npm start` as a developer runs it (Storybook's dev server
// on Vite, scripts/storybook.mjs), then every story opened in headless Chromium: each labelkit
// element in it reaches lk-ready, or the lk-error its documentation names
// (test/stories/error-stories.json). The stories test (test/stories/) runs the same stories in
// the test runner's server; this one catches what only the real dev server does to the code.
// `--build`: the same stories in `npm run build:storybook`'s output (Vite's production build, as
// the docs site publishes it), served by a plain static server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const ERROR_STORIES = JSON.parse(readFileSync(join(root, 'test', 'stories', 'error-stories.json'), 'utf8'));
const ELEMENTS = 'lk-image, lk-video, lk-pdf, lk-dicom, lk-text';
const START_MS = 180_000;
const ANSWER_MS = 60_000;
/** Pages open at once: the dev server and Chromium share CI's two cores. */
const PAGES = 2;

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` (scripts/storybook.mjs dev) on `port`; resolves once it serves its story index. */
async function startStorybook(port) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'storybook.mjs'), 'dev', '-p', String(port), '--ci', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = () => {
    if (child.exitCode !== null) return;
    try {
      // Storybook's own processes go with it (its group was made for this).
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  };
  const base = `http://127.0.0.1:${port}/`;
  const started = performance.now();
  while (performance.now() - started < START_MS) {
    if (child.exitCode !== null) throw new Error(`storybook dev exited with code ${child.exitCode}:\n${output.slice(-3000)}`);
    const index = await fetch(`${base}index.json`).then((response) => (response.ok ? response.json() : null), () => null);
    if (index) return { base, index, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`storybook dev did not serve index.json within ${START_MS / 1000} s:\n${output.slice(-3000)}`);
}

/** `npm run build:storybook` into a temp folder, served as it is; resolves like startStorybook. */
async function buildStorybook() {
  const out = mkdtempSync(join(tmpdir(), 'labelkit-storybook-'));
  const child = spawn(process.execPath, [join(root, 'scripts', 'storybook.mjs'), 'build', '-o', out], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`storybook build exited with code ${code}:\n${output.slice(-3000)}`);
  const server = await serveStatic([['/', out]]);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  const stop = async () => {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  };
  return { base: server.url, index, stop };
}

/** Every lk-ready and lk-error in the page, by element (installed before the story's code runs). */
function recordAnswers() {
  const answers = new Map();
  window.lkAnswers = answers;
  const note = (kind) => (event) => {
    const entry = answers.get(event.target) ?? { ready: false, errors: [] };
    if (kind === 'ready') entry.ready = true;
    else entry.errors.push(event.detail?.code);
    answers.set(event.target, entry);
  };
  document.addEventListener('lk-ready', note('ready'), true);
  document.addEventListener('lk-error', note('error'), true);
}

/** Storybook's own name for a story, as test/stories/error-stories.json lists it: `lk-pdf/NotFound`. */
const storyName = (story) => `${story.importPath.replace(/^.*\/([^/]+)\.stories\.ts$/, '$1')}/${story.exportName}`;

/**
 * Shows `story` in the preview as Storybook's sidebar does: the first one by loading the canvas,
 * the next ones by asking the preview to switch (its `setCurrentStory` event), without a reload.
 * Resolves with Storybook's problem rendering it, if any.
 */
async function showStory(page, base, story, first) {
  if (first) {
    await page.goto(`${base}iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    return '';
  }
  return page.evaluate(
    (storyId) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const outcomes = { storyRendered: '', storyErrored: 'the story errored', storyThrewException: 'the story threw', storyMissing: 'the story is missing' };
        const listeners = Object.entries(outcomes).map(([event, problem]) => {
          const listener = (id) => {
            if (id !== undefined && id !== storyId && event === 'storyRendered') return;
            for (const [name, handler] of listeners) channel.off(name, handler);
            resolve(problem);
          };
          channel.on(event, listener);
          return [event, listener];
        });
        // Answers are per story: an element lit kept for the next story must answer again.
        window.lkAnswers.clear();
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    story.id,
  );
}

/** Shows one story and returns what is wrong with it (nothing: it works). */
async function checkStory(page, base, story, first) {
  const id = storyName(story);
  const storybookProblem = await showStory(page, base, story, first);
  const answered = await page
    .waitForFunction(
      (selector) => {
        const elements = [...document.querySelectorAll(selector)];
        const answers = window.lkAnswers;
        return elements.length > 0 && elements.every((element) => answers.get(element)?.ready || answers.get(element)?.errors.length);
      },
      ELEMENTS,
      { timeout: ANSWER_MS, polling: 100 },
    )
    .then(() => true, () => false);
  const seen = await page.evaluate((selector) => {
    const answers = window.lkAnswers;
    const shownError = document.querySelector('#error-message, .sb-errordisplay')?.textContent?.trim();
    return {
      shownError: document.body.classList.contains('sb-show-errordisplay') ? shownError : '',
      elements: [...document.querySelectorAll(selector)].map((element) => ({ tag: element.localName, ...(answers.get(element) ?? { ready: false, errors: [] }) })),
    };
  }, ELEMENTS);
  const problems = storybookProblem ? [storybookProblem] : [];
  if (seen.shownError) problems.push(`Storybook shows an error: ${seen.shownError.slice(0, 300)}`);
  if (seen.elements.length === 0) problems.push('no labelkit element rendered');
  const codes = seen.elements.flatMap((element) => element.errors);
  const expected = ERROR_STORIES[id];
  if (expected && !codes.includes(expected)) problems.push(`expected lk-error ${expected}, got ${codes.join(', ') || 'none'}`);
  if (!expected && codes.length) problems.push(`lk-error ${codes.join(', ')}`);
  const silent = seen.elements.filter((element) => !element.ready && element.errors.length === 0);
  if (silent.length) problems.push(`${silent.map((element) => element.tag).join(', ')} said nothing${answered ? '' : ` within ${ANSWER_MS / 1000} s`}`);
  return { id, problems };
}

export async function runStorybookDevCheck({ build = false } = {}) {
  const started = performance.now();
  const storybook = build ? await buildStorybook() : await startStorybook(await freePort());
  const where = build ? 'the storybook build' : 'the dev server';
  const browser = await launchChromium();
  const failures = [];
  try {
    const stories = Object.values(storybook.index.entries).filter((entry) => entry.type === 'story' && /\/lk-[a-z]+\.stories\.ts$/.test(entry.importPath));
    console.log(`  ${build ? 'storybook build holds' : 'storybook dev serves'} ${stories.length} element stories (${seconds(started)})`);
    const queue = [...stories];
    const worker = async () => {
      const page = await browser.newPage();
      await page.addInitScript(recordAnswers);
      await page.setViewportSize({ width: 1200, height: 900 });
      for (let story = queue.shift(), first = true; story; story = queue.shift(), first = false) {
        const { id, problems } = await checkStory(page, storybook.base, story, first);
        for (const problem of problems) failures.push(`${id}: ${problem}`);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: PAGES }, worker));
    const missing = Object.keys(ERROR_STORIES).filter((id) => !stories.some((story) => storyName(story) === id));
    for (const id of missing) failures.push(`${id}: listed in test/stories/error-stories.json but not served`);
    console.log(`  ${failures.length ? '✗' : '✓'} every story in ${where} (${seconds(started)})`);
  } finally {
    await browser.close();
    await storybook.stop();
  }
  for (const failure of failures) console.log(`      ${failure}`);
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failures = await runStorybookDevCheck({ build: process.argv.includes('--build') });
  if (failures.length) process.exit(1);
}
