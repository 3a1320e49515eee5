import OpenSeadragon from 'openseadragon';
import { createOSDAnnotator } from '@annotorious/openseadragon';
import '@annotorious/openseadragon/annotorious-openseadragon.css';
import { nextFrame } from './common.js';
import { GRID_INFO, GRID_SIZE, STAGE, panZoomStep, sweepStep, type AssetView, type TileViewer } from './tiles-common.js';

// Annotorious on OpenSeadragon, the usual pairing for labelling gigapixel images, on the same tiles.
let viewer: OpenSeadragon.Viewer;

function show(view: AssetView): void {
  // OpenSeadragon's viewport coordinates are fractions of the image's width.
  const height = (view.width * STAGE.height) / STAGE.width;
  viewer.viewport.fitBounds(new OpenSeadragon.Rect(view.x / GRID_SIZE, view.y / GRID_SIZE, view.width / GRID_SIZE, height / GRID_SIZE), true);
}

/** Resolves when the image has every tile the view needs (OpenSeadragon's fully-loaded flag). */
function fullyLoaded(): Promise<void> {
  const item = viewer.world.getItemAt(0);
  return new Promise((resolve) => {
    const check = () => {
      if (item.getFullyLoaded()) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

const tileViewer: TileViewer = {
  show,
  async settled() {
    await nextFrame();
    await fullyLoaded();
  },
  held: () => ({ tilesHeld: (viewer as unknown as { tileCache: { numTilesLoaded(): number } }).tileCache.numTilesLoaded() }),
};

window.bench = {
  async load() {
    const start = performance.now();
    const stage = document.createElement('div');
    stage.style.cssText = `width: ${STAGE.width}px; height: ${STAGE.height}px`;
    document.body.append(stage);
    let firstTile!: () => void;
    const loaded = new Promise<void>((resolve) => (firstTile = resolve));
    // The canvas drawer: labelkit too draws with Canvas2D where WebGL is software (the bench's SwiftShader).
    viewer = OpenSeadragon({ element: stage, tileSources: GRID_INFO, showNavigationControl: false, animationTime: 0, drawer: 'canvas' });
    // 'tile-drawn' is fired by the canvas drawer only: the first tile loaded, then the frames that draw it.
    viewer.addOnceHandler('tile-loaded', () => firstTile());
    createOSDAnnotator(viewer);
    await loaded;
    await nextFrame();
    await nextFrame();
    const firstTilesMs = performance.now() - start;
    await fullyLoaded();
    return { firstTilesMs, viewLoadedMs: performance.now() - start };
  },
  panZoom: () => panZoomStep(tileViewer),
  sweep: (params) => sweepStep(tileViewer, params),
};
