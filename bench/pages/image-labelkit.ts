import '../../src/elements/lk-image/define.js';
import type { AnnotationsInput, Ontology } from '../../src/index.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { collectGarbage, frameFloor, frameTimes, lkImageReady, longestTask, nextFrame, octagon, repeatedChanges, shapes, syntheticImage } from './common.js';
import { DENSE_ONTOLOGY, denseRecord } from '../../test/generators/dense-record.js';

/** Selections and additions timed one after another (the first is cold). */
const REPEATS = 10;

const ontology: Ontology = {
  tools: [
    { schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935', shortcutKey: '1' },
    { schemaId: 't-poly', tool: 'polygon', title: 'Poly', color: '#43a047', shortcutKey: '2' },
  ],
  classifications: [],
  relations: [],
};

let element: LkImage;

/**
 * The element's own code that it loads with `import()` when first put on a page (pixi.js and the
 * surface), loaded before the timed load: Annotorious's page imports all of its code statically
 * before its timer starts, so both time the picture and its objects, not the library's download
 * and evaluation. Returns how long that took (reported, not in the load time).
 */
async function loadSurfaceCode(): Promise<number> {
  const start = performance.now();
  await import('../../src/canvas/surface.js');
  return performance.now() - start;
}

/** How many shapes were loaded; the ids are s0 … s(count − 1) (d0 … for the dense record). */
let count = 0;
let prefix = 's';
/** The i-th shape to select: spread over the set. */
const pick = (i: number) => `${prefix}${(1 + i * 37) % count}`;

/**
 * Dense labeling (issue #21): the generated Ango record (test/generators/dense-record.ts, 3 of 4
 * boxes, 1 of 4 hexagons, one per grid cell) as the host would pass it, with the documented path
 * for big records: `await importInSteps(record, { replace: true })` while the picture loads.
 * Times the picture (`lk-ready`), the import, and every object drawn (`settled()`), and the
 * longest main-thread task in the whole load and in the build after `lk-ready` and the import
 * (indexing and drawing, sliced).
 */
async function loadDense(): Promise<Record<string, unknown>> {
  prefix = 'd';
  const { record } = denseRecord(count);
  const src = await syntheticImage();
  const codeMs = await loadSurfaceCode();
  collectGarbage();
  await nextFrame();
  let readyMs = 0;
  let importMs = 0;
  let buildLongest = 0;
  const start = performance.now();
  const { longestTask: loadLongest } = await longestTask(async () => {
    element = document.createElement('lk-image') as LkImage;
    element.style.cssText = '--lk-height: 720px; width: 1280px; display: block';
    element.setAttribute('no-sidebar', '');
    element.ontology = DENSE_ONTOLOGY;
    // The picture may show before the import is done: timed when it does.
    const ready = new Promise<void>((resolve) =>
      element.addEventListener(
        'lk-ready',
        () => {
          readyMs = performance.now() - start;
          resolve();
        },
        { once: true },
      ),
    );
    element.src = src;
    document.body.append(element);
    await element.importInSteps(record as AnnotationsInput, { replace: true });
    importMs = performance.now() - start;
    await ready;
    buildLongest = (await longestTask(() => element.settled())).longestTask;
  });
  await nextFrame();
  return { loadMs: performance.now() - start, codeMs, readyMs, importMs, loadLongest, buildLongest, drawn: element.renderedIds().length };
}

window.bench = {
  frameFloor: () => frameFloor(),
  async load(params) {
    count = Number(params.count);
    if (params.kind === 'dense') return loadDense();
    const kind = params.kind === 'polygon' ? 'polygon' : 'box';
    const src = await syntheticImage();
    const objects = shapes(count, kind).map((s) =>
      kind === 'box'
        ? { objectId: s.id, schemaId: 't-box', 'bounding-box': { x: s.x, y: s.y, width: s.w, height: s.h } }
        : { objectId: s.id, schemaId: 't-poly', polygon: octagon(s) },
    );
    const codeMs = await loadSurfaceCode();
    collectGarbage();
    await nextFrame();
    const start = performance.now();
    element = await lkImageReady(src, (created) => {
      created.ontology = ontology;
      created.annotations = { objects };
    });
    await element.settled();
    await nextFrame();
    return { loadMs: performance.now() - start, codeMs, drawn: element.renderedIds().length, renderer: (element as unknown as { surface: { rendererKind: string } }).surface.rendererKind };
  },
  async panZoom(params) {
    const surface = (element as unknown as { surface: { view: { scale: number; offsetX: number; offsetY: number }; setView(v: unknown): void } }).surface;
    const base = surface.view;
    return frameTimes(Number(params.frames ?? 60), (i) => {
      const zoom = 1 + 0.5 * Math.sin(i / 10);
      surface.setView({ scale: base.scale * zoom, offsetX: base.offsetX - i * 4, offsetY: base.offsetY - i * 2 });
    });
  },
  select: (params) => repeatedChanges(Number(params.repeats ?? REPEATS), (i) => element.session.select([pick(i)])),
  addOne: (params) =>
    repeatedChanges(Number(params.repeats ?? REPEATS), (i) =>
      element.session.store.transact({ origin: 'user', reason: 'create' }, (tx) =>
        tx.putObject({
          objectId: `new-${i}`,
          schemaId: 't-box',
          keyframes: [{ frame: 0, geometry: { type: 'bounding-box', value: { x: 10 + i * 60, y: 10, width: 50, height: 50 } } }],
          classifications: [],
          metadata: { createdAt: '', createdBy: '', createdIn: '' },
        }),
      ),
    ),
  /**
   * `stepped` (the dense scenario): the record with `exportInSteps()`, then the JSON text with
   * `exportBlob()` (record and text, in steps), as a host saving 100,000 objects would; else
   * `export()` and `JSON.stringify`.
   */
  async exportAll(params) {
    await nextFrame();
    let exportMs = 0;
    let exportOnlyMs = 0;
    let bytes = 0;
    const { longestTask: longest } = await longestTask(async () => {
      if (params.stepped) {
        let start = performance.now();
        await element.exportInSteps();
        exportOnlyMs = performance.now() - start;
        start = performance.now();
        bytes = (await element.exportBlob()).size;
        exportMs = performance.now() - start;
        return;
      }
      const start = performance.now();
      const record = element.export();
      exportOnlyMs = performance.now() - start;
      bytes = JSON.stringify(record).length;
      exportMs = performance.now() - start;
    });
    return { exportMs, exportOnlyMs, bytes, longest };
  },
};
