// Runs a package's CLI with the current Node binary (no shell, no .bin shims: same on every OS).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Absolute path of an installed package's CLI (its package.json "bin"), found the way Node
 * finds packages; works for packages whose "exports" hide their bin files.
 */
export function binPath(packageName, binName = packageName) {
  for (const dir of require.resolve.paths(packageName) ?? []) {
    const manifestPath = join(dir, packageName, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const relativeBin = typeof bin === 'string' ? bin : bin?.[binName];
    if (!relativeBin) throw new Error(`${packageName} has no "${binName}" command`);
    return join(dir, packageName, relativeBin);
  }
  throw new Error(`${packageName} is not installed: run npm ci`);
}

/**
 * Runs `node <script> ...args`. With `capture`, output is collected and returned instead of
 * streamed (so parallel runs do not interleave); `onOutput` sees streamed chunks as well.
 * Resolves with the exit code and the captured text; never rejects for a non-zero exit.
 */
export function runNodeScript(script, args, { capture = false, env = {}, onOutput } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (stream) => (chunk) => {
      const text = chunk.toString();
      output += text;
      onOutput?.(text);
      if (!capture) stream.write(text);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
