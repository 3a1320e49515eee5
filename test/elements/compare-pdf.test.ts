/**
 * Compare on <lk-pdf> (issue 22, part 2): the versions drawn on their page of the bundled paper in
 * their colours, a version's Show toggle, and keeping a version (one undo step).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/lk-pdf/define.js';
import type { LkPdf } from '../../src/elements/lk-pdf/lk-pdf.js';
import type { CompareSource } from '../../src/elements/compare/compare-source.js';
import type { LkComparePanel } from '../../src/elements/compare/lk-compare-panel.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';
import { agreement } from '../../src/format/index.js';
import { nextEvent, press, resetMouse, sendMouse } from './helpers.js';
import { mount, ontology, pageBox } from './pdf-helpers.js';
import { pixels } from './pixels.js';

afterEach(() => resetMouse());

const figure = (objectId: string, x: number) => ({ objectId, schemaId: 't-figure', page: 0, 'bounding-box': { x, y: 120, width: 200, height: 100 }, classifications: [] });
const version = (tools: unknown[]) => ({ task: { tools, classifications: [], relations: [] } }) as unknown as AnnotationsInput;
const SOURCES: CompareSource[] = [
  { label: 'Ann', record: version([figure('a-fig', 100)]) },
  { label: 'Bob', record: version([figure('b-fig', 120)]) },
];

function panelOf(element: LkPdf): LkComparePanel {
  return element.shadowRoot!.querySelector('lk-compare-panel')!;
}

async function clickInPanel(element: LkPdf, selector: string): Promise<void> {
  const target = panelOf(element).shadowRoot!.querySelector<HTMLElement>(selector)!;
  target.scrollIntoView({ block: 'center' });
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await panelOf(element).updateComplete;
  await element.updateComplete;
}

/** Screen pixels close to Ann's red along her box's left edge (x = 100 pt, y 140…200 pt on page 1). */
async function annRed(element: LkPdf): Promise<number> {
  const page = pageBox(element, 0);
  const scale = element.pageScale;
  const image = await pixels({ left: page.left + 100 * scale - 3, top: page.top + 140 * scale, width: 7, height: 60 * scale });
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! > 200 && image.data[i + 1]! < 90 && image.data[i + 2]! < 120) count++;
  return count;
}

describe('lk-pdf compare', () => {
  it('draws each version on its page, shows the scores of agreement(), and hides a version with its toggle', async () => {
    const element = await mount();
    element.compare = SOURCES;
    await waitUntil(() => panelOf(element)?.shadowRoot?.querySelector('.asset[data-agreement]'), 'the compare panel shows its scores', { timeout: 60000 });
    await element.updateComplete;
    const expected = agreement(
      SOURCES.map((s) => s.record),
      ontology,
    );
    expect(Number(panelOf(element).shadowRoot!.querySelector('.asset')!.getAttribute('data-agreement'))).to.equal(expected.asset);
    // 180 × 100 shared of 220 × 100 covered.
    expect(expected.asset).to.be.closeTo(180 / 220, 1e-12);
    const drawn = () => [...element.shadowRoot!.querySelectorAll('.page[data-page="0"] g.compare path')].map((p) => p.getAttribute('data-source'));
    expect(drawn()).to.deep.equal(['0', '1']);
    expect(await annRed(element)).to.be.greaterThan(20);
    await clickInPanel(element, '.source[data-source="0"] .toggle');
    expect(drawn()).to.deep.equal(['1']);
    expect(await annRed(element)).to.be.lessThan(5);
  });

  it("keeps Bob's figure in one step; Ctrl+Z restores", async () => {
    const element = await mount();
    element.compare = SOURCES;
    await waitUntil(() => panelOf(element)?.shadowRoot?.querySelector('.keep-one'), 'the compare panel lists the objects', { timeout: 60000 });
    const changed = nextEvent(element, 'lk-change');
    await clickInPanel(element, '.object[data-cluster="0"] .keep-one[data-source="1"]');
    await changed;
    expect(element.export().task.tools.map((t) => [t.objectId, t['bounding-box'], t.page])).to.deep.equal([['b-fig', { x: 120, y: 120, width: 200, height: 100 }, 0]]);
    element.focus();
    await press('Control+z');
    expect(element.export().task.tools).to.deep.equal([]);
  });
});
