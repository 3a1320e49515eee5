import '../../src/elements/lk-image/define.js';
import type { Ontology } from '../../src/index.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { lkImageReady, nextFrame } from './common.js';
import { GRID_INFO, STAGE, panZoomStep, sweepStep, type AssetView, type TileViewer } from './tiles-common.js';

const ontology: Ontology = { tools: [{ schemaId: 't-box', tool: 'bounding-box', title: 'Box', color: '#e53935', shortcutKey: '1' }], classifications: [], relations: [] };

let element: LkImage;
const surface = () => (element as unknown as { surface: { setView(v: { scale: number; offsetX: number; offsetY: number }): void } }).surface;

function show(view: AssetView): void {
  const scale = STAGE.width / view.width;
  surface().setView({ scale, offsetX: -view.x * scale, offsetY: -view.y * scale });
}

const viewer: TileViewer = {
  show,
  settled: () => element.tilesSettled(),
  held() {
    const stats = element.tileStats()!;
    return { tilesHeld: stats.tiles, textureMiB: Math.round(stats.bytes / 2 ** 20) };
  },
};

window.bench = {
  async load() {
    const start = performance.now();
    element = await lkImageReady(GRID_INFO, (created) => (created.ontology = ontology), STAGE);
    // lk-ready comes once the coarsest level is decoded; the next frame shows it.
    await nextFrame();
    const firstTilesMs = performance.now() - start;
    await element.tilesSettled();
    return { firstTilesMs, viewLoadedMs: performance.now() - start };
  },
  panZoom: () => panZoomStep(viewer),
  sweep: (params) => sweepStep(viewer, params),
};
