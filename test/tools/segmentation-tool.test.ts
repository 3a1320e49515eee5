import { expect } from '@open-wc/testing';
import type { Point } from '../../src/core/model.js';
import { createSegmentationTool } from '../../src/tools/segmentation/segmentation-tool.js';
import { createHarness } from './harness.js';

const square: Point[] = [[0, 0], [80, 0], [80, 80], [0, 80]];

function drawn() {
  const h = createHarness().use(createSegmentationTool, 'sky');
  h.clicks(square).key('finish');
  return h;
}

describe('segmentation tool', () => {
  it('draws a region like a polygon into a new segmentation object, one undo step', () => {
    const h = createHarness().use(createSegmentationTool, 'sky');
    h.clicks([[0, 0], [80, 0], [80, 80]]);
    expect(h.state).to.equal('segmentation.drawing');
    h.click(0, 80).click(2, 2);
    expect(h.state).to.equal('segmentation.idle');
    expect(h.only.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'segmentation', value: { zones: [{ region: square, holes: [] }] } } }]);
    expect(h.only.schemaId).to.equal('sky');
    expect(h.session.selection).to.deep.equal(['obj-1']);
    expect(h.undoSteps()).to.equal(1);
  });

  it('Shift adds another zone to the selected segmentation as one update step', () => {
    const h = drawn();
    h.clicks([[100, 0], [150, 0], [150, 50]], { shift: true }).key('finish');
    expect(h.objectIds).to.deep.equal(['obj-1']);
    expect(h.geometry('obj-1')).to.deep.equal({
      type: 'segmentation',
      value: { zones: [{ region: square, holes: [] }, { region: [[100, 0], [150, 0], [150, 50]], holes: [] }] },
    });
    expect(h.undoSteps()).to.equal(2);
    const changes: string[] = [];
    h.store.subscribe((c) => changes.push(c.reason));
    h.store.undo();
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'segmentation', value: { zones: [{ region: square, holes: [] }] } });
    expect(changes).to.deep.equal(['undo']);
  });

  it('Alt cuts a hole into the zone containing the first click', () => {
    const h = drawn();
    h.clicks([[100, 0], [150, 0], [150, 50]], { shift: true }).key('finish');
    const hole: Point[] = [[110, 5], [140, 5], [140, 30]];
    const reasons: string[] = [];
    h.store.subscribe((c) => reasons.push(c.reason));
    h.clicks(hole, { alt: true }).key('finish');
    expect(reasons).to.deep.equal(['update']);
    expect(h.geometry('obj-1')).to.deep.equal({
      type: 'segmentation',
      value: { zones: [{ region: square, holes: [] }, { region: [[100, 0], [150, 0], [150, 50]], holes: [hole] }] },
    });
    h.store.undo();
    const undone = h.geometry('obj-1');
    expect(undone?.type === 'segmentation' ? undone.value.zones[1]!.holes : undefined).to.deep.equal([]);
  });

  it('ignores a hole whose first click is in no zone, or that leaves its region', () => {
    const h = drawn();
    h.click(200, 200, { alt: true });
    expect(h.state, 'first click outside every zone').to.equal('segmentation.idle');
    h.clicks([[10, 10], [120, 10], [40, 40]], { alt: true });
    expect(h.key('finish')).to.equal(true);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'segmentation', value: { zones: [{ region: square, holes: [] }] } });
    expect(h.undoSteps()).to.equal(1);
  });

  it('without a selected segmentation of the class, Shift draws a new object', () => {
    const h = drawn();
    h.session.select([]);
    h.clicks([[100, 0], [150, 0], [150, 50]], { shift: true }).key('finish');
    expect(h.objectIds).to.deep.equal(['obj-1', 'obj-2']);
    const other = createHarness().use(createSegmentationTool, 'water');
    other.add({ type: 'segmentation', value: { zones: [{ region: square, holes: [] }] } }, { id: 'sky-1', schemaId: 'sky' });
    other.session.select(['sky-1']);
    other.clicks([[100, 0], [150, 0], [150, 50]], { shift: true }).key('finish');
    expect(other.objectIds, 'a selected object of another class is not extended').to.deep.equal(['sky-1', 'obj-1']);
  });

  it('Esc drops a zone in progress', () => {
    const h = drawn();
    h.clicks([[100, 0], [150, 0], [150, 50]], { shift: true });
    expect(h.key('cancel')).to.equal(true);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'segmentation', value: { zones: [{ region: square, holes: [] }] } });
    expect(h.undoSteps()).to.equal(1);
  });
});
