// `npm run build`: bundle (rollup.config.mjs) into dist/ and its server build into dist/node/,
// ship the files it loads at run time next to it (scripts/bundled-files.mjs: the pdf.js worker
// and data copied, the DICOM decode worker built as one file, the codecs' .wasm copied), emit declarations into dist/types/,
// regenerate custom-elements.json and write the framework bindings from it (scripts/bindings.mjs).
// `--skip-manifest` leaves custom-elements.json alone (the test step checks it separately).
import { cp, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import rollupConfig, { BUNDLED_FILE_SETS, serverBuild, workerBuilds } from '../rollup.config.mjs';
import { writeBindings } from './bindings.mjs';
import { pdfjsDataFilesProblem } from './pdfjs-assets.mjs';
import { binPath, runNodeScript } from './run-tool.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const skipManifest = process.argv.includes('--skip-manifest');

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

async function bundle(config = rollupConfig) {
  const build = await rollup(config);
  try {
    const { output } = await build.write(config.output);
    return output;
  } finally {
    await build.close();
  }
}

/** The files the page loads at run time (the pdf.js worker and data…) next to the bundle. */
async function copyBundledFiles() {
  for (const { packageName, distDir, assets = {} } of BUNDLED_FILE_SETS) {
    for (const [from, to] of Object.entries(assets)) {
      await cp(join(root, 'node_modules', packageName, from), join(dist, distDir, to), { recursive: true });
    }
  }
}

/** Every entry the bundle produced must be reachable through package.json "exports". */
async function checkExports(entryNames) {
  const { exports } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const keyFor = (name) => (name === 'index' ? '.' : `./${name}.js`);
  const missing = entryNames.filter((name) => !(keyFor(name) in exports));
  if (missing.length > 0) {
    fail(`package.json "exports" lacks ${missing.map(keyFor).join(', ')} (add them with their types)`);
  }
  for (const [key, target] of Object.entries(exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of files) {
      const exists = await stat(join(root, file)).then(() => true, () => false);
      if (!exists) console.warn(`note: export "${key}" points at ${file}, which this build did not produce`);
    }
  }
}

function sizeReport(output) {
  const entries = output.filter((item) => item.type === 'chunk' && item.isEntry);
  const chunks = output.filter((item) => item.type === 'chunk' && !item.isEntry);
  const gz = (code) => `${(gzipSync(code).length / 1024).toFixed(1)} kB gz`;
  const lines = entries.map((chunk) => `  ${chunk.fileName.padEnd(22)} ${gz(chunk.code)}`);
  const chunkBytes = chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
  lines.push(`  ${chunks.length} chunks in dist/chunks/, ${(chunkBytes / 1024).toFixed(1)} kB gz in all`);
  return lines.join('\n');
}

const started = Date.now();
// The page loads pdf.js data files by name from a generated table: it must list what pdfjs-dist ships.
const tableProblem = pdfjsDataFilesProblem();
if (tableProblem) fail(tableProblem);
await rm(dist, { recursive: true, force: true });

// Declarations (a full type-check) run in a second process while rollup bundles.
const declarations = runNodeScript(binPath('typescript', 'tsc'), ['-p', 'tsconfig.build.json'], { capture: true });

let output;
try {
  output = await bundle();
} catch (error) {
  await declarations;
  fail(`rollup: ${error.message}${error.id ? ` (${error.id})` : ''}`);
}
try {
  await bundle(serverBuild);
} catch (error) {
  await declarations;
  fail(`rollup (server build, dist/node/): ${error.message}${error.id ? ` (${error.id})` : ''}`);
}
for (const config of workerBuilds) {
  try {
    await bundle(config);
  } catch (error) {
    await declarations;
    fail(`rollup (worker ${config.input}): ${error.message}${error.id ? ` (${error.id})` : ''}`);
  }
}
await copyBundledFiles();

const tsc = await declarations;
if (tsc.code !== 0) {
  process.stderr.write(tsc.output);
  fail('tsc -p tsconfig.build.json reported errors (declarations in dist/types)');
}

if (!skipManifest) {
  const cem = await runNodeScript(binPath('@custom-elements-manifest/analyzer', 'cem'), ['analyze', '--quiet']);
  if (cem.code !== 0) fail('cem analyze failed (custom-elements.json)');
}

// From the manifest as it now is (regenerated above, or the committed one with --skip-manifest).
await writeBindings({ root, dist });

await checkExports(output.filter((item) => item.type === 'chunk' && item.isEntry).map((chunk) => chunk.name));

console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n${sizeReport(output)}`);
