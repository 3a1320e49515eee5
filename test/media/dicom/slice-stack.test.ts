import { expect } from '@open-wc/testing';
import { parseDicomFile } from '../../../src/media/dicom/dicom-file.js';
import { DicomDecodeError } from '../../../src/media/dicom/decode-error.js';
import { createSliceStack } from '../../../src/media/dicom/slice-stack.js';
import { fetchBytes } from './raw-reader.js';
import { imageElements, words16, writeDicom, type WriteElement } from './dicom-writer.js';

function slice(instance: number, value: number, sop: string, size = 2) {
  const before: WriteElement[] = [{ tag: [0x0020, 0x0013], vr: 'IS', value: String(instance) }];
  const elements = imageElements({ rows: size, columns: size, pixelData: words16(new Array(size * size).fill(value)), before });
  elements[0] = { tag: [0x0008, 0x0018], vr: 'UI', value: sop };
  return parseDicomFile(writeDicom(elements, 'explicit-le'));
}

describe('DICOM slice stack', () => {
  it('orders a series by InstanceNumber and lists SOP Instance UIDs in that order', async () => {
    const files = await Promise.all([slice(3, 30, '1.3'), slice(1, 10, '1.1'), slice(2, 20, '1.2')]);
    const stack = createSliceStack(files);
    expect(stack.count).to.equal(3);
    expect(stack.sopInstanceUIDs).to.deep.equal(['1.1', '1.2', '1.3']);
    const values = [0, 1, 2].map((i) => {
      const frame = stack.frame(i);
      return frame.kind === 'grey' ? frame.values[0] : undefined;
    });
    expect(values).to.deep.equal([10, 20, 30]);
  });

  it('spreads the frames of a multi-frame file over slices', async () => {
    const stack = createSliceStack([await parseDicomFile(await fetchBytes('/test/fixtures/dicom/rtdose.dcm'))]);
    expect(stack.count).to.equal(15);
    expect(stack.pixelSpacing).to.deep.equal([10, 10]);
    expect(stack.isGrey(14)).to.equal(true);
    expect(stack.range(7)).to.deep.equal({ min: 798000, max: 1254000 });
    expect(stack.defaultWindow(7)).to.deep.equal({ center: 1026000, width: 456000 });
    expect(() => stack.frame(15)).to.throw(RangeError);
  });

  it('refuses a series that mixes image sizes', async () => {
    const files = await Promise.all([slice(1, 10, '1.1', 2), slice(2, 10, '1.2', 4)]);
    expect(() => createSliceStack(files)).to.throw(DicomDecodeError, /mixes image sizes/);
  });
});
