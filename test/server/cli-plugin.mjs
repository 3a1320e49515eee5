// The `labelkit` command as a user runs it, for the browser tests: bin/labelkit.mjs beside a
// dist/format.js bundled from src/ for browsers as rollup does (the package's layout after
// `npm run build`; in `npm test` the tests run before the build), run with node, no shell.
//
// Browser side: `executeServerCommand('labelkit-cli', { args })` from @web/test-runner-commands.
// `args` are the command's arguments; paths are relative to the repository; the text `{out}` in
// an argument is a fresh temporary folder. Answers { code, stdout, stderr, files } where `files`
// holds the text of every file the command wrote under `{out}`, by relative path.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let packageDir;

/** bin/ and dist/format.js in a temporary package folder, built once per test run. */
async function packaged() {
  if (packageDir) return packageDir;
  const dir = mkdtempSync(join(tmpdir(), 'labelkit-cli-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'bin', 'labelkit.mjs'), join(dir, 'bin', 'labelkit.mjs'));
  await build({ entryPoints: [join(root, 'src', 'format', 'index.ts')], outfile: join(dir, 'dist', 'format.js'), bundle: true, format: 'esm', platform: 'browser', target: 'es2022', tsconfig: join(root, 'tsconfig.json'), logLevel: 'error' });
  packageDir = dir;
  return dir;
}

function readTree(dir) {
  const files = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

export const cliPlugin = {
  name: 'lk-cli',
  async executeCommand({ command, payload }) {
    if (command !== 'labelkit-cli') return undefined;
    const args = payload?.args;
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new Error('labelkit-cli: args must be a list of strings');
    const bin = join(await packaged(), 'bin', 'labelkit.mjs');
    const out = mkdtempSync(join(tmpdir(), 'labelkit-out-'));
    try {
      const result = await new Promise((resolve) => {
        execFile(process.execPath, [bin, ...args.map((a) => a.split('{out}').join(out))], { cwd: root, timeout: 60_000, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.split(out).join('{out}') });
        });
      });
      return { ...result, files: readTree(out) };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
