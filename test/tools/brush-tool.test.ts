import { expect } from '@open-wc/testing';
import type { BrushMask } from '../../src/core/model.js';
import { createBrushTool, ERASE_ALL } from '../../src/tools/brush/brush-tool.js';
import type { Tool, ToolContext } from '../../src/tools/tool.js';
import { createHarness, type HarnessOptions, type ToolHarness } from './harness.js';

const brush = (context: ToolContext, schemaId: string): Tool => createBrushTool(context, schemaId, { erase: false });
const eraser = (context: ToolContext, schemaId: string): Tool => createBrushTool(context, schemaId, { erase: true });

function painted(mask: BrushMask | undefined): number {
  return mask ? mask.data.reduce((n, v) => n + (v ? 1 : 0), 0) : 0;
}

function at(mask: BrushMask | undefined, x: number, y: number): number | undefined {
  return mask?.data[y * mask.width + x];
}

function harness(options: HarnessOptions = {}): ToolHarness {
  return createHarness({ planeSize: { width: 200, height: 120 }, brushSize: 10, ...options });
}

describe('brush tool', () => {
  it('a click paints a round stamp of the brush diameter', () => {
    const h = harness().use(brush, 'grass');
    h.down(20, 20);
    expect(h.state).to.equal('brush.painting');
    expect(h.brushDraft?.schemaId).to.equal('grass');
    expect(h.brushDraft?.erase).to.equal(false);
    expect(h.brushDraft?.dirty).to.deep.equal({ x: 15, y: 15, width: 10, height: 10 });
    expect(h.mask('grass'), 'nothing in the store until release').to.equal(undefined);
    h.up();
    expect(h.state).to.equal('brush.idle');
    expect(h.brushDraft).to.equal(undefined);
    const mask = h.mask('grass');
    expect(mask && { key: mask.key, page: mask.page, schemaId: mask.schemaId, width: mask.width, height: mask.height }).to.deep.equal({
      key: '0:grass',
      page: 0,
      schemaId: 'grass',
      width: 200,
      height: 120,
    });
    // Pixel centres within 5 px of (20, 20): 80 of them.
    expect(painted(mask)).to.equal(80);
    expect([at(mask, 20, 20), at(mask, 15, 20), at(mask, 24, 20), at(mask, 16, 16), at(mask, 17, 23)]).to.deep.equal([1, 1, 1, 1, 1]);
    expect([at(mask, 14, 20), at(mask, 25, 20), at(mask, 15, 16), at(mask, 17, 24), at(mask, 20, 25)]).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it('with paintablePixels (threshold painting) paints only allowed pixels and keeps paint elsewhere; the eraser ignores it', () => {
    // Only the left half (x < 100) may be painted.
    const allowed = new Uint8Array(200 * 120).map((_, i) => (i % 200 < 100 ? 1 : 0));
    let limit: Uint8Array | undefined;
    const h = harness({ paintablePixels: () => limit }).use(brush, 'grass');
    h.down(110, 60).up();
    expect(at(h.mask('grass'), 110, 60), 'no limit yet').to.equal(1);
    limit = allowed;
    h.down(90, 20).move(110, 20).up();
    expect([at(h.mask('grass'), 90, 20), at(h.mask('grass'), 99, 20), at(h.mask('grass'), 100, 20), at(h.mask('grass'), 110, 20)]).to.deep.equal([1, 1, 0, 0]);
    expect(at(h.mask('grass'), 110, 60), 'earlier paint outside the range stays').to.equal(1);
    const rubber = h.use(eraser, 'grass');
    rubber.down(110, 60).up();
    expect(at(h.mask('grass'), 110, 60), 'the eraser clears outside the range too').to.equal(0);
  });

  it('each stroke is one undo step: the first creates the mask, later ones update it', () => {
    const h = harness().use(brush, 'grass');
    const reasons: string[] = [];
    h.store.subscribe((change) => reasons.push(`${change.reason}:${change.phase}`));
    h.down(20, 20).move(40, 20).move(60, 30).up();
    h.down(100, 60).move(120, 60).up();
    expect(reasons).to.deep.equal(['create:commit', 'update:commit']);
    expect(h.undoSteps()).to.equal(2);
    const both = painted(h.mask('grass'));
    h.store.undo();
    expect(painted(h.mask('grass'))).to.be.lessThan(both);
    expect(at(h.mask('grass'), 110, 60)).to.equal(0);
    expect(at(h.mask('grass'), 40, 20)).to.equal(1);
    h.store.undo();
    expect(h.mask('grass')).to.equal(undefined);
    h.store.redo();
    h.store.redo();
    expect(painted(h.mask('grass'))).to.equal(both);
  });

  it('a fast stroke leaves no gaps', () => {
    const h = harness({ brushSize: 4 }).use(brush, 'grass');
    h.down(10, 50).move(190, 50).up();
    const mask = h.mask('grass');
    for (let x = 10; x < 190; x++) {
      const column = [47, 48, 49, 50, 51, 52].map((y) => at(mask, x, y));
      expect(column, `column ${x}`).to.deep.equal([0, 1, 1, 1, 1, 0]);
    }
    // 180 full columns of 4, and round caps of 4 + 2 pixels beyond each end.
    expect(painted(mask)).to.equal(180 * 4 + 2 * (4 + 2));
    h.down(10, 10).move(150, 110).up();
    const diagonal = h.mask('grass');
    for (let t = 0; t <= 1; t += 0.01) {
      const x = Math.floor(10 + 140 * t);
      const y = Math.floor(10 + 100 * t);
      expect(at(diagonal, x, y), `${x},${y}`).to.equal(1);
    }
  });

  it('pen pressure below 0.5 shrinks the stamp', () => {
    const h = harness().use(brush, 'grass');
    h.down(20, 20, { pointerType: 'pen', pressure: 0.25 }).up(20, 20, { pointerType: 'pen', pressure: 0.25 });
    // Radius 2.5: 16 pixel centres.
    expect(painted(h.mask('grass'))).to.equal(16);
    h.down(100, 60, { pointerType: 'pen', pressure: 1 }).up(100, 60, { pointerType: 'pen', pressure: 1 });
    expect(painted(h.mask('grass')), 'never larger than the brush').to.equal(16 + 80);
  });

  it('Esc mid-stroke drops it: no mask, no undo step', () => {
    const h = harness().use(brush, 'grass');
    h.down(20, 20).move(60, 60);
    expect(h.key('cancel')).to.equal(true);
    expect(h.brushDraft).to.equal(undefined);
    h.move(90, 90).up();
    expect(h.mask('grass')).to.equal(undefined);
    expect(h.undoSteps()).to.equal(0);
    expect(h.key('cancel')).to.equal(false);
  });

  it('paints into the mask of the current plane', () => {
    const h = harness({ planeModel: 'paged', planeCount: 4 }).use(brush, 'grass');
    h.session.setPlane(2);
    h.click(20, 20);
    expect(h.mask('grass', 2)?.page).to.equal(2);
    expect(h.mask('grass', 0)).to.equal(undefined);
  });
});

describe('eraser', () => {
  function twoClasses(): ToolHarness {
    const h = harness();
    h.addMask('grass', (x, y) => y >= 40 && y < 60);
    h.addMask('road', (x, y) => y >= 50 && y < 70);
    return h;
  }

  it('clears pixels of its class only, one undo step per stroke', () => {
    const h = twoClasses().use(eraser, 'grass');
    const before = painted(h.mask('grass'));
    h.down(20, 55);
    expect(h.state).to.equal('eraser.painting');
    expect(h.brushDraft?.erase).to.equal(true);
    h.move(60, 55).up();
    const mask = h.mask('grass');
    expect([at(mask, 20, 55), at(mask, 40, 55), at(mask, 60, 55), at(mask, 100, 55)]).to.deep.equal([0, 0, 0, 1]);
    expect(painted(h.mask('road')), 'another class is untouched').to.equal(200 * 20);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect(painted(h.mask('grass'))).to.equal(before);
  });

  it("'*' clears every brush class in one step; its draft is the stroke's footprint", () => {
    const h = twoClasses().use(eraser, ERASE_ALL);
    h.down(20, 55).move(60, 55);
    expect(h.brushDraft?.schemaId).to.equal('*');
    expect(h.brushDraft && at({ ...h.mask('grass')!, data: h.brushDraft.data }, 40, 55)).to.equal(1);
    h.up();
    expect([at(h.mask('grass'), 40, 55), at(h.mask('road'), 40, 55)]).to.deep.equal([0, 0]);
    expect([at(h.mask('grass'), 100, 55), at(h.mask('road'), 100, 55)]).to.deep.equal([1, 1]);
    expect(h.undoSteps()).to.equal(1);
    h.store.undo();
    expect([at(h.mask('grass'), 40, 55), at(h.mask('road'), 40, 55)]).to.deep.equal([1, 1]);
  });

  it('a stroke that changes no pixel writes nothing', () => {
    const h = twoClasses().use(eraser, 'grass');
    h.down(20, 100).move(80, 100).up();
    h.use(eraser, 'water').down(20, 50).up();
    expect(h.undoSteps()).to.equal(0);
    expect(h.mask('water')).to.equal(undefined);
  });
});

describe('brush in view mode', () => {
  it('paints and erases nothing', () => {
    const h = harness();
    h.addMask('grass', () => true);
    h.session.setMode('view');
    h.use(brush, 'road').down(20, 20).move(80, 80).up();
    h.use(eraser, 'grass').down(20, 20).move(80, 80).up();
    expect(h.brushDrafts).to.deep.equal([]);
    expect(h.mask('road')).to.equal(undefined);
    expect(painted(h.mask('grass'))).to.equal(200 * 120);
  });
});
