// Fails when the committed custom-elements.json differs from what `cem analyze` would write now.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STALE_MESSAGE = 'custom-elements.json is out of date: run npm run analyze';

/** True when custom-elements.json matches a fresh analysis (written the way the analyzer writes it). */
export async function manifestIsFresh() {
  const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  const expected = `${JSON.stringify(manifest, null, 2)}\n`;
  const committed = await readFile(join(root, 'custom-elements.json'), 'utf8').catch(() => null);
  return committed === expected;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await manifestIsFresh())) {
    console.error(STALE_MESSAGE);
    process.exit(1);
  }
  console.log('custom-elements.json is up to date');
}
