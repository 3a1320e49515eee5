// Library bundle: one ES entry per public entry point, shared code and every dynamically
// imported heavy library (pixi.js, pdfjs-dist, cornerstone-core, dicom-parser, mp4box) in dist/chunks/.
// Entries are discovered from the file system so new elements need no change here; files loaded
// at run time (the pdf.js worker and data, the DICOM decode worker and codecs) are listed in
// scripts/bundled-files.mjs; workerBuilds() below makes each worker one self-contained file.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import { BUNDLED_FILE_SETS } from './scripts/bundled-files.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const ELEMENT_DIR = /^lk-[a-z0-9-]+$/;

/** What dist/ ships beside the code (scripts/bundled-files.mjs); the build copies it, the URL rewrite below points at it. */
export { BUNDLED_FILE_SETS };

/** `{ entryName: sourcePath }` for every entry point that exists in `projectRoot` now. */
export function libraryEntries(projectRoot = root) {
  const entries = {
    index: 'src/index.ts',
    define: 'src/define.ts',
  };
  if (existsSync(join(projectRoot, 'src/format/index.ts'))) entries.format = 'src/format/index.ts';
  if (existsSync(join(projectRoot, 'src/elements/panels/define.ts'))) entries.panels = 'src/elements/panels/define.ts';
  const elementsDir = join(projectRoot, 'src/elements');
  if (existsSync(elementsDir)) {
    for (const entry of readdirSync(elementsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || !ELEMENT_DIR.test(entry.name)) continue;
      const define = `src/elements/${entry.name}/define.ts`;
      if (existsSync(join(projectRoot, define))) entries[entry.name] = define;
    }
  }
  return entries;
}

/**
 * Node built-ins named only on Node paths: dicom-parser's UMD build calls `require('zlib')` for
 * deflated transfer syntaxes (labelkit inflates them itself), the DICOM codecs' Emscripten glue
 * `require('fs')` and `require('path')`. Browsers have none.
 */
function stubNodeBuiltins(names) {
  const prefix = '\0lk-stub:';
  return {
    name: 'lk-stub-node-builtins',
    resolveId(source) {
      const bare = source.replace(/^node:/, '');
      return names.includes(bare) ? prefix + bare : null;
    },
    load(id) {
      return id.startsWith(prefix) ? 'export default {};' : null;
    },
  };
}

/**
 * package.json "sideEffects" describes dist/ for consumers; node-resolve would also apply it
 * to our own src/ files and silently drop side-effect imports such as `import './define.js'`.
 * Every module of ours keeps its side effects.
 */
function ownSourceHasSideEffects() {
  const srcDir = join(root, 'src') + sep;
  return {
    name: 'lk-own-source-side-effects',
    async resolveId(source, importer, options) {
      const local = source.startsWith('.') || source.startsWith('/') || !importer;
      if (!local) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(srcDir)) return resolved;
      return { ...resolved, moduleSideEffects: true };
    },
  };
}

/**
 * Source code points at the files it loads at run time where they are during development,
 * relative to the source file, one file per `new URL` (src/media/bundled-files.ts), e.g. in
 * src/media/pdf/pdf-assets.ts:
 *   new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url)
 * and a worker by its source (src/media/dicom/codec-assets.ts: `new URL('./decode-worker.ts', …)`).
 * That works as is in the test runner (which serves the repository root). In the bundle each such
 * URL is rewritten to dist/<distDir>/<file> of its set (BUNDLED_FILE_SETS), relative to whichever
 * chunk the code ends in, so the package never loads anything from a CDN and every bundler that
 * follows `new URL(…, import.meta.url)` finds the file.
 */
function bundledFileUrls(sets, { outputDir = 'dist' } = {}) {
  // How far the output folder is below dist/, where the files are (the server build writes dist/node/).
  const belowDist = relative(join(root, 'dist'), join(root, outputDir)).split(sep).filter(Boolean).length;
  const marker = (set) => `__LK_BUNDLED_${set.distDir}__/`;
  const pattern = /new\s+URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  const packageSets = sets.filter((set) => set.packageName);
  const workerFiles = new Map(sets.flatMap((set) => Object.entries(set.workers ?? {}).map(([source, file]) => [resolve(root, source), { set, file }])));
  const mentionsOne = (code) => packageSets.some((set) => code.includes(set.packageName)) || [...workerFiles.keys()].some((source) => code.includes(basename(source)));
  return {
    name: 'lk-bundled-file-urls',
    transform(code, id) {
      if (id.startsWith('\0') || id.includes(`${sep}node_modules${sep}`) || !mentionsOne(code)) return null;
      let changed = false;
      const out = code.replace(pattern, (match, quote, target) => {
        const trailingSlash = target.endsWith('/');
        const absolute = resolve(dirname(id), target) + (trailingSlash ? sep : '');
        const worker = workerFiles.get(absolute);
        if (worker) {
          changed = true;
          return `new URL(${quote}${marker(worker.set)}${worker.file}${quote}, import.meta.url)`;
        }
        for (const set of packageSets) {
          const packageRoot = join(root, 'node_modules', set.packageName) + sep;
          if (!absolute.startsWith(packageRoot)) continue;
          const inside = relative(packageRoot, absolute).split(sep).join('/') + (trailingSlash ? '/' : '');
          const asset = Object.entries(set.assets).find(([from]) => inside === from || (from.endsWith('/') && inside.startsWith(from)));
          if (!asset) this.error(`${relative(root, id)}: ${set.packageName} file "${inside}" is not shipped; add it to scripts/bundled-files.mjs`);
          changed = true;
          const [from, to] = asset;
          return `new URL(${quote}${marker(set)}${to}${inside.slice(from.length)}${quote}, import.meta.url)`;
        }
        return match;
      });
      return changed ? { code: out, map: null } : null;
    },
    renderChunk(code, chunk) {
      if (!sets.some((set) => code.includes(marker(set)))) return null;
      const depth = chunk.fileName.split('/').length - 1 + belowDist;
      const up = depth === 0 ? './' : '../'.repeat(depth);
      let out = code;
      for (const set of sets) out = out.split(marker(set)).join(`${up}${set.distDir}/`);
      return { code: out, map: null };
    },
  };
}

/**
 * The server build (dist/node/, the "node" export condition) never draws: pixi.js, pdf.js,
 * cornerstone and dicom-parser are left out, and each import of one gets a stand-in whose every
 * export throws when used, so server code that only imports an element pays nothing for them.
 */
const BROWSER_ONLY_LIBRARIES = ['pixi.js', 'pdfjs-dist', 'cornerstone-core', 'dicom-parser', 'mp4box', 'mediabunny'];

function browserOnlyStandIns(names) {
  const prefix = '\0lk-browser-only:';
  const matches = (source) => names.some((name) => source === name || source.startsWith(`${name}/`));
  return {
    name: 'lk-browser-only-stand-ins',
    resolveId(source) {
      return matches(source) ? prefix + source : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const library = JSON.stringify(id.slice(prefix.length));
      const code = [
        `function unavailable() { throw new Error('labelkit: ' + ${library} + ' runs only in a browser; this is the server build.'); }`,
        `export default new Proxy(unavailable, { get: (target, key) => (key === 'then' ? undefined : key in target ? target[key] : unavailable) });`,
      ].join('\n');
      return { code, syntheticNamedExports: true, moduleSideEffects: false };
    },
  };
}

const quietWarnings = new Set(['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'EVAL', 'SOURCEMAP_ERROR']);
// dist/define.js only imports the per-element entries, so rollup reports it as empty.
const isEmptyDefineEntry = (warning) => warning.code === 'EMPTY_BUNDLE' && warning.names?.includes('define');

/** @type {import('rollup').RollupOptions} */
const browserBuild = {
  input: libraryEntries(),
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  // Keep entry modules' exports exactly as written (no facade merging surprises for consumers).
  preserveEntrySignatures: 'strict',
  plugins: [
    stubNodeBuiltins(['zlib', 'fs', 'path', 'fs/promises']),
    ownSourceHasSideEffects(),
    bundledFileUrls(BUNDLED_FILE_SETS),
    nodeResolve({ exportConditions: ['browser'], preferBuiltins: false }),
    commonjs({ strictRequires: false }),
    esbuild({
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      minify: true,
      legalComments: 'eof',
      sourceMap: true,
    }),
  ],
  onwarn(warning, warn) {
    if (isEmptyDefineEntry(warning)) return;
    const fromDependency = (warning.id ?? warning.ids?.[0] ?? warning.exporter ?? '').includes('node_modules');
    if (quietWarnings.has(warning.code) && (fromDependency || warning.code !== 'CIRCULAR_DEPENDENCY')) return;
    warn(warning);
  },
};

export default browserBuild;

/**
 * The same entries for servers (SSR, Node): lit's server build, which needs no DOM at import, and
 * stand-ins for the browser-only libraries. `customElements.define` is skipped there (canDefine).
 * @type {import('rollup').RollupOptions}
 */
export const serverBuild = {
  ...browserBuild,
  output: { ...browserBuild.output, dir: 'dist/node', sourcemap: false },
  plugins: [
    browserOnlyStandIns(BROWSER_ONLY_LIBRARIES),
    ownSourceHasSideEffects(),
    // The files stay those of dist/ (a bundler that reads this build for its server side finds them).
    bundledFileUrls(BUNDLED_FILE_SETS, { outputDir: 'dist/node' }),
    nodeResolve({ exportConditions: ['node'], preferBuiltins: true }),
    commonjs({ strictRequires: false }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true, legalComments: 'eof' }),
  ],
};

/**
 * One build per worker of BUNDLED_FILE_SETS: dist/<distDir>/<file>, every dynamic import inlined,
 * so the file imports nothing. A host's bundler copies it as a plain file (named by its
 * `new URL(…, import.meta.url)`), often renamed and elsewhere, where imports of dist/chunks/ would
 * no longer resolve; and a bundle that re-bundles dist/ never needs to understand it.
 * @type {import('rollup').RollupOptions[]}
 */
export const workerBuilds = BUNDLED_FILE_SETS.flatMap((set) =>
  Object.entries(set.workers ?? {}).map(([source, file]) => ({
    input: source,
    output: { file: join('dist', set.distDir, file), format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins: browserBuild.plugins,
    onwarn: browserBuild.onwarn,
  })),
);
