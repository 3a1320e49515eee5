// `npm run example`: builds what the example needs and starts it on http://127.0.0.1:5180/.
//   1. labelkit's dist/ (npm run build), when it is missing or older than src/;
//   2. the page (vite build → examples/host-app/dist/);
//   3. the server (server/main.mjs; its environment variables are listed there).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { runNodeScript } from '../../scripts/run-tool.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestChange(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const builtEntry = join(root, 'dist', 'lk-image.js');
if (!existsSync(builtEntry) || statSync(builtEntry).mtimeMs < newestChange(join(root, 'src'))) {
  console.log('building labelkit (npm run build)…');
  const { code } = await runNodeScript(join(root, 'scripts', 'build.mjs'), ['--skip-manifest']);
  if (code !== 0) process.exit(code);
}

console.log('building the example page…');
await build({ configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)), logLevel: 'error' });

await import('./server/main.mjs');
