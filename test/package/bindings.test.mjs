// The framework bindings npm run build writes from custom-elements.json (scripts/bindings.mjs):
// their types catch what a host gets wrong, and the React wrappers pass properties and events
// through a real React 19 in Chromium.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { eventPropName } from '../../scripts/bindings.mjs';
import { HOST_COMPILER_OPTIONS, requireBuild, root, scratchDir, startPageServer, typeCheck } from './package-helpers.mjs';

const compilerOptions = HOST_COMPILER_OPTIONS;

/** Type-checks `files` ({ name: source }) in a scratch project; every `@ts-expect-error` must hold. */
async function expectTypeChecks(name, files, options = {}, { vue = false } = {}) {
  const dir = scratchDir(name);
  for (const [file, source] of Object.entries(files)) await writeFile(join(dir, file), source);
  const tsconfig = {
    compilerOptions: { ...compilerOptions, ...options },
    files: Object.keys(files),
    vueCompilerOptions: { strictTemplates: true },
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const { code, output } = await typeCheck(join(dir, 'tsconfig.json'), { vue });
  assert.equal(code, 0, output);
}

const ONTOLOGY = "{ tools: [{ schemaId: 't-car', tool: 'bounding-box', title: 'Car' }] }";

before(requireBuild);

describe('framework bindings', () => {
  it('names event props the way @lit/react and Vue do', () => {
    assert.equal(eventPropName('lk-change'), 'onLkChange');
    assert.equal(eventPropName('lk-ready'), 'onLkReady');
    assert.equal(eventPropName('close'), 'onClose');
  });

  it('types the React wrappers: properties as props, typed onLk… event props, wrong values refused', async () => {
    await expectTypeChecks(
      'bindings-react',
      {
        'host.tsx': `import { LkImage, LkVideo } from 'labelkit/react.js';
export const ok = <LkImage src="/a.jpg" assetId="a" mode="review" ontology={${ONTOLOGY}} onLkChange={(event) => event.detail.objectIds.join()} onLkError={(event) => event.detail.code} />;
export const video = <LkVideo onLkSelect={(event) => event.detail.previous.length} />;
// @ts-expect-error 'laser' is not a tool type
export const badTool = <LkImage ontology={{ tools: [{ schemaId: 'x', tool: 'laser', title: 'X' }] }} />;
// @ts-expect-error modes are annotate, review and view
export const badMode = <LkImage mode="edit" />;
// @ts-expect-error lk-change's detail has no "record"
export const badEvent = <LkImage onLkChange={(event) => event.detail.record} />;
`,
      },
      { jsx: 'react-jsx' },
    );
  });

  it('types <lk-image> in React 19 JSX and in Preact JSX', async () => {
    const body = (pragma) => `${pragma}
import 'labelkit/lk-image.js';
export const ok = <lk-image src="/a.jpg" asset-id="a" mode="view" ontology={${ONTOLOGY}} onlk-submit={(event) => event.detail.record.task.tools.length} />;
// @ts-expect-error modes are annotate, review and view
export const badMode = <lk-image mode="edit" />;
// @ts-expect-error lk-ready's detail has no "record"
export const badEvent = <lk-image onlk-ready={(event) => event.detail.record} />;
`;
    await expectTypeChecks('bindings-jsx-react', { 'host.tsx': body("import type {} from 'labelkit/jsx-react';") }, { jsx: 'react-jsx' });
    await expectTypeChecks(
      'bindings-jsx-preact',
      { 'host.tsx': body("import type {} from 'labelkit/jsx-preact';") },
      { jsx: 'react-jsx', jsxImportSource: 'preact' },
    );
  });

  it('types <lk-image> in Vue templates under strictTemplates', async () => {
    await expectTypeChecks(
      'bindings-vue',
      {
        'Host.vue': `<script setup lang="ts">
import 'labelkit/lk-image.js';
import type {} from 'labelkit/vue';
import type { OntologyInput } from 'labelkit';
const ontology: OntologyInput = ${ONTOLOGY};
</script>
<template>
  <lk-image src="/a.jpg" asset-id="a" mode="review" :ontology="ontology" @lk-change="(event) => event.detail.objectIds" />
  <!-- @vue-expect-error modes are annotate, review and view -->
  <lk-image mode="edit" />
  <!-- @vue-expect-error lk-ready's detail has no "record" -->
  <lk-image @lk-ready="(event) => event.detail.record" />
</template>
`,
      },
      { jsx: 'preserve' },
      { vue: true },
    );
  });

  describe('the React wrappers in React 19 in Chromium', () => {
    let host;

    before(async () => {
      const dir = scratchDir('bindings-react-runtime');
      await writeFile(
        join(dir, 'entry.jsx'),
        `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { LkImage } from 'labelkit/react.js';
window.lkSeen = { ready: null, errors: [] };
const show = (ontology) => root.render(createElement(LkImage, {
  id: 'labeler', src: '/bucket/img.jpg', assetId: 'img-42', ontology,
  onLkReady: (event) => { window.lkSeen.ready = event.detail; },
  onLkError: (event) => { window.lkSeen.errors.push(event.detail.code); },
}));
const root = createRoot(document.getElementById('root'));
window.show = show;
show(${ONTOLOGY});
`,
      );
      const bundle = await build({
        entryPoints: [join(dir, 'entry.jsx')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        outdir: dir,
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      });
      const script = bundle.outputFiles.find((file) => file.path.endsWith('.js')).text;
      const image = await readFile(join(root, 'test/fixtures/image/bottles-frame.jpg'));
      host = await startPageServer((url, request, send) => {
        if (request.url === '/')
          return send(200, '<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>', 'text/html');
        if (request.url === '/app.js') return send(200, script, 'text/javascript');
        if (request.url === '/bucket/img.jpg') return send(200, image, 'image/jpeg');
        return send(404, '', 'text/plain');
      });
    });

    after(() => host?.close());

    it('sets the ontology as a property and calls onLkReady and onLkError with the typed details', async () => {
      const { page, pageErrors } = await host.newPage();
      await page.goto(`${host.origin}/`);
      await page.waitForFunction(() => window.lkSeen?.ready || window.lkSeen?.errors.length, null, { timeout: 20_000 });
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(await page.evaluate(() => window.lkSeen), { ready: { metadata: { width: 640, height: 360 } }, errors: [] });
      const ontologyTitle = await page.evaluate(() => document.getElementById('labeler').ontology.tools[0].title);
      assert.equal(ontologyTitle, 'Car', 'the ontology reached the element as an object, not an attribute string');
      // A new ontology prop that is invalid: the element keeps the old one and says why, through onLkError.
      await page.evaluate(() => window.show({ tools: [{ schemaId: 'x', tool: 'laser', title: 'X' }] }));
      await page.waitForFunction(() => window.lkSeen.errors.length > 0, null, { timeout: 10_000 });
      assert.deepEqual(await page.evaluate(() => window.lkSeen.errors), ['ontology-invalid']);
      await page.close();
    });
  });
});
