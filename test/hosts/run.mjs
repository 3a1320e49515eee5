// `node test/hosts/run.mjs [target…]`: the built package (dist/, `npm run build` first) installed
// from its `npm pack` tarball into a tiny host app (app/main.js) under a temp folder, then served
// or bundled unchanged by each target and opened in headless Chromium (check-page.mjs): every
// element must reach lk-ready on a real asset. Targets: static, vite-dev, vite-build,
// vite-build-csp, webpack, next, esbuild, esbuild-bare (no target named: all). Prints one line per target with its time; exits
// non-zero when one fails. docs/bundlers.md says what each target stands for.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { binPath, runNodeScript } from '../../scripts/run-tool.mjs';
import { launchChromium } from './chromium.mjs';
import { checkHostPage, CMAP_TEXT } from './check-page.mjs';
import { STRICT_CSP_WITH_WASM } from '../server/csp-page-middleware.mjs';
import { serveStatic } from './static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FIXTURES = [
  'image/bottles-frame.jpg',
  'video/frame-numbers.webm',
  'pdf/pdflatex-4-pages.pdf',
  'dicom/CT_small.dcm',
  'dicom/MR_small.dcm',
  'dicom/MR_small_jp2klossless.dcm',
  'dicom/JPEGLSNearLossless_16.dcm',
  'text/unicode-crlf.txt',
];

const page = ({ head = '', script = '<script type="module" src="/main.js"></script>', pdfjsBase, codecsBase } = {}) =>
  `<!doctype html>\n<html lang="en"${pdfjsBase ? ` data-pdfjs-base="${pdfjsBase}"` : ''}${codecsBase ? ` data-codecs-base="${codecsBase}"` : ''}>\n<head><meta charset="utf-8"><title>labelkit host</title>${head}</head>\n<body>${script}</body>\n</html>\n`;

/** The host app in `work/app`: its page, its assets in public/assets/, and labelkit installed from the packed tarball. */
async function makeApp(work) {
  const app = join(work, 'app');
  mkdirSync(join(app, 'public', 'assets'), { recursive: true });
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'labelkit-host', private: true, type: 'module', dependencies: { labelkit: 'file:labelkit.tgz' } }, null, 2));
  cpSync(join(here, 'app', 'main.js'), join(app, 'main.js'));
  writeFileSync(join(app, 'index.html'), page());
  for (const fixture of FIXTURES) cpSync(join(root, 'test', 'fixtures', fixture), join(app, 'public', 'assets', fixture.split('/')[1]));
  // The PDF that needs pdf.js's standard font data and cMaps, from the tests' own generator.
  const { outputFiles } = await esbuild.build({ entryPoints: [join(root, 'test/media/pdf/generated-pdf.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
  const { cMapPdf } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  writeFileSync(join(app, 'public', 'assets', 'standard-font-and-cmap.pdf'), cMapPdf('Standard font data', CMAP_TEXT));
  // What `npm install labelkit` puts in node_modules: the packed files (package.json "files"), nothing else.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))[0].filename;
  cpSync(join(work, packed), join(app, 'labelkit.tgz'));
  mkdirSync(join(app, 'node_modules', 'labelkit'));
  execFileSync('tar', ['-xzf', join(app, 'labelkit.tgz'), '-C', join(app, 'node_modules', 'labelkit'), '--strip-components=1']);
  return app;
}

/** Each target: makes the app's output (if any) and serves it; resolves with `{ url, close, expectErrors? }`. */
const TARGETS = {
  // The README's way without a bundler: the package's dist/ as it is, bare names mapped by an import map.
  async static(app) {
    writeFileSync(join(app, 'static.html'), page({ head: '<script type="importmap">{"imports":{"labelkit/define.js":"/node_modules/labelkit/dist/define.js"}}</script>' }));
    const server = await serveStatic([['/assets/', join(app, 'public', 'assets')], ['/', app]]);
    return { ...server, url: `${server.url}static.html` };
  },

  async 'vite-dev'(app) {
    const { createServer } = await import('vite');
    const server = await createServer({ root: app, configFile: false, logLevel: 'error', clearScreen: false, cacheDir: join(app, 'node_modules', '.vite'), server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    return { url: server.resolvedUrls.local[0], close: () => server.close() };
  },

  async 'vite-build'(app, out) {
    await viteBuild(app, out);
    return serveStatic([['/', out]]);
  },

  // The same build served with the strict CSP of docs/security.md (no `data:` in connect-src: Vite
  // inlines small files, the cMaps among them, as data: URLs; Trusted Types for the workers), with
  // the 'wasm-unsafe-eval' that compressed DICOM needs.
  async 'vite-build-csp'(app, out) {
    const built = join(dirname(out), 'vite-build');
    if (!existsSync(built)) await viteBuild(app, built);
    return serveStatic([['/', built]], { headers: { 'content-security-policy': STRICT_CSP_WITH_WASM } });
  },

  async webpack(app, out) {
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((done, fail) =>
      webpack(
        {
          mode: 'production',
          context: app,
          entry: './main.js',
          output: { path: out, filename: 'main.js', clean: true },
          // Minifying pdf.js and pixi costs a minute on CI's two cores and changes nothing here.
          optimization: { minimize: false },
          performance: { hints: false },
          infrastructureLogging: { level: 'error' },
        },
        (error, result) => (error ? fail(error) : done(result)),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
    writeFileSync(join(out, 'index.html'), page({ script: '<script src="/main.js"></script>' }));
    return serveStatic([['/assets/', join(app, 'public', 'assets')], ['/', out]]);
  },

  // Next.js 16 (Turbopack), app router, static export: the page loads app/main.js after hydration.
  async next(app, out) {
    cpSync(join(here, 'next', 'app'), join(app, 'app'), { recursive: true });
    // next, react and react-dom are the repository's devDependencies; the app sees them as its own.
    for (const name of ['next', 'react', 'react-dom']) symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name), 'dir');
    const config = { output: 'export', turbopack: { root: parse(app).root } };
    writeFileSync(join(app, 'next.config.mjs'), `export default ${JSON.stringify(config)};\n`);
    // NODE_ENV as `next build` wants it (Vite, run before it in this process, sets `development`).
    const result = await runNodeScript(binPath('next'), ['build', app], { capture: true, env: { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' } });
    if (result.code !== 0) throw new Error(`next build failed:\n${result.output.slice(-4000)}`);
    rmSync(out, { recursive: true, force: true });
    cpSync(join(app, 'out'), out, { recursive: true });
    return serveStatic([['/', out]]);
  },

  // esbuild does not follow `new URL(…, import.meta.url)`: the documented recipe copies dist/pdfjs/
  // and dist/dicom-codecs/ and sets pdfjs-base and codecs-base.
  async esbuild(app, out) {
    await bundleWithEsbuild(app, out);
    for (const folder of ['pdfjs', 'dicom-codecs']) cpSync(join(app, 'node_modules', 'labelkit', 'dist', folder), join(out, folder), { recursive: true });
    writeFileSync(join(out, 'index.html'), page({ pdfjsBase: '/pdfjs/', codecsBase: '/dicom-codecs' }));
    return serveStatic([['/assets/', join(app, 'public', 'assets')], ['/', out]]);
  },

  // The same esbuild output without the recipe: lk-pdf and lk-dicom on a compressed file must say
  // so (resource-load), not hang or blame the file.
  async 'esbuild-bare'(app, out) {
    await bundleWithEsbuild(app, out);
    writeFileSync(join(out, 'index.html'), page());
    const server = await serveStatic([['/assets/', join(app, 'public', 'assets')], ['/', out]]);
    const codecs = { code: 'resource-load', mentions: 'codecs-base' };
    const expectErrors = { pdf: 'resource-load', 'pdf-data': 'resource-load', 'dicom-jpeg2000': codecs, 'dicom-jpeg-ls': codecs };
    return { ...server, expectErrors };
  },
};

async function viteBuild(app, out) {
  const { build } = await import('vite');
  await build({ root: app, configFile: false, logLevel: 'error', clearScreen: false, build: { outDir: out, emptyOutDir: true } });
}

async function bundleWithEsbuild(app, out) {
  rmSync(out, { recursive: true, force: true });
  await esbuild.build({ entryPoints: [join(app, 'main.js')], absWorkingDir: app, bundle: true, format: 'esm', splitting: true, outdir: out, logLevel: 'error' });
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function runHostChecks(names = Object.keys(TARGETS)) {
  const unknown = names.filter((name) => !TARGETS[name]);
  if (unknown.length) throw new Error(`unknown target(s) ${unknown.join(', ')}: use ${Object.keys(TARGETS).join(', ')}`);
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'labelkit-hosts-'));
  const browser = await launchChromium();
  const failed = [];
  try {
    const app = await makeApp(work);
    console.log(`  host app with the packed package (${seconds(started)})`);
    for (const name of names) {
      const since = performance.now();
      let problems;
      let target;
      try {
        target = await TARGETS[name](app, join(work, 'out', name));
        problems = await checkHostPage(browser, target.url, { expectErrors: target.expectErrors });
      } catch (error) {
        problems = [`${error.stack ?? error}`];
      } finally {
        await target?.close();
      }
      console.log(`  ${problems.length ? '✗' : '✓'} ${name} (${seconds(since)})`);
      for (const problem of problems) console.log(`      ${problem}`);
      if (problems.length) failed.push(name);
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = await runHostChecks(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  if (failed.length) {
    console.error(`host apps failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}
