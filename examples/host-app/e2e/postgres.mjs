// A throwaway Postgres for the end-to-end test: Debian's `postgresql` binaries, a new cluster in a
// temp folder, listening on a free loopback port, removed afterwards. Nothing of the machine's
// own clusters or services is touched. As root, the cluster runs as the `postgres` user
// (initdb refuses root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder with initdb and pg_ctl (PG_BIN, else the newest under /usr/lib/postgresql), or null. */
export function postgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  const found = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const uid = Number(found.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (found.status !== 0 || !Number.isInteger(uid)) throw new Error('running as root needs the `postgres` user that Debian’s postgresql package creates');
  return { uid, gid };
}

/** Starts a cluster; resolves with its URL and a `stop()` that shuts it down and deletes it. */
export async function startPostgres(bin) {
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'labelkit-example-pg-'));
  const data = join(folder, 'data');
  const command = (tool, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const run = (tool, args) => execFileSync(...command(tool, args), { stdio: 'pipe', encoding: 'utf8', cwd: folder });
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(folder, uid, gid);
    chmodSync(folder, 0o700);
  }
  const port = await freePort();
  let started = false;
  try {
    run('initdb', ['-D', data, '-U', 'labelkit', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', data, '-w', '-l', join(folder, 'log'), '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    started = true;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`could not start Postgres from ${bin}: ${error.stderr || error.message}`, { cause: error });
  }
  return {
    url: `postgres://labelkit@127.0.0.1:${port}/postgres`,
    stop() {
      if (started) spawnSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore', cwd: folder });
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
