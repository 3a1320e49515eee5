// `npm run analyze` (cem analyze) writes custom-elements.json at the repository root from
// the elements' JSDoc (@event, @slot, @csspart, @cssproperty, @cssstate).
import { readFileSync } from 'node:fs';

export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  // src/elements/compare: the compare panel is rendered by the elements themselves from the lazy
  // compare chunk (docs/review.md), never placed by hosts: no package entry exports it, so it has
  // no API page and no framework binding (scripts/bindings.mjs would import it from panels.js).
  // src/elements/panels/issues likewise: the issues panel and pins come with the lazy issues chunk
  // an element loads when it shows review issues (docs/review.md).
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts', 'src/elements/compare/**', 'src/elements/panels/issues/**'],
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
  plugins: [onlyDocumentedEvents()],
};

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` and names them after
 * the argument (`detail`, or nothing for an object literal). Every real event is documented with
 * `@event` and a description; the undescribed guesses are dropped so the manifest lists only events a host can listen to.
 */
function onlyDocumentedEvents() {
  return {
    name: 'labelkit-only-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => Boolean(event.name && event.description));
        }
      }
    },
  };
}
