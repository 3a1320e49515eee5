// Runs the example server (server/main.mjs) as its own process, as `npm run example` does, and
// waits for the line that says where it listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../server/main.mjs', import.meta.url));

/** @param {Record<string, string>} env  e.g. SQLITE_FILE or DATABASE_URL, CLIENT_DIR, URL_TTL_SECONDS */
export function startHost(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const listening = /listening on (http:\/\/[^\s]+?)\/?$/m.exec(output);
      if (!listening) return;
      child.stdout.off('data', onData);
      resolve({
        origin: listening[1],
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const late = setTimeout(() => {
            output += '\n(no exit 5 s after SIGTERM: killed)';
            child.kill('SIGKILL');
          }, 5000);
          await exited;
          clearTimeout(late);
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
    });
    exited.then((code) => reject(new Error(`the example server exited (${code}) before listening:\n${output}`)));
  });
}
