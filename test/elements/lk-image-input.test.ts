/**
 * <lk-image> with the input a tablet, a pen and a mouse wheel give: real touch, pen and wheel events
 * from Chromium (test/server/input-plugin.mjs drives them through CDP), plus the select-tool
 * edits (rotate handle, vertex insert and delete) with the mouse, many elements on one page and a
 * lost WebGL context. Every test asserts what the host sees: export JSON, events, pixels.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { softwareWebGL } from '../../src/canvas/renderer-choice.js';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ExportTool } from '../../src/format/types.js';
import {
  IMAGE_URL,
  IMPORT_URL,
  ONTOLOGY_URL,
  assetPoint,
  canvasOf,
  click,
  decodedPixels,
  drag,
  fetchJson,
  frames,
  nextEvent,
  pagePoint,
  pixelAt,
  press,
  recordEvents,
  resetMouse,
  sendKeys,
  showSource,
} from './helpers.js';

type Xy = [number, number];

let ontology: unknown;
let prelabels: unknown;

async function mount(attrs: { mode?: string; renderer?: string } = {}): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image
      style="--lk-height: 480px; width: 960px"
      asset-id="a-1"
      external-id="bottles-frame.jpg"
      mode=${attrs.mode ?? 'annotate'}
      renderer=${attrs.renderer ?? 'auto'}
      .ontology=${ontology}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
    ></lk-image>
  `);
  await showSource(element, IMAGE_URL);
  element.focus();
  return element;
}

// ---- real input through the server plugin ------------------------------------------------------

interface Finger {
  id: number;
  x: number;
  y: number;
}

async function touch(type: 'start' | 'move' | 'end' | 'cancel', points: Finger[]): Promise<void> {
  await executeServerCommand('input:touch', { type, points });
}

/** One finger from `from` to `to` (asset coordinates), in `steps` moves. */
async function touchDrag(element: LkImage, from: Xy, to: Xy, steps = 4): Promise<void> {
  const a = pagePoint(element, ...from);
  const b = pagePoint(element, ...to);
  await touch('start', [{ id: 1, x: a[0], y: a[1] }]);
  for (let i = 1; i <= steps; i++) {
    await touch('move', [{ id: 1, x: a[0] + ((b[0] - a[0]) * i) / steps, y: a[1] + ((b[1] - a[1]) * i) / steps }]);
  }
  await touch('end', []);
}

/** Two fingers moving from `from` to `to` (page coordinates), together, in `steps` moves. */
async function twoFingers(from: [Xy, Xy], to: [Xy, Xy], steps = 6): Promise<void> {
  const at = (t: number): Finger[] =>
    [0, 1].map((i) => ({
      id: i + 1,
      x: from[i]![0] + (to[i]![0] - from[i]![0]) * t,
      y: from[i]![1] + (to[i]![1] - from[i]![1]) * t,
    }));
  await touch('start', at(0));
  for (let i = 1; i <= steps; i++) await touch('move', at(i / steps));
  await touch('end', []);
}

/** A pen stroke with the tip pressed at `pressure` from `from` to `to` (asset coordinates). */
async function penStroke(element: LkImage, from: Xy, to: Xy, pressure: number, steps = 8): Promise<void> {
  const a = pagePoint(element, ...from);
  const b = pagePoint(element, ...to);
  await executeServerCommand('input:pen', { type: 'move', x: a[0], y: a[1], pressure: 0 });
  await executeServerCommand('input:pen', { type: 'down', x: a[0], y: a[1], pressure });
  for (let i = 1; i <= steps; i++) {
    const x = a[0] + ((b[0] - a[0]) * i) / steps;
    const y = a[1] + ((b[1] - a[1]) * i) / steps;
    await executeServerCommand('input:pen', { type: 'move', x, y, pressure, pressed: true });
  }
  await executeServerCommand('input:pen', { type: 'up', x: b[0], y: b[1] });
}

/** One real wheel event at a page point, with modifier keys held. */
async function wheel(at: Xy, deltaY: number, modifiers: string[] = []): Promise<void> {
  await executeServerCommand('input:wheel', { x: at[0], y: at[1], deltaY, modifiers });
  await frames(2);
}

// ---- reading the export -------------------------------------------------------------------------

function toolById(element: LkImage, objectId: string): ExportTool | undefined {
  return element.export().task.tools.find((t) => t.objectId === objectId);
}

function geometryOf(tool: ExportTool | undefined): unknown {
  if (!tool) return undefined;
  for (const key of ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'point', 'segmentation', 'spline'] as const) {
    if (key in tool) return (tool as unknown as Record<string, unknown>)[key];
  }
  return undefined;
}

function close(actual: number, expected: number, tolerance = 1.5): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).to.be.at.most(tolerance);
}

function closePoints(actual: number[][], expected: number[][], tolerance = 1.5): void {
  expect(actual, JSON.stringify(actual)).to.have.length(expected.length);
  expected.forEach((p, i) => {
    close(actual[i]![0]!, p[0]!, tolerance);
    close(actual[i]![1]!, p[1]!, tolerance);
  });
}

/** Painted rows of the exported brush PNG in column `x` between `y0` and `y1` (asset pixels). */
async function paintedRows(url: string, x: number, y0: number, y1: number): Promise<number> {
  const { data, width } = await decodedPixels(url);
  let rows = 0;
  for (let y = y0; y < y1; y++) if (data[(y * width + x) * 4 + 3]! > 0) rows++;
  return rows;
}

describe('<lk-image> with touch, pen and wheel', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    prelabels = await fetchJson(IMPORT_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('draws a bounding box with one finger', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    await press('1');
    await touchDrag(element, [100, 80], [220, 200]);
    const tools = element.export().task.tools;
    expect(tools).to.have.length(1);
    expect(tools[0]!.schemaId).to.equal('t-car');
    const box = geometryOf(tools[0]) as { x: number; y: number; width: number; height: number };
    close(box.x, 100);
    close(box.y, 80);
    close(box.width, 120);
    close(box.height, 120);
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['create']);
    expect(events[0]!.detail.tools[0]).to.deep.equal(tools[0]);
  });

  it('zooms about the midpoint of a two-finger pinch and drops the stroke the first finger began', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    await press('1');
    const before = { ...element.view! };
    const mid = pagePoint(element, 320, 180);
    const anchor = assetPoint(element, mid);
    await twoFingers(
      [
        [mid[0] - 40, mid[1]],
        [mid[0] + 40, mid[1]],
      ],
      [
        [mid[0] - 80, mid[1]],
        [mid[0] + 80, mid[1]],
      ],
    );
    const after = element.view!;
    close(after.scale / before.scale, 2, 0.02);
    const stays = assetPoint(element, mid);
    close(stays[0], anchor[0], 0.5);
    close(stays[1], anchor[1], 0.5);
    expect(element.export().task.tools, 'the box the first finger started is gone').to.have.length(0);
    expect(events).to.have.length(0);
  });

  it('pans with two fingers moved together and changes nothing', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    await element.settled();
    const annotations = () => {
      const { tools, classifications, relations } = element.export().task;
      return JSON.stringify({ tools, classifications, relations });
    };
    const record = annotations();
    const events = recordEvents(element, ['lk-change']);
    const before = { ...element.view! };
    const a = pagePoint(element, 200, 200);
    const b = pagePoint(element, 260, 200);
    await twoFingers(
      [a, b],
      [
        [a[0] + 60, a[1] + 40],
        [b[0] + 60, b[1] + 40],
      ],
    );
    const after = element.view!;
    close(after.scale, before.scale, 1e-6);
    close(after.offsetX - before.offsetX, 60, 0.5);
    close(after.offsetY - before.offsetY, 40, 0.5);
    expect(annotations()).to.equal(record);
    expect(events).to.have.length(0);
  });

  it('grabs a handle with a finger at a distance where the mouse misses it', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    await element.settled();
    const scale = element.view!.scale;
    // o1 spans x 260…300, y 120…300; its east handle is at (300, 210). Press 12 screen px right of it:
    // beyond the mouse's handle (8 px) and hit (6 px) tolerances, within a finger's (16 px).
    const off = 12 / scale;
    const pull = 30 / scale;
    await click(element, [280, 200]);
    expect(element.session.selection).to.deep.equal(['o1']);
    await drag(element, [300 + off, 210], [300 + off + pull, 210]);
    expect(geometryOf(toolById(element, 'o1')), 'the mouse missed the handle').to.deep.equal({ x: 260, y: 120, width: 40, height: 180 });

    await click(element, [280, 200]);
    expect(element.session.selection).to.deep.equal(['o1']);
    const events = recordEvents(element, ['lk-change']);
    await touchDrag(element, [300 + off, 210], [300 + off + pull, 210]);
    const box = geometryOf(toolById(element, 'o1')) as { x: number; y: number; width: number; height: number };
    expect(box.x).to.equal(260);
    expect(box.y).to.equal(120);
    expect(box.height).to.equal(180);
    close(box.width, 40 + pull, 1.5);
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['update']);
    await sendKeys({ press: 'Control+z' });
    expect(geometryOf(toolById(element, 'o1'))).to.deep.equal({ x: 260, y: 120, width: 40, height: 180 });
  });

  it('paints with a pen whose pressure sets the stroke width', async () => {
    const element = await mount();
    await press('7');
    await penStroke(element, [100, 100], [200, 100], 0.2);
    await penStroke(element, [100, 250], [200, 250], 1);
    const url = element.export().task.brushDataUrl;
    expect(url.startsWith('data:image/png;base64,')).to.equal(true);
    // The brush is 20 asset px; a pen below half pressure shrinks it (0.2 → 0.4 × 20 = 8 px).
    const light = await paintedRows(url, 150, 80, 120);
    const firm = await paintedRows(url, 150, 230, 270);
    close(light, 8, 2);
    close(firm, 20, 2);
    await sendKeys({ press: 'Control+z' });
    expect(await paintedRows(element.export().task.brushDataUrl, 150, 230, 270), 'each stroke is one undo step').to.equal(0);
    close(await paintedRows(element.export().task.brushDataUrl, 150, 80, 120), 8, 2);
  });

  it('zooms about the cursor with the wheel and with Ctrl+wheel', async () => {
    const element = await mount();
    const at = pagePoint(element, 150, 90);
    const anchor = assetPoint(element, at);
    const start = element.view!.scale;
    await wheel(at, -100);
    const zoomedIn = element.view!.scale;
    expect(zoomedIn / start).to.be.greaterThan(1.05);
    let stays = assetPoint(element, at);
    close(stays[0], anchor[0], 0.5);
    close(stays[1], anchor[1], 0.5);

    // A trackpad pinch arrives as Ctrl+wheel: zoom, not the browser's page zoom.
    const other = pagePoint(element, 500, 300);
    const otherAnchor = assetPoint(element, other);
    await wheel(other, 100, ['Control']);
    expect(element.view!.scale).to.be.lessThan(zoomedIn);
    stays = assetPoint(element, other);
    close(stays[0], otherAnchor[0], 0.5);
    close(stays[1], otherAnchor[1], 0.5);
    expect(window.visualViewport?.scale ?? 1).to.equal(1);
  });

  it('sizes the brush with Shift+wheel without zooming', async () => {
    const element = await mount();
    await press('7');
    const view = { ...element.view! };
    await wheel(pagePoint(element, 320, 180), -200, ['Shift']);
    expect(element.view).to.deep.equal(view);
    await drag(element, [100, 100], [200, 100], 8);
    const grown = await paintedRows(element.export().task.brushDataUrl, 150, 50, 150);
    // 20 px before; one notch of 200 up grows it by 1.0015^400 ≈ 1.82.
    close(grown, Math.round(20 * Math.pow(1.0015, 400)), 2);
    await wheel(pagePoint(element, 320, 180), 400, ['Shift']);
    await drag(element, [100, 250], [200, 250], 8);
    const shrunk = await paintedRows(element.export().task.brushDataUrl, 150, 200, 300);
    expect(shrunk).to.be.lessThan(grown / 2);
  });
});

describe('<lk-image> select-tool edits with real mouse input', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    prelabels = await fetchJson(IMPORT_URL);
  });

  afterEach(async () => {
    await sendKeys({ up: 'Shift' });
    await resetMouse();
  });

  it('rotates a rotated box by its rotate handle, snaps with Shift, and undoes', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    await element.settled();
    const rad = (degrees: number) => (degrees * Math.PI) / 180;
    // o2: 60 × 200 at its origin corner (500, 100), turned 30° about that corner (Ango's rotated
    // box, FORMAT.md §2.1): its centre is the corner plus (30, 100) turned by 30°.
    const [cx, cy]: Xy = [500 + 30 * Math.cos(rad(30)) - 100 * Math.sin(rad(30)), 100 + 30 * Math.sin(rad(30)) + 100 * Math.cos(rad(30))];
    await click(element, [cx, cy]);
    expect(element.session.selection).to.deep.equal(['o2']);
    // The rotate handle: 28 screen px beyond the middle of the (rotated) top edge.
    const reach = 100 + 28 / element.view!.scale;
    const handle: Xy = [cx + Math.sin(rad(30)) * reach, cy - Math.cos(rad(30)) * reach];
    const towards = (degrees: number): Xy => [cx + Math.sin(rad(degrees)) * 120, cy - Math.cos(rad(degrees)) * 120];
    const events = recordEvents(element, ['lk-change', 'lk-input']);

    await drag(element, handle, towards(-20), 6);
    let box = geometryOf(toolById(element, 'o2')) as { x: number; y: number; width: number; height: number; rotation: number; corners: number[][] };
    close(box.rotation, -20, 1);
    expect([box.width, box.height]).to.deep.equal([60, 200]);
    // The box turns about its centre, and its origin corner (x, y, the first corner) follows:
    // the centre plus (-30, -100) turned by the new rotation.
    const r = rad(box.rotation);
    const origin: Xy = [cx - 30 * Math.cos(r) + 100 * Math.sin(r), cy - 30 * Math.sin(r) - 100 * Math.cos(r)];
    closePoints([box.corners[0]!, [box.x, box.y]], [origin, origin], 0.01);
    const changes = events.filter((e) => e.type === 'lk-change');
    expect(changes.map((e) => e.detail.reason)).to.deep.equal(['update']);
    expect(changes[0]!.detail.tools[0]).to.deep.equal(toolById(element, 'o2'));
    expect(events.some((e) => e.type === 'lk-input'), 'the drag is announced live').to.equal(true);

    await sendKeys({ press: 'Control+z' });
    expect((geometryOf(toolById(element, 'o2')) as { rotation: number }).rotation).to.equal(30);

    // With Shift held the angle snaps to 15°: -20° becomes -15°.
    await sendKeys({ down: 'Shift' });
    await drag(element, handle, towards(-20), 6);
    await sendKeys({ up: 'Shift' });
    box = geometryOf(toolById(element, 'o2')) as typeof box;
    expect(box.rotation).to.equal(-15);
  });

  it('inserts a vertex by dragging an edge midpoint and deletes a vertex of a finished polygon', async () => {
    const element = await mount();
    await press('3');
    await click(element, [60, 60]);
    await click(element, [200, 60]);
    await click(element, [130, 180]);
    await press('Enter');
    await press('Escape'); // drop the class: back to the select tool
    const id = element.export().task.tools[0]!.objectId;
    closePoints(geometryOf(toolById(element, id)) as number[][], [
      [60, 60],
      [200, 60],
      [130, 180],
    ]);
    await click(element, [130, 100]);
    expect(element.session.selection).to.deep.equal([id]);
    const events = recordEvents(element, ['lk-change']);

    // The midpoint handle of the first edge sits at (130, 60); dragging it adds a vertex there.
    await drag(element, [130, 60], [130, 30], 5);
    closePoints(geometryOf(toolById(element, id)) as number[][], [
      [60, 60],
      [130, 30],
      [200, 60],
      [130, 180],
    ]);
    // Press (and release) the vertex at (200, 60) to focus it; Delete removes that vertex only.
    await click(element, [200, 60]);
    await press('Delete');
    closePoints(geometryOf(toolById(element, id)) as number[][], [
      [60, 60],
      [130, 30],
      [130, 180],
    ]);
    expect(element.export().task.tools).to.have.length(1);
    expect(events.map((e) => e.detail.reason)).to.deep.equal(['update', 'update']);
    expect(events[1]!.detail.tools[0]).to.deep.equal(toolById(element, id));

    // At the minimum of three vertices Delete removes nothing, not even the polygon.
    await press('Delete');
    expect(geometryOf(toolById(element, id)) as number[][]).to.have.length(3);

    await sendKeys({ press: 'Control+z' });
    expect(geometryOf(toolById(element, id)) as number[][]).to.have.length(4);
    await sendKeys({ press: 'Control+z' });
    expect(geometryOf(toolById(element, id)) as number[][]).to.have.length(3);
    closePoints(geometryOf(toolById(element, id)) as number[][], [
      [60, 60],
      [200, 60],
      [130, 180],
    ]);
  });
});

// ---- many elements, lost contexts ---------------------------------------------------------------

/** Whether the canvas's WebGL context is lost (false for a Canvas2D canvas: it has none to lose). */
function webglOf(canvas: HTMLCanvasElement): WebGLRenderingContext | WebGL2RenderingContext | null {
  // A canvas that already has a context returns it (or null for another kind): nothing is created here.
  return canvas.getContext('webgl2') ?? canvas.getContext('webgl');
}

/**
 * The element's canvas once it can draw: after a context loss the surface replaces its canvas
 * (rebuilt on the canvas renderer); wait, frame by frame, until the one in the shadow root is alive.
 */
async function liveCanvas(element: LkImage): Promise<HTMLCanvasElement> {
  for (;;) {
    const canvas = element.shadowRoot?.querySelector('canvas');
    if (canvas && !webglOf(canvas)?.isContextLost()) return canvas;
    await frames(1);
  }
}

/** RGBA at an asset point of the element's canvas. */
function assetPixel(element: LkImage, canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const view = element.view!;
  return pixelAt(canvas, view.offsetX + x * view.scale, view.offsetY + y * view.scale);
}

/** A box that reaches left of the photo, where the canvas is transparent: its fill shows there alone. */
const OUTSIDE_BOX = { objectId: 'edge', schemaId: 't-car', 'bounding-box': { x: -40, y: 20, width: 120, height: 60 } };

/** The element draws: the photo, and the box's red fill beside it on otherwise transparent canvas. */
function expectDrawing(element: LkImage, canvas: HTMLCanvasElement, label: string): void {
  const photo = assetPixel(element, canvas, 320, 180);
  expect(photo[3], `${label}: the photo is drawn`).to.equal(255);
  // Margin left of the photo (asset x < 0): transparent, except inside the box.
  const margin = -6 / element.view!.scale;
  const inBox = assetPixel(element, canvas, margin, 50);
  const outside = assetPixel(element, canvas, margin, 200);
  expect(outside[3], `${label}: nothing drawn outside shapes and photo`).to.equal(0);
  expect(inBox[3], `${label}: the box fill is drawn (${inBox})`).to.be.greaterThan(0);
  expect(inBox[0]! - inBox[1]!, `${label}: in the class colour (#e53935) ${inBox}`).to.be.greaterThan(80);
}

describe('<lk-image> many on one page, and a lost WebGL context', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    prelabels = await fetchJson(IMPORT_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  for (const renderer of ['webgl', 'auto'] as const) {
    it(`keeps twenty elements drawing and editable with renderer="${renderer}" (Chromium keeps 16 WebGL contexts)`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="display: grid; grid-template-columns: repeat(4, 320px); gap: 4px">
          ${Array.from(
            { length: 20 },
            (_, i) => html`<lk-image
              no-sidebar
              renderer=${renderer}
              asset-id=${`img-${i}`}
              style="--lk-height: 300px; width: 320px"
              .ontology=${ontology}
            ></lk-image>`,
          )}
        </div>
      `);
      const elements = [...wrapper.querySelectorAll('lk-image')] as LkImage[];
      let lost = 0;
      for (const element of elements) element.shadowRoot!.addEventListener('webglcontextlost', () => lost++, { capture: true });
      const ready = Promise.all(elements.map((element) => nextEvent(element, 'lk-ready')));
      elements.forEach((element, i) => {
        element.annotations = { objects: [OUTSIDE_BOX, { objectId: `p${i}`, schemaId: 't-head', point: [300, 200] }] };
        element.src = IMAGE_URL;
      });
      await ready;

      const canvases: HTMLCanvasElement[] = [];
      for (const element of elements) {
        const canvas = await liveCanvas(element);
        await element.settled();
        canvases.push(canvas);
      }
      const webgl = canvases.filter((canvas) => webglOf(canvas) !== null).length;
      if (renderer === 'webgl' || !softwareWebGL()) {
        expect(lost, 'Chromium evicted the oldest contexts').to.be.greaterThan(0);
        expect(webgl, 'the evicted ones rebuilt on the canvas renderer').to.be.at.most(16);
      } else {
        // WebGL is software here (SwiftShader): auto picks the canvas renderer, so no context is lost.
        expect(webgl).to.equal(0);
        expect(lost).to.equal(0);
      }
      elements.forEach((element, i) => {
        expect(element.renderedIds().sort(), `element ${i}`).to.deep.equal(['edge', `p${i}`]);
        expectDrawing(element, canvases[i]!, `element ${i}`);
      });

      // The first element (the first evicted with webgl) still takes input and draws the result.
      const first = elements[0]!;
      first.focus();
      await press('1');
      await drag(first, [200, 100], [400, 250]);
      const tools = first.export().task.tools;
      expect(tools.map((t) => t.objectId).slice(0, 2)).to.deep.equal(['edge', 'p0']);
      expect(tools).to.have.length(3);
      const box = geometryOf(tools[2]) as { x: number; y: number; width: number; height: number };
      close(box.x, 200, 3);
      close(box.width, 200, 5);
      await first.settled();
      expect(first.renderedIds()).to.include(tools[2]!.objectId);
      elements.slice(1).forEach((element) => expect(element.export().task.tools).to.have.length(2));
    });
  }

  it('rebuilds after WEBGL_lose_context, keeps every annotation and draws them', async () => {
    const element = await mount({ renderer: 'webgl' });
    const record = structuredClone(prelabels) as [{ objects: unknown[] }];
    record[0].objects.push(OUTSIDE_BOX);
    element.annotations = record as never;
    await element.settled();
    const oldCanvas = canvasOf(element);
    const gl = webglOf(oldCanvas);
    expect(gl, 'renderer="webgl" draws with WebGL').not.to.equal(null);
    expectDrawing(element, oldCanvas, 'before');
    const before = element.export().task;
    const ids = element.renderedIds().sort();
    expect(ids).to.have.length(8);
    const events = recordEvents(element, ['lk-change', 'lk-error']);

    const extension = gl!.getExtension('WEBGL_lose_context')!;
    const lostEvent = nextEvent(oldCanvas, 'webglcontextlost');
    extension.loseContext();
    await lostEvent;
    extension.restoreContext();

    const canvas = await liveCanvas(element);
    await element.settled();
    expect(canvas).not.to.equal(oldCanvas);
    expect(oldCanvas.isConnected, 'the dead canvas is gone').to.equal(false);
    // One stage canvas (the Canvas2D renderer adds its small live overlay beside it).
    expect(element.shadowRoot!.querySelectorAll('canvas[part="canvas"]')).to.have.length(1);
    expect(canvas.getAttribute('part')).to.equal('canvas');
    expect(element.renderedIds().sort()).to.deep.equal(ids);
    expectDrawing(element, canvas, 'after');
    const after = element.export().task;
    expect(after.tools).to.deep.equal(before.tools);
    expect(after.classifications).to.deep.equal(before.classifications);
    expect(after.relations).to.deep.equal(before.relations);
    expect(events, 'a rebuild is no change and no error').to.have.length(0);

    // Still interactive: select the box o1 and nudge it.
    await click(element, [280, 200]);
    expect(element.session.selection).to.deep.equal(['o1']);
    await press('ArrowRight');
    expect(geometryOf(toolById(element, 'o1'))).to.deep.equal({ x: 261, y: 120, width: 40, height: 180 });
  });
});
