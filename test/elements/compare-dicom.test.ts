/**
 * Compare on <lk-dicom> (issue 22, part 2): versions drawn over the real CT slice with the score
 * agreement() gives, and hidden with their Show toggle.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LkComparePanel } from '../../src/elements/compare/lk-compare-panel.js';
import type { AnnotationsInput } from '../../src/format/input-types.js';
import { agreement } from '../../src/format/index.js';
import { resetMouse, sendMouse } from './helpers.js';
import { mount } from './lk-dicom-helpers.js';

const ontology = { tools: [{ schemaId: 't-lesion', tool: 'polygon', title: 'Lesion', color: '#43a047' }] };
const lesion = (objectId: string, dx: number) => ({ objectId, schemaId: 't-lesion', page: 0, polygon: [[20 + dx, 20], [60 + dx, 20], [60 + dx, 60], [20 + dx, 60]], classifications: [] });
const record = (tools: unknown[]) => ({ metadata: { width: 128, height: 128, frameTotal: 1 }, task: { tools, classifications: [], relations: [] } }) as unknown as AnnotationsInput;

afterEach(() => resetMouse());

describe('lk-dicom compare', function () {
  this.timeout(120000);

  it('draws both versions on the slice with the agreement() score, and hides one with its toggle', async () => {
    const element = await mount({ ontology });
    const sources = [
      { label: 'Reader 1', record: record([lesion('r1', 0)]) },
      { label: 'Reader 2', record: record([lesion('r2', 4)]) },
    ];
    element.compare = sources;
    const panel = () => element.shadowRoot!.querySelector<LkComparePanel>('lk-compare-panel');
    await waitUntil(() => panel()?.shadowRoot?.querySelector('.asset[data-agreement]'), 'the compare panel shows its scores', { timeout: 60000 });
    await element.settled();
    const expected = agreement(
      sources.map((s) => s.record),
      ontology,
    );
    // 36 × 40 shared of 44 × 40 covered.
    expect(expected.asset).to.be.closeTo(36 / 44, 1e-12);
    expect(Number(panel()!.shadowRoot!.querySelector('.asset')!.getAttribute('data-agreement'))).to.equal(expected.asset);
    const drawn = () => [...element.shadowRoot!.querySelectorAll('svg.compare path[data-source]')].map((p) => p.getAttribute('data-source'));
    expect(drawn()).to.deep.equal(['0', '1']);
    expect([...element.shadowRoot!.querySelectorAll('svg.compare text')].map((t) => t.textContent)).to.deep.equal([`${Math.round(expected.asset * 100)}%`]);

    const toggle = panel()!.shadowRoot!.querySelector<HTMLElement>('.source[data-source="1"] .toggle')!;
    toggle.scrollIntoView({ block: 'center' });
    const rect = toggle.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await panel()!.updateComplete;
    await element.updateComplete;
    expect(drawn()).to.deep.equal(['0']);
  });
});
