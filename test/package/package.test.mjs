// The package as a host installs it: what npm ships, what a host's tsc and a server import need.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { builtinModules } from 'node:module';
import { promisify } from 'node:util';
import { HOST_COMPILER_OPTIONS, requireBuild, root, scratchDir, typeCheck } from './package-helpers.mjs';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Libraries dist/ bundles (or leaves out on the server): a host must never need them installed. */
const BUNDLED = ['pixi.js', 'pdfjs-dist', 'cornerstone-core', 'dicom-parser', '@lit/context', 'rbush', 'fast-png', '@types/rbush'];

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The package name of a bare specifier (`@scope/name/x.js` → `@scope/name`), or null for a relative one. */
function packageOf(specifier) {
  if (/^[./]|[:${}\s]/.test(specifier) || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

before(requireBuild);

describe('the published package', () => {
  it('ships the licence, the README and the docs, and every link in them resolves to a shipped file', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    const shipped = new Set(JSON.parse(stdout)[0].files.map((file) => file.path));
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'custom-elements.json',
      'docs/format.md',
      'docs/embedding.md',
      'examples/host-app/README.md',
      'dist/react.js',
      'dist/vue.d.ts',
      'dist/node/lk-image.js',
    ]) {
      assert.ok(shipped.has(file), `${file} is in the package`);
    }
    // The README, the docs, and the example host app's README that they point to (the example ships
    // so a team can copy it from node_modules as well as from the repository).
    const documents = [...shipped].filter(
      (file) => file === 'README.md' || ((file.startsWith('docs/') || file.startsWith('examples/')) && file.endsWith('.md')),
    );
    const broken = [];
    for (const document of documents) {
      const text = readFileSync(join(root, document), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const path = relative(root, resolve(root, dirname(document), target.split('#')[0]))
          .split(sep)
          .join('/');
        const isShippedDir = [...shipped].some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));
        if (!shipped.has(path) && !isShippedDir) broken.push(`${document}: ${target}`);
      }
      // The contract must be whole in what ships, not in a file only the repository has.
      if (/FORMAT\.md/.test(text))
        broken.push(`${document}: refers to FORMAT.md, which is not in the package (docs/format.md is the contract)`);
    }
    assert.deepEqual(broken, []);
  });

  it('depends on exactly what dist/ imports at run time, plus lit for the public types', () => {
    const imported = new Set();
    for (const file of filesUnder(join(root, 'dist')).filter((path) => path.endsWith('.js'))) {
      const text = readFileSync(file, 'utf8');
      // Static imports and re-exports at statement starts, and dynamic import() of a literal.
      const statements = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
      const dynamic = /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g;
      for (const [, specifier] of [...text.matchAll(statements), ...text.matchAll(dynamic)]) {
        const name = packageOf(specifier);
        if (name) imported.add(name);
      }
    }
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    assert.deepEqual(
      [...imported].filter((name) => !declared.has(name)),
      [],
      'every package dist/ imports is a dependency or peer',
    );
    // The public classes extend LitElement, so their declarations import lit (its code is bundled).
    const forTypes = new Set(['lit']);
    assert.deepEqual(
      Object.keys(pkg.dependencies ?? {}).filter((name) => !imported.has(name) && !forTypes.has(name)),
      [],
      'no dependency that dist/ never imports',
    );
    assert.deepEqual(
      BUNDLED.filter((name) => imported.has(name)),
      [],
      'dist/ imports none of the libraries it bundles',
    );
  });

  it("type-checks a host's use of every entry with none of the bundled libraries reachable", async () => {
    const dir = scratchDir('consumer-types');
    await writeFile(
      join(dir, 'host.ts'),
      [
        "import type { ExportRecord, LkChangeEvent, OntologyInput } from 'labelkit';",
        "import { LkImage } from 'labelkit/lk-image.js';",
        "import 'labelkit/lk-video.js';",
        "import 'labelkit/lk-pdf.js';",
        "import 'labelkit/lk-dicom.js';",
        "import 'labelkit/lk-text.js';",
        "import 'labelkit/panels.js';",
        "import 'labelkit/define.js';",
        "import { FORMAT_VERSION } from 'labelkit/format.js';",
        "import { LkImage as LkImageComponent } from 'labelkit/react.js';",
        "import type { LkImageProps } from 'labelkit/element-props';",
        "import type {} from 'labelkit/jsx-react';",
        "import type {} from 'labelkit/jsx-preact';",
        "import type {} from 'labelkit/vue';",
        '',
        "const element = document.createElement('lk-image');",
        'const isClass: LkImage = element;',
        "const ontology: OntologyInput = { tools: [{ schemaId: 't', tool: 'polygon', title: 'Road' }] };",
        'element.ontology = ontology;',
        "element.addEventListener('lk-change', (event: LkChangeEvent) => event.detail.objectIds);",
        'const record: ExportRecord = element.export();',
        "const props: LkImageProps = { ontology, 'asset-id': 'a', 'onlk-ready': (event) => event.detail.metadata };",
        'export { isClass, record, FORMAT_VERSION, LkImageComponent, props };',
        '',
      ].join('\n'),
    );
    const compilerOptions = { ...HOST_COMPILER_OPTIONS, listFiles: true };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['host.ts'] }));
    const { code, output } = await typeCheck(join(dir, 'tsconfig.json'));
    const loaded = output.split('\n').filter((line) => line.includes(`${sep}node_modules${sep}`));
    assert.equal(
      code,
      0,
      `tsc reported errors:\n${output
        .split('\n')
        .filter((line) => line.includes('error'))
        .join('\n')}`,
    );
    const fromBundled = loaded.filter((file) => BUNDLED.some((name) => file.includes(`${sep}node_modules${sep}${name}${sep}`)));
    assert.deepEqual(fromBundled, [], "the host's tsc needs no bundled library's types");
  });

  it('imports every entry on a server (Node, no DOM) without throwing, and registers nothing', async () => {
    const entries = Object.keys(pkg.exports).filter((key) => key.endsWith('.js') || key === '.');
    const specifiers = entries.map((key) => (key === '.' ? 'labelkit' : `labelkit/${key.slice(2)}`));
    const script = [
      `for (const specifier of ${JSON.stringify(specifiers.filter((name) => name !== 'labelkit/react.js'))}) await import(specifier);`,
      "const { LkImage } = await import('labelkit');",
      'if (typeof LkImage !== "function") throw new Error("LkImage is not a class on the server");',
      "if (globalThis.customElements?.get('lk-image')) throw new Error('lk-image was registered on the server');",
      "console.log('server imports ok');",
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    assert.match(stdout, /server imports ok/);
  });

  it('runs the server build on the Node versions package.json "engines" allows', () => {
    const minimum = /^>=(\d+)\.(\d+)/.exec(pkg.engines.node);
    assert.ok(minimum, 'engines.node is a lower bound');
    const [major, minor] = process.versions.node.split('.').map(Number);
    assert.ok(
      major > Number(minimum[1]) || (major === Number(minimum[1]) && minor >= Number(minimum[2])),
      `this Node (${process.versions.node}) is within engines`,
    );
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      const { engines } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
      if (!engines?.node) continue;
      const needs = /(\d+)\.(\d+)/.exec(engines.node);
      assert.ok(
        !needs ||
          Number(needs[1]) < Number(minimum[1]) ||
          (Number(needs[1]) === Number(minimum[1]) && Number(needs[2]) <= Number(minimum[2])),
        `${name} needs Node ${engines.node}, beyond engines ${pkg.engines.node}`,
      );
    }
    assert.ok(statSync(join(root, 'dist', 'node', 'index.js')).isFile());
  });
});
