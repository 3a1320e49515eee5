/**
 * Copy, paste and duplicate (issue 18, item 4) with real keys and mouse: Ctrl+C / Ctrl+V at the
 * pointer / Ctrl+D, one undo step each, the clipboard in memory only (the system clipboard is
 * never written), pastes onto another slice of `<lk-dicom>`.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/lk-image/define.js';
import '../../src/elements/lk-dicom/define.js';
import { DICOM, mount as mountDicom } from './lk-dicom-helpers.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ExportTool } from '../../src/format/types.js';
import { click, drag, fetchJson, ONTOLOGY_URL, pagePoint, greyPicture, mountImageOn, press, recordEvents, resetMouse, sendKeys, sendMouse } from './helpers.js';

let ontology: unknown;
const picture = greyPicture();

const annotations = {
  objects: [
    {
      objectId: 'car-1',
      schemaId: 't-car',
      'bounding-box': { x: 40, y: 40, width: 80, height: 60 },
    },
    { objectId: 'road-1', schemaId: 't-road', polygon: [[240, 40], [360, 40], [360, 140], [240, 140]] },
  ],
};

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});
afterEach(() => resetMouse());

async function mount(): Promise<LkImage> {
  return mountImageOn(picture.src, ontology, annotations);
}

const cars = (element: LkImage): ExportTool[] => element.export().task.tools.filter((tool) => tool.schemaId === 't-car');

describe('copy, paste, duplicate', () => {
  it('Ctrl+C then Ctrl+V pastes a copy centred at the pointer, as one undo step, and selects it', async () => {
    const element = await mount();
    await click(element, [80, 70]);
    expect(element.session.selection).to.deep.equal(['car-1']);
    await sendKeys({ press: 'Control+c' });
    await sendMouse({ type: 'move', position: pagePoint(element, 200, 220) });
    const changes = recordEvents(element, ['lk-change']);
    await sendKeys({ press: 'Control+v' });
    expect(changes).to.have.length(1);
    const [original, copy] = cars(element);
    expect(original!.objectId).to.equal('car-1');
    expect(copy!.objectId).not.to.equal('car-1');
    const box = copy!['bounding-box']!;
    expect(box.width).to.equal(80);
    expect(box.height).to.equal(60);
    expect(box.x + box.width / 2).to.be.closeTo(200, 1);
    expect(box.y + box.height / 2).to.be.closeTo(220, 1);
    expect(element.session.selection).to.deep.equal([copy!.objectId]);

    // A second paste at another place: the clipboard is kept.
    await sendMouse({ type: 'move', position: pagePoint(element, 300, 250) });
    await sendKeys({ press: 'Control+v' });
    expect(cars(element)).to.have.length(3);

    await sendKeys({ press: 'Control+z' });
    expect(cars(element)).to.have.length(2);
    await sendKeys({ press: 'Control+z' });
    expect(cars(element).map((tool) => tool.objectId)).to.deep.equal(['car-1']);
  });

  it('copies several shapes and keeps their layout', async () => {
    const element = await mount();
    await click(element, [80, 70]);
    await sendKeys({ down: 'Shift' });
    await click(element, [300, 90]);
    await sendKeys({ up: 'Shift' });
    expect(element.session.selection).to.have.members(['car-1', 'road-1']);
    await sendKeys({ press: 'Control+c' });
    // Centre of the two shapes' bounds: (200, 90); pasted at (200, 190) = everything 100 lower.
    await sendMouse({ type: 'move', position: pagePoint(element, 200, 190) });
    await sendKeys({ press: 'Control+v' });
    const tools = element.export().task.tools;
    expect(tools).to.have.length(4);
    const pastedCar = tools.find((tool) => tool.schemaId === 't-car' && tool.objectId !== 'car-1')!;
    const pastedRoad = tools.find((tool) => tool.schemaId === 't-road' && tool.objectId !== 'road-1')!;
    expect(pastedCar['bounding-box']!.x).to.be.closeTo(40, 1);
    expect(pastedCar['bounding-box']!.y).to.be.closeTo(140, 1);
    expect(pastedRoad.polygon![0]![0]).to.be.closeTo(240, 1);
    expect(pastedRoad.polygon![0]![1]).to.be.closeTo(140, 1);
    expect(element.session.selection).to.have.members([pastedCar.objectId, pastedRoad.objectId]);
    await press('Control+z');
    expect(element.export().task.tools).to.have.length(2);
  });

  it('Ctrl+D duplicates beside the original and leaves the clipboard alone', async () => {
    const element = await mount();
    await click(element, [300, 90]);
    await sendKeys({ press: 'Control+c' });
    await click(element, [80, 70]);
    const changes = recordEvents(element, ['lk-change']);
    await sendKeys({ press: 'Control+d' });
    expect(changes).to.have.length(1);
    const [, duplicate] = cars(element);
    expect(duplicate!['bounding-box']!.x).to.be.greaterThan(40);
    expect(duplicate!['bounding-box']!.width).to.equal(80);
    expect(element.session.selection).to.deep.equal([duplicate!.objectId]);
    // The clipboard still holds the road.
    await sendMouse({ type: 'move', position: pagePoint(element, 150, 220) });
    await sendKeys({ press: 'Control+v' });
    expect(element.export().task.tools.filter((tool) => tool.schemaId === 't-road')).to.have.length(2);
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Control+z' });
    expect(element.export().task.tools).to.have.length(2);
  });

  it('pastes nothing in view mode, and Ctrl+C never writes the system clipboard', async () => {
    const element = await mount();
    await click(element, [80, 70]);
    let written = false;
    const onCopy = () => (written = true);
    document.addEventListener('copy', onCopy);
    await sendKeys({ press: 'Control+c' });
    document.removeEventListener('copy', onCopy);
    expect(written, 'the browser copy command ran').to.equal(false);
    element.mode = 'view';
    await element.updateComplete;
    await sendKeys({ press: 'Control+v' });
    expect(element.export().task.tools).to.have.length(2);
    await expect(element).to.be.accessible();
  });
});

describe('paste onto another DICOM slice', () => {
  it('Ctrl+C on slice 3, Ctrl+V on slice 5: a new object on slice 5 at the same place', async () => {
    const element = await mountDicom({ ontology, src: `${DICOM}/rtdose.dcm` });
    for (let i = 0; i < 3; i++) await press('PageDown');
    await element.settled();
    expect(element.slice).to.equal(3);
    await press('1');
    await drag(element, [1, 1], [4, 4]);
    await press('Escape');
    await click(element, [2.5, 2.5]);
    expect(element.session.selection).to.have.length(1);
    await sendKeys({ press: 'Control+c' });
    await press('PageDown');
    await press('PageDown');
    await element.settled();
    expect(element.slice).to.equal(5);
    // The pointer off the stage: the copy lands where it was.
    const toolbar = element.shadowRoot!.querySelector('[part~="toolbar"]')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(toolbar.left + 4), Math.round(toolbar.top + 4)] });
    element.focus();
    await sendKeys({ press: 'Control+v' });
    const tools = element.export().task.tools;
    expect(tools.map((tool) => tool.page)).to.deep.equal([3, 5]);
    expect(tools[1]!['bounding-box']).to.deep.equal(tools[0]!['bounding-box']);
    expect(element.renderedIds()).to.deep.equal([tools[1]!.objectId]);
  });
});
