import '../../src/elements/lk-dicom/define.js';
import type { Ontology } from '../../src/index.js';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { centerOf, frameTimes, nextFrame, randomFrames, recordFrames } from './common.js';

const ontology: Ontology = {
  tools: [{ schemaId: 't-box', tool: 'bounding-box', title: 'Lesion', color: '#e53935', shortcutKey: '1' }],
  classifications: [],
  relations: [],
};

let element: LkDicom;
let recorder: ReturnType<typeof recordFrames> | undefined;
let planeChanges = 0;

window.bench = {
  /** A series of generated CT slices (/assets/…) → lk-ready and the first slice drawn. */
  async load(params) {
    const files = params.files as string[];
    const start = performance.now();
    element = document.createElement('lk-dicom') as LkDicom;
    element.style.cssText = '--lk-height: 720px; width: 1280px; display: block';
    element.setAttribute('no-sidebar', '');
    element.ontology = ontology;
    element.asset = 'bench/ct-series';
    // A box on every tenth slice, so slice changes also change the shapes drawn.
    element.annotations = {
      objects: Array.from({ length: Math.ceil(files.length / 10) }, (_, i) => ({
        objectId: `lesion-${i}`,
        schemaId: 't-box',
        page: i * 10,
        'bounding-box': { x: 60 + (i % 5) * 10, y: 80, width: 40, height: 30 },
      })),
    };
    const ready = new Promise((resolve, reject) => {
      element.addEventListener('lk-ready', resolve, { once: true });
      element.addEventListener('lk-error', (e) => reject(new Error(`lk-error ${JSON.stringify((e as CustomEvent).detail)}`)), { once: true });
    });
    element.srcs = files.map((file) => `/assets/${file}`);
    document.body.append(element);
    await ready;
    await element.settled();
    await nextFrame();
    element.session.subscribe((topic) => {
      if (topic === 'plane') planeChanges++;
    });
    return { loadMs: performance.now() - start, sliceCount: element.sliceCount };
  },

  /** Slice set from script → the frame that shows it, for 60 random slices (decode, window, draw). */
  async sliceChange() {
    const slices = randomFrames(60, element.sliceCount);
    const result = await frameTimes(slices.length, (i) => {
      element.slice = slices[i]!;
    });
    await element.settled();
    return result;
  },

  /**
   * Every slice in order, set from script → shown (decoded, windowed, drawn): for compressed
   * series the decode runs in labelkit's worker, so this is decode time per slice as a user
   * paging through meets it. Slices are decoded once each here (nothing cached yet past slice 0).
   */
  async decodeEach() {
    const times: number[] = [];
    const started = performance.now();
    for (let slice = 1; slice < element.sliceCount; slice++) {
      const start = performance.now();
      element.slice = slice;
      await element.settled();
      times.push(performance.now() - start);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    return { median: at(0.5), p95: at(0.95), totalMs: performance.now() - started, slices: times.length };
  },

  /**
   * Every slice from the first to the last and back, each shown (decoded again once it has left
   * the cache): the largest decoded-slice cache seen (`decodedCache`) against its bound.
   */
  async scrollThrough() {
    let maxBytes = 0;
    let maxSlices = 0;
    const visit = async (slice: number) => {
      element.slice = slice;
      await element.settled();
      const usage = element.decodedCache!;
      maxBytes = Math.max(maxBytes, usage.bytes);
      maxSlices = Math.max(maxSlices, usage.slices);
    };
    for (let slice = 0; slice < element.sliceCount; slice++) await visit(slice);
    for (let slice = element.sliceCount - 1; slice >= 0; slice--) await visit(slice);
    const MiB = 2 ** 20;
    return { maxCacheMB: maxBytes / MiB, maxCacheSlices: maxSlices, limitMB: element.decodedCache!.limitBytes / MiB };
  },

  /** Where the harness puts the mouse: the stage's center. */
  async stageBox() {
    return centerOf(element.shadowRoot!.querySelector('.surface')!);
  },

  /** Back to the first slice (so ↓ has somewhere to go; `slice: 'last'`: to the last) and the keyboard focus on the element. */
  async focus(params) {
    element.slice = params?.slice === 'last' ? element.sliceCount - 1 : 0;
    element.focus();
    await element.settled();
    return { focused: document.activeElement === element ? 1 : 0, slice: element.slice };
  },

  async startFrames() {
    await element.settled();
    planeChanges = 0;
    recorder = recordFrames();
    return {};
  },

  /** Frame times since `startFrames`, slices changed meanwhile, and the window now in effect. */
  async stopFrames() {
    const frames = recorder!.stop();
    const shown = planeChanges;
    await element.settled();
    return { ...frames, planeChanges: shown, slice: element.slice, windowCenter: element.voiWindow?.center ?? NaN, windowWidth: element.voiWindow?.width ?? NaN };
  },
};
