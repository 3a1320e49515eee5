import { expect } from '@open-wc/testing';
import { IDENTITY_WINDOW, MAX_LUT_ENTRIES, lutEntries, requantize, toCornerstoneImage } from '../../../src/media/dicom/cornerstone-image.js';
import { parseDicomFile } from '../../../src/media/dicom/dicom-file.js';
import { expectedGrey, fetchBytes } from './raw-reader.js';

const FIXTURES = '/test/fixtures/dicom';

describe('DICOM frames as cornerstone images', () => {
  it('keeps 16-bit grey frames as they are: stored values, rescale, MONOCHROME1 as invert', async () => {
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/CT_small.dcm`));
    const frame = file.decodeFrame(0);
    const image = toCornerstoneImage(frame, file.info, 'ct', { center: 40, width: 400 });
    expect(image).to.include({ rows: 128, columns: 128, minPixelValue: 128, maxPixelValue: 2191, slope: 1, intercept: -1024, color: false, invert: false });
    expect(image.getPixelData()).to.equal(frame.kind === 'grey' ? frame.values : undefined);
  });

  it('requantizes the 32-bit RT Dose frames by 2³ (multiples of 1000 stay exact)', async () => {
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/rtdose.dcm`));
    const frame = file.decodeFrame(0);
    if (frame.kind !== 'grey') throw new Error('grey expected');
    expect(lutEntries(795000, 1254000)).to.be.greaterThan(MAX_LUT_ENTRIES);
    const image = toCornerstoneImage(frame, file.info, 'dose', { center: 1e6, width: 1e5 });
    expect(image).to.include({ minPixelValue: 0, maxPixelValue: 459000 / 8, slope: 8, intercept: 795000 });
    const pixels = image.getPixelData();
    for (let i = 0; i < frame.values.length; i++) expect(pixels[i]! * image.slope + image.intercept).to.equal(frame.values[i]);
  });

  it('chooses the smallest power-of-two step that fits 65536 levels and moves values by at most half of it', () => {
    expect(requantize([0, 65535], 0, 65535, { slope: 1, intercept: 0 }).step).to.equal(1);
    expect(requantize([0, 65536], 0, 65536, { slope: 1, intercept: 0 }).step).to.equal(2);
    const values = [100, 4294967295, 3000000001, 123456789];
    const result = requantize(values, 100, 4294967295, { slope: 0.5, intercept: -3 });
    // (2³² − 1 − 100) / 2¹⁶ ≈ 65535.998 would round to 65536: one more halving.
    expect(result.step).to.equal(2 ** 17);
    expect(result.max).to.be.at.most(65535);
    values.forEach((v, i) => {
      const modality = result.values[i]! * result.rescale.slope + result.rescale.intercept;
      expect(Math.abs(modality - (v * 0.5 - 3))).to.be.at.most((0.5 * result.step) / 2);
    });
  });

  it('makes colour frames RGBA with an identity window: cornerstone’s VOI maps every byte onto itself', async () => {
    for (let x = 0; x <= 255; x++) expect(expectedGrey(x, IDENTITY_WINDOW.center, IDENTITY_WINDOW.width), `byte ${x}`).to.equal(x);
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/SC_rgb_rle_2frame.dcm`));
    const image = toCornerstoneImage(file.decodeFrame(0), file.info, 'rgb', IDENTITY_WINDOW);
    expect(image).to.include({ color: true, minPixelValue: 0, maxPixelValue: 255, windowWidth: 255, windowCenter: 127.5 });
    const rgba = image.getPixelData();
    expect(rgba.length).to.equal(100 * 100 * 4);
    expect([...rgba.slice((5 * 100 + 50) * 4, (5 * 100 + 50) * 4 + 4)]).to.deep.equal([255, 0, 0, 255]);
  });

  it('gives each call its own image object, so LUT caches are never shared', async () => {
    const file = await parseDicomFile(await fetchBytes(`${FIXTURES}/MR_small.dcm`));
    const frame = file.decodeFrame(0);
    const window = { center: 600, width: 1600 };
    expect(toCornerstoneImage(frame, file.info, 'a', window)).not.to.equal(toCornerstoneImage(frame, file.info, 'a', window));
  });
});
