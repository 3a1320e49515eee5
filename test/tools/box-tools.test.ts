import { expect } from '@open-wc/testing';
import { createBoundingBoxTool } from '../../src/tools/box/bounding-box-tool.js';
import { createRotatedBoundingBoxTool } from '../../src/tools/box/rotated-bounding-box-tool.js';
import { createPointTool } from '../../src/tools/point/point-tool.js';
import { toolFactories } from '../../src/tools/index.js';
import { createHarness } from './harness.js';

describe('bounding-box tool', () => {
  it('draws a box from press to release, normalised, as one undo step, and selects it', () => {
    const h = createHarness().use(createBoundingBoxTool, 'car');
    expect(h.state).to.equal('bounding-box.idle');
    h.down(60, 40);
    expect(h.state).to.equal('bounding-box.pressing');
    h.move(30, 20).move(10, 10);
    expect(h.state).to.equal('bounding-box.dragging');
    expect(h.draft?.geometry).to.deep.equal({ type: 'bounding-box', value: { x: 10, y: 10, width: 50, height: 30 } });
    expect(h.objectIds, 'nothing in the store while dragging').to.deep.equal([]);
    h.up(10, 10);
    expect(h.state).to.equal('bounding-box.idle');
    expect(h.draft).to.equal(undefined);
    const object = h.only;
    expect(object.objectId).to.equal('obj-1');
    expect(object.schemaId).to.equal('car');
    expect(object.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'bounding-box', value: { x: 10, y: 10, width: 50, height: 30 } } }]);
    expect(object.metadata).to.deep.equal({ createdAt: '2026-11-22T10:00:00.000Z', createdBy: 'ann@example.com', createdIn: 'Label', index: 1 });
    expect(h.session.selection).to.deep.equal(['obj-1']);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.objectIds).to.deep.equal([]);
    h.store.redo();
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'bounding-box', value: { x: 10, y: 10, width: 50, height: 30 } });
  });

  it('creates nothing for a click or a press that moves less than 3 screen px', () => {
    const h = createHarness({ scale: 2 }).use(createBoundingBoxTool);
    h.click(50, 50);
    // 1.4 asset px = 2.8 screen px at scale 2: still a click.
    h.down(50, 50).move(51, 51).up();
    expect(h.objectIds).to.deep.equal([]);
    expect(h.undoSteps()).to.equal(0);
    // 1.5 asset px = 3 screen px: a drag.
    h.down(50, 50).move(51.5, 51.5).up();
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'bounding-box', value: { x: 50, y: 50, width: 1.5, height: 1.5 } });
  });

  it('creates nothing for a box without area', () => {
    const h = createHarness().use(createBoundingBoxTool);
    h.drag([10, 10], [80, 10]);
    expect(h.objectIds).to.deep.equal([]);
  });

  it('Esc mid-drag leaves nothing and no undo step', () => {
    const h = createHarness().use(createBoundingBoxTool);
    h.down(10, 10).move(50, 50);
    expect(h.key('cancel')).to.equal(true);
    expect(h.state).to.equal('bounding-box.idle');
    expect(h.draft).to.equal(undefined);
    h.move(90, 90).up();
    expect(h.objectIds).to.deep.equal([]);
    expect(h.undoSteps()).to.equal(0);
    expect(h.key('cancel'), 'nothing left to cancel').to.equal(false);
  });

  it('keeps the box inside the plane', () => {
    const h = createHarness({ planeSize: { width: 100, height: 80 } }).use(createBoundingBoxTool);
    h.drag([50, 40], [130, -20]);
    expect(h.geometry('obj-1')).to.deep.equal({ type: 'bounding-box', value: { x: 50, y: 0, width: 50, height: 40 } });
  });

  it('ignores the middle and secondary buttons', () => {
    const h = createHarness().use(createBoundingBoxTool);
    h.drag([10, 10], [60, 60], { button: 1 });
    h.drag([10, 10], [60, 60], { button: 2 });
    expect(h.objectIds).to.deep.equal([]);
  });

  it('two boxes are two undo steps, undone newest first', () => {
    const h = createHarness().use(createBoundingBoxTool);
    h.drag([10, 10], [20, 20]).drag([30, 30], [50, 50]);
    expect(h.objectIds).to.deep.equal(['obj-1', 'obj-2']);
    expect(h.undoSteps()).to.equal(2);
    h.store.undo();
    expect(h.objectIds).to.deep.equal(['obj-1']);
  });
});

describe('rotated-bounding-box tool', () => {
  it('draws an axis-aligned box with rotation 0 and no corners', () => {
    const h = createHarness().use(createRotatedBoundingBoxTool, 'sign');
    h.down(100, 80).move(70, 60);
    expect(h.state).to.equal('rotated-bounding-box.dragging');
    h.up(40, 20);
    expect(h.only.keyframes[0]!.geometry).to.deep.equal({
      type: 'rotated-bounding-box',
      value: { x: 40, y: 20, width: 60, height: 60, rotation: 0 },
    });
    expect(h.only.schemaId).to.equal('sign');
    expect(h.undoSteps()).to.equal(1);
  });
});

describe('point tool', () => {
  it('a click creates a point where the pointer is released', () => {
    const h = createHarness().use(createPointTool, 'eye');
    h.down(12, 34);
    expect(h.state).to.equal('point.placing');
    expect(h.draft?.geometry).to.deep.equal({ type: 'point', value: [12, 34] });
    h.move(13.5, 35).up();
    expect(h.state).to.equal('point.idle');
    expect(h.only.keyframes).to.deep.equal([{ frame: 0, geometry: { type: 'point', value: [13.5, 35] } }]);
    expect(h.session.selection).to.deep.equal(['obj-1']);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.objectIds).to.deep.equal([]);
    expect(h.session.selection).to.deep.equal([]);
  });

  it('Esc while pressed places nothing', () => {
    const h = createHarness().use(createPointTool);
    h.down(12, 34);
    expect(h.key('cancel')).to.equal(true);
    h.up();
    expect(h.objectIds).to.deep.equal([]);
    expect(h.draft).to.equal(undefined);
  });
});

describe('tool factories', () => {
  it('maps every 2D shape tool type to its tool', () => {
    const h = createHarness();
    const states = Object.entries(toolFactories).map(([type, factory]) => [type, factory(h.context, 'x').state]);
    expect(states).to.deep.equal([
      ['bounding-box', 'bounding-box.idle'],
      ['rotated-bounding-box', 'rotated-bounding-box.idle'],
      ['polygon', 'polygon.idle'],
      ['polyline', 'polyline.idle'],
      ['spline', 'spline.idle'],
      ['point', 'point.idle'],
      ['segmentation', 'segmentation.idle'],
    ]);
  });
});
