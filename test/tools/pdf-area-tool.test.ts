import { expect } from '@open-wc/testing';
import { createPdfAreaTool } from '../../src/tools/box/pdf-area-tool.js';
import type { ToolContext } from '../../src/tools/tool.js';
import { ToolHarness } from './harness.js';

describe('pdf area tool', () => {
  it('a drag makes one pdf entry with rects: [] on the current page, its content from the host, one undo step', () => {
    const h = new ToolHarness({ planeModel: 'paged', planeCount: 3, planeSize: { width: 595.28, height: 841.89 } });
    h.session.setPlane(2);
    const asked: number[] = [];
    h.use((context: ToolContext) => createPdfAreaTool(context, 'class-a', { contentOf: (_box, page) => (asked.push(page), { text: 'inside' }) }));
    h.drag([40, 50], [140, 90]);
    const [id] = [...h.store.state.objects.keys()];
    const object = h.object(id!);
    expect(object.keyframes[0]!.frame).to.equal(2);
    expect(object.keyframes[0]!.geometry).to.deep.equal({
      type: 'pdf',
      value: {
        position: { boundingRect: { x1: 40, y1: 50, x2: 140, y2: 90, width: 595.28, height: 841.89, pageNumber: 3 }, rects: [], pageNumber: 3 },
        content: { text: 'inside' },
      },
    });
    expect(asked.every((page) => page === 2)).to.equal(true);
    expect(h.undoSteps()).to.equal(1);
  });

  it('keeps the area to 0.01 pt whatever the pointer gave', () => {
    const h = new ToolHarness({ planeModel: 'paged', planeCount: 1, planeSize: { width: 595.28, height: 841.89 } });
    h.use((context: ToolContext) => createPdfAreaTool(context, 'class-a', { contentOf: () => ({ text: '' }) }));
    h.drag([40 / 3, 50.123456], [140.987654, 90 / 7]);
    const geometry = h.object([...h.store.state.objects.keys()][0]!).keyframes[0]!.geometry;
    expect(geometry.type === 'pdf' && geometry.value.position.boundingRect).to.deep.equal({ x1: 13.33, y1: 12.86, x2: 140.99, y2: 50.12, width: 595.28, height: 841.89, pageNumber: 1 });
  });

  it('Esc mid-drag and a click without a drag leave nothing', () => {
    const h = new ToolHarness({ planeModel: 'paged', planeCount: 1 });
    h.use((context: ToolContext) => createPdfAreaTool(context, 'class-a', { contentOf: () => ({ text: '' }) }));
    h.down(10, 10).move(50, 50);
    expect(h.key('cancel')).to.equal(true);
    h.up(50, 50);
    h.click(20, 20);
    expect(h.store.state.objects.size).to.equal(0);
    expect(h.draft).to.equal(undefined);
  });
});
