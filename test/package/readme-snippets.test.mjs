// The README's embedding snippets, taken from README.md as they are, so they cannot rot: the TSX
// and Vue ones are type-checked against the built package (real @types/react 19, vue, vue-tsc
// with strictTemplates) and run in Chromium (each React component mounted by React 19, the Vue
// single-file component compiled by Vue's own compiler-sfc and mounted by Vue 3): the element
// reaches `lk-ready` and a submit reaches the snippet's handler; the plain-HTML one runs against
// dist/ with a real image and must reach `lk-ready` with the pre-labels loaded.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';
import { fencedBlocks, HOST_COMPILER_OPTIONS, requireBuild, root, scratchDir, startPageServer, typeCheck } from './package-helpers.mjs';

const blocks = fencedBlocks(join(root, 'README.md'));
const snippets = (lang) => blocks.filter((block) => block.lang === lang);

const compilerOptions = { ...HOST_COMPILER_OPTIONS, jsx: 'react-jsx' };

before(requireBuild);

describe('README snippets', () => {
  it('has the snippets a host copies: plain HTML, React (TSX) and Vue', () => {
    assert.equal(snippets('html').length, 1, 'one plain-HTML snippet');
    assert.ok(snippets('tsx').length >= 1, 'a React snippet');
    assert.equal(snippets('vue').length, 1, 'one Vue snippet');
  });

  it('type-checks every TSX snippet against the built types with @types/react 19', async () => {
    const dir = scratchDir('readme-tsx');
    const files = [];
    for (const [index, block] of snippets('tsx').entries()) {
      const file = `snippet-${index + 1}.tsx`;
      await writeFile(join(dir, file), `// README.md line ${block.line}\n${block.code}`);
      files.push(file);
    }
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    const { code, output } = await typeCheck(join(dir, 'tsconfig.json'));
    assert.equal(code, 0, `tsc reported errors in the README's TSX snippets:\n${output}`);
  });

  it('type-checks the Vue snippet with vue-tsc and strictTemplates', async () => {
    const dir = scratchDir('readme-vue');
    const [block] = snippets('vue');
    await writeFile(join(dir, 'Labeler.vue'), block.code);
    const tsconfig = {
      compilerOptions: { ...compilerOptions, jsx: 'preserve' },
      files: ['Labeler.vue'],
      vueCompilerOptions: { strictTemplates: true },
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const { code, output } = await typeCheck(join(dir, 'tsconfig.json'), { vue: true });
    assert.equal(code, 0, `vue-tsc reported errors in the README's Vue snippet:\n${output}`);
  });

  describe('the plain-HTML snippet in Chromium', () => {
    let host;
    const requests = [];

    before(async () => {
      const [page] = snippets('html');
      const image = await readFile(join(root, 'test/fixtures/image/bottles-frame.jpg'));
      const ontology = await readFile(join(root, 'test/fixtures/format/ontology.all-types.json'));
      const prelabels = await readFile(join(root, 'test/fixtures/format/import.ango-image.json'));
      const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
      host = await startPageServer(async (url, request, send) => {
        requests.push(`${request.method} ${url.pathname}`);
        if (url.pathname === '/') return send(200, `<!doctype html><meta charset="utf-8"><body>\n${page.code}</body>`, 'text/html');
        if (url.pathname === '/api/projects/7/ontology') return send(200, ontology, 'application/json');
        if (url.pathname === '/api/assets/img-42/annotations' && request.method === 'GET') return send(200, prelabels, 'application/json');
        if (url.pathname === '/api/assets/img-42/signed-url')
          return send(200, `${url.origin}/bucket/img-42.jpg?X-Amz-Signature=0123abcd&X-Amz-Expires=600`, 'text/plain');
        if (url.pathname === '/bucket/img-42.jpg') return send(200, image, 'image/jpeg');
        if (url.pathname.startsWith('/node_modules/labelkit/dist/')) {
          const file = join(root, 'dist', url.pathname.slice('/node_modules/labelkit/dist/'.length));
          if (!file.startsWith(join(root, 'dist'))) return send(403, '', 'text/plain');
          try {
            return send(200, await readFile(file), types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
          } catch {
            return send(404, '', 'text/plain');
          }
        }
        return send(404, '', 'text/plain');
      });
    });

    after(() => host?.close());

    it('loads the element from dist/, reaches lk-ready on the signed image and shows the pre-labels', async () => {
      const { page, pageErrors } = await host.newPage();
      // Recorded from the first script on: the events bubble and are composed, so document sees them.
      await page.addInitScript(() => {
        window.lkSeen = { ready: null, errors: [] };
        document.addEventListener('lk-ready', (event) => (window.lkSeen.ready = event.detail));
        document.addEventListener('lk-error', (event) => window.lkSeen.errors.push(`${event.detail.code}: ${event.detail.message}`));
      });
      await page.goto(`${host.origin}/`);
      await page.waitForFunction(
        () => window.lkSeen.ready !== null || window.lkSeen.errors.length > 0 || document.body.dataset.failed,
        null,
        { timeout: 20_000 },
      );
      const seen = await page.evaluate(() => window.lkSeen);
      assert.deepEqual(pageErrors, [], 'the snippet threw');
      assert.deepEqual(seen.errors, [], 'the element reported lk-error');
      assert.deepEqual(seen.ready.metadata, { width: 640, height: 360 });
      const exported = await page.evaluate(() => document.getElementById('labeler').export());
      assert.ok(exported.task.tools.length > 0, 'the pre-labels from /api/assets/img-42/annotations are on the element');
      assert.equal(exported.asset.includes('X-Amz-Signature'), false, 'the signed URL is not exported');
      assert.ok(requests.includes('GET /bucket/img-42.jpg'), 'the image came from the signed URL');
      await page.close();
    });
  });
});

/**
 * Bundles `entry` (with the snippet's component beside it) for the browser, serves it with the
 * real photograph at /bucket/img.jpg, and says what the page saw: lk-ready's detail, lk-error
 * codes, the record the snippet's submit handler got after the element's submit(), page errors.
 */
async function runComponent(dir, entry) {
  const bundle = await build({
    entryPoints: [join(dir, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outdir: dir,
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles.find((file) => file.path.endsWith('.js')).text;
  const image = await readFile(join(root, 'test/fixtures/image/bottles-frame.jpg'));
  const host = await startPageServer((url, request, send) => {
    if (url.pathname === '/')
      return send(200, '<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>', 'text/html');
    if (url.pathname === '/app.js') return send(200, script, 'text/javascript');
    if (url.pathname === '/bucket/img.jpg') return send(200, image, 'image/jpeg');
    return send(404, '', 'text/plain');
  });
  try {
    const { page, pageErrors } = await host.newPage();
    await page.goto(`${host.origin}/`);
    await page.waitForFunction(() => window.lkSeen.ready !== null || window.lkSeen.errors.length > 0, null, { timeout: 20_000 });
    await page.evaluate(() => document.querySelector('lk-image').submit());
    await page.waitForFunction(() => window.lkSeen.submitted !== null || window.lkSeen.errors.length > 0, null, { timeout: 10_000 });
    return { ...(await page.evaluate(() => window.lkSeen)), pageErrors };
  } finally {
    await host.close();
  }
}

/** What every entry records, from the first script on (the events bubble and are composed). */
const RECORDER = `window.lkSeen = { ready: null, errors: [], submitted: null };
document.addEventListener('lk-ready', (event) => (window.lkSeen.ready = event.detail));
document.addEventListener('lk-error', (event) => window.lkSeen.errors.push(event.detail.code));
const ontology = { tools: [{ schemaId: 't-car', tool: 'bounding-box', title: 'Car' }] };
const onSubmit = (record) => (window.lkSeen.submitted = { assetId: record.assetId, formatVersion: record.task.formatVersion });
`;

function assertRan(seen) {
  assert.deepEqual(seen.pageErrors, [], 'the snippet threw');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.ready, { metadata: { width: 640, height: 360 } });
  assert.deepEqual(seen.submitted, { assetId: 'img-42', formatVersion: 2 }, "the submit reached the snippet's handler");
}

describe('the React and Vue snippets in Chromium', () => {
  for (const [index, block] of snippets('tsx').entries()) {
    it(`React 19 mounts the TSX snippet of README.md line ${block.line}: lk-ready, and a submit reaches onSubmit`, async () => {
      const dir = scratchDir(`readme-tsx-run-${index + 1}`);
      await writeFile(join(dir, 'Labeler.tsx'), block.code);
      await writeFile(
        join(dir, 'entry.tsx'),
        `import { createRoot } from 'react-dom/client';
import { Labeler } from './Labeler';
${RECORDER}
createRoot(document.getElementById('root')!).render(<Labeler url="/bucket/img.jpg" ontology={ontology} onSubmit={onSubmit} />);
`,
      );
      assertRan(await runComponent(dir, 'entry.tsx'));
    });
  }

  it('Vue 3 compiles and mounts the Vue snippet: lk-ready, and a submit reaches its submit event', async () => {
    const dir = scratchDir('readme-vue-run');
    const [block] = snippets('vue');
    const { descriptor } = parse(block.code, { filename: 'Labeler.vue' });
    // As a Vue app configures it: lk-* tags are custom elements, not Vue components.
    const compiled = compileScript(descriptor, {
      id: 'readme-labeler',
      inlineTemplate: true,
      templateOptions: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('lk-') } },
    });
    await writeFile(join(dir, 'Labeler.ts'), compiled.content);
    await writeFile(
      join(dir, 'entry.ts'),
      `import { createApp, h } from 'vue';
import Labeler from './Labeler';
${RECORDER}
createApp({ render: () => h(Labeler, { url: '/bucket/img.jpg', ontology, onSubmit }) }).mount('#root');
`,
    );
    assertRan(await runComponent(dir, 'entry.ts'));
  });
});
