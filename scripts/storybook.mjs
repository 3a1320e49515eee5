// `npm start` / `npm run build:storybook`: Storybook with telemetry off, on any OS (no shell env syntax).
//   node scripts/storybook.mjs dev     -> storybook dev -p 6006 --no-open
//   node scripts/storybook.mjs build   -> storybook build -o storybook-static
// Extra arguments are passed through (e.g. `npm start -- -p 7007`).
import { spawn } from 'node:child_process';
import { binPath } from './run-tool.mjs';

const commands = {
  dev: ['dev', '-p', '6006', '--no-open'],
  build: ['build', '-o', 'storybook-static', '--quiet'],
};

const [mode = 'dev', ...extra] = process.argv.slice(2);
const args = commands[mode];
if (!args) {
  console.error(`unknown mode "${mode}": use dev or build`);
  process.exit(1);
}

const child = spawn(process.execPath, [binPath('storybook'), ...args, ...extra], {
  stdio: 'inherit',
  env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
