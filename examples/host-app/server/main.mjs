// Starts the example host on the built page (vite build first: `npm run example` does both).
//   HOST, PORT        where to listen (127.0.0.1:5180; PORT=0 picks a free port)
//   DATABASE_URL      Postgres (postgres://user@host/db); else SQLite in SQLITE_FILE
//   SQLITE_FILE       default examples/host-app/data/host-app.sqlite
//   URL_TTL_SECONDS   how long a signed media URL lives (300)
//   URL_SECRET        the signing key (hex); default: random per start
//   CLIENT_DIR        the built page (examples/host-app/dist)
// Prints `listening on http://HOST:PORT/` once it answers.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.mjs';
import { ONTOLOGIES, TASKS } from './seed.mjs';
import { openStore } from './store.mjs';

const exampleDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
const env = process.env;

// labelkit's files come from the package as installed, through its exports (here the repository
// itself: the example lives inside the package it shows).
const labelkitRoot = dirname(createRequire(import.meta.url).resolve('labelkit/package.json'));
const pdfjsDir = join(labelkitRoot, 'dist', 'pdfjs');
const clientDir = resolve(env.CLIENT_DIR ?? join(exampleDir, 'dist'));
for (const [what, dir, fix] of [
  ['labelkit’s build', pdfjsDir, 'npm run build'],
  ['the built page', join(clientDir, 'index.html'), 'npm run example'],
]) {
  if (!existsSync(dir)) {
    console.error(`${what} is missing (${dir}): run \`${fix}\` first`);
    process.exit(1);
  }
}

const store = await openStore({ databaseUrl: env.DATABASE_URL, sqliteFile: resolve(env.SQLITE_FILE ?? join(exampleDir, 'data', 'host-app.sqlite')) });
await store.prepare({ ontologies: ONTOLOGIES, tasks: TASKS });

const server = createApp({
  store,
  secret: env.URL_SECRET ? Buffer.from(env.URL_SECRET, 'hex') : randomBytes(32),
  urlTtlSeconds: Number(env.URL_TTL_SECONDS ?? 300),
  mediaDir: resolve(env.MEDIA_DIR ?? join(exampleDir, '..', '..', 'test', 'fixtures')),
  clientDir,
  pdfjsDir,
});

const host = env.HOST ?? '127.0.0.1';
server.listen(Number(env.PORT ?? 5180), host, () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`labelkit example host (${store.kind}) listening on http://${host}:${port}/`);
});

// Open keep-alive and media connections would hold close() up: end them too.
const stop = () => {
  server.close(() => void store.close().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
