/**
 * <lk-dicom>'s stack scroll bar on the RT Dose fixture's 15 frames: ticks mark the slices with
 * objects or brush paint, line up with the slider's thumb positions, and the bar is operated with a
 * real mouse (clicking a tick, the Labelled buttons) and keys (Shift+PageUp/PageDown, arrows on the
 * slider); axe finds it clean.
 */
import { expect } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { ONTOLOGY_URL, click, drag, fetchJson, frames, press, resetMouse, sendKeys, sendMouse } from './helpers.js';
import { DICOM, barButton, clickControl, mount as mountDicom } from './lk-dicom-helpers.js';

let ontology: unknown;
const mount = () => mountDicom({ ontology, src: `${DICOM}/rtdose.dcm` });

const ticksOf = (element: LkDicom) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('.ticks .tick')];
const sliderOf = (element: LkDicom) => element.shadowRoot!.querySelector<HTMLInputElement>('.slice-track input[type=range]')!;

async function goTo(element: LkDicom, slice: number): Promise<void> {
  element.slice = slice;
  await element.settled();
  await element.updateComplete;
}

/** A box on slice 3, a point on slice 9, a brush stroke (no object) on slice 12. */
async function labelThree(element: LkDicom): Promise<void> {
  await goTo(element, 3);
  await press('1');
  await drag(element, [1, 1], [4, 4]);
  await goTo(element, 9);
  await press('5');
  await click(element, [5, 5]);
  await goTo(element, 12);
  await press('7');
  await drag(element, [0.5, 9.5], [5.5, 9.5], 8);
  await frames();
  await press('Escape');
  await goTo(element, 0);
}

describe('<lk-dicom> stack scroll bar', function () {
  this.timeout(120000);

  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('puts a tick on each slice with objects or brush paint, where the thumb stands on that slice', async () => {
    const element = await mount();
    expect(ticksOf(element), 'nothing labelled yet').to.deep.equal([]);
    await labelThree(element);
    expect(ticksOf(element).map((tick) => Number(tick.dataset.slice))).to.deep.equal([3, 9, 12]);
    // Chromium places the thumb's centre at left + thumb / 2 + value / max × (width − thumb), thumb 12 px.
    const slider = sliderOf(element).getBoundingClientRect();
    for (const tick of ticksOf(element)) {
      const box = tick.getBoundingClientRect();
      const expected = slider.left + 6 + (Number(tick.dataset.slice) / 14) * (slider.width - 12);
      expect(box.left + box.width / 2).to.be.closeTo(expected, 0.75);
    }
    // Undo the brush stroke: its tick goes.
    await press('Control+z');
    await element.updateComplete;
    expect(ticksOf(element).map((tick) => Number(tick.dataset.slice))).to.deep.equal([3, 9]);
  });

  it('is operated by mouse: a click on a tick shows that slice, the Labelled buttons step between them', async () => {
    const element = await mount();
    await labelThree(element);
    const tick = ticksOf(element).find((t) => t.dataset.slice === '9')!;
    const box = tick.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await element.settled();
    expect(element.slice).to.equal(8 + 1);
    await clickControl(barButton(element, 'Labelled ▸'));
    expect(element.slice).to.equal(12);
    await element.updateComplete;
    expect(barButton(element, 'Labelled ▸').disabled, 'nothing after the last').to.equal(true);
    await clickControl(barButton(element, '◂ Labelled'));
    await clickControl(barButton(element, '◂ Labelled'));
    expect(element.slice).to.equal(3);
  });

  it('is operated by keyboard: Shift+PageDown / Shift+PageUp jump between labelled slices, arrows move the focused slider, and it says what a slice holds', async () => {
    const element = await mount();
    await labelThree(element);
    element.focus();
    await press('Shift+PageDown');
    expect(element.slice).to.equal(3);
    await press('Shift+PageDown');
    expect(element.slice).to.equal(9);
    await press('Shift+PageDown');
    await press('Shift+PageDown');
    expect(element.slice, 'stays on the last labelled slice').to.equal(12);
    await press('Shift+PageUp');
    expect(element.slice).to.equal(9);
    await element.updateComplete;
    const slider = sliderOf(element);
    expect(slider.getAttribute('aria-valuetext')).to.equal('Slice 10 of 15, 1 object');
    // The point just drawn may be selected: the focused slider's arrows still page, they nudge nothing.
    const point = element.export().task.tools.find((tool) => tool.page === 9)!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(element.slice).to.equal(12);
    await element.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Slice 13 of 15, painted');
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Slice 12 of 15');
    expect(element.export().task.tools.find((tool) => tool.page === 9), 'the point did not move').to.deep.equal(point);
    await expect(element).to.be.accessible();
  });
});
