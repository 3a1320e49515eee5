// What the stories need to run under the test runner as they do in Storybook (see
// test/stories/stories.test.ts): their sample assets at /assets/ (Storybook's staticDirs maps
// test/fixtures there) and JSON imported as a module (Vite does that). A JSON import gets its own
// URL (`?lk-json-module`), so a test that fetches the same file still gets JSON.

import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const MARK = 'lk-json-module';
const root = process.cwd();

/** Middleware: /assets/… is /test/fixtures/…, as in .storybook/main.ts. */
export function storyAssetsMiddleware(context, next) {
  if (context.url.startsWith('/assets/')) context.url = `/test/fixtures/${context.url.slice('/assets/'.length)}`;
  return next();
}

export const jsonModulesPlugin = {
  name: 'lk-json-modules',
  resolveImport({ source }) {
    return source.endsWith('.json') ? `${source}?${MARK}` : undefined;
  },
  async serve(context) {
    if (!context.URL.searchParams.has(MARK) || !context.path.endsWith('.json')) return undefined;
    const file = normalize(join(root, decodeURIComponent(context.path)));
    if (!file.startsWith(root)) return undefined;
    return { body: `export default ${await readFile(file, 'utf8')};`, type: 'js' };
  },
};
