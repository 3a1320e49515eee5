import { expect } from '@open-wc/testing';
import type { Geometry, Point } from '../../src/core/model.js';
import { createSelectTool, type SelectTool } from '../../src/tools/select/select-tool.js';
import type { Handle } from '../../src/tools/tool.js';
import { createHarness, type ToolHarness } from './harness.js';

const box = (x: number, y: number, width: number, height: number): Geometry => ({ type: 'bounding-box', value: { x, y, width, height } });

/** Two boxes a, b and a locked box c, with the select tool. */
function scene(): ToolHarness {
  const h = createHarness();
  h.add(box(10, 10, 20, 20), { id: 'a' });
  h.add(box(50, 10, 20, 20), { id: 'b' });
  h.add(box(90, 10, 20, 20), { id: 'c', lock: true });
  return h.use(createSelectTool);
}

function focus(h: ToolHarness) {
  return (h.activeTool as SelectTool).focusedVertex;
}

describe('select tool: picking', () => {
  it('a click selects the topmost object; Shift+click toggles; a click on empty space clears', () => {
    const h = scene();
    h.add(box(18, 18, 4, 4), { id: 'top' });
    // Zoomed in, so handles (8 screen px) do not cover these small boxes.
    h.scale = 4;
    expect(h.state).to.equal('select.idle');
    h.click(20, 20);
    expect(h.session.selection).to.deep.equal(['top']);
    h.click(12, 12);
    expect(h.session.selection).to.deep.equal(['a']);
    h.click(60, 20, { shift: true });
    expect(h.session.selection).to.deep.equal(['a', 'b']);
    h.click(12, 12, { shift: true });
    expect(h.session.selection).to.deep.equal(['b']);
    h.click(200, 200, { shift: true });
    expect(h.session.selection, 'Shift+click on empty space keeps the selection').to.deep.equal(['b']);
    h.click(200, 200);
    expect(h.session.selection).to.deep.equal([]);
    expect(h.undoSteps(), 'selection is not an edit').to.equal(0);
  });

  it('a click on one of several selected objects selects just it', () => {
    const h = scene();
    h.session.select(['a', 'b']);
    h.down(60, 20);
    expect(h.session.selection, 'kept while pressed, so the press could drag both').to.deep.equal(['a', 'b']);
    h.up();
    expect(h.session.selection).to.deep.equal(['b']);
  });

  it('drag on empty space box-selects objects whose bounds intersect the marquee; Shift adds', () => {
    const h = scene();
    h.down(0, 0).move(30, 40);
    expect(h.state).to.equal('select.marquee');
    expect(h.draft?.marquee).to.deep.equal({ x: 0, y: 0, width: 30, height: 40 });
    h.move(55, 40).up();
    expect(h.draft).to.equal(undefined);
    expect(h.session.selection).to.deep.equal(['a', 'b']);
    h.drag([200, 100], [95, 25]);
    expect(h.session.selection, 'a marquee drawn up-left works too').to.deep.equal(['c']);
    h.drag([0, 0], [20, 20], { shift: true });
    expect(h.session.selection).to.deep.equal(['c', 'a']);
    expect(h.undoSteps()).to.equal(0);
  });

  it('Esc during a marquee drops it and keeps the selection', () => {
    const h = scene();
    h.session.select(['b']);
    h.down(0, 0).move(30, 40);
    expect(h.key('cancel')).to.equal(true);
    expect(h.draft).to.equal(undefined);
    h.move(100, 100).up();
    expect(h.session.selection).to.deep.equal(['b']);
  });

  it('Esc with nothing in progress returns false', () => {
    const h = scene();
    h.click(20, 20);
    expect(h.key('cancel')).to.equal(false);
  });
});

describe('select tool: moving', () => {
  it('dragging a selected object moves every selected object as one undo step', () => {
    const h = scene();
    h.session.select(['a', 'b']);
    h.down(20, 20).move(23, 21);
    expect(h.state).to.equal('select.moving');
    expect(h.store.inGesture).to.equal(true);
    h.move(25, 30).up(25, 30);
    expect(h.state).to.equal('select.idle');
    expect(h.geometry('a')).to.deep.equal(box(15, 20, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(55, 20, 20, 20));
    expect(h.object('a').metadata.updatedBy).to.equal('ann@example.com');
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(50, 10, 20, 20));
    h.store.redo();
    expect(h.geometry('b')).to.deep.equal(box(55, 20, 20, 20));
  });

  it('dragging an unselected object selects and moves just it', () => {
    const h = scene();
    h.session.select(['b']);
    h.drag([20, 20], [30, 20]);
    expect(h.session.selection).to.deep.equal(['a']);
    expect(h.geometry('a')).to.deep.equal(box(20, 10, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(50, 10, 20, 20));
  });

  it('locked objects can be selected but never move', () => {
    const h = scene();
    h.click(100, 20);
    expect(h.session.selection).to.deep.equal(['c']);
    h.drag([100, 20], [130, 50]);
    expect(h.geometry('c')).to.deep.equal(box(90, 10, 20, 20));
    h.session.select(['a', 'c']);
    h.drag([20, 20], [25, 20]);
    expect(h.geometry('a')).to.deep.equal(box(15, 10, 20, 20));
    expect(h.geometry('c')).to.deep.equal(box(90, 10, 20, 20));
    expect(h.nudge(1, 0)).to.equal(true);
    expect(h.geometry('c')).to.deep.equal(box(90, 10, 20, 20));
    h.session.select(['c']);
    expect(h.nudge(1, 0), 'nothing movable selected').to.equal(false);
  });

  it('a handle on a locked object is never dragged, even if the surface offers one', () => {
    const h = scene();
    h.session.select(['c']);
    const handle: Handle = { objectId: 'c', position: [110, 30], handle: { kind: 'resize', edge: 'se' } };
    (h.context as { handleAt: typeof h.context.handleAt }).handleAt = () => handle;
    h.drag([110, 30], [130, 60]);
    expect(h.geometry('c')).to.deep.equal(box(90, 10, 20, 20));
    expect(h.undoSteps()).to.equal(0);
  });

  it('Esc during a move restores the pre-drag state and leaves no undo step', () => {
    const h = scene();
    h.session.select(['a', 'b']);
    h.down(20, 20).move(40, 45);
    expect(h.geometry('a')).to.deep.equal(box(30, 35, 20, 20));
    expect(h.key('cancel')).to.equal(true);
    expect(h.state).to.equal('select.idle');
    expect(h.store.inGesture).to.equal(false);
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(50, 10, 20, 20));
    h.move(60, 60).up();
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.undoSteps()).to.equal(0);
  });

  it('a drag that ends where it began leaves no undo step', () => {
    const h = scene();
    h.click(20, 20).down(20, 20).move(30, 30).move(20, 20).up();
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.undoSteps()).to.equal(0);
  });

  it('nudges by 1 and 10 asset pixels, one undo step per nudge', () => {
    const h = scene();
    expect(h.nudge(1, 0), 'nothing selected').to.equal(false);
    h.session.select(['a', 'b']);
    expect(h.nudge(1, 0)).to.equal(true);
    expect(h.nudge(0, -10)).to.equal(true);
    expect(h.geometry('a')).to.deep.equal(box(11, 0, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(51, 0, 20, 20));
    expect(h.undoSteps()).to.equal(2);
    h.store.undo();
    expect(h.geometry('a')).to.deep.equal(box(11, 10, 20, 20));
    expect(h.geometry('b')).to.deep.equal(box(51, 10, 20, 20));
  });

  it('moves every geometry type', () => {
    const h = createHarness();
    const shapes: Geometry[] = [
      { type: 'rotated-bounding-box', value: { x: 10, y: 10, width: 20, height: 10, rotation: 30 } },
      { type: 'polygon', value: [[0, 0], [10, 0], [10, 10]] },
      { type: 'polyline', value: [[0, 0], [10, 10]] },
      { type: 'spline', value: [[0, 0], [10, 10], [20, 0]] },
      { type: 'point', value: [5, 5] },
      { type: 'segmentation', value: { zones: [{ region: [[0, 0], [30, 0], [30, 30]], holes: [[[20, 5], [25, 5], [25, 10]]] }] } },
    ];
    const ids = shapes.map((g) => h.add(g));
    h.use(createSelectTool);
    h.session.select(ids);
    h.nudge(2, 3);
    expect(ids.map((id) => h.geometry(id))).to.deep.equal([
      { type: 'rotated-bounding-box', value: { x: 12, y: 13, width: 20, height: 10, rotation: 30 } },
      { type: 'polygon', value: [[2, 3], [12, 3], [12, 13]] },
      { type: 'polyline', value: [[2, 3], [12, 13]] },
      { type: 'spline', value: [[2, 3], [12, 13], [22, 3]] },
      { type: 'point', value: [7, 8] },
      { type: 'segmentation', value: { zones: [{ region: [[2, 3], [32, 3], [32, 33]], holes: [[[22, 8], [27, 8], [27, 13]]] }] } },
    ]);
  });
});

describe('select tool: handles', () => {
  const resized: Array<[string, Geometry]> = [
    ['nw', box(110, 105, 40, 35)],
    ['n', box(100, 105, 50, 35)],
    ['ne', box(100, 105, 60, 35)],
    ['e', box(100, 100, 60, 40)],
    ['se', box(100, 100, 60, 45)],
    ['s', box(100, 100, 50, 45)],
    ['sw', box(110, 100, 40, 45)],
    ['w', box(110, 100, 40, 40)],
  ];
  for (const [edge, expected] of resized) {
    it(`the ${edge} handle resizes a box (drag by 10, 5), one undo step`, () => {
      const h = createHarness();
      h.add(box(100, 100, 50, 40), { id: 'a' });
      h.use(createSelectTool).click(120, 120);
      const [x, y] = h.handlePosition('a', (k) => k.kind === 'resize' && k.edge === edge);
      h.down(x, y).move(x + 5, y + 2);
      expect(h.state).to.equal('select.resizing');
      h.up(x + 10, y + 5);
      expect(h.geometry('a')).to.deep.equal(expected);
      expect(h.undoSteps()).to.equal(1);
      h.store.undo();
      expect(h.geometry('a')).to.deep.equal(box(100, 100, 50, 40));
    });
  }

  it('dragging a corner past the opposite one flips the box, normalised', () => {
    const h = createHarness();
    h.add(box(100, 100, 50, 40), { id: 'a' });
    h.use(createSelectTool).click(120, 120);
    h.drag([150, 140], [80, 90]);
    expect(h.geometry('a')).to.deep.equal(box(80, 90, 20, 10));
  });

  it('resizes a rotated box in its own frame', () => {
    const h = createHarness();
    h.add({ type: 'rotated-bounding-box', value: { x: 100, y: 100, width: 60, height: 20, rotation: 90 } }, { id: 'r' });
    h.use(createSelectTool).click(130, 110);
    // Rotated 90° clockwise, the box's east edge faces down the screen.
    const [x, y] = h.handlePosition('r', (k) => k.kind === 'resize' && k.edge === 'e');
    expect(x).to.be.closeTo(130, 1e-9);
    expect(y).to.be.closeTo(140, 1e-9);
    h.drag([x, y], [x, y + 10]);
    const g = h.geometry('r');
    if (g?.type !== 'rotated-bounding-box') throw new Error('not a rotated box');
    expect(g.value.x).to.be.closeTo(95, 1e-9);
    expect(g.value.y).to.be.closeTo(105, 1e-9);
    expect(g.value.width).to.be.closeTo(70, 1e-9);
    expect(g.value.height).to.be.closeTo(20, 1e-9);
    expect(g.value.rotation).to.equal(90);
  });

  it('the rotate handle turns a rotated box towards the pointer; Shift snaps to 15°', () => {
    const h = createHarness();
    const start = { x: 100, y: 100, width: 40, height: 20, rotation: 0 };
    h.add({ type: 'rotated-bounding-box', value: start }, { id: 'r' });
    h.use(createSelectTool).click(120, 110);
    const [x, y] = h.handlePosition('r', (k) => k.kind === 'rotate');
    expect([x, y]).to.deep.equal([120, 72]);
    h.down(x, y).move(150, 90);
    expect(h.state).to.equal('select.rotating');
    h.up(160, 113);
    const free = h.geometry('r');
    expect(free?.type === 'rotated-bounding-box' && free.value.rotation).to.be.closeTo((Math.atan2(40, -3) * 180) / Math.PI, 1e-9);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();

    // Pointer at 40° from "up" about the centre (120, 110): snaps to 45°.
    const [hx, hy] = h.handlePosition('r', (k) => k.kind === 'rotate');
    const angle = (40 * Math.PI) / 180;
    h.drag([hx, hy], [120 + Math.sin(angle) * 50, 110 - Math.cos(angle) * 50], { shift: true });
    expect(h.geometry('r')).to.deep.equal({ type: 'rotated-bounding-box', value: { ...start, rotation: 45 } });

    // And past 180°: -165 on the far side.
    const [ax, ay] = h.handlePosition('r', (k) => k.kind === 'rotate');
    const back = (-163 * Math.PI) / 180;
    h.drag([ax, ay], [120 + Math.sin(back) * 50, 110 - Math.cos(back) * 50], { shift: true });
    expect(h.geometry('r')).to.deep.equal({ type: 'rotated-bounding-box', value: { ...start, rotation: -165 } });
  });

  it('Esc during a resize restores the box', () => {
    const h = createHarness();
    h.add(box(100, 100, 50, 40), { id: 'a' });
    h.use(createSelectTool).click(120, 120);
    h.down(150, 140).move(170, 170);
    expect(h.geometry('a')).to.deep.equal(box(100, 100, 70, 70));
    expect(h.key('cancel')).to.equal(true);
    h.up(170, 170);
    expect(h.geometry('a')).to.deep.equal(box(100, 100, 50, 40));
    expect(h.undoSteps()).to.equal(0);
  });
});

describe('select tool: vertices', () => {
  const square: Point[] = [[100, 100], [140, 100], [140, 140], [100, 140]];

  function polygon(): ToolHarness {
    const h = createHarness();
    h.add({ type: 'polygon', value: square }, { id: 'p' });
    return h.use(createSelectTool).click(120, 120);
  }

  it('dragging a vertex moves it, one undo step', () => {
    const h = polygon();
    h.down(140, 140).move(145, 145);
    expect(h.state).to.equal('select.reshaping');
    h.up(150, 160);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [140, 100], [150, 160], [100, 140]] });
    expect(h.undoSteps()).to.equal(1);
  });

  it('dragging a midpoint inserts a vertex on that edge; a click on it inserts nothing', () => {
    const h = polygon();
    h.click(120, 100);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: square });
    h.drag([120, 100], [120, 90]);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [120, 90], [140, 100], [140, 140], [100, 140]] });
    expect(focus(h), 'the inserted vertex has the focus').to.deep.equal({ objectId: 'p', vertex: { index: 1 } });
    // The closing edge's midpoint inserts at the end.
    h.drag([100, 120], [95, 120]);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [120, 90], [140, 100], [140, 140], [100, 140], [95, 120]] });
    expect(h.undoSteps()).to.equal(2);
    h.store.undo();
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [120, 90], [140, 100], [140, 140], [100, 140]] });
  });

  it('Esc during a midpoint drag leaves no new vertex', () => {
    const h = polygon();
    h.down(120, 100).move(120, 80);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [120, 80], [140, 100], [140, 140], [100, 140]] });
    h.key('cancel');
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: square });
    expect(h.undoSteps()).to.equal(0);
  });

  it('Delete removes the focused vertex while the polygon keeps 3, then nothing', () => {
    const h = polygon();
    expect(h.key('delete'), 'no vertex focused: the element deletes the selection').to.equal(false);
    h.click(140, 140);
    expect(focus(h)).to.deep.equal({ objectId: 'p', vertex: { index: 2 } });
    expect(h.key('delete')).to.equal(true);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [140, 100], [100, 140]] });
    expect(h.undoSteps()).to.equal(1);
    expect(focus(h), 'focus moves to the vertex before').to.deep.equal({ objectId: 'p', vertex: { index: 1 } });
    expect(h.key('delete'), 'at the minimum: handled, nothing deleted').to.equal(true);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[100, 100], [140, 100], [100, 140]] });
    expect(h.objectIds).to.deep.equal(['p']);
    expect(h.undoSteps()).to.equal(1);
    h.click(120, 110);
    expect(focus(h), 'a click on the body drops the vertex focus').to.equal(undefined);
    expect(h.key('delete')).to.equal(false);
  });

  it('polylines and splines keep 2 vertices', () => {
    const h = createHarness();
    h.add({ type: 'polyline', value: [[0, 0], [50, 0], [100, 0]] }, { id: 'l' });
    h.add({ type: 'spline', value: [[0, 100], [100, 100]] }, { id: 's' });
    h.use(createSelectTool).click(25, 0).click(0, 0);
    expect(h.key('delete')).to.equal(true);
    expect(h.geometry('l')).to.deep.equal({ type: 'polyline', value: [[50, 0], [100, 0]] });
    expect(focus(h)).to.deep.equal({ objectId: 'l', vertex: { index: 0 } });
    expect(h.key('delete')).to.equal(true);
    expect(h.geometry('l')).to.deep.equal({ type: 'polyline', value: [[50, 0], [100, 0]] });
    h.click(50, 100).click(100, 100);
    expect(h.key('delete')).to.equal(true);
    expect(h.geometry('s')).to.deep.equal({ type: 'spline', value: [[0, 100], [100, 100]] });
  });

  it('moves, inserts and deletes vertices of a segmentation hole', () => {
    const h = createHarness();
    const region: Point[] = [[0, 0], [100, 0], [100, 100], [0, 100]];
    const hole: Point[] = [[20, 20], [60, 20], [60, 60], [20, 60]];
    h.add({ type: 'segmentation', value: { zones: [{ region, holes: [hole] }] } }, { id: 'seg' });
    h.use(createSelectTool).click(10, 10);
    expect(h.session.selection).to.deep.equal(['seg']);
    h.drag([60, 60], [70, 80]);
    h.drag([40, 20], [40, 10]);
    expect(h.geometry('seg')).to.deep.equal({
      type: 'segmentation',
      value: { zones: [{ region, holes: [[[20, 20], [40, 10], [60, 20], [70, 80], [20, 60]]] }] },
    });
    expect(focus(h)).to.deep.equal({ objectId: 'seg', vertex: { zone: 0, ring: 1, index: 1 } });
    expect(h.key('delete')).to.equal(true);
    expect(h.geometry('seg')).to.deep.equal({
      type: 'segmentation',
      value: { zones: [{ region, holes: [[[20, 20], [60, 20], [70, 80], [20, 60]]] }] },
    });
    expect(h.undoSteps()).to.equal(3);
  });

  it('a point moves by its handle', () => {
    const h = createHarness();
    h.add({ type: 'point', value: [50, 50] }, { id: 'pt' });
    h.use(createSelectTool).click(50, 50);
    h.drag([51, 50], [61, 45]);
    expect(h.geometry('pt')).to.deep.equal({ type: 'point', value: [60, 45] });
    expect(focus(h), 'a lone point has no vertex to delete').to.equal(undefined);
    expect(h.key('delete')).to.equal(false);
  });
});

describe('select tool: modes and planes', () => {
  it('in view mode it selects (click, Shift+click, marquee) but changes nothing', () => {
    const h = scene();
    h.add({ type: 'polygon', value: [[200, 100], [240, 100], [240, 140]] }, { id: 'p' });
    h.session.setMode('view');
    h.click(20, 20);
    expect(h.session.selection).to.deep.equal(['a']);
    h.click(60, 20, { shift: true });
    expect(h.session.selection).to.deep.equal(['a', 'b']);
    h.drag([20, 20], [60, 60]);
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.nudge(1, 0)).to.equal(false);
    h.drag([0, 0], [12, 12]);
    expect(h.session.selection, 'marquee still selects').to.deep.equal(['a']);
    h.click(230, 110);
    h.drag([240, 140], [260, 160]);
    h.drag([30, 30], [50, 50]);
    expect(h.key('delete')).to.equal(false);
    expect(h.geometry('p')).to.deep.equal({ type: 'polygon', value: [[200, 100], [240, 100], [240, 140]] });
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
    expect(h.store.version, 'no write reached the store').to.equal(4);
  });

  it('review-readonly is like view mode', () => {
    const h = scene();
    h.session.setMode('review', true);
    h.click(20, 20).drag([20, 20], [40, 40]);
    expect(h.session.selection).to.deep.equal(['a']);
    expect(h.geometry('a')).to.deep.equal(box(10, 10, 20, 20));
  });

  it('on a video track, moving on frame 5 adds a keyframe at 5 and leaves frame 0 as it was', () => {
    const h = createHarness({ planeModel: 'track', planeCount: 20 });
    const first = box(10, 10, 20, 20);
    h.add(first, { id: 'a' });
    h.session.setPlane(5);
    h.use(createSelectTool).click(20, 20).drag([20, 20], [30, 25]);
    expect(h.object('a').keyframes).to.deep.equal([
      { frame: 0, geometry: first },
      { frame: 5, geometry: box(20, 15, 20, 20) },
    ]);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(h.object('a').keyframes).to.deep.equal([{ frame: 0, geometry: first }]);
  });

  it('on a track, edits between keyframes start from the interpolated shape', () => {
    const h = createHarness({ planeModel: 'track', planeCount: 20 });
    h.add(box(0, 0, 20, 20), { id: 'a' });
    h.store.transact({ origin: 'api', reason: 'import' }, (tx) => {
      const object = tx.state.objects.get('a')!;
      tx.putObject({ ...object, keyframes: [...object.keyframes, { frame: 10, geometry: box(100, 0, 20, 20) }] });
    });
    h.session.setPlane(5);
    h.use(createSelectTool).click(60, 10);
    expect(h.session.selection).to.deep.equal(['a']);
    h.nudge(0, 10);
    expect(h.object('a').keyframes.map((k) => [k.frame, k.geometry])).to.deep.equal([
      [0, box(0, 0, 20, 20)],
      [5, box(50, 10, 20, 20)],
      [10, box(100, 0, 20, 20)],
    ]);
  });
});
