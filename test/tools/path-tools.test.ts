import { expect } from '@open-wc/testing';
import { createPolygonTool } from '../../src/tools/path/polygon-tool.js';
import { createPolylineTool } from '../../src/tools/path/polyline-tool.js';
import { createSplineTool } from '../../src/tools/path/spline-tool.js';
import { createHarness } from './harness.js';

describe('polygon tool', () => {
  it('clicks add vertices with a rubber band; a click near the first vertex closes it as one undo step', () => {
    const h = createHarness().use(createPolygonTool, 'road');
    h.click(10, 10);
    expect(h.state).to.equal('polygon.drawing');
    h.move(40, 12);
    expect(h.draft).to.deep.equal({ schemaId: 'road', geometry: { type: 'polygon', value: [[10, 10]] }, preview: [40, 12] });
    h.click(50, 10).click(50, 50);
    expect(h.objectIds, 'nothing in the store while drawing').to.deep.equal([]);
    // 7 px from the first vertex: closes without adding the click.
    h.click(15, 15);
    expect(h.state).to.equal('polygon.idle');
    expect(h.draft).to.equal(undefined);
    expect(h.only.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'polygon', value: [[10, 10], [50, 10], [50, 50]] } }]);
    expect(h.only.schemaId).to.equal('road');
    expect(h.session.selection).to.deep.equal(['obj-1']);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.objectIds).to.deep.equal([]);
    h.store.redo();
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10], [50, 50]] });
  });

  it('the closing radius is 8 screen px, whatever the zoom', () => {
    const h = createHarness({ scale: 4 }).use(createPolygonTool);
    h.clicks([[10, 10], [50, 10], [50, 50]]);
    // 2.5 asset px = 10 screen px: a new vertex.
    h.click(12.5, 10);
    expect(h.state).to.equal('polygon.drawing');
    // 1.5 asset px = 6 screen px: closes.
    h.click(10, 11.5);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10], [50, 50], [12.5, 10]] });
  });

  it('a click on the first vertex with fewer than 3 vertices neither closes nor adds', () => {
    const h = createHarness().use(createPolygonTool);
    h.clicks([[10, 10], [50, 10], [12, 12]]);
    expect(h.draft?.geometry).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10]] });
    expect(h.objectIds).to.deep.equal([]);
  });

  it('right-click removes the last vertex; removing the only one drops the draft', () => {
    const h = createHarness().use(createPolygonTool);
    h.clicks([[10, 10], [50, 10], [99, 99]]).rightClick(0, 0);
    expect(h.draft?.geometry).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10]] });
    h.click(50, 50).key('finish');
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10], [50, 50]] });
    h.click(100, 100).rightClick(0, 0);
    expect(h.state).to.equal('polygon.idle');
    expect(h.draft).to.equal(undefined);
  });

  it('Enter finishes with 3 vertices or more; with fewer it does nothing, returns false and keeps the draft', () => {
    const h = createHarness().use(createPolygonTool);
    expect(h.key('finish'), 'nothing drawn').to.equal(false);
    h.clicks([[10, 10], [50, 10]]);
    expect(h.key('finish')).to.equal(false);
    expect(h.state).to.equal('polygon.drawing');
    expect(h.objectIds).to.deep.equal([]);
    h.click(30, 40);
    expect(h.key('finish')).to.equal(true);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10], [30, 40]] });
  });

  it('a double click finishes without doubling the last vertex', () => {
    const h = createHarness().use(createPolygonTool);
    h.clicks([[10, 10], [50, 10]]).dblclick(30, 40);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10], [30, 40]] });
    expect(h.undoSteps()).to.equal(1);
  });

  it('Delete while drawing removes the last vertex; Esc drops the draft and leaves no undo step', () => {
    const h = createHarness().use(createPolygonTool);
    expect(h.key('delete'), 'nothing to delete').to.equal(false);
    h.clicks([[10, 10], [50, 10], [50, 50]]);
    expect(h.key('delete')).to.equal(true);
    expect(h.draft?.geometry).to.deep.equal({ type: 'polygon', value: [[10, 10], [50, 10]] });
    expect(h.key('cancel')).to.equal(true);
    expect(h.draft).to.equal(undefined);
    expect(h.state).to.equal('polygon.idle');
    expect(h.objectIds).to.deep.equal([]);
    expect(h.undoSteps()).to.equal(0);
    expect(h.key('cancel')).to.equal(false);
  });

  it('switching tools (dispose) drops the draft', () => {
    const h = createHarness().use(createPolygonTool);
    h.clicks([[10, 10], [50, 10], [50, 50]]);
    h.use(createPolylineTool);
    expect(h.draft).to.equal(undefined);
    expect(h.objectIds).to.deep.equal([]);
  });

  it('keeps vertices inside the plane', () => {
    const h = createHarness({ planeSize: { width: 100, height: 100 } }).use(createPolygonTool);
    h.clicks([[-10, 10], [150, 10], [50, 120]]).key('finish');
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polygon', value: [[0, 10], [100, 10], [50, 100]] });
  });
});

describe('polyline tool', () => {
  it('a double click finishes; a click on the first vertex is just another vertex', () => {
    const h = createHarness().use(createPolylineTool, 'lane');
    h.clicks([[0, 0], [10, 10], [1, 1]]);
    expect(h.state).to.equal('polyline.drawing');
    h.dblclick(30, 5);
    expect(h.state).to.equal('polyline.idle');
    expect(h.only.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'polyline', value: [[0, 0], [10, 10], [1, 1], [30, 5]] } }]);
    expect(h.undoSteps()).to.equal(1);
  });

  it('finishes with 2 vertices, not with 1', () => {
    const h = createHarness().use(createPolylineTool);
    h.click(5, 5).dblclick(5, 5);
    expect(h.objectIds).to.deep.equal([]);
    expect(h.state).to.equal('polyline.drawing');
    h.click(25, 5);
    expect(h.key('finish')).to.equal(true);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'polyline', value: [[5, 5], [25, 5]] });
  });

  it('Esc drops the draft', () => {
    const h = createHarness().use(createPolylineTool);
    h.clicks([[0, 0], [10, 10]]);
    expect(h.key('cancel')).to.equal(true);
    expect(h.objectIds).to.deep.equal([]);
    expect(h.undoSteps()).to.equal(0);
  });
});

describe('spline tool', () => {
  it('stores the clicked control points', () => {
    const h = createHarness().use(createSplineTool, 'curb');
    h.clicks([[0, 50], [40, 60]]);
    expect(h.draft?.geometry).to.deep.equal({ type: 'spline', value: [[0, 50], [40, 60]] });
    h.click(80, 50).key('finish');
    expect(h.only.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'spline', value: [[0, 50], [40, 60], [80, 50]] } }]);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.objectIds).to.deep.equal([]);
  });

  it('a double click finishes', () => {
    const h = createHarness().use(createSplineTool);
    h.click(0, 0).dblclick(20, 30);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'spline', value: [[0, 0], [20, 30]] });
  });
});
