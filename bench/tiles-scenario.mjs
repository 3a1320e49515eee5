// The tiled-image scenario of `npm run bench` (`--only=tiles`): a 40,000 × 40,000 picture in the
// IIIF level 0 layout (scripts/tiled-images.mjs, tiles made on request by the bench server), shown
// by labelkit `<lk-image>` and by Annotorious on OpenSeadragon, side by side in one run: first tiles
// on screen, pan/zoom frame times, and what each holds after a sweep across the whole picture.
import { answerTilePath, TILES_PREFIX } from '../scripts/tiled-images.mjs';

export const TILES_PAGES = ['tiles-labelkit', 'tiles-openseadragon'];
const LABEL = 'grid 40,000 × 40,000, IIIF level 0, 512-px tiles';

/** Answers a bench-server request under TILES_PREFIX; false when the path is not a tile path. */
export function serveTiles(request, response, pathname) {
  if (!pathname.startsWith(TILES_PREFIX)) return false;
  answerTilePath(pathname, `http://${request.headers.host}`).then(
    (answer) => response.writeHead(answer.status, { 'content-type': answer.type, 'cache-control': 'no-store' }).end(answer.body),
    () => response.writeHead(500).end(),
  );
  return true;
}

export async function tilesScenario(run, { smoke, pages }) {
  const steps = [['load'], ['panZoom'], ['sweep', { limit: smoke ? 3 : 0 }]];
  const result = {};
  for (const page of TILES_PAGES) if (pages.includes(page)) result[page] = await run('tiles', LABEL, page, steps);
  return { [LABEL]: result };
}

export const TILES_SMOKE_KEYS = ['load.firstTilesMs', 'load.viewLoadedMs', 'panZoom.median', 'panZoom.p95', 'sweep.tilesHeld'];

export function tilesReport(results, { ms, ratio }) {
  const { machine, ...labels } = results.tiles ?? {};
  const groups = Object.entries(labels);
  if (groups.length === 0) return [];
  const lines = [
    '',
    '## Tiled image: labelkit `<lk-image>` vs Annotorious 3 on OpenSeadragon 6 (`createOSDAnnotator`), same IIIF tiles',
    '',
    `Measured ${machine ? `${machine.date}, ${machine.cpus}, ${machine.runs} run${machine.runs === 1 ? '' : 's'}` : ''}. The sweep crosses the whole picture at 1/4 zoom in 36 views, waiting at each until the viewer says it has every tile it wants (labelkit \`tilesSettled()\`, OpenSeadragon \`getFullyLoaded()\`; OpenSeadragon's wait was not analysed further). OpenSeadragon draws with its \`canvas\` drawer, as labelkit draws with Canvas2D where WebGL is software (its WebGL drawer on SwiftShader took about a second a frame). Memory is the JS heap (\`performance.memory\`, precise, read after a full collection: Chromium runs with \`--enable-precise-memory-info\` and \`--expose-gc\`), GPU textures are not in it; it is read before the sweep, after each of its views (the middle one and the most shown) and at the end: bounded means the middle, the most and the end stay near each other however much of the picture was crossed.`,
    '',
    '| scenario | metric | labelkit | Annotorious + OSD | ratio |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [label, byPage] of groups) {
    const l = byPage['tiles-labelkit'] ?? {};
    const o = byPage['tiles-openseadragon'] ?? {};
    const row = (metric, key, format = ms) => lines.push(`| ${label} | ${metric} | ${format(l[key])} | ${format(o[key])} | ${format === ms ? ratio(l[key], o[key]) : times(l[key], o[key])} |`);
    const count = (value) => (typeof value === 'number' ? String(Math.round(value * 10) / 10) : '—');
    const times = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    row('first tiles on screen', 'load.firstTilesMs');
    row('fitted view fully loaded', 'load.viewLoadedMs');
    row('pan/zoom frame median', 'panZoom.median');
    row('pan/zoom frame p95', 'panZoom.p95');
    row('sweep across the picture', 'sweep.sweepMs');
    row('tiles held after the sweep (labelkit: at most `tile-cache-size`, 256; OSD: `maxImageCacheCount`, 200)', 'sweep.tilesHeld', count);
    row('JS heap before the sweep (MiB)', 'sweep.heapStartMiB', count);
    row('JS heap at the middle of the sweep (MiB)', 'sweep.heapMidMiB', count);
    row('JS heap, the most after any view of the sweep (MiB)', 'sweep.heapMaxMiB', count);
    row('JS heap after the sweep (MiB)', 'sweep.heapMiB', count);
  }
  return lines;
}
