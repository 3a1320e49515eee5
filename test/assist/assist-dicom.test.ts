/**
 * Assisted labeling on `<lk-dicom>`: the model gets the slice shown as it is on screen (the
 * decoded slice, windowed), its suggestions are accepted onto that slice (`page`), and another
 * slice drops them.
 */
import { expect } from '@open-wc/testing';
import type { AssistDetectRequest } from '../../src/assist/types.js';
import { press, resetMouse } from '../elements/helpers.js';
import { DICOM, mount } from '../elements/lk-dicom-helpers.js';
import { BOTTLE_ONTOLOGY, assistControl, assistControls, clickOn, until } from './assist-helpers.js';

afterEach(() => resetMouse());

describe('assist on <lk-dicom>', () => {
  it('detect gets the slice shown; an accepted suggestion lands on that slice; another slice drops the rest', async () => {
    const requests: AssistDetectRequest[] = [];
    const element = await mount({ ontology: BOTTLE_ONTOLOGY, src: `${DICOM}/SC_rgb_rle_2frame.dcm` });
    element.assist = {
      name: 'lesion-finder',
      detect: async (request) => {
        requests.push(request);
        return [
          { schemaId: 'bottle', geometry: { 'bounding-box': { x: 10, y: 10, width: 30, height: 20 } }, score: 0.9 },
          { schemaId: 'bottle', geometry: { 'bounding-box': { x: 50, y: 50, width: 30, height: 20 } }, score: 0.8 },
        ];
      },
    };
    await until(() => assistControl(element, '.detect') !== null, 'the Detect button');
    element.slice = 1;
    await element.settled();
    await clickOn(assistControl(element, '.detect')!);
    await until(() => assistControls(element, '.chip').length === 2, 'two suggestions');
    expect(requests[0]!.page).to.equal(1);
    expect([requests[0]!.image.width, requests[0]!.image.height]).to.deep.equal([100, 100]);

    element.focus();
    await press('Enter');
    const [tool] = element.export().task.tools;
    expect(tool!.page).to.equal(1);
    expect(tool!.metadata.createdIn).to.equal('Assist');
    expect(tool!.metadata.model).to.equal('lesion-finder');

    element.slice = 0;
    await element.settled();
    await until(() => assistControls(element, '.chip').length === 0, 'the suggestions dropped');
  });
});
