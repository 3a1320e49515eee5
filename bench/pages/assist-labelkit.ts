/**
 * Assisted labeling (docs/assisted-labeling.md) on `<lk-image>`: what the host model's round trips
 * cost the main thread on a 4000×3000 picture: copying the picture for the hook, reading the answers
 * through the import codecs, drawing suggestions and drafts, writing accepted objects (the model and
 * the steps are in assist-common.ts).
 */
import '../../src/elements/lk-image/define.js';
import type { Ontology } from '../../src/index.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { AssistPrediction } from '../../src/assist/types.js';
import { assistBench, until, type ToolForBench } from './assist-common.js';
import { lkImageReady, octagon, shapes, syntheticImage } from './common.js';

const ontology: Ontology = {
  tools: [
    { schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935' },
    { schemaId: 't-poly', tool: 'polygon', title: 'Outline', color: '#43a047' },
  ],
};

let element: LkImage;

const { assist, layer, steps } = assistBench({
  element: () => element,
  tool: () => (element as unknown as { surface: { activeTool: ToolForBench } }).surface.activeTool,
  predictions: (count): AssistPrediction[] =>
    shapes(count, count % 2 ? 'polygon' : 'box').map((s, i) =>
      i % 2
        ? { schemaId: 't-poly', geometry: { polygon: octagon(s) }, score: 0.5 + ((i * 37) % 50) / 100 }
        : { schemaId: 't-box', geometry: { 'bounding-box': { x: s.x, y: s.y, width: s.w, height: s.h } }, score: 0.5 + ((i * 37) % 50) / 100 },
    ),
  prompts: { from: { x: 1000, y: 1500 }, step: 150, radius: 300 },
});

window.bench = {
  async load() {
    const src = await syntheticImage();
    const start = performance.now();
    element = await lkImageReady(src, (created) => {
      created.ontology = ontology;
      created.assist = assist;
    });
    await element.settled();
    await until(() => Boolean(layer()?.shadowRoot?.querySelector('.detect')));
    return { loadMs: performance.now() - start };
  },
  ...steps,
};
