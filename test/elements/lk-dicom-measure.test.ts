/**
 * <lk-dicom> measuring tools, drawn with real clicks on real files: a ruler (2 points), an angle
 * (3 points) and a Cobb angle (two lines, 4 points) as polyline classes with `measure`, each
 * finishing by itself; mm from PixelSpacing on screen and as `measurement` in the export.
 */
import { expect } from '@open-wc/testing';
import { cobbAngle, polylineAngle } from '../../src/core/measure.js';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import type { ExportTool } from '../../src/format/types.js';
import { imageElements, words16, writeDicom } from '../media/dicom/dicom-writer.js';
import { click, nextEvent, press, resetMouse } from './helpers.js';
import { DICOM, blobUrls, mount as mountDicom, toolsOf } from './lk-dicom-helpers.js';

type Xy = [number, number];
type Line = ExportTool & { polyline: Xy[] };

const ontology = {
  tools: [
    { schemaId: 'lesion', title: 'Lesion outline', tool: 'polyline', shortcutKey: '1' },
    { schemaId: 'ruler', title: 'Diameter', tool: 'polyline', shortcutKey: '2', measure: 'length' },
    { schemaId: 'angle', title: 'Angle', tool: 'polyline', shortcutKey: '3', measure: 'angle' },
    { schemaId: 'cobb', title: 'Cobb angle', tool: 'polyline', shortcutKey: '4', measure: 'cobb' },
  ],
  classifications: [],
  relations: [],
};

const blobs = blobUrls();
const mount = (options: { src?: string; srcs?: string[] } = {}) => mountDicom({ ontology, ...options });
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const labelOf = (element: LkDicom, objectId: string) => element.shadowRoot!.querySelector(`.measure[data-object-id="${objectId}"]`)?.textContent;

/** A flat 64×64 slice whose pixels are `rowMm` tall and `columnMm` wide. */
function nonSquareSlice(rowMm: number, columnMm: number): Uint8Array {
  return writeDicom(
    imageElements({ rows: 64, columns: 64, pixelData: words16(new Array(64 * 64).fill(500)), extra28: [{ tag: [0x0028, 0x0030], vr: 'DS', value: `${rowMm}\\${columnMm}` }] }),
    'explicit-le',
  );
}

/** Clicks each point; the last click finishes the shape (no Enter), one `lk-change`. */
async function drawClicks(element: LkDicom, points: Xy[]): Promise<Line> {
  const changed = nextEvent(element, 'lk-change');
  for (const point of points) await click(element, point);
  await changed;
  await element.updateComplete;
  return toolsOf(element).at(-1) as Line;
}

describe('<lk-dicom> measuring tools', function () {
  this.timeout(120000);

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobs.revokeAll());

  it('a ruler finishes on its second click and exports its length in mm from PixelSpacing (CT_small)', async () => {
    const element = await mount({ src: `${DICOM}/CT_small.dcm` });
    const [rowMm, columnMm] = (element.export().metadata as { pixelSpacing: Xy }).pixelSpacing;
    await press('2');
    const ruler = await drawClicks(element, [
      [12, 20],
      [100, 60],
    ]);
    expect(ruler.schemaId).to.equal('ruler');
    expect(ruler.polyline).to.have.length(2);
    const [[x0, y0], [x1, y1]] = ruler.polyline as [Xy, Xy];
    const mm = Math.hypot((x1 - x0) * columnMm, (y1 - y0) * rowMm);
    expect(mm, 'a real length, several cm').to.be.greaterThan(20);
    expect(ruler.measurement).to.deep.equal({ lengthMm: round3(mm) });
    expect(labelOf(element, ruler.objectId)).to.equal(`${mm.toFixed(1)} mm`);
    expect(element.measure(ruler.objectId)!.value).to.be.closeTo(mm, 1e-9);
  });

  it('an angle finishes on its third click and exports degrees at its middle point', async () => {
    const element = await mount({ src: `${DICOM}/CT_small.dcm` });
    await press('3');
    const angle = await drawClicks(element, [
      [20, 100],
      [20, 20],
      [100, 60],
    ]);
    expect(angle.schemaId).to.equal('angle');
    const spacing = (element.export().metadata as { pixelSpacing: Xy }).pixelSpacing;
    const degrees = polylineAngle(angle.polyline, spacing)!;
    expect(degrees).to.be.within(40, 80);
    expect(angle.measurement, 'an angle has no length').to.deep.equal({ angleDeg: round3(degrees) });
    expect(labelOf(element, angle.objectId)).to.equal(`${degrees.toFixed(1)}°`);
  });

  it('a Cobb angle is two lines of two clicks each: the angle between them, with non-square pixels in mm', async () => {
    // Rows 0.5 mm, columns 2 mm: the drawn screen angle is not the physical one.
    const element = await mount({ srcs: [blobs.url(nonSquareSlice(0.5, 2))] });
    await press('4');
    const cobb = await drawClicks(element, [
      [10, 10],
      [50, 20],
      [10, 50],
      [50, 40],
    ]);
    expect(cobb.schemaId).to.equal('cobb');
    expect(cobb.polyline).to.have.length(4);
    const [a, b, c, d] = cobb.polyline as [Xy, Xy, Xy, Xy];
    // The same angle written out: between (b − a) and (d − c) in mm, folded to 0–90°.
    const direction = (p: Xy, q: Xy) => Math.atan2((q[1] - p[1]) * 0.5, (q[0] - p[0]) * 2);
    let expected = Math.abs(direction(a, b) - direction(c, d)) * (180 / Math.PI);
    if (expected > 180) expected = 360 - expected;
    if (expected > 90) expected = 180 - expected;
    expect(cobbAngle(cobb.polyline, [0.5, 2])).to.be.closeTo(expected, 1e-9);
    const inPixels = cobbAngle(cobb.polyline)!;
    expect(Math.abs(inPixels - expected), 'pixel space would give another angle').to.be.greaterThan(10);
    expect(cobb.measurement).to.deep.equal({ angleDeg: round3(expected) });
    expect(labelOf(element, cobb.objectId)).to.equal(`${expected.toFixed(1)}°`);
    expect(element.measure(cobb.objectId)!.angle).to.be.closeTo(expected, 1e-9);
  });

  it('a Cobb angle needs its four points: Enter after three keeps drawing', async () => {
    const element = await mount({ src: `${DICOM}/CT_small.dcm` });
    await press('4');
    for (const point of [
      [10, 10],
      [50, 20],
      [10, 50],
    ] as Xy[])
      await click(element, point);
    await press('Enter');
    expect(toolsOf(element)).to.deep.equal([]);
    await drawClicks(element, [[50, 40]]);
    expect(toolsOf(element)[0]!.measurement).to.have.key('angleDeg');
  });

  it('a plain polyline exports its length (and its angle with three points); the measurement is recomputed, never imported', async () => {
    const element = await mount({ src: `${DICOM}/CT_small.dcm` });
    const [rowMm, columnMm] = (element.export().metadata as { pixelSpacing: Xy }).pixelSpacing;
    await press('1');
    for (const point of [
      [10, 10],
      [60, 10],
      [60, 70],
    ] as Xy[])
      await click(element, point);
    const changed = nextEvent(element, 'lk-change');
    await press('Enter');
    const detail = (await changed).detail as { tools: Line[] };
    const line = detail.tools[0]!;
    const [[x0, y0], [x1, y1], [x2, y2]] = line.polyline as [Xy, Xy, Xy];
    const mm = Math.hypot((x1 - x0) * columnMm, (y1 - y0) * rowMm) + Math.hypot((x2 - x1) * columnMm, (y2 - y1) * rowMm);
    const degrees = polylineAngle(line.polyline, [rowMm, columnMm])!;
    expect(line.measurement, 'in lk-change too').to.deep.equal({ lengthMm: round3(mm), angleDeg: round3(degrees) });
    expect(labelOf(element, line.objectId)).to.equal(`${mm.toFixed(1)} mm · ${degrees.toFixed(1)}°`);
    // A record whose measurement was edited by hand: the import ignores it, the export recomputes it.
    const record = element.export();
    (record.task.tools[0] as Line).measurement = { lengthMm: 1 };
    const copy = await mount({ src: `${DICOM}/CT_small.dcm` });
    expect(copy.import(record)).to.deep.equal([]);
    expect((toolsOf(copy)[0] as Line).measurement).to.deep.equal({ lengthMm: round3(mm), angleDeg: round3(degrees) });
  });

  it('labels are axe clean and follow the view', async () => {
    const element = await mount({ src: `${DICOM}/CT_small.dcm` });
    await press('2');
    const ruler = await drawClicks(element, [
      [12, 20],
      [100, 60],
    ]);
    await expect(element).to.be.accessible();
    const before = element.shadowRoot!.querySelector<HTMLElement>(`.measure[data-object-id="${ruler.objectId}"]`)!.getBoundingClientRect();
    await press('+');
    await element.settled();
    await element.updateComplete;
    const after = element.shadowRoot!.querySelector<HTMLElement>(`.measure[data-object-id="${ruler.objectId}"]`)!.getBoundingClientRect();
    expect(after.left, 'zooming in moves the label with its end point').to.not.equal(before.left);
  });
});
