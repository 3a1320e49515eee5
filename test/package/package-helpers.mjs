// Shared by the package tests (node --test test/package/): they check the built package as a
// host gets it, so they run after `npm run build` (scripts/test.mjs orders it so).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/find-chromium.mjs';
import { runNodeScript, binPath } from '../../scripts/run-tool.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function requireBuild() {
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'react.js'))) {
    throw new Error('dist/ is missing or stale: run `npm run build` first');
  }
}

/** A fresh scratch folder inside the package (so `labelkit/…` resolves to it by name), removed after. */
export function scratchDir(name) {
  const dir = join(root, 'tmp', 'package-tests', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every fenced block in a Markdown file: `{ lang, code, line }`, `line` 1-based where the fence opens. */
export function fencedBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^```(\w+)\s*$/.exec(lines[index]);
    if (!open) continue;
    const start = index;
    const body = [];
    for (index += 1; index < lines.length && lines[index] !== '```'; index += 1) body.push(lines[index]);
    blocks.push({ lang: open[1], code: `${body.join('\n')}\n`, line: start + 1 });
  }
  return blocks;
}

/** Runs tsc (or vue-tsc) on a project file; resolves to `{ code, output }`. */
export function typeCheck(project, { vue = false } = {}) {
  const bin = vue ? binPath('vue-tsc', 'vue-tsc') : binPath('typescript', 'tsc');
  return runNodeScript(bin, ['-p', project], { capture: true });
}

/**
 * A loopback server that answers each request through `route(url, request, send)`, and a headless
 * Chromium to visit it. `newPage()` opens a page that records its uncaught errors; `close()` ends both.
 */
export async function startPageServer(route) {
  const server = createServer(async (request, response) => {
    const send = (status, body, type) => response.writeHead(status, { 'content-type': type }).end(body);
    await route(new URL(request.url, `http://${request.headers.host}`), request, send);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async newPage() {
      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The compiler options of a strict host project that type-checks against the built package (no skipLibCheck). */
export const HOST_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
};
