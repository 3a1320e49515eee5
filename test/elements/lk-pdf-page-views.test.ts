/** The drawing order of <lk-pdf>'s pages (page-views.ts), with drawings the test finishes by hand. */
import { expect } from '@open-wc/testing';
import { PageViews, type PageDrawing } from '../../src/elements/lk-pdf/page-views.js';

interface TestDrawing extends PageDrawing {
  finish(): void;
  destroyed: boolean;
  attachedNow: boolean;
}

function harness() {
  const drawings = new Map<number, TestDrawing[]>();
  const started: number[] = [];
  let ratio = 1;
  let views: PageViews;
  const start = (index: number): TestDrawing => {
    let finish = () => {};
    const rendered = new Promise<void>((resolve) => (finish = resolve));
    const drawing: TestDrawing = {
      rendered,
      finish,
      bitmap: undefined,
      pixelRatio: ratio,
      destroyed: false,
      attachedNow: true,
      get attached() {
        return this.attachedNow;
      },
      destroy() {
        this.destroyed = true;
      },
    };
    started.push(index);
    drawings.set(index, [...(drawings.get(index) ?? []), drawing]);
    return drawing;
  };
  let inView: [number, number] = [0, 0];
  let near: [number, number] = [0, 1];
  const sync = () => views.sync(inView, near, ratio);
  views = new PageViews(start, sync);
  return {
    views,
    started,
    latest: (index: number) => drawings.get(index)!.at(-1)!,
    show(view: [number, number], around: [number, number], pixelRatio = 1) {
      inView = view;
      near = around;
      ratio = pixelRatio;
      sync();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<lk-pdf> page drawing order', () => {
  it('draws the pages in view first and their neighbours once those are done', async () => {
    const h = harness();
    h.show([3, 4], [2, 5]);
    expect(h.started).to.deep.equal([3, 4]);
    h.latest(3).finish();
    await settle();
    expect(h.started, 'one page in view still drawing').to.deep.equal([3, 4]);
    h.latest(4).finish();
    await settle();
    expect(h.started).to.deep.equal([3, 4, 2, 5]);
    expect(h.views.pages()).to.deep.equal([2, 3, 4, 5]);
    expect(h.views.drawingsIn([3, 4])).to.deep.equal([h.latest(3), h.latest(4)]);
  });

  it('cancels the drawings of pages that left the range, drawn or not, and of pages whose box is gone or drawn for another pixel ratio', async () => {
    const h = harness();
    h.show([0, 0], [0, 1]);
    const first = h.latest(0);
    h.show([7, 7], [6, 8]);
    expect(first.destroyed, 'left before it was drawn').to.equal(true);
    expect(h.views.pages()).to.deep.equal([7]);
    h.latest(7).finish();
    await settle();
    const drawn = h.latest(7);
    drawn.attachedNow = false;
    h.show([7, 7], [6, 8]);
    expect(drawn.destroyed, 'its box was re-rendered').to.equal(true);
    const again = h.latest(7);
    expect(again).to.not.equal(drawn);
    h.show([7, 7], [6, 8], 2);
    expect(again.destroyed, 'another pixel ratio').to.equal(true);
    expect(h.latest(7).pixelRatio).to.equal(2);
    h.views.release();
    expect(h.views.pages()).to.deep.equal([]);
  });

  it('keeps a finished drawing while its page stays in range, and starts it afresh when the page comes back', async () => {
    const h = harness();
    h.show([5, 5], [4, 6]);
    const failed = h.latest(5);
    failed.finish();
    await settle();
    h.show([5, 5], [4, 6]);
    expect(h.latest(5), 'not drawn twice while in range').to.equal(failed);
    h.show([9, 9], [8, 10]);
    h.show([5, 5], [4, 6]);
    expect(h.latest(5)).to.not.equal(failed);
  });
});
