/**
 * <lk-dicom> memory while paging a long series end to end and back: the decoded slices it keeps
 * (`decodedCache`) stay within their bound in count and in bytes, and a slice dropped from the
 * cache shows the same pixels when paged back to.
 */
import { expect } from '@open-wc/testing';
import type { LkDicom } from '../../src/elements/lk-dicom/lk-dicom.js';
import { flatSlice } from '../media/dicom/dicom-writer.js';
import { expectedGrey } from '../media/dicom/raw-reader.js';
import { ONTOLOGY_URL, fetchJson, press, resetMouse } from './helpers.js';
import { blobUrls, greyAt, mount } from './lk-dicom-helpers.js';

let ontology: unknown;
const blobs = blobUrls();

const series = (count: number, size: number) => Array.from({ length: count }, (_, i) => blobs.url(flatSlice({ size, value: 10 * i, instance: i + 1 })));

/** Pages with real keys from the first slice to the last and back, noting the largest cache seen after each slice shown. */
async function pageThrough(element: LkDicom): Promise<{ slices: number; bytes: number }> {
  const largest = { slices: 0, bytes: 0 };
  const note = () => {
    const usage = element.decodedCache!;
    expect(usage.bytes, `slice ${element.slice}`).to.be.at.most(usage.limitBytes);
    largest.slices = Math.max(largest.slices, usage.slices);
    largest.bytes = Math.max(largest.bytes, usage.bytes);
  };
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let step = 1; step < element.sliceCount; step++) {
      await press(key);
      await element.settled();
      note();
    }
  }
  expect(element.slice).to.equal(0);
  return largest;
}

describe('<lk-dicom> memory while paging a long series', function () {
  this.timeout(180000);

  before(async () => {
    ontology = await fetchJson(ONTOLOGY_URL);
    // The dev server transforms pixi.js on first request (seconds on a loaded machine): before the first test's load.
    await import('pixi.js');
  });

  afterEach(async () => {
    await resetMouse();
  });

  after(() => blobs.revokeAll());

  it('keeps at most 48 decoded slices of a 100-slice series, end to end and back', async () => {
    const element = await mount({ ontology, srcs: series(100, 32) });
    expect(element.sliceCount).to.equal(100);
    const largest = await pageThrough(element);
    expect(largest.slices, 'the cache filled up to its bound').to.equal(48);
    expect(greyAt(element, 5, 5), 'slice 0, decoded again').to.equal(expectedGrey(0, element.voiWindow!.center, element.voiWindow!.width));
    element.setWindow(150, 300);
    element.slice = 99;
    await element.settled();
    expect(greyAt(element, 5, 5), 'slice 99').to.equal(expectedGrey(990, 150, 300));
  });

  it('keeps the decoded bytes under the bound when slices are large (1024 × 1024)', async () => {
    const element = await mount({ ontology, srcs: series(40, 1024) });
    element.setWindow(150, 300);
    const largest = await pageThrough(element);
    // Bounded by count only, 40 slices of 4 MiB decoded samples (and their LUTs) would be 160 MiB.
    expect(largest.bytes).to.be.at.most(element.decodedCache!.limitBytes);
    expect(largest.slices, 'fewer slices than the count bound: bytes bound them').to.be.below(40);
    expect(greyAt(element, 100, 100), 'slice 0, decoded again').to.equal(expectedGrey(0, 150, 300));
    element.slice = 20;
    await element.settled();
    expect(greyAt(element, 100, 100), 'slice 20').to.equal(expectedGrey(200, 150, 300));
  });
});
