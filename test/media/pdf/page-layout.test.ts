import { expect } from '@open-wc/testing';
import { layoutPages, mostVisiblePage, pagesNear } from '../../../src/media/pdf/page-layout.js';
import { boundsOf, lineRuns } from '../../../src/media/pdf/line-runs.js';

const A4 = { width: 595.28, height: 841.89 };
const LANDSCAPE = { width: 841.89, height: 595.28 };

describe('PDF page layout', () => {
  it('stacks pages with a gap at the zoom and centres narrower pages', () => {
    const layout = layoutPages([A4, LANDSCAPE, A4], 0.5, 10);
    expect(layout.width).to.be.closeTo(841.89 * 0.5 + 20, 1e-9);
    expect(layout.slots.map((slot) => Math.round(slot.top))).to.deep.equal([10, 441, 749]);
    expect(layout.slots[1]!.left).to.equal(10);
    expect(layout.slots[0]!.left).to.be.closeTo((layout.width - 595.28 * 0.5) / 2, 1e-9);
    expect(layout.height).to.be.closeTo(10 + 841.89 * 0.5 + 10 + 595.28 * 0.5 + 10 + 841.89 * 0.5 + 10, 1e-9);
  });

  it('a container wider than the pages sets the width', () => {
    expect(layoutPages([A4], 1, 10, 2000).width).to.equal(2000);
  });

  it('finds the pages near a scroll window by binary search, widened by a margin', () => {
    const sizes = Array.from({ length: 500 }, () => ({ width: 100, height: 100 }));
    const layout = layoutPages(sizes, 1, 10);
    // Page n spans [10 + 110n, 110 + 110n].
    expect(pagesNear(layout, 0, 300, 0)).to.deep.equal([0, 2]);
    expect(pagesNear(layout, 110 * 250 + 50, 110 * 250 + 60, 1)).to.deep.equal([249, 251]);
    expect(pagesNear(layout, 110 * 499, 110 * 600, 2)).to.deep.equal([497, 499]);
    expect(pagesNear(layoutPages([], 1, 10), 0, 100, 1)).to.equal(undefined);
  });

  it('the current page is the one covering most of the view', () => {
    const layout = layoutPages([A4, A4, A4], 1, 10);
    const second = layout.slots[1]!;
    expect(mostVisiblePage(layout, second.top - 100, second.top + 400)).to.equal(1);
    expect(mostVisiblePage(layout, second.top - 500, second.top + 100)).to.equal(0);
  });
});

describe('PDF selection line runs', () => {
  it('merges word rects on a line into one run and keeps lines apart', () => {
    const runs = lineRuns([
      { left: 10, top: 100, right: 40, bottom: 112 },
      { left: 44, top: 101, right: 90, bottom: 112 },
      { left: 10, top: 116, right: 60, bottom: 128 },
    ]);
    expect(runs).to.deep.equal([
      { left: 10, top: 100, right: 90, bottom: 112 },
      { left: 10, top: 116, right: 60, bottom: 128 },
    ]);
  });

  it('a wide gap on one line (another column) starts a new run; empty rects are dropped', () => {
    const runs = lineRuns([
      { left: 300, top: 100, right: 380, bottom: 112 },
      { left: 10, top: 100, right: 200, bottom: 112 },
      { left: 50, top: 50, right: 50, bottom: 62 },
    ]);
    expect(runs.map((run) => run.left)).to.deep.equal([10, 300]);
  });

  it('bounds of runs', () => {
    expect(boundsOf([])).to.equal(undefined);
    expect(boundsOf([{ left: 10, top: 20, right: 30, bottom: 40 }, { left: 5, top: 25, right: 50, bottom: 35 }])).to.deep.equal({ left: 5, top: 20, right: 50, bottom: 40 });
  });
});
