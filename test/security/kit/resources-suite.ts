/**
 * Promise 8, one suite for every element (each `resources.<kind>.test.ts` runs it for its element):
 * - twenty of the element on one page all load, draw their asset and take real input (the 2D ones
 *   on WebGL, past the 16 contexts Chromium keeps per page; twenty <lk-image> are tested in
 *   test/elements/lk-image-input.test.ts, so the image suite runs the cycles only);
 * - 50 create/destroy cycles (every fifth after a full load, the others at each stage of loading,
 *   some re-attached once; 2D elements on WebGL) leave no live WebGL context, worker, object URL,
 *   page-wide listener, interval, animation loop, FontFace or CSS highlight.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { KITS, frames, mountKit, nextEvent, toolsOf, type ElementKind, type KitElement } from './element-kits.js';
import { pixelAt } from '../../elements/helpers.js';
import type { InputDriver } from './input.js';
import { installResourceProbe, type ResourceCounts } from './resource-probe.js';
import { useSuiteSetup } from './suite-setup.js';

const input: InputDriver = { mouse: sendMouse, keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]) };

const CYCLES = 50;
const STAGE_BACKGROUND = [32, 33, 36];

interface SurfaceLike {
  view?: { scale: number; offsetX: number; offsetY: number };
  pageCanvas?(index: number): HTMLCanvasElement | undefined;
}

/** What a person would see: the asset drawn (not the empty stage), or the text laid out. */
function showsAsset(kind: ElementKind, element: KitElement): boolean {
  const surface = element as unknown as SurfaceLike;
  if (kind === 'text') return (element.shadowRoot!.querySelector('[part~="document"]')?.textContent ?? '').includes('It is a truth universally acknowledged');
  if (kind === 'pdf') {
    const canvas = surface.pageCanvas!(0);
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    // Small pages render their text in light grey: any pixel that is not paper counts.
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 220 && data[i + 3]! > 0) return true;
    return false;
  }
  const canvas = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]');
  const view = surface.view;
  if (!canvas || !view || canvas.width === 0) return false;
  const metadata = element.export().metadata as { width: number; height: number };
  const [r, g, b, a] = pixelAt(canvas, view.offsetX + (metadata.width / 2) * view.scale, view.offsetY + (metadata.height / 2) * view.scale);
  return a! > 0 && [r, g, b].join() !== STAGE_BACKGROUND.join();
}

async function until(condition: () => boolean, timeout: number): Promise<void> {
  const started = performance.now();
  while (!condition() && performance.now() - started < timeout) await new Promise((resolve) => setTimeout(resolve, 30));
}

function objectIds(element: KitElement): Set<string> {
  return new Set(toolsOf(element).map((tool) => tool.objectId));
}

/** What grew past the baseline. */
function leftover(now: ResourceCounts, baseline: ResourceCounts): Partial<ResourceCounts> {
  const grown: Partial<ResourceCounts> = {};
  for (const key of ['webglContexts', 'workers', 'objectUrls', 'intervals', 'fonts', 'highlights'] as const) if (now[key] > baseline[key]) grown[key] = now[key];
  const listeners = now.pageListeners.filter((name) => !baseline.pageListeners.includes(name));
  if (listeners.length) grown.pageListeners = listeners;
  return grown;
}

export function runResourcesSuite(kind: ElementKind): void {
  const kit = KITS[kind];
  // 2D elements draw with WebGL here, the renderer they pick on a real GPU (`auto` picks the
  // canvas renderer under SwiftShader): that is where contexts can leak or run out.
  const attributes: Record<string, string> = kind === 'text' || kind === 'pdf' ? {} : { renderer: 'webgl' };

  describe(`<lk-${kind}> resources`, function () {
    this.timeout(120000);
    const source = useSuiteSetup(kind);

    if (kind !== 'image') {
      it(`twenty <lk-${kind}> on one page all load, draw and take real input`, async () => {
        const grid = document.createElement('div');
        grid.style.cssText = 'display: grid; grid-template-columns: repeat(2, 380px); gap: 4px';
        document.body.append(grid);
        let lost = 0;
        try {
          const elements = await Promise.all(
            Array.from({ length: 20 }, async (_, index) => {
              const element = await mountKit(kit, {
                container: grid,
                width: 380,
                height: 340,
                annotations: kit.prelabels,
                ...source(),
                attributes: { ...attributes, 'no-sidebar': '', 'asset-id': `${kind}-${index}` },
                waitReady: false,
              });
              element.shadowRoot!.addEventListener('webglcontextlost', () => lost++, { capture: true });
              await nextEvent(element, 'lk-ready');
              return element;
            }),
          );
          for (const [index, element] of elements.entries()) {
            element.scrollIntoView({ block: 'center' });
            await element.settled();
            // An element whose WebGL context Chromium evicted is rebuilding on the canvas renderer.
            await until(() => showsAsset(kind, element), 3000);
            expect(showsAsset(kind, element), `element ${index} shows its asset`).to.equal(true);
            expect(objectIds(element), `element ${index}`).to.have.keys(['free', 'locked']);
          }
          if (attributes['renderer'] === 'webgl') expect(lost, 'past 16 WebGL contexts Chromium evicts the oldest').to.be.greaterThan(0);
          for (const element of [elements[0]!, elements[19]!]) {
            element.scrollIntoView({ block: 'center' });
            await element.settled();
            const id = await kit.label(element, input);
            expect(objectIds(element).has(id)).to.equal(true);
          }
          expect(elements.slice(1, 19).every((element) => objectIds(element).size === 2), 'the others unchanged').to.equal(true);
        } finally {
          grid.remove();
        }
      });
    }

    it(`${CYCLES} create/destroy cycles of <lk-${kind}> leave nothing behind and throw nothing`, async () => {
      const probe = installResourceProbe();
      const uncaught: string[] = [];
      const onError = (event: ErrorEvent) => uncaught.push(event.message);
      const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        // One full cycle first: what the first element sets up once per page (lit's Trusted Types
        // policy, pixi's capability-test context) is not a leak.
        (await mountKit(kit, { attributes, ...source() })).remove();
        await frames(3);
        const baseline = probe.counts();
        let loads = 0;
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const element = await mountKit(kit, { attributes, annotations: kit.prelabels, waitReady: cycle % 5 === 0, ...source() });
          if (cycle % 5 === 0) loads++;
          else if (cycle % 5 === 2) await Promise.resolve();
          else if (cycle % 5 === 3) await frames(1 + (cycle % 3));
          else if (cycle % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 10 * (cycle % 7)));
          element.remove();
          if (cycle % 10 === 3) {
            // Re-attached, then removed for good: connecting again must not double anything.
            document.body.append(element);
            await frames(1);
            element.remove();
          }
        }
        // Let aborted loads and pending teardowns finish.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await frames(3);
        expect(loads).to.equal(CYCLES / 5);
        expect(uncaught, 'errors thrown while elements came and went').to.deep.equal([]);
        expect(leftover(probe.counts(), baseline), 'still alive after the cycles').to.deep.equal({});
        expect(await probe.framesRequestedOver(5), 'animation frames requested with no element on the page').to.equal(0);
        // After the first element: no worker or object URL, and at most pixi's own capability-test
        // context (one per page, kept by pixi), none of the element's.
        expect(baseline.workers + baseline.objectUrls, 'nothing alive after the first cycle either').to.equal(0);
        expect(baseline.webglContexts, 'WebGL contexts after the first cycle').to.be.at.most(attributes['renderer'] === 'webgl' ? 1 : 0);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
        probe.restore();
      }
    });
  });
}
