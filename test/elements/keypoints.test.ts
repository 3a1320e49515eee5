/**
 * The `keypoints` tool on `<lk-image>` (issue 20, part 3) with real mouse and keys: points placed
 * in name order (S skips one), the whole template dragged into a box, points dragged and their
 * visibility toggled (O, Delete), copy and paste, and keypoints pre-labels, COCO's among them,
 * drawn where they are.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import { fromCoco } from '../../src/format/convert/index.js';
import type { ExportRecord, ExportTool } from '../../src/format/types.js';
import { assetPoint, canvasOf, click, drag, fetchJson, greyPicture, mountImageOn, pagePoint, pictureUrl, pixelAt, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';

const picture = greyPicture();
afterEach(() => resetMouse());

const PERSON = {
  schemaId: 'person',
  tool: 'keypoints',
  title: 'Person',
  shortcutKey: '1',
  color: '#ff0000',
  keypoints: ['head', 'left_hand', 'right_hand'],
  skeleton: [
    [1, 2],
    [1, 3],
  ],
  keypointColors: ['#00ff00', '#0000ff', '#ffff00'],
  keypointTemplate: [
    [0.5, 0],
    [0, 1],
    [1, 1],
  ],
};
const ONTOLOGY = { tools: [PERSON] };

const people = (element: LkImage): ExportTool[] => element.export().task.tools.filter((tool) => tool.schemaId === 'person');

/** The stage pixel (CSS px inside the canvas) of an asset point. */
function stagePixel(element: LkImage, x: number, y: number): number[] {
  const view = element.view!;
  return pixelAt(canvasOf(element), x * view.scale + view.offsetX, y * view.scale + view.offsetY).slice(0, 3);
}

const near = (actual: number[], expected: number[], tolerance = 40) => actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);

function expectPoints(tool: ExportTool, expected: Array<[name: string, x: number, y: number, visibility: number]>): void {
  const points = tool.keypoints!.points;
  expect(points.map((p) => [p.name, p.visibility])).to.deep.equal(expected.map(([name, , , v]) => [name, v]));
  points.forEach((p, i) => {
    const [, x, y, v] = expected[i]!;
    if (v === 0) return;
    expect(p.x, `${p.name} x`).to.be.closeTo(x, 0.6);
    expect(p.y, `${p.name} y`).to.be.closeTo(y, 0.6);
  });
}

/** Template drag: the person with head (200, 100), hands (100, 250) and (300, 250), selected. */
async function dragPerson(element: LkImage): Promise<string> {
  await press('1');
  await drag(element, [100, 100], [300, 250]);
  await element.settled();
  const [person] = people(element);
  if (!person) throw new Error('no person drawn');
  return person.objectId;
}

describe('keypoints tool on <lk-image>', () => {
  it('places the named points in order, one click each, and the last click creates one object (one undo step)', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await press('1');
    await element.updateComplete;
    const hint = () => element.shadowRoot!.querySelector('[part="tool-hint"]')?.textContent ?? '';
    expect(hint()).to.contain('Next: head (1/3)');
    const changes = recordEvents(element, ['lk-change']);
    await click(element, [200, 80]);
    await element.updateComplete;
    expect(hint()).to.contain('Next: left_hand (2/3)');
    expect(people(element)).to.have.length(0);
    await click(element, [150, 200]);
    await click(element, [250, 200]);
    expect(changes).to.have.length(1);
    const [person] = people(element);
    // Exactly where the clicks landed (the asset point under each page pixel clicked), no box.
    const at = (x: number, y: number) => assetPoint(element, pagePoint(element, x, y));
    const spot = (name: string, [x, y]: [number, number]) => ({ name, x, y, visibility: 2 });
    expect(person!.keypoints).to.deep.equal({ points: [spot('head', at(200, 80)), spot('left_hand', at(150, 200)), spot('right_hand', at(250, 200))] });
    expect(element.session.selection).to.deep.equal([person!.objectId]);
    await element.settled();
    // Points drawn in their own colours; the skeleton edge head → left_hand in the class colour.
    expect(near(stagePixel(element, 200, 80), [0, 255, 0])).to.equal(true);
    expect(near(stagePixel(element, 150, 200), [0, 0, 255])).to.equal(true);
    expect(near(stagePixel(element, 175, 140), [255, 0, 0], 80)).to.equal(true);
    await sendKeys({ press: 'Control+z' });
    expect(people(element)).to.have.length(0);
  });

  it('X skips a point as absent, O makes the last placed point occluded, Enter finishes with the rest absent', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await press('1');
    await click(element, [200, 80]);
    await press('o');
    await press('x');
    expect(people(element)).to.have.length(0);
    await click(element, [250, 200]);
    expectPoints(people(element)[0]!, [
      ['head', 200, 80, 1],
      ['left_hand', 0, 0, 0],
      ['right_hand', 250, 200, 2],
    ]);
    await click(element, [120, 60]);
    await press('Enter');
    const second = people(element)[1]!;
    expectPoints(second, [
      ['head', 120, 60, 2],
      ['left_hand', 0, 0, 0],
      ['right_hand', 0, 0, 0],
    ]);
    expect(second.keypoints!.points[1]).to.deep.equal({ name: 'left_hand', x: 0, y: 0, visibility: 0 });
  });

  it('a drag places the whole template scaled into the box, which becomes the instance box', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await dragPerson(element);
    const [person] = people(element);
    expectPoints(person!, [
      ['head', 200, 100, 2],
      ['left_hand', 100, 250, 2],
      ['right_hand', 300, 250, 2],
    ]);
    const box = person!.keypoints!.box!;
    expect(box.x).to.be.closeTo(100, 0.6);
    expect(box.width).to.be.closeTo(200, 1.2);
    expect(box.height).to.be.closeTo(150, 1.2);
  });

  it('drags one point to correct it (keypoints tool still active), one undo step', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await dragPerson(element);
    const before = people(element)[0]!.keypoints!.points;
    const changes = recordEvents(element, ['lk-change']);
    await drag(element, [before[0]!.x, before[0]!.y], [before[0]!.x + 30, before[0]!.y + 40]);
    expect(changes).to.have.length(1);
    const after = people(element)[0]!.keypoints!.points;
    expect(after[0]!.x).to.be.closeTo(before[0]!.x + 30, 0.6);
    expect(after[0]!.y).to.be.closeTo(before[0]!.y + 40, 0.6);
    expect(after.slice(1)).to.deep.equal(before.slice(1));
    await sendKeys({ press: 'Control+z' });
    expect(people(element)[0]!.keypoints!.points).to.deep.equal(before);
  });

  it('O on a focused point turns it occluded (hollow), absent (not drawn), visible again; Delete makes it absent', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await dragPerson(element);
    await press('Escape');
    const head = people(element)[0]!.keypoints!.points[0]!;
    // With the select tool: a click on the point focuses it.
    await click(element, [head.x, head.y]);
    const visibility = () => people(element)[0]!.keypoints!.points[0]!.visibility;
    await element.settled();
    expect(near(stagePixel(element, head.x, head.y - 1), [0, 255, 0])).to.equal(true);
    await press('o');
    expect(visibility()).to.equal(1);
    await element.settled();
    // Hollow: the ring in the point's colour, the grey picture inside it.
    expect(near(stagePixel(element, head.x, head.y - 1), [128, 128, 128])).to.equal(true);
    expect(near(stagePixel(element, head.x, head.y - 5 / element.view!.scale), [0, 255, 0], 90)).to.equal(true);
    await press('o');
    expect(visibility()).to.equal(0);
    await press('o');
    expect(visibility()).to.equal(2);
    expect(people(element)[0]!.keypoints!.points[0]!.x).to.equal(head.x);
    await press('Delete');
    expect(visibility()).to.equal(0);
    expect(people(element)).to.have.length(1);
    await sendKeys({ press: 'Control+z' });
    expect(visibility()).to.equal(2);
  });

  it('copy and paste makes a new instance with the same points moved to the pointer', async () => {
    const element = await mountImageOn(picture.src, ONTOLOGY, undefined);
    await dragPerson(element);
    await sendKeys({ press: 'Control+c' });
    await sendMouse({ type: 'move', position: pagePoint(element, 200, 150) });
    await sendKeys({ press: 'Control+v' });
    const [original, copy] = people(element);
    expect(copy!.objectId).not.to.equal(original!.objectId);
    expect(copy!.keypoints!.points.map((p) => p.name)).to.deep.equal(['head', 'left_hand', 'right_hand']);
    const dx = copy!.keypoints!.points[0]!.x - original!.keypoints!.points[0]!.x;
    copy!.keypoints!.points.forEach((p, i) => expect(p.x - original!.keypoints!.points[i]!.x).to.be.closeTo(dx, 1e-9));
  });

  it('a keypoints pre-label loads (no unsupported-tool) and export → import → export is exact', async () => {
    const annotations = {
      objects: [
        {
          objectId: 'p-1',
          schemaId: 'person',
          keypoints: {
            points: [
              { name: 'head', x: 120.5, y: 40.25, visibility: 2 },
              { name: 'left_hand', x: 0, y: 0, visibility: 0 },
              { name: 'right_hand', x: 180, y: 150, visibility: 1 },
            ],
            box: { x: 100, y: 30, width: 90, height: 130 },
          },
        },
      ],
    };
    const element = await mountImageOn(picture.src, ONTOLOGY, annotations);
    const errors = recordEvents(element, ['lk-error']);
    const first = element.export();
    expect(first.task.tools[0]!.keypoints).to.deep.equal(annotations.objects[0]!.keypoints);
    expect(near(stagePixel(element, 120.5, 40.25), [0, 255, 0])).to.equal(true);
    const again = await mountImageOn(picture.src, ONTOLOGY, first);
    expect(again.export().task.tools).to.deep.equal(first.task.tools);
    expect(errors).to.have.length(0);
  });

  it('a COCO person_keypoints file converted with fromCoco loads and shows its points', async () => {
    const coco = await fetchJson('/test/fixtures/interop/coco_keypoints/faster_coco_eval/gt_dataset.json');
    const { data } = fromCoco(coco);
    const record = data.records[0] as ExportRecord;
    const src = await pictureUrl(640, 453, (context) => {
      context.fillStyle = '#808080';
      context.fillRect(0, 0, 640, 453);
    });
    try {
      const element = await mountImageOn(src, data.ontology, record);
      const tools = element.export().task.tools.filter((tool) => tool.keypoints);
      expect(tools.length).to.equal(record.task.tools.filter((tool) => tool.keypoints).length);
      const first = tools.find((tool) => tool.objectId === '185707')!;
      expect(first.keypoints!.points.slice(0, 2)).to.deep.equal([
        { name: 'nose', x: 269, y: 142, visibility: 2 },
        { name: 'left_eye', x: 270, y: 136, visibility: 2 },
      ]);
      const color = element.session.ontology!.tools.find((tool) => tool.schemaId === first.schemaId)!.color;
      const rgb = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
      // The left shoulder (295, 152) and the left knee (281, 272): points in the class colour.
      expect(near(stagePixel(element, 295, 152), rgb)).to.equal(true);
      expect(near(stagePixel(element, 281, 272), rgb)).to.equal(true);
      expect(element.renderedIds()).to.include('185707');
    } finally {
      URL.revokeObjectURL(src);
    }
  });
});
