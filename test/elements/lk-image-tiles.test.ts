/**
 * `<lk-image>` on tiled sources (IIIF Image API 3 info.json, Deep Zoom .dzi) served by the test
 * server's tile middleware (scripts/tiled-images.mjs: a 40,000 × 40,000 grid whose colour says where
 * it is, and the bundled photo ×5 also served whole). What is checked is what a host sees: export
 * JSON, lk-error, the pixels on the canvas, and the server's request log.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ResolveUrlRequest } from '../../src/host/asset-loader.js';
import type { ViewportState } from '../../src/canvas/viewport.js';
import { clearRequestLog, servedRequests } from '../server/signed-assets-client.js';
import { ONTOLOGY_URL, canvasOf, drag, fetchJson, frames, nextEvent, pagePoint, pixelAt, press, recordEvents, resetMouse } from './helpers.js';

const TILES = '/__lk-tiles/';
const GRID_IIIF = `${TILES}iiif/grid/info.json`;
const GRID_DZI = `${TILES}dzi/grid.dzi`;
const PHOTO_WHOLE = `${TILES}whole/photo.jpg`;
const PHOTO_IIIF = `${TILES}iiif/photo/info.json`;
const PHOTO_DZI = `${TILES}dzi/photo.dzi`;
/** The photo with its full-size tile at column 1, row 1 answering 403. */
const PHOTO_403_IIIF = `${TILES}iiif/photo-403/info.json`;
const IIIF_TILE = 512;
const DZI_TILE = 510;

type Box = { x: number; y: number; width: number; height: number };

interface Hooks {
  fetched: string[];
  resolved: ResolveUrlRequest[];
  fetchAsset: LkImage['fetchAsset'];
  resolveUrl: LkImage['resolveUrl'];
}

/** Host hooks that record every call and fetch as the browser would. */
function recordingHooks(): Hooks {
  const fetched: string[] = [];
  const resolved: ResolveUrlRequest[] = [];
  return {
    fetched,
    resolved,
    fetchAsset: (url, init) => {
      fetched.push(url);
      return fetch(url, init);
    },
    resolveUrl: (request) => {
      resolved.push(request);
      return '';
    },
  };
}

let ontology: unknown;
before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});
afterEach(() => resetMouse());

async function mount(src: string, options: { hooks?: Hooks; cache?: number; renderer?: 'auto' | 'webgl' | 'canvas' } = {}): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image
      style="--lk-height: 640px; width: 1000px"
      asset-id="a-tiles"
      tile-cache-size=${options.cache ?? 256}
      renderer=${options.renderer ?? 'auto'}
      .ontology=${ontology}
      .fetchAsset=${options.hooks?.fetchAsset}
      .resolveUrl=${options.hooks?.resolveUrl}
    ></lk-image>
  `);
  // The test server makes each tile when asked: a busy machine may take a while.
  const ready = nextEvent(element, 'lk-ready', 60000);
  element.src = src;
  await ready;
  await element.tilesSettled();
  element.focus();
  return element;
}

const surfaceOf = (element: LkImage) => (element as unknown as { surface: { setView(view: ViewportState): void } }).surface;

async function showView(element: LkImage, view: ViewportState): Promise<void> {
  surfaceOf(element).setView(view);
  await element.tilesSettled();
}

/** The tile paths the server answered since the log was cleared (no query). */
async function tileRequests(): Promise<{ path: string; query: string; status: number }[]> {
  return (await servedRequests()).filter((entry) => entry.path.startsWith(TILES) && entry.path.endsWith('.jpg'));
}

/** IIIF tile paths → { scale, column, row } (from the canonical `x,y,w,h/w',h'` form). */
function iiifTile(path: string): { scale: number; column: number; row: number } {
  const [, x, y, w, sw] = /\/(\d+),(\d+),(\d+),\d+\/(\d+),\d+\/0\/default\.jpg$/.exec(path)!.map(Number) as number[];
  const scale = 2 ** Math.round(Math.log2(w! / sw!));
  return { scale, column: x! / (IIIF_TILE * scale), row: y! / (IIIF_TILE * scale) };
}

/** The grid cells (column, row) of a level that meet the asset box. */
function cellsCovering(box: Box, span: number, width: number, height: number): Set<string> {
  const cells = new Set<string>();
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.width);
  const y1 = Math.min(height, box.y + box.height);
  for (let row = Math.floor(y0 / span); row * span < y1; row++) for (let column = Math.floor(x0 / span); column * span < x1; column++) cells.add(`${column},${row}`);
  return cells;
}

/** The `column,row` of each IIIF tile served, sorted. */
function cellsOf(served: { path: string }[]): string[] {
  return served.map(({ path }) => `${iiifTile(path).column},${iiifTile(path).row}`).sort();
}

function visibleBox(element: LkImage): Box {
  const view = element.view!;
  const stage = canvasOf(element).parentElement!.getBoundingClientRect();
  return { x: -view.offsetX / view.scale, y: -view.offsetY / view.scale, width: stage.width / view.scale, height: stage.height / view.scale };
}

describe('lk-image tiled sources', () => {
  it('exports the same box for the same real drag on the photo loaded whole, as IIIF tiles and as Deep Zoom tiles', async function () {
    // Three elements, one after another, on a machine that may be shared.
    this.timeout(120_000);
    const results: { metadata: unknown; box: unknown }[] = [];
    for (const src of [PHOTO_WHOLE, PHOTO_IIIF, PHOTO_DZI]) {
      const element = await mount(src);
      await press('1');
      await drag(element, [412.5, 301.25], [1733.3, 1207.9]);
      const exported = element.export();
      expect(exported.task.tools).to.have.length(1);
      results.push({ metadata: exported.metadata, box: (exported.task.tools[0] as unknown as Record<string, unknown>)['bounding-box'] });
      element.remove();
    }
    expect(results[0]!.metadata).to.deep.equal({ width: 3200, height: 1800 });
    expect(results[0]!.box).to.have.property('x').that.is.a('number');
    expect(results[1]).to.deep.equal(results[0]);
    expect(results[2]).to.deep.equal(results[0]);
  });

  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`draws the grid from IIIF tiles (${renderer}): the colour under an asset point is that point's cell at full size`, async () => {
      const element = await mount(GRID_IIIF, { renderer });
      await showView(element, { scale: 1, offsetX: 500 - 12550, offsetY: 320 - 7550 });
      expect(element.tileStats()!.scale).to.equal(1);
      const [x, y] = pagePoint(element, 12550, 7550);
      const rect = canvasOf(element).getBoundingClientRect();
      const [r, g, b] = pixelAt(canvasOf(element), x - rect.left, y - rect.top);
      // Cell (12, 7): red 20 + 12 × 5, green 20 + 7 × 5, blue 200 (odd cell); JPEG moves a colour a little.
      expect(Math.abs(r! - 80)).to.be.below(12);
      expect(Math.abs(g! - 55)).to.be.below(12);
      expect(Math.abs(b! - 200)).to.be.below(12);
    });
  }

  it('shows the coarser level where the finer tiles are still loading', async () => {
    const held: (() => void)[] = [];
    let firstHeld!: () => void;
    const someHeld = new Promise<void>((resolve) => (firstHeld = resolve));
    const hooks = recordingHooks();
    // Full-size tiles (size 512,512 of a 512,512 region) wait until the test lets them go.
    hooks.fetchAsset = async (url, init) => {
      if (/\/\d+,\d+,512,512\/512,512\//.test(url)) {
        firstHeld();
        await new Promise<void>((resolve) => held.push(resolve));
      }
      return fetch(url, init);
    };
    const element = await mount(GRID_IIIF, { hooks });
    surfaceOf(element).setView({ scale: 1, offsetX: 500 - 12550, offsetY: 320 - 7550 });
    await element.settled();
    await someHeld;
    const colourAt = () => {
      const [x, y] = pagePoint(element, 12550, 7550);
      const rect = canvasOf(element).getBoundingClientRect();
      return pixelAt(canvasOf(element), x - rect.left, y - rect.top);
    };
    // Only the coarse tiles are in: the cell's colour, from a tile at 1/64 or 1/128 (an empty stage is transparent).
    expect(element.tileStats()!.scale).to.equal(1);
    const [r, g, b, a] = colourAt();
    expect(a).to.equal(255);
    expect(Math.abs(r! - 80)).to.be.below(16);
    expect(Math.abs(g! - 55)).to.be.below(16);
    expect(Math.abs(b! - 200)).to.be.below(16);
    for (const release of held.splice(0)) release();
    await element.tilesSettled();
    const [r1, g1, b1] = colourAt();
    expect(Math.abs(r1! - 80)).to.be.below(12);
    expect(Math.abs(g1! - 55)).to.be.below(12);
    expect(Math.abs(b1! - 200)).to.be.below(12);
  });

  it('fetches only the on-screen tiles of the level the zoom needs, each through fetchAsset, then only the new ones after a real pan', async () => {
    const hooks = recordingHooks();
    await clearRequestLog();
    const element = await mount(GRID_IIIF, { hooks });
    // Fitted: 40,000 px in about 608 px, a scale of 1/64-ish: the 1/64 level (2 × 2 tiles) over the 1/128 one (1 tile).
    let served = await tileRequests();
    const scales = served.map((entry) => iiifTile(entry.path).scale);
    expect([...new Set(scales)].sort()).to.deep.equal([128, 64]);
    expect(served.length).to.equal(1 + 4);

    // At 1/4 (the 1/4 level), 1000 × 640 screen px show 4000 × 2560 asset px: 2 × 2 or 3 × 2 tiles of 2048.
    await clearRequestLog();
    await showView(element, { scale: 0.25, offsetX: -2600, offsetY: -1700 });
    const before = visibleBox(element);
    served = await tileRequests();
    const wanted = cellsCovering(before, IIIF_TILE * 4, 40_000, 40_000);
    expect(served.every((entry) => entry.status === 200)).to.equal(true);
    expect([...new Set(served.map((entry) => iiifTile(entry.path).scale))]).to.deep.equal([4]);
    expect(cellsOf(served)).to.deep.equal([...wanted].sort());
    expect(served).to.have.length(wanted.size);
    for (const entry of served) expect(hooks.fetched).to.include(entry.path);

    // A real middle-button pan by 700 × 400 screen px in one move: the tiles that came into view, none twice.
    await clearRequestLog();
    const start = pagePoint(element, before.x + before.width / 2, before.y + before.height / 2);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down', button: 'middle' });
    await sendMouse({ type: 'move', position: [start[0] - 700, start[1] - 400] });
    await sendMouse({ type: 'up', button: 'middle' });
    await element.tilesSettled();
    const after = visibleBox(element);
    expect(after.x - before.x).to.be.closeTo(2800, 1);
    const fresh = [...cellsCovering(after, IIIF_TILE * 4, 40_000, 40_000)].filter((cell) => !wanted.has(cell));
    served = await tileRequests();
    expect(fresh.length).to.be.above(0);
    expect(cellsOf(served)).to.deep.equal(fresh.sort());
    expect(served).to.have.length(fresh.length);
  });

  it('reads Deep Zoom: fitted, the two coarsest useful levels, then the full-size tiles in view', async () => {
    const hooks = recordingHooks();
    await clearRequestLog();
    const element = await mount(GRID_DZI, { hooks });
    await clearRequestLog();
    await showView(element, { scale: 1, offsetX: -20_000, offsetY: -20_000 });
    const served = await tileRequests();
    const wanted = cellsCovering(visibleBox(element), DZI_TILE, 40_000, 40_000);
    // Level 16 is the full size (2^16 ≥ 40,000); tiles are named column_row.
    const cells = served.map((entry) => /\/grid_files\/(\d+)\/(\d+)_(\d+)\.jpg$/.exec(entry.path)!);
    expect([...new Set(cells.map((match) => match[1]))]).to.deep.equal(['16']);
    expect(cells.map((match) => `${match[2]},${match[3]}`).sort()).to.deep.equal([...wanted].sort());
    for (const entry of served) expect(hooks.fetched).to.include(entry.path);
    expect(element.export().metadata).to.deep.equal({ width: 40_000, height: 40_000 });
  });

  it('keeps the tile cache within tile-cache-size while panning across the whole grid', async function () {
    // Forty views, each waiting for its tiles.
    this.timeout(120_000);
    const element = await mount(GRID_IIIF, { cache: 20 });
    // The 1/8 level: 10 × 10 tiles of 4096 asset px; the view shows about 3 × 2 of them.
    const seen: number[] = [];
    for (let y = 0; y < 40_000; y += 5000) {
      for (let x = 0; x < 40_000; x += 8000) {
        await showView(element, { scale: 1 / 8, offsetX: -x / 8, offsetY: -y / 8 });
        const stats = element.tileStats()!;
        expect(stats.scale).to.equal(8);
        seen.push(stats.tiles);
        expect(stats.tiles).to.be.at.most(20);
        expect(stats.bytes).to.be.at.most(20 * 1024 * 1024);
      }
    }
    expect(Math.max(...seen)).to.be.above(10);
  });

  it('reports a refused tile once as lk-error with its code and no URL; the other tiles still load', async () => {
    const hooks = recordingHooks();
    const element = await mount(`${PHOTO_403_IIIF}?token=s3cr3t`, { hooks });
    const events = recordEvents(element, ['lk-error']);
    await clearRequestLog();
    await showView(element, { scale: 1, offsetX: 0, offsetY: 0 });
    const served = await tileRequests();
    expect(served.filter((entry) => entry.status === 403)).to.have.length(1);
    expect(served.filter((entry) => entry.status === 200).length).to.be.above(2);
    // Tiles carry the source's query (a signed URL's token) and go through the hooks.
    expect(served.every((entry) => entry.query === 'token=s3cr3t')).to.equal(true);
    expect(events).to.have.length(1);
    const detail = events[0]!.detail as { code: string; message: string };
    expect(detail.code).to.equal('asset-forbidden');
    expect(detail.message).to.not.match(/__lk-tiles|default\.jpg|s3cr3t|http/);
    const refresh = hooks.resolved.find((request) => request.resource === 'tile');
    expect(refresh).to.deep.include({ assetId: 'a-tiles', reason: 'forbidden', resource: 'tile', tile: '512,512,512,512/512,512/0/default.jpg' });
    // Still usable: a box drawn after the error is exported, and nothing carries the token.
    await press('1');
    await drag(element, [100, 100], [300, 250]);
    expect(element.export().task.tools).to.have.length(1);
    expect(JSON.stringify(element.export())).to.not.include('s3cr3t');
  });

  it('inverts the tiles with the display settings, as it does a picture loaded whole', async () => {
    const element = await mount(GRID_IIIF);
    await showView(element, { scale: 1, offsetX: 500 - 12550, offsetY: 320 - 7550 });
    const [x, y] = pagePoint(element, 12550, 7550);
    const rect = canvasOf(element).getBoundingClientRect();
    const before = pixelAt(canvasOf(element), x - rect.left, y - rect.top);
    element.session.setDisplay({ invert: true });
    await element.tilesSettled();
    const after = pixelAt(canvasOf(element), x - rect.left, y - rect.top);
    for (let channel = 0; channel < 3; channel++) expect(Math.abs(after[channel]! - (255 - before[channel]!))).to.be.below(4);
  });

  it('fails the load with asset-unsupported, without the URL, when the descriptor is not one it can read', async () => {
    for (const [type, body] of [
      ['iiif', '{"width": 100, "height": 100}'],
      ['iiif', '{not json'],
      ['dzi', '<Image TileSize="256"><Size Width="100"/></Image>'],
    ] as const) {
      const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 300px; width: 400px" source-type=${type}></lk-image>`);
      const failed = nextEvent<CustomEvent>(element, 'lk-error');
      const src = `data:text/plain,${encodeURIComponent(body)}`;
      element.src = src;
      const { detail } = await failed;
      expect(detail.code).to.equal('asset-unsupported');
      expect(detail.message).to.not.include('data:');
      expect(element.tileStats()).to.equal(undefined);
      element.remove();
    }
  });

  it('keeps the newer picture when src changes while a tiled load is still fetching its first tiles', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const tileAsked = new Promise<void>((resolve) => (asked = resolve));
    /** Settles once the held tile's answer is in (or its fetch was abandoned). */
    let heldTileDone: Promise<unknown> = Promise.resolve();
    const hooks = recordingHooks();
    hooks.fetchAsset = async (url, init) => {
      if (!(url.endsWith('.jpg') && url.includes('/iiif/grid/'))) return fetch(url, init);
      asked();
      await held;
      const response = fetch(url, init);
      heldTileDone = response.then((answer) => answer.clone().arrayBuffer()).catch(() => undefined);
      return response;
    };
    const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 400px; width: 600px" .fetchAsset=${hooks.fetchAsset}></lk-image>`);
    const events = recordEvents(element, ['lk-ready', 'lk-error']);
    element.src = GRID_IIIF;
    await tileAsked;
    const ready = nextEvent<CustomEvent>(element, 'lk-ready');
    element.src = PHOTO_WHOLE;
    expect((await ready).detail.metadata).to.deep.equal({ width: 3200, height: 1800 });
    release();
    await frames();
    await heldTileDone;
    // The tile decoded and handed over (were the old load still going) within a few frames.
    await frames(4);
    await element.settled();
    expect(element.tileStats()).to.equal(undefined);
    expect(element.export().metadata).to.deep.equal({ width: 3200, height: 1800 });
    expect(events.map((event) => event.type)).to.deep.equal(['lk-ready']);
  });

  it('draws the pixel grid on tiles past 800 %, as on a picture loaded whole, and none below', async () => {
    const element = await mount(GRID_IIIF);
    /** The canvas red channel at an asset point, and the brightest red across the pixel edge left of it. */
    const reds = (x: number, y: number) => {
      const view = element.view!;
      // Half a picture pixel down: clear of the horizontal grid line at y.
      const at = (dx: number) => pixelAt(canvasOf(element), x * view.scale + view.offsetX + dx, (y + 0.5) * view.scale + view.offsetY)[0]!;
      return { centre: at(view.scale / 2), edge: Math.max(...[-1, -0.5, 0, 0.5, 1].map(at)) };
    };
    await showView(element, { scale: 16, offsetX: 400 - 12550 * 16, offsetY: 300 - 7550 * 16 });
    const zoomed = reds(12550, 7550);
    // Cell (12, 7) is red 80; the grid's white at 25 %, one screen pixel wide, lifts the pixels at an edge.
    expect(Math.abs(zoomed.centre - 80)).to.be.below(12);
    expect(zoomed.edge - zoomed.centre).to.be.above(12);
    await showView(element, { scale: 4, offsetX: 400 - 12550 * 4, offsetY: 300 - 7550 * 4 });
    const below = reds(12550, 7550);
    expect(Math.abs(below.edge - below.centre)).to.be.below(6);
  });
});
