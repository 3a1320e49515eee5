import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { frameFloor, frameTimes, lkImageReady, nextFrame, octagon, repeatedChanges, shapes, syntheticImage } from './common.js';

/** Selections and additions timed one after another (the first is cold). */
const REPEATS = 10;

const ontology = {
  tools: [
    { schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935', shortcutKey: '1' },
    { schemaId: 't-poly', tool: 'polygon', title: 'Poly', color: '#43a047', shortcutKey: '2' },
  ],
  classifications: [],
  relations: [],
};

let element: LkImage;

/** How many shapes were loaded; the ids are s0 … s(count − 1). */
let count = 0;
/** The i-th shape to select: spread over the set. */
const pick = (i: number) => `s${(1 + i * 37) % count}`;

window.bench = {
  frameFloor: () => frameFloor(),
  async load(params) {
    count = Number(params.count);
    const kind = params.kind === 'polygon' ? 'polygon' : 'box';
    const src = await syntheticImage();
    const objects = shapes(count, kind).map((s) =>
      kind === 'box'
        ? { objectId: s.id, schemaId: 't-box', 'bounding-box': { x: s.x, y: s.y, width: s.w, height: s.h } }
        : { objectId: s.id, schemaId: 't-poly', polygon: octagon(s) },
    );
    const start = performance.now();
    element = await lkImageReady(src, (created) => {
      created.ontology = ontology;
      created.annotations = { objects };
    });
    await element.settled();
    await nextFrame();
    return { loadMs: performance.now() - start, drawn: element.renderedIds().length, renderer: (element as unknown as { surface: { rendererKind: string } }).surface.rendererKind };
  },
  async panZoom() {
    const surface = (element as unknown as { surface: { view: { scale: number; offsetX: number; offsetY: number }; setView(v: unknown): void } }).surface;
    const base = surface.view;
    return frameTimes(60, (i) => {
      const zoom = 1 + 0.5 * Math.sin(i / 10);
      surface.setView({ scale: base.scale * zoom, offsetX: base.offsetX - i * 4, offsetY: base.offsetY - i * 2 });
    });
  },
  select: () => repeatedChanges(REPEATS, (i) => element.session.select([pick(i)])),
  addOne: () =>
    repeatedChanges(REPEATS, (i) =>
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
  async exportAll() {
    const start = performance.now();
    const json = JSON.stringify(element.export());
    return { exportMs: performance.now() - start, bytes: json.length };
  },
};
