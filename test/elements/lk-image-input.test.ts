/**
 * <lk-image> with the input a tablet, a pen and a mouse wheel give: real touch, pen and wheel events
 * from Chromium (test/server/input-plugin.mjs drives them through CDP), plus the select-tool
 * edits (rotate handle, vertex insert and delete) with the mouse, many elements on one page and a
 * lost WebGL context. Every test asserts what the host sees: export JSON, events, pixels.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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
  const ready = nextEvent(element, 'lk-ready');
  element.src = IMAGE_URL;
  await ready;
  await element.settled();
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
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const column = context.getImageData(x, y0, 1, y1 - y0).data;
  let rows = 0;
  for (let i = 3; i < column.length; i += 4) if (column[i]! > 0) rows++;
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
});
