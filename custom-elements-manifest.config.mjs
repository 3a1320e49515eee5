// `npm run analyze` (cem analyze) writes custom-elements.json at the repository root from
// the elements' JSDoc (@event, @slot, @csspart, @cssproperty, @cssstate).
import { readFileSync } from 'node:fs';

export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite package.json.
  packagejson: false,
  // The glob walk order follows the file system; sort it so the manifest is byte-identical on
  // every machine (the test step compares it with the committed file).
  overrideModuleCreation({ ts, globs }) {
    return [...globs]
      .sort()
      .map((path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2015, true));
  },
};
