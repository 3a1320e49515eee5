/**
 * <lk-dicom> brush tools on the real fixtures, with real input: threshold painting on CT_small
 * (only pixels whose Hounsfield value is within the range set in the bar get paint), and Fill
 * between on the RT Dose frames (masks interpolated on the unpainted slices between two painted
 * ones, one undo step).
 */
import { expect } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { fetchBytes, int16le, rawPixelData } from '../media/dicom/raw-reader.js';
import { ONTOLOGY_URL, decodedPixels, drag, fetchJson, frames, nextEvent, press, resetMouse, sendKeys } from './helpers.js';
import { DICOM, barButton, clickControl, mount as mountDicom } from './lk-dicom-helpers.js';

let ontology: unknown;

/** The painted pixels (1) of a brush PNG data URL. */
async function maskOf(url: string): Promise<Uint8Array> {
  const { data } = await decodedPixels(url);
  const mask = new Uint8Array(data.length / 4);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i * 4 + 3]! > 0 ? 1 : 0;
  return mask;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await clickControl(input);
  await sendKeys({ press: 'Control+a' });
  await sendKeys({ type: value });
  await sendKeys({ press: 'Tab' });
}

const count = (mask: Uint8Array) => mask.reduce((sum, v) => sum + v, 0);

function centroid(mask: Uint8Array, width: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  mask.forEach((v, i) => {
    if (!v) return;
    sx += i % width;
    sy += Math.floor(i / width);
    n++;
  });
  return [sx / n, sy / n];
}

async function goTo(element: LkDicom, slice: number): Promise<void> {
  element.slice = slice;
  await element.settled();
}

describe('<lk-dicom> brush: threshold painting and fill between slices', function () {
  this.timeout(120000);

  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('with Threshold on, a stroke paints only the pixels whose HU lies in the range typed in the bar', async () => {
    const element = await mountDicom({ ontology, src: `${DICOM}/CT_small.dcm` });
    const hu = int16le(rawPixelData(await fetchBytes(`${DICOM}/CT_small.dcm`), true)).map((v) => v - 1024);
    await press('7');
    await clickControl(barButton(element, 'Threshold'));
    await element.updateComplete;
    expect(barButton(element, 'Threshold').getAttribute('aria-pressed')).to.equal('true');
    const [from, to] = ['.threshold-min', '.threshold-max'].map((selector) => element.shadowRoot!.querySelector<HTMLInputElement>(selector)!);
    expect(from!.getAttribute('aria-label')).to.equal('Paint from (lowest value HU)');
    await typeInto(from!, '0');
    await typeInto(to!, '150');
    expect(element.brushThreshold).to.deep.equal({ min: 0, max: 150 });
    element.focus();
    await drag(element, [10, 64], [118, 70], 12);
    await frames();
    const thresholded = await maskOf(element.export().task.brushDataUrls!['0']!);
    // The same stroke again without the threshold paints its whole footprint.
    await clickControl(barButton(element, 'Threshold'));
    expect(element.brushThreshold).to.equal(undefined);
    element.focus();
    await drag(element, [10, 64], [118, 70], 12);
    await frames();
    const footprint = await maskOf(element.export().task.brushDataUrls!['0']!);
    const inRange = (i: number) => hu[i]! >= 0 && hu[i]! <= 150;
    const footprintPixels = [...footprint.keys()].filter((i) => footprint[i]);
    expect(footprintPixels.filter(inRange).length, 'the stroke crosses tissue in the range').to.be.greaterThan(100);
    expect(footprintPixels.filter((i) => !inRange(i)).length, 'and tissue outside it').to.be.greaterThan(100);
    for (let i = 0; i < thresholded.length; i++) expect(thresholded[i], `pixel ${i} (${hu[i]} HU)`).to.equal(footprint[i] && inRange(i) ? 1 : 0);
    await expect(element).to.be.accessible();
  });

  it('Fill between interpolates the masks of the unpainted slices between two painted ones, in one undo step', async () => {
    const element = await mountDicom({ ontology, src: `${DICOM}/rtdose.dcm` });
    await press('7');
    for (let i = 0; i < 6; i++) await press('[');
    // A dot at the top left on slice 2, one at the bottom right on slice 6.
    await goTo(element, 2);
    await drag(element, [2.5, 2.5], [2.6, 2.5], 1);
    await goTo(element, 6);
    await drag(element, [7.5, 7.5], [7.6, 7.5], 1);
    await frames();
    const ends = element.export().task.brushDataUrls!;
    expect(Object.keys(ends).sort()).to.deep.equal(['2', '6']);
    const [first, last] = await Promise.all([maskOf(ends['2']!), maskOf(ends['6']!)]);
    expect(count(first)).to.be.greaterThan(4);
    const changed = nextEvent(element, 'lk-change');
    await clickControl(barButton(element, 'Fill between'));
    await changed;
    const filled = element.export().task.brushDataUrls!;
    expect(Object.keys(filled).sort()).to.deep.equal(['2', '3', '4', '5', '6']);
    expect(await maskOf(filled['2']!), 'the painted ends stay as they were').to.deep.equal(first);
    expect(await maskOf(filled['6']!)).to.deep.equal(last);
    const [ca, cb] = [centroid(first, 10), centroid(last, 10)];
    for (const slice of [3, 4, 5]) {
      const mask = await maskOf(filled[String(slice)]!);
      const t = (slice - 2) / 4;
      const [x, y] = centroid(mask, 10);
      expect(x, `slice ${slice} moves along`).to.be.closeTo(ca[0] + (cb[0] - ca[0]) * t, 0.75);
      expect(y).to.be.closeTo(ca[1] + (cb[1] - ca[1]) * t, 0.75);
      expect(count(mask), `slice ${slice} keeps the dot's size`).to.be.within(Math.min(count(first), count(last)) * 0.6, Math.max(count(first), count(last)) * 1.4);
    }
    await element.updateComplete;
    const ticks = [...element.shadowRoot!.querySelectorAll<HTMLElement>('.ticks .tick')].map((tick) => Number(tick.dataset.slice));
    expect(ticks, 'the filled slices are marked on the stack bar').to.deep.equal([2, 3, 4, 5, 6]);
    element.focus();
    await press('Control+z');
    expect(Object.keys(element.export().task.brushDataUrls!).sort(), 'one undo step').to.deep.equal(['2', '6']);
  });
});
