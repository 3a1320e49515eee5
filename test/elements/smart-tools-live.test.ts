/**
 * The smart tools made fast (issue 20) as a labeler meets them in `<lk-image>`: the magic wand on
 * the bundled photo, clicked with the real mouse, writes exactly the outline the plain algorithms
 * give (a breadth-first fill, the tracer pixel by pixel, the same simplification); the wand's draft
 * and the lasso's wire are drawn on the draft overlay and leave with Esc; a click before the
 * picture's pixels are read fills once they are, a newer click wins, and Enter meanwhile writes it.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { Box, Zone } from '../../src/core/model.js';
import { polygonArea } from '../../src/core/geometry.js';
import type { OntologyInput } from '../../src/format/input-types.js';
import type { Tool, ToolPointer } from '../../src/tools/tool.js';
import { boxMaskToZones } from '../../src/tools/smart/mask-shapes.js';
import { assetPoint, click, decodedPixels, IMAGE_URL, mountImageOn, pagePoint, pictureUrl, pixelAt, press, resetMouse, sendMouse } from './helpers.js';
import { until } from './waits.js';
import { referenceFill } from '../tools/reference-fill.js';

const ontology: OntologyInput = {
  tools: [
    { schemaId: 'poly', tool: 'polygon', title: 'Region', shortcutKey: '1', color: '#ff00ff' },
    { schemaId: 'seg', tool: 'segmentation', title: 'Area', shortcutKey: '2', color: '#ff00ff' },
  ],
  classifications: [],
  relations: [],
};

/** The wand's defaults (smart-settings.ts, magic-wand-tool.ts). */
const TOLERANCE = 32;
const OUTLINE_TOLERANCE = 0.5;

afterEach(() => resetMouse());

interface SurfaceLike {
  activeTool: Tool & { zones?: readonly Zone[] };
  pictureReader: { clear(): void };
}
const surfaceOf = (element: LkImage) => (element as unknown as { surface: SurfaceLike }).surface;

const segmentations = (element: LkImage): Zone[][] =>
  element
    .export()
    .task.tools.filter((tool) => tool.schemaId === 'seg')
    .map((tool) => tool.segmentation!.zones);

async function pick(element: LkImage, classKey: string, toolKey: string): Promise<void> {
  await press(classKey);
  await press(toolKey);
  await element.settled();
}

/**
 * What the wand gave before its fast paths: a 4-connected breadth-first fill comparing channel by
 * channel, traced with the mask one column wider than whole 32-bit words (so pixel by pixel).
 */
function plainWandZones(image: ImageData, sx: number, sy: number): Zone[] {
  const { width } = image;
  const filled = referenceFill({ width, height: image.height, rgba: image.data }, sx, sy, TOLERANCE);
  let [minX, minY, maxX, maxY] = [sx, sy, sx, sy];
  filled.forEach((inside, i) => {
    if (!inside) return;
    const x = i % width;
    const y = (i - x) / width;
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  });
  const box: Box = { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  const stride = box.width + ((box.width + 1) % 4 === 0 ? 2 : 1);
  const mask = new Uint8Array(stride * box.height);
  for (let y = 0; y < box.height; y++) mask.set(filled.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * stride);
  return boxMaskToZones(mask, box, OUTLINE_TOLERANCE, stride);
}

/** The overlay canvas's alpha at an asset point (0 where it shows nothing), or undefined when it is not in the page. */
function overlayAlpha(element: LkImage, x: number, y: number): number | undefined {
  const overlay = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-layer="draft-overlay"]');
  if (!overlay) return undefined;
  const rect = overlay.getBoundingClientRect();
  const [px, py] = pagePoint(element, x, y);
  return pixelAt(overlay, px - rect.left, py - rect.top)[3];
}

describe('smart tools, fast paths', () => {
  it('a real wand click on the bundled photo writes the outline the plain fill and tracer give', async () => {
    const element = await mountImageOn(IMAGE_URL, ontology, { objects: [] });
    await pick(element, '2', 'Shift+W');
    const image = await decodedPixels(IMAGE_URL);
    const expected: Zone[][] = [];
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.2, 0.8],
      [0.85, 0.15],
    ] as const) {
      const page = pagePoint(element, Math.round(image.width * fx), Math.round(image.height * fy));
      const [sx, sy] = assetPoint(element, page).map(Math.floor) as [number, number];
      expected.push(plainWandZones(image, sx, sy));
      await sendMouse({ type: 'click', position: page });
      await press('Enter');
    }
    const written = segmentations(element);
    expect(written).to.have.length(3);
    for (const [i, zones] of expected.entries()) {
      expect(zones.length, `seed ${i} fills something`).to.be.greaterThan(0);
      expect(written[i], `seed ${i}`).to.deep.equal(zones);
    }
  });

  it('the wand draft and the lasso wire are drawn on the overlay, which Esc takes away', async () => {
    const src = await pictureUrl(400, 300, (context) => {
      context.fillStyle = '#000000';
      context.fillRect(0, 0, 400, 300);
      context.fillStyle = '#ffffff';
      context.fillRect(100, 80, 200, 140);
    });
    try {
      const element = await mountImageOn(src, ontology, { objects: [] });
      await pick(element, '2', 'Shift+W');
      expect(overlayAlpha(element, 200, 80), 'no overlay before a draft').to.equal(undefined);
      await click(element, [200, 150]);
      await until(() => (overlayAlpha(element, 200, 80) ?? 0) > 0, 'the draft outline on the overlay');
      expect(overlayAlpha(element, 200, 40), 'nothing away from the draft').to.equal(0);
      // The draft follows a zoom: drawn where the new view puts its edge, gone from where it was.
      const scaleBefore = element.view!.scale;
      const edgeBefore = pagePoint(element, 200, 80);
      const [cx, cy] = pagePoint(element, 200, 150);
      await executeServerCommand('input:wheel', { x: cx, y: cy, deltaY: 100 });
      await until(() => element.view!.scale < scaleBefore * 0.95 && (overlayAlpha(element, 200, 80) ?? 0) > 0, 'the outline where the zoomed-out view puts it');
      const [ax, ay] = assetPoint(element, edgeBefore);
      expect(ay, 'the old place of the edge is outside the region now').to.be.lessThan(75);
      expect(overlayAlpha(element, ax, ay), 'nothing left where the edge was').to.equal(0);
      await press('Escape');
      expect(overlayAlpha(element, 200, 80), 'Esc takes the overlay away').to.equal(undefined);

      await pick(element, '1', 'Shift+L');
      await click(element, [150, 80]);
      await sendMouse({ type: 'move', position: pagePoint(element, 260, 81) });
      await until(() => (overlayAlpha(element, 210, 80) ?? 0) > 0, 'the live wire along the top edge');
      expect(overlayAlpha(element, 210, 150), 'the wire does not cut across').to.equal(0);
      await press('Escape');
      expect(overlayAlpha(element, 210, 80)).to.equal(undefined);
      expect(element.export().task.tools).to.have.length(0);
    } finally {
      URL.revokeObjectURL(src);
    }
  });

  it('a click before the picture is read fills once it is; a newer click wins; Enter meanwhile writes it', async () => {
    // 1600 × 1200: read in several bands, so the clicks below come before the read ends.
    const rect = { x: 200, y: 200, width: 500, height: 400 };
    const disc = { x: 1100, y: 700, r: 300 };
    const src = await pictureUrl(1600, 1200, (context) => {
      context.fillStyle = '#202020';
      context.fillRect(0, 0, 1600, 1200);
      context.fillStyle = '#ffffff';
      context.fillRect(rect.x, rect.y, rect.width, rect.height);
      context.fillStyle = '#e00000';
      context.beginPath();
      context.arc(disc.x, disc.y, disc.r, 0, 2 * Math.PI);
      context.fill();
    });
    try {
      const element = await mountImageOn(src, ontology, { objects: [] });
      await pick(element, '2', 'Shift+W');
      const surface = surfaceOf(element);
      // As on a picture not read yet (the wand read it while the labeler aimed).
      surface.pictureReader.clear();
      const tool = surface.activeTool;
      const at = (x: number, y: number): ToolPointer => ({ x, y, button: 0, shiftKey: false, altKey: false, ctrlKey: false, pointerType: 'mouse', pressure: 0.5 });
      tool.pointerDown(at(rect.x + 100, rect.y + 100));
      expect(tool.zones, 'nothing filled before the pixels are read').to.have.length(0);
      expect(tool.state).to.equal('magic-wand.draft');
      tool.pointerDown(at(disc.x, disc.y));
      expect(tool.finish(), 'Enter is taken while the picture is read').to.equal(true);
      await until(() => segmentations(element).length > 0, 'the draft written once the picture is read');
      const written = segmentations(element);
      expect(written).to.have.length(1);
      const area = written[0]!.reduce((sum, zone) => sum + polygonArea(zone.region), 0);
      // The disc (its anti-aliased rim aside), not the superseded rectangle.
      expect(area).to.be.within(Math.PI * disc.r * disc.r - 2 * Math.PI * disc.r, Math.PI * disc.r * disc.r);
      expect(tool.state).to.equal('magic-wand.idle');
    } finally {
      URL.revokeObjectURL(src);
    }
  });
});
