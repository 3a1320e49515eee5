/**
 * Smart tools without a model (issue 20, part 2) in `<lk-image>` with real keys and mouse: the
 * magic wand, the magnetic lasso and the shape edits (union, subtract, islands, holes, simplify,
 * smooth, brush ↔ segmentation), asserted on the export a host gets.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { Point, Zone } from '../../src/core/model.js';
import type { ExportTool } from '../../src/format/types.js';
import type { OntologyInput, ToolCategoryInput } from '../../src/format/input-types.js';
import { polygonArea } from '../../src/core/geometry.js';
import { click, decodedPixels, IMAGE_URL, mountImageOn, nextEvent, pagePoint, pictureUrl, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';

const ontology: OntologyInput & { tools: ToolCategoryInput[] } = {
  tools: [
    { schemaId: 'poly', tool: 'polygon', title: 'Region', shortcutKey: '1' },
    { schemaId: 'seg', tool: 'segmentation', title: 'Area', shortcutKey: '2' },
    { schemaId: 'brush', tool: 'brush', title: 'Area', shortcutKey: '3' },
  ],
  classifications: [],
  relations: [],
};

/** 400 × 300: dark ground, a white rectangle [100, 220) × [80, 180) (12,000 px) and a red disc r = 40 at (300, 220). */
const RECT = { x: 100, y: 80, width: 120, height: 100 };
const DISC = { x: 300, y: 220, r: 40 };
let shapesSrc = '';
/** 400 × 300: black ground, a white square [100, 300) × [80, 220), for the lasso. */
const SQUARE = { x: 100, y: 80, width: 200, height: 140 };
let squareSrc = '';

before(async () => {
  shapesSrc = await pictureUrl(400, 300, (context) => {
    context.fillStyle = '#202020';
    context.fillRect(0, 0, 400, 300);
    context.fillStyle = '#ffffff';
    context.fillRect(RECT.x, RECT.y, RECT.width, RECT.height);
    context.fillStyle = '#e00000';
    context.beginPath();
    context.arc(DISC.x, DISC.y, DISC.r, 0, 2 * Math.PI);
    context.fill();
  });
  squareSrc = await pictureUrl(400, 300, (context) => {
    context.fillStyle = '#000000';
    context.fillRect(0, 0, 400, 300);
    context.fillStyle = '#ffffff';
    context.fillRect(SQUARE.x, SQUARE.y, SQUARE.width, SQUARE.height);
  });
});
after(() => {
  URL.revokeObjectURL(shapesSrc);
  URL.revokeObjectURL(squareSrc);
});
afterEach(() => resetMouse());

const tools = (element: LkImage, schemaId: string): ExportTool[] => element.export().task.tools.filter((tool) => tool.schemaId === schemaId);

function zonesArea(zones: readonly Zone[]): number {
  return zones.reduce((sum, zone) => sum + polygonArea(zone.region) - zone.holes.reduce((h, hole) => h + polygonArea(hole), 0), 0);
}

async function shiftClick(element: LkImage, at: [number, number], modifier: 'Shift' | 'Alt'): Promise<void> {
  await sendKeys({ down: modifier });
  await click(element, at);
  await sendKeys({ up: modifier });
}

/** Picks a class by its shortcut and a smart tool by its key, then waits for the tool to load. */
/** A key whose work may load code first (shape edits): waits until it ran. */
async function pressAndSettle(element: LkImage, key: string): Promise<void> {
  await press(key);
  await element.settled();
}

async function pick(element: LkImage, classKey: string, toolKey?: string): Promise<void> {
  await press(classKey);
  if (toolKey) await press(toolKey);
  await element.settled();
}

function toolbarButton(element: LkImage, selector: string): HTMLButtonElement {
  const toolbar = element.shadowRoot!.querySelector('lk-toolbar')!;
  const button = toolbar.shadowRoot!.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector} in the toolbar`);
  return button;
}

async function clickButton(element: LkImage, button: HTMLButtonElement): Promise<void> {
  const rect = button.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await element.settled();
}

describe('magic wand', () => {
  it('fills the clicked rectangle into a polygon of exactly its area; Enter writes one object', async () => {
    const element = await mountImageOn(shapesSrc, ontology, { objects: [] });
    const changes = recordEvents(element, ['lk-change']);
    await pick(element, '1');
    await clickButton(element, toolbarButton(element, 'button[data-smart-tool="magic-wand"]'));
    expect(toolbarButton(element, 'button[data-smart-tool="magic-wand"]').getAttribute('aria-pressed')).to.equal('true');
    await expect(element.shadowRoot!.querySelector('lk-toolbar')).to.be.accessible();
    await click(element, [150, 120]);
    expect(tools(element, 'poly')).to.have.length(0);
    await press('Enter');
    const [polygon] = tools(element, 'poly');
    expect(polygon?.polygon).to.have.length(4);
    expect(polygonArea(polygon!.polygon!)).to.equal(RECT.width * RECT.height);
    const xs = polygon!.polygon!.map(([x]) => x).sort((a, b) => a - b);
    expect([xs[0], xs.at(-1)]).to.deep.equal([RECT.x, RECT.x + RECT.width]);
    expect(changes).to.have.length(1);
  });

  it('Shift+click adds a region, Alt+click takes one away; a segmentation class keeps every zone', async () => {
    const element = await mountImageOn(shapesSrc, ontology, { objects: [] });
    await pick(element, '2', 'Shift+W');
    await click(element, [150, 120]);
    await shiftClick(element, [DISC.x, DISC.y], 'Shift');
    await shiftClick(element, [DISC.x + 5, DISC.y + 5], 'Alt');
    await shiftClick(element, [DISC.x - 5, DISC.y - 5], 'Shift');
    await press('Enter');
    const [segmentation] = tools(element, 'seg');
    const zones = segmentation!.segmentation!.zones;
    expect(zones).to.have.length(2);
    // The disc's anti-aliased rim is not the seed's colour: at most its perimeter's pixels are left out.
    const disc = zonesArea(zones) - RECT.width * RECT.height;
    expect(disc).to.be.within(Math.PI * DISC.r * DISC.r - 2 * Math.PI * DISC.r, Math.PI * DISC.r * DISC.r);
  });

  it('Esc drops the draft; [ and ] change the tolerance and refill it on the real photo', async () => {
    const element = await mountImageOn(IMAGE_URL, ontology, { objects: [] });
    await pick(element, '2', 'Shift+W');
    const { width, height } = await decodedPixels(IMAGE_URL);
    const seed: [number, number] = [Math.round(width / 2), Math.round(height / 2)];
    await click(element, seed);
    await press('Escape');
    expect(element.export().task.tools).to.have.length(0);
    for (let i = 0; i < 4; i++) await press('[');
    await click(element, seed);
    await press('Enter');
    const low = zonesArea(tools(element, 'seg')[0]!.segmentation!.zones);
    for (let i = 0; i < 4; i++) await press(']');
    expect(toolbarButton(element, '#wand-tolerance').value).to.equal(String(32));
    await click(element, [seed[0] + 2, seed[1] + 2]);
    await press('Enter');
    const high = zonesArea(tools(element, 'seg')[1]!.segmentation!.zones);
    expect(low).to.be.greaterThan(0);
    expect(high).to.be.greaterThan(low);
    expect(high).to.be.lessThan(width * height);
  });
});

function distanceToSquareEdge([x, y]: Point): number {
  const { x: left, y: top, width, height } = SQUARE;
  const right = left + width;
  const bottom = top + height;
  const inside = x >= left && x <= right && y >= top && y <= bottom;
  if (inside) return Math.min(x - left, right - x, y - top, bottom - y);
  const dx = Math.max(left - x, 0, x - right);
  const dy = Math.max(top - y, 0, y - bottom);
  return Math.hypot(dx, dy);
}

describe('ontology drawWith', () => {
  it('a class with drawWith "magic-wand" fills on its first click; the labeler can switch back to click', async () => {
    const wandOntology = { ...ontology, tools: [{ ...ontology.tools[0]!, drawWith: 'magic-wand' }, ...ontology.tools.slice(1)] };
    const element = await mountImageOn(shapesSrc, wandOntology, { objects: [] });
    await pick(element, '1');
    expect(toolbarButton(element, 'button[data-smart-tool="magic-wand"]').getAttribute('aria-pressed')).to.equal('true');
    await click(element, [150, 120]);
    await press('Enter');
    expect(polygonArea(tools(element, 'poly')[0]!.polygon!)).to.equal(RECT.width * RECT.height);
    await pick(element, 'Shift+W');
    expect(toolbarButton(element, 'button[data-smart-tool="click"]').getAttribute('aria-pressed')).to.equal('true');
    for (const at of [[10, 10], [60, 10], [60, 60]] as [number, number][]) await click(element, at);
    await press('Enter');
    expect(tools(element, 'poly')[1]!.polygon).to.have.length(3);
  });

  it('drawWith on a class that is not a polygon or segmentation is an ontology problem with its path', async () => {
    const element = await mountImageOn(shapesSrc, ontology, { objects: [] });
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.ontology = { ...ontology, tools: [...ontology.tools.slice(0, 2), { ...ontology.tools[2]!, drawWith: 'magic-wand' }] };
    const { detail } = await error;
    expect(detail.code).to.equal('ontology-invalid');
    expect(detail.cause.problems.map((problem: { code: string; path: string }) => `${problem.code} @ ${problem.path}`)).to.deep.equal(['bad-draw-with @ $.tools[2].drawWith']);
  });

  it('the shortcut help lists the smart tools and shape edits with their keys', async () => {
    const element = await mountImageOn(shapesSrc, ontology, { objects: [] });
    await press('?');
    await element.updateComplete;
    const help = element.shadowRoot!.querySelector('lk-shortcut-help')!;
    await help.updateComplete;
    const row = (id: string) => help.shadowRoot!.querySelector(`[data-shortcut="${id}"]`)?.textContent ?? '';
    expect(row('magic-wand')).to.contain('Magic wand').and.to.match(/Shift\s*\+\s*W/i);
    expect(row('union-shapes')).to.contain('Union').and.to.match(/Shift\s*\+\s*U/i);
  });
});

describe('magnetic lasso', () => {
  it('snaps between anchors to the square’s edge; Backspace drops the last anchor, Enter closes', async () => {
    const element = await mountImageOn(squareSrc, ontology, { objects: [] });
    await pick(element, '1', 'Shift+L');
    const anchors: [number, number][] = [
      [200, 77],
      [303, 150],
      [200, 223],
      [97, 150],
    ];
    for (const anchor of anchors) await click(element, anchor);
    await click(element, [60, 40]);
    await press('Backspace');
    // The live wire follows the pointer before any click.
    await sendMouse({ type: 'move', position: pagePoint(element, 150, 78) });
    await press('Enter');
    const [polygon] = tools(element, 'poly');
    const vertices = polygon!.polygon!;
    expect(vertices.length).to.be.at.least(4);
    for (const vertex of vertices) expect(distanceToSquareEdge(vertex), `${vertex}`).to.be.at.most(2);
    const area = polygonArea(vertices);
    expect(area).to.be.closeTo(SQUARE.width * SQUARE.height, 0.03 * SQUARE.width * SQUARE.height);
  });

  it('Esc drops the outline and writes nothing', async () => {
    const element = await mountImageOn(squareSrc, ontology, { objects: [] });
    await pick(element, '1', 'Shift+L');
    await click(element, [200, 80]);
    await click(element, [300, 150]);
    await press('Escape');
    await press('Enter');
    expect(element.export().task.tools).to.have.length(0);
  });
});

const square = (x: number, y: number, side: number): Point[] => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
];

async function selectBoth(element: LkImage, first: [number, number], second: [number, number]): Promise<void> {
  await click(element, first);
  await shiftClick(element, second, 'Shift');
  expect(element.export().task.tools).to.have.length.at.least(2);
}

describe('shape edits', () => {
  const twoSquares = {
    objects: [
      { objectId: 'a', schemaId: 'poly', polygon: square(50, 50, 100) },
      { objectId: 'b', schemaId: 'poly', polygon: square(100, 100, 100) },
    ],
  };

  it('union merges the second square into the first (17,500 px²) as one undo step', async () => {
    const element = await mountImageOn(shapesSrc, ontology, twoSquares);
    await selectBoth(element, [60, 60], [190, 190]);
    await pressAndSettle(element, 'Shift+U');
    const polygons = tools(element, 'poly');
    expect(polygons.map((tool) => tool.objectId)).to.deep.equal(['a']);
    expect(polygonArea(polygons[0]!.polygon!)).to.equal(17500);
    await press('Control+z');
    expect(tools(element, 'poly').map((tool) => polygonArea(tool.polygon!))).to.deep.equal([10000, 10000]);
  });

  it('subtract takes the second square from the first (7,500 px²) and keeps the second', async () => {
    const element = await mountImageOn(shapesSrc, ontology, twoSquares);
    const toolbar = element.shadowRoot!.querySelector('lk-toolbar')!;
    expect(toolbar.shadowRoot!.querySelector('[data-shape-edit]'), 'no edits without a selection').to.equal(null);
    await click(element, [60, 60]);
    await element.updateComplete;
    await toolbar.updateComplete;
    expect(toolbar.shadowRoot!.querySelector('[data-shape-edit="unionShapes"]'), 'union needs two shapes').to.equal(null);
    await shiftClick(element, [190, 190], 'Shift');
    await clickButton(element, toolbarButton(element, 'button[data-shape-edit="subtractShapes"]'));
    const areas = Object.fromEntries(tools(element, 'poly').map((tool) => [tool.objectId, polygonArea(tool.polygon!)]));
    expect(areas).to.deep.equal({ a: 7500, b: 10000 });
  });

  it('a subtraction that would leave a polygon with a hole is refused with an lk-error and changes nothing', async () => {
    const element = await mountImageOn(shapesSrc, ontology, {
      objects: [
        { objectId: 'a', schemaId: 'poly', polygon: square(50, 50, 200) },
        { objectId: 'b', schemaId: 'poly', polygon: square(100, 100, 50) },
      ],
    });
    await selectBoth(element, [60, 60], [120, 120]);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    await pressAndSettle(element, 'Shift+X');
    expect((await error).detail.code).to.equal('shape-edit');
    expect(tools(element, 'poly').map((tool) => polygonArea(tool.polygon!))).to.deep.equal([40000, 2500]);
  });

  it('removes islands under 100 px² and fills holes, each one undo step', async () => {
    const element = await mountImageOn(shapesSrc, ontology, {
      objects: [
        {
          objectId: 's',
          schemaId: 'seg',
          segmentation: { zones: [{ region: square(50, 50, 100), holes: [square(80, 80, 20)] }, { region: square(200, 200, 5), holes: [] }] },
        },
      ],
    });
    await click(element, [60, 60]);
    await pressAndSettle(element, 'Shift+I');
    let zones = tools(element, 'seg')[0]!.segmentation!.zones;
    expect(zones).to.have.length(1);
    expect(zonesArea(zones)).to.equal(10000 - 400);
    await pressAndSettle(element, 'Shift+H');
    zones = tools(element, 'seg')[0]!.segmentation!.zones;
    expect(zones[0]!.holes).to.have.length(0);
    expect(zonesArea(zones)).to.equal(10000);
    await press('Control+z');
    expect(zonesArea(tools(element, 'seg')[0]!.segmentation!.zones)).to.equal(9600);
  });

  it('simplify drops vertices that add no shape; smooth cuts every corner in two', async () => {
    const jagged: Point[] = [
      [50, 50],
      [100, 50.3],
      [150, 50],
      [150, 150],
      [100, 149.7],
      [50, 150],
    ];
    const element = await mountImageOn(shapesSrc, ontology, { objects: [{ objectId: 'a', schemaId: 'poly', polygon: jagged }] });
    await click(element, [60, 60]);
    await pressAndSettle(element, 'Shift+S');
    expect(tools(element, 'poly')[0]!.polygon).to.deep.equal(square(50, 50, 100));
    await pressAndSettle(element, 'Shift+M');
    const smoothed = tools(element, 'poly')[0]!.polygon!;
    expect(smoothed).to.have.length(8);
    // Each corner cut takes a right triangle with legs of 25 px.
    expect(polygonArea(smoothed)).to.equal(10000 - 4 * (25 * 25) / 2);
  });

  it('a segmentation to brush pixels and back keeps its area exactly', async () => {
    const zone = { region: square(60, 60, 80), holes: [square(90, 90, 10)] };
    const element = await mountImageOn(shapesSrc, ontology, { objects: [{ objectId: 's', schemaId: 'seg', segmentation: { zones: [zone] } }] });
    await click(element, [65, 65]);
    await pressAndSettle(element, 'Shift+G');
    expect(tools(element, 'seg')).to.have.length(0);
    const painted = await decodedPixels(element.export().task.brushDataUrl);
    let count = 0;
    for (let i = 3; i < painted.data.length; i += 4) if (painted.data[i]! > 0) count++;
    expect(count).to.equal(6400 - 100);
    await press('3');
    await pressAndSettle(element, 'Shift+B');
    const [back] = tools(element, 'seg');
    expect(zonesArea(back!.segmentation!.zones)).to.equal(6400 - 100);
    expect(element.export().task.brushDataUrl).to.equal('');
  });
});
