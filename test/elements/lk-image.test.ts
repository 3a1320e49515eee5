import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import '../../src/elements/panels/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ExportTool } from '../../src/format/types.js';
import {
  IMAGE_URL,
  IMPORT_URL,
  ONTOLOGY_URL,
  canvasOf,
  click,
  drag,
  fetchJson,
  frames,
  nextEvent,
  pagePoint,
  pictureUrl,
  pixelAt,
  press,
  recordEvents,
  resetMouse,
  sendKeys,
  sendMouse,
} from './helpers.js';

let ontology: unknown;
let prelabels: unknown;

async function mount(attrs: { src?: string; mode?: string } = {}): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image
      style="--lk-height: 480px; width: 960px"
      asset-id="a-1"
      external-id="bottles-frame.jpg"
      mode=${attrs.mode ?? 'annotate'}
      .ontology=${ontology}
      .user=${{ id: 'u-1', email: 'ann@example.com' }}
    ></lk-image>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = attrs.src ?? IMAGE_URL;
  await ready;
  await element.settled();
  element.focus();
  return element;
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

describe('<lk-image>', () => {
  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    prelabels = await fetchJson(IMPORT_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('loads the real photograph and draws it', async () => {
    const element = await mount();
    expect(element.export().metadata).to.deep.equal({ width: 640, height: 360 });
    const canvas = canvasOf(element);
    const rect = canvas.getBoundingClientRect();
    const view = element.view!;
    // The centre of the photo is not the stage background colour.
    const [r, g, b] = pixelAt(canvas, view.offsetX + 320 * view.scale, view.offsetY + 180 * view.scale);
    expect(rect.width).to.be.greaterThan(100);
    expect([r, g, b]).not.to.deep.equal([32, 33, 36]);
  });

  it('draws a bounding box with the mouse and reports it in lk-change and export()', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change', 'lk-input']);
    await press('1');
    expect(element.session.activeSchemaId).to.equal('t-car');
    await drag(element, [100, 80], [220, 200]);
    await frames();
    const changes = events.filter((e) => e.type === 'lk-change');
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.reason).to.equal('create');
    const tools = element.export().task.tools;
    expect(tools).to.have.length(1);
    const box = geometryOf(tools[0]) as { x: number; y: number; width: number; height: number };
    close(box.x, 100);
    close(box.y, 80);
    close(box.width, 120);
    close(box.height, 120);
    expect(tools[0]!.schemaId).to.equal('t-car');
    expect(tools[0]!.title).to.equal('Car');
    expect(tools[0]!.metadata.createdBy).to.equal('ann@example.com');
    expect(changes[0]!.detail.tools[0]).to.deep.equal(tools[0]);
    expect(element.renderedIds()).to.deep.equal([tools[0]!.objectId]);
  });

  it('draws a polygon by clicks and Enter, a point, and undoes and redoes across them', async () => {
    const element = await mount();
    await press('3');
    await click(element, [50, 50]);
    await click(element, [150, 50]);
    await click(element, [100, 140]);
    await press('Enter');
    await press('5');
    await click(element, [300, 100]);
    let tools = element.export().task.tools;
    expect(tools.map((t) => t.schemaId)).to.deep.equal(['t-road', 't-head']);
    const polygon = geometryOf(tools[0]) as number[][];
    expect(polygon).to.have.length(3);
    close(polygon[2]![0]!, 100);
    close(polygon[2]![1]!, 140);
    const point = geometryOf(tools[1]) as number[];
    close(point[0]!, 300);

    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.tools.map((t) => t.schemaId)).to.deep.equal(['t-road']);
    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.tools).to.have.length(0);
    await sendKeys({ press: 'Control+Shift+z' });
    await sendKeys({ press: 'Control+Shift+z' });
    tools = element.export().task.tools;
    expect(tools.map((t) => t.schemaId)).to.deep.equal(['t-road', 't-head']);
  });

  it('draws a rotated box, a polyline, a spline and a segmentation region with real input', async () => {
    const element = await mount();
    await press('2');
    await drag(element, [400, 60], [460, 160]);
    await press('4');
    await click(element, [20, 300]);
    await click(element, [120, 280]);
    await click(element, [220, 300]);
    await press('Enter');
    await press('8');
    await click(element, [20, 330]);
    await click(element, [200, 320]);
    await click(element, [400, 330]);
    await press('Enter');
    await press('6');
    await click(element, [480, 200]);
    await click(element, [600, 200]);
    await click(element, [600, 300]);
    await press('Enter');
    const tools = element.export().task.tools;
    expect(tools.map((t) => t.schemaId)).to.deep.equal(['t-sign', 't-lane', 't-curb', 't-sky']);
    const rotated = geometryOf(tools[0]) as { x: number; width: number; rotation: number; corners: number[][] };
    close(rotated.x, 400);
    close(rotated.width, 60);
    expect(rotated.rotation).to.equal(0);
    expect(rotated.corners).to.have.length(4);
    expect(geometryOf(tools[1]) as number[][]).to.have.length(3);
    expect(geometryOf(tools[2]) as number[][]).to.have.length(3);
    const zones = (geometryOf(tools[3]) as { zones: { region: number[][]; holes: unknown[] }[] }).zones;
    expect(zones).to.have.length(1);
    expect(zones[0]!.region).to.have.length(3);
    expect(element.renderedIds()).to.have.length(4);
  });

  it('paints with the brush and exports the mask as a PNG data URL in the class colour', async () => {
    const element = await mount();
    await press('7');
    await drag(element, [100, 100], [200, 100], 8);
    const url = element.export().task.brushDataUrl;
    expect(url.startsWith('data:image/png;base64,')).to.equal(true);
    const image = new Image();
    image.src = url;
    await image.decode();
    expect([image.naturalWidth, image.naturalHeight]).to.deep.equal([640, 360]);
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    expect([...context.getImageData(150, 100, 1, 1).data]).to.deep.equal([0x7c, 0xb3, 0x42, 255]);
    expect([...context.getImageData(150, 300, 1, 1).data]).to.deep.equal([0, 0, 0, 0]);
    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.brushDataUrl).to.equal('');
  });

  it('cancels a polygon draft with Escape and leaves nothing', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    await press('3');
    await click(element, [50, 50]);
    await click(element, [150, 50]);
    await press('Escape');
    expect(element.export().task.tools).to.have.length(0);
    expect(events).to.have.length(0);
  });

  it('imports the Ango pre-labels, renders every object and exports them in export shape', async () => {
    const element = await mount();
    const events = recordEvents(element, ['lk-change']);
    element.annotations = prelabels as never;
    await element.settled();
    const record = element.export();
    const ids = record.task.tools.map((t) => t.objectId);
    expect(ids).to.deep.equal(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
    expect(element.renderedIds().sort()).to.deep.equal([...ids].sort());
    expect(geometryOf(record.task.tools[0])).to.deep.equal({ x: 260, y: 120, width: 40, height: 180 });
    expect(record.task.tools[2]!.lock).to.equal(true);
    expect(record.task.relations).to.have.length(2);
    expect(events, 'host writes fire no lk-change').to.have.length(0);
  });

  it('moves a selected box with the mouse and nudges it with arrow keys', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    await element.settled();
    await click(element, [280, 200]);
    expect(element.session.selection).to.deep.equal(['o1']);
    await drag(element, [280, 200], [300, 210]);
    let box = geometryOf(element.export().task.tools.find((t) => t.objectId === 'o1')) as { x: number; y: number };
    close(box.x, 280, 2);
    close(box.y, 130, 2);
    await press('ArrowRight');
    await press('Shift+ArrowDown');
    box = geometryOf(element.export().task.tools.find((t) => t.objectId === 'o1')) as { x: number; y: number };
    close(box.x, 281, 2);
    close(box.y, 140, 2);
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Control+z' });
    box = geometryOf(element.export().task.tools.find((t) => t.objectId === 'o1')) as { x: number; y: number };
    expect(box).to.deep.include({ x: 260, y: 120 });
  });

  it('keeps locked objects immutable and lets view mode only look', async () => {
    const element = await mount();
    element.annotations = prelabels as never;
    await element.settled();
    await click(element, [20, 340]);
    expect(element.session.selection).to.deep.equal(['o3']);
    await press('Delete');
    expect(element.export().task.tools.some((t) => t.objectId === 'o3')).to.equal(true);

    element.mode = 'view';
    await element.updateComplete;
    await press('1');
    await drag(element, [400, 40], [450, 90]);
    await click(element, [280, 200]);
    expect(element.session.selection).to.deep.equal(['o1']);
    await press('Delete');
    expect(element.export().task.tools).to.have.length(7);
  });

  it('reports a missing image as lk-error and stays usable', async () => {
    const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 300px; width: 600px" .ontology=${ontology}></lk-image>`);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.src = '/test/fixtures/image/missing.jpg?X-Amz-Signature=secret';
    const { detail } = await error;
    expect(detail.code).to.equal('asset-not-found');
    expect(detail.message).not.to.contain('secret');
    expect(detail.message).not.to.contain('missing.jpg');
    element.annotations = prelabels as never;
    expect(element.export().task.tools).to.have.length(7);
    expect(element.export().asset).to.equal('/test/fixtures/image/missing.jpg');
  });

  it('loads an SVG picture, rasterised at its intrinsic size, without running its scripts', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" onload="window.lkSvgRan = true">' +
      '<script>window.lkSvgRan = true</script><rect width="300" height="200" fill="#ff0000"/></svg>';
    const src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const element = await mount({ src });
    expect(element.export().metadata).to.deep.equal({ width: 300, height: 200 });
    const canvas = canvasOf(element);
    const [x, y] = pagePoint(element, 150, 100);
    const rect = canvas.getBoundingClientRect();
    expect(pixelAt(canvas, x - rect.left, y - rect.top).slice(0, 3)).to.deep.equal([255, 0, 0]);
    expect((window as { lkSvgRan?: boolean }).lkSvgRan).to.equal(undefined);
    URL.revokeObjectURL(src);
  });

  it('draws a large picture zoomed out from its smaller copies, in the same place and colours', async () => {
    const src = await pictureUrl(3000, 2000, (paint) => {
      paint.fillStyle = '#ff0000';
      paint.fillRect(0, 0, 1500, 2000);
      paint.fillStyle = '#0000ff';
      paint.fillRect(1500, 0, 1500, 2000);
    });
    const element = await fixture<LkImage>(html`
      <lk-image style="--lk-height: 300px; width: 460px" no-sidebar renderer="canvas" .ontology=${ontology}></lk-image>
    `);
    const ready = nextEvent(element, 'lk-ready');
    element.src = src;
    await ready;
    const canvas = canvasOf(element);
    const colourAt = (x: number, y: number) => {
      const [px, py] = pagePoint(element, x, y);
      const rect = canvas.getBoundingClientRect();
      return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
    };
    for (const moment of ['at once', 'once the smaller copies are made']) {
      await element.settled();
      expect(colourAt(700, 1000), `left half, ${moment}`).to.deep.equal([255, 0, 0]);
      expect(colourAt(2300, 1000), `right half, ${moment}`).to.deep.equal([0, 0, 255]);
      expect(colourAt(2990, 1990), `bottom-right corner, ${moment}`).to.deep.equal([0, 0, 255]);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    URL.revokeObjectURL(src);
  });

  it("draws Ango's rotated box turned about its origin corner, where Ango's corners are (format version 2)", async () => {
    const src = await pictureUrl(640, 360, (paint) => {
      paint.fillStyle = '#ffffff';
      paint.fillRect(0, 0, 640, 360);
    });
    const signOnly = { tools: [{ schemaId: 't-sign', tool: 'rotated-bounding-box', title: 'Sign', color: '#000000' }], classifications: [], relations: [] };
    const element = await fixture<LkImage>(html`
      <lk-image style="--lk-height: 400px; width: 700px" no-sidebar renderer="canvas" .ontology=${signOnly}></lk-image>
    `);
    const ready = nextEvent(element, 'lk-ready');
    element.src = src;
    await ready;
    // 60 × 200 at (500, 100), turned 30° about (500, 100): corners (500, 100), (400, 273.2), (452, 303.2), (552, 130).
    element.annotations = { objects: [{ objectId: 's', schemaId: 't-sign', 'rotated-bounding-box': { x: 500, y: 100, width: 60, height: 200, rotation: 30 } }] };
    await element.settled();
    const canvas = canvasOf(element);
    const colourAt = (x: number, y: number) => {
      const [px, py] = pagePoint(element, x, y);
      const rect = canvas.getBoundingClientRect();
      return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
    };
    const tinted = (rgb: number[]) => rgb.some((c) => c < 235);
    // Inside Ango's box (and outside the box turned about its centre, as format version 1 read it).
    expect(tinted(colourAt(440, 250)), 'inside the origin-corner box').to.equal(true);
    expect(tinted(colourAt(470, 200)), 'at its centre').to.equal(true);
    // Inside the centre-turned box only: not drawn.
    expect(tinted(colourAt(580, 150)), 'outside the origin-corner box').to.equal(false);
    URL.revokeObjectURL(src);
  });

  it('reports a file that is not an image as asset-unsupported', async () => {
    const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 300px; width: 600px" .ontology=${ontology}></lk-image>`);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.src = '/test/fixtures/text/pride_and_prejudice.txt';
    expect((await error).detail.code).to.equal('asset-unsupported');
  });

  it('rejects an invalid ontology and keeps the previous one', async () => {
    const element = await mount();
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.ontology = { tools: [{ schemaId: 'x', tool: 'laser', title: 'X', color: 'red' }] } as never;
    const { detail } = await error;
    expect(detail.code).to.equal('ontology-invalid');
    expect(detail.cause.problems.length).to.be.greaterThan(0);
    expect(element.session.ontology?.tools.map((t) => t.schemaId)).to.include('t-car');
  });

  it('loads 2,000 pre-labelled boxes and still hit-tests and exports them all', async () => {
    const element = await mount();
    const objects = Array.from({ length: 2000 }, (_, i) => ({
      objectId: `b${i}`,
      schemaId: 't-car',
      'bounding-box': { x: (i % 50) * 12.5, y: Math.floor(i / 50) * 9, width: 10, height: 7 },
    }));
    element.annotations = { objects };
    await element.settled();
    expect(element.export().task.tools).to.have.length(2000);
    expect(element.renderedIds()).to.have.length(2000);
    await click(element, [12.5 * 7 + 5, 9 * 3 + 3]);
    expect(element.session.selection).to.deep.equal(['b157']);
  });

  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`paints settled shapes in their class colour, keeps holes empty and leaves no ghost of a moved shape (${renderer})`, async () => {
      // A flat grey picture, so every pixel that is not grey comes from a shape.
      const src = await pictureUrl(400, 300, (paint) => {
        paint.fillStyle = '#808080';
        paint.fillRect(0, 0, 400, 300);
      });
      const element = await fixture<LkImage>(html`
        <lk-image style="--lk-height: 320px; width: 420px" no-sidebar renderer=${renderer} .ontology=${ontology}></lk-image>
      `);
      const ready = nextEvent(element, 'lk-ready');
      element.src = src;
      await ready;
      element.annotations = {
        objects: [
          { objectId: 'car', schemaId: 't-car', 'bounding-box': { x: 40, y: 40, width: 100, height: 80 } },
          { objectId: 'sky', schemaId: 't-sky', segmentation: { zones: [{ region: [[200, 40], [360, 40], [360, 200], [200, 200]], holes: [[[250, 90], [310, 90], [310, 150], [250, 150]]] }] } },
          // More boxes of one class than the settled layer puts in one piece of its path.
          ...Array.from({ length: 20 }, (_, i) => ({ objectId: `row-${i}`, schemaId: 't-car', 'bounding-box': { x: 20 + i * 19, y: 272, width: 10, height: 20 } })),
        ],
      };
      await element.settled();
      element.focus();
      const canvas = canvasOf(element);
      const at = (x: number, y: number) => {
        const [px, py] = pagePoint(element, x, y);
        const rect = canvas.getBoundingClientRect();
        return pixelAt(canvas, px - rect.left, py - rect.top).slice(0, 3);
      };
      const over = (rgb: number[], alpha: number) => rgb.map((c) => Math.round(0x80 * (1 - alpha) + c * alpha));
      const near = (actual: number[], expected: number[], what: string) =>
        expect(actual.every((c, i) => Math.abs(c - expected[i]!) <= 3), `${what}: ${actual} ≈ ${expected}`).to.equal(true);
      const red = [0xe5, 0x39, 0x35];
      const distance = (a: number[], b: number[]) => a.reduce((sum, c, i) => sum + Math.abs(c - b[i]!), 0);
      const cyan = [0x00, 0xac, 0xc1];
      near(at(90, 80), over(red, 0.15), 'settled box fill');
      // Outlines are antialiased hairlines side by side (settled-layer.ts): no pixel of them is
      // quite the full class colour, so the pixel nearest it within a pixel of the edge, within 8.
      const edge = [39, 40, 41].map((x) => at(x, 80)).sort((a, b) => distance(a, red) - distance(b, red))[0]!;
      expect(edge.every((c, i) => Math.abs(c - red[i]!) <= 8), `settled box outline: ${edge} ≈ ${red}`).to.equal(true);
      near(at(220, 60), over(cyan, 0.15), 'segmentation region');
      near(at(280, 120), [0x80, 0x80, 0x80], 'segmentation hole');
      near(at(20, 20), [0x80, 0x80, 0x80], 'no shape');
      for (const i of [0, 15, 16, 19]) near(at(25 + i * 19, 282), over(red, 0.15), `box ${i} of the row`);
      near(at(34.5 + 16 * 19, 282), [0x80, 0x80, 0x80], 'between boxes of the row');

      await click(element, [90, 80]);
      await element.settled();
      near(at(90, 80), over(red, 0.3), 'selected box fill');
      await drag(element, [90, 80], [90, 230]);
      await element.settled();
      expect(element.export().task.tools.find((t) => t.objectId === 'car')!['bounding-box']!.y).to.be.closeTo(190, 1.5);
      near(at(90, 80), [0x80, 0x80, 0x80], 'where the box was');
      near(at(90, 230), over(red, 0.3), 'moved box, selected');
      await press('Escape');
      await element.settled();
      near(at(90, 230), over(red, 0.15), 'moved box, settled again');
      URL.revokeObjectURL(src);
    });
  }

  it('relates two shapes picked on the canvas with Shift+click, draws the link and exports it', async () => {
    const element = await mount();
    element.annotations = {
      objects: [
        { objectId: 'left', schemaId: 't-car', 'bounding-box': { x: 60, y: 120, width: 80, height: 80 } },
        { objectId: 'right', schemaId: 't-car', 'bounding-box': { x: 400, y: 120, width: 80, height: 80 } },
      ],
    };
    await element.settled();
    const canvas = canvasOf(element);
    const linkPixel = () => {
      // Left of the middle, where the relation's title sits.
      const [x, y] = pagePoint(element, 200, 160);
      const rect = canvas.getBoundingClientRect();
      return pixelAt(canvas, x - rect.left, y - rect.top);
    };
    const before = linkPixel();
    await click(element, [100, 160]);
    await sendKeys({ down: 'Shift' });
    await click(element, [440, 160]);
    await sendKeys({ up: 'Shift' });
    expect(element.session.selection).to.deep.equal(['left', 'right']);
    const panel = element.shadowRoot!.querySelector('lk-relations-panel')!;
    await panel.updateComplete;
    const changes = recordEvents(element, ['lk-change']);
    const button = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part~="create"] button[data-schema-id="r-follows"]')!;
    // The side panel's sections scroll above the task at its foot, as a user scrolls to the relations.
    button.scrollIntoView({ block: 'nearest' });
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    const { relations } = element.export().task;
    expect(relations.map(({ objectId: _id, metadata: _metadata, ...relation }) => relation)).to.deep.equal([
      { schemaId: 'r-follows', title: 'Follows', from: 'left', to: 'right', direction: 'straight' },
    ]);
    expect(changes.map((e) => e.detail.reason)).to.deep.equal(['relate']);
    await element.settled();
    const after = linkPixel();
    expect(after, 'a link is drawn between the two centres').not.to.deep.equal(before);
    // In the relation class's colour.
    const colour = element.session.ontology!.relations.find((relation) => relation.schemaId === 'r-follows')!.color;
    const wanted = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    expect(
      after.slice(0, 3).every((value, i) => Math.abs(value - wanted[i]!) < 40),
      `${after} in ${colour}`,
    ).to.equal(true);
  });

  it('works with panels the host places outside the element (no-sidebar)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="display: flex">
        <lk-object-list style="width: 240px"></lk-object-list>
        <lk-image style="--lk-height: 360px; width: 640px" no-sidebar .ontology=${ontology} .annotations=${prelabels}></lk-image>
      </div>
    `);
    const element = wrapper.querySelector('lk-image')!;
    const list = wrapper.querySelector('lk-object-list')!;
    expect(element.shadowRoot!.querySelector('lk-object-list'), 'no sidebar of its own').to.equal(null);
    list.session = element.session;
    const ready = nextEvent(element, 'lk-ready');
    element.src = IMAGE_URL;
    await ready;
    await element.settled();
    await list.updateComplete;
    const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
    expect(rows.map((row) => row.dataset['objectId'])).to.deep.equal(element.export().task.tools.map((tool) => tool.objectId));
    const selected = nextEvent<CustomEvent>(element, 'lk-select');
    const box = rows[1]!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    expect((await selected).detail.objectIds).to.deep.equal([rows[1]!.dataset['objectId']]);
    await element.settled();
    expect(element.renderedIds()).to.include(rows[1]!.dataset['objectId']);
  });

  it('runs two elements on one page without interference', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <lk-image id="a" style="--lk-height: 260px; width: 600px" .ontology=${ontology}></lk-image>
        <lk-image id="b" style="--lk-height: 260px; width: 600px" .ontology=${ontology}></lk-image>
      </div>
    `);
    const [a, b] = [...wrapper.querySelectorAll('lk-image')] as [LkImage, LkImage];
    const ready = Promise.all([nextEvent(a, 'lk-ready'), nextEvent(b, 'lk-ready')]);
    a.src = IMAGE_URL;
    b.src = IMAGE_URL;
    await ready;
    await a.settled();
    await b.settled();
    a.focus();
    await press('1');
    await drag(a, [100, 100], [200, 200]);
    expect(a.export().task.tools).to.have.length(1);
    expect(b.export().task.tools).to.have.length(0);
    expect(b.session.activeSchemaId).to.equal(undefined);
  });
});
