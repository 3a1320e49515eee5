import { expect } from '@open-wc/testing';
import { toolFactories } from '../../src/tools/index.js';
import { createHarness, type PointerOptions, type ToolHarness } from './harness.js';

/** Everything a user might do with a drawing tool. */
function scribble(h: ToolHarness, o: PointerOptions = {}): void {
  h.drag([10, 10], [60, 50], o);
  h.clicks([[10, 10], [60, 10], [60, 60]], o);
  h.dblclick(10, 60, o);
  h.key('finish');
  h.clicks([[100, 100], [150, 100], [150, 150], [101, 101]], o);
  h.key('finish');
}

describe('every drawing tool', () => {
  for (const [type, factory] of Object.entries(toolFactories)) {
    it(`${type}: draws nothing where the mode does not allow edits`, () => {
      const h = createHarness();
      h.session.setMode('view');
      h.use(factory, 'x');
      scribble(h);
      expect(h.objectIds).to.deep.equal([]);
      expect(h.drafts.filter((d) => d !== undefined)).to.deep.equal([]);
      expect(h.state).to.equal(`${type}.idle`);
    });

    it(`${type}: ignores the middle button (the surface pans with it)`, () => {
      const h = createHarness().use(factory, 'x');
      scribble(h, { button: 1 });
      expect(h.objectIds).to.deep.equal([]);
      expect(h.drafts.filter((d) => d !== undefined)).to.deep.equal([]);
    });

    it(`${type}: draws with the primary button, one undo step, on the factory's class`, () => {
      const h = createHarness().use(factory, 'x');
      scribble(h);
      const objects = [...h.store.state.objects.values()];
      expect(objects.length).to.be.greaterThan(0);
      expect(objects.every((o) => o.schemaId === 'x' && o.keyframes[0]!.geometry.type === type)).to.equal(true);
      expect(h.undoSteps()).to.equal(objects.length);
    });
  }
});
