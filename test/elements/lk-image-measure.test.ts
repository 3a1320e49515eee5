/**
 * <lk-image> shares the measuring polyline classes (`measure`): drawn with real clicks on the
 * photograph, they show and export pixels (an image has no spacing); plain polylines stay unmeasured.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { cobbAngle } from '../../src/core/measure.js';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ExportTool } from '../../src/format/types.js';
import { IMAGE_URL, click, nextEvent, press, resetMouse } from './helpers.js';

type Xy = [number, number];
type Line = ExportTool & { polyline: Xy[] };

const ontology = {
  tools: [
    { schemaId: 'lane', title: 'Lane', tool: 'polyline', shortcutKey: '1' },
    { schemaId: 'ruler', title: 'Ruler', tool: 'polyline', shortcutKey: '2', measure: 'length' },
    { schemaId: 'cobb', title: 'Cobb angle', tool: 'polyline', shortcutKey: '3', measure: 'cobb' },
  ],
  classifications: [],
  relations: [],
};

async function mount(): Promise<LkImage> {
  const element = await fixture<LkImage>(html`<lk-image style="--lk-height: 480px; width: 960px" mode="annotate" .ontology=${ontology} .user=${{ id: "u-1", email: "ann@example.com" }}></lk-image>`);
  const ready = nextEvent(element, 'lk-ready');
  element.src = IMAGE_URL;
  await ready;
  await element.settled();
  element.focus();
  return element;
}

async function drawClicks(element: LkImage, points: Xy[]): Promise<Line> {
  const changed = nextEvent(element, 'lk-change');
  for (const point of points) await click(element, point);
  await changed;
  await element.updateComplete;
  return element.export().task.tools.at(-1) as Line;
}

const labelOf = (element: LkImage, objectId: string) => element.shadowRoot!.querySelector(`.measure[data-object-id="${objectId}"]`)?.textContent;

describe('<lk-image> measuring polylines', function () {
  this.timeout(120000);

  afterEach(async () => {
    await resetMouse();
  });

  it('a ruler and a Cobb angle measure in pixels on screen and in the export; a plain polyline does not', async () => {
    const element = await mount();
    await press('2');
    const ruler = await drawClicks(element, [
      [40, 40],
      [200, 160],
    ]);
    const [[x0, y0], [x1, y1]] = ruler.polyline as [Xy, Xy];
    const px = Math.hypot(x1 - x0, y1 - y0);
    expect(ruler.measurement).to.deep.equal({ lengthPx: Math.round(px * 1000) / 1000 });
    expect(labelOf(element, ruler.objectId)).to.equal(`${px >= 100 ? px.toFixed(0) : px.toFixed(1)} px`);

    await press('3');
    const cobb = await drawClicks(element, [
      [50, 200],
      [250, 220],
      [60, 330],
      [240, 270],
    ]);
    const degrees = cobbAngle(cobb.polyline)!;
    expect(degrees).to.be.within(15, 40);
    expect(cobb.measurement).to.deep.equal({ angleDeg: Math.round(degrees * 1000) / 1000 });
    expect(labelOf(element, cobb.objectId)).to.equal(`${degrees.toFixed(1)}°`);

    await press('1');
    for (const point of [
      [300, 40],
      [400, 60],
    ] as Xy[])
      await click(element, point);
    const changed = nextEvent(element, 'lk-change');
    await press('Enter');
    const lane = ((await changed).detail as { tools: Line[] }).tools[0]!;
    expect(lane).to.not.have.property('measurement');
    await element.updateComplete;
    expect(labelOf(element, lane.objectId)).to.equal(undefined);
    await expect(element).to.be.accessible();
  });
});
