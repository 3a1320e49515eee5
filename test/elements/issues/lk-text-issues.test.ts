/**
 * Review issues on `<lk-text>` (issue 22): placed by a click on a character (a code-point offset),
 * raised by I on a selected entity (its span) or on selected text, pinned at those characters, and
 * the panel's jump selects the entity.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/lk-text/define.js';
import type { LkText } from '../../../src/elements/lk-text/lk-text.js';
import { buttonNamed, click as clickControl, query } from '../panels/helpers.js';
import { resetMouse } from '../helpers.js';
import { clickOn, codePointSpan, dragOver, textRect } from '../lk-text-helpers.js';
import { issuesPanel, nextIssue, pinPoint, pinsShown } from './issue-helpers.js';

const ontology = { tools: [{ schemaId: 't-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' }], classifications: [], relations: [] };
// An astral character first: offsets are code points, not UTF-16 units.
const STORY = '😀 Mr. Darcy met Elizabeth Bennet at the ball in Meryton.\nShe lived at Longbourn with Jane and Lydia.\n';

afterEach(() => resetMouse());

async function mount(): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text
      style="--lk-height: 480px; width: 780px"
      mode="review"
      .ontology=${ontology}
      .annotations=${[{ objects: [{ objectId: 'e-darcy', schemaId: 't-person', ner: codePointSpan(STORY, 'Darcy') }], classifications: [], relations: [] }]}
      .user=${{ id: 'rev-1' }}
      .text=${STORY}
    ></lk-text>
  `);
  await element.settled();
  await issuesPanel(element);
  element.focus();
  return element;
}

describe('review issues on <lk-text>', () => {
  it('places an issue by a click on a character: its code-point offset, the pin at that character', async () => {
    const element = await mount();
    const panel = await issuesPanel(element);
    await clickControl(buttonNamed(panel, 'Add issue'));
    await clickOn(element, 'Longbourn', { at: 'start' });
    await panel.updateComplete;
    await sendKeys({ type: 'Place name, not a person' });
    const created = nextIssue(element);
    await sendKeys({ press: 'Control+Enter' });
    const { issue } = (await created).detail;
    const at = codePointSpan(STORY, 'Longbourn').start;
    expect(issue.span).to.deep.equal({ start: at, end: at });
    expect(issue.position).to.equal(undefined);
    expect(element.export().task.tools).to.have.length(1);
    await element.updateComplete;
    const pin = (await pinsShown(element)).get(issue.issueId)!;
    const rect = textRect(element, 'Longbourn');
    expect(pinPoint(pin)[0]).to.be.closeTo(rect.left, 1.5);
    expect(pinPoint(pin)[1]).to.be.closeTo(rect.top, 1.5);
  });

  it('I on a selected entity raises the issue on it, and on selected text raises it on those characters', async () => {
    const element = await mount();
    await clickOn(element, 'Darcy');
    expect(element.session.selection).to.deep.equal(['e-darcy']);
    await sendKeys({ press: 'i' });
    const panel = await issuesPanel(element);
    await panel.updateComplete;
    await sendKeys({ type: 'Full name' });
    let created = nextIssue(element);
    await sendKeys({ press: 'Control+Enter' });
    let { issue } = (await created).detail;
    expect(issue.objectId).to.equal('e-darcy');
    const darcy = codePointSpan(STORY, 'Darcy');
    expect(issue.span).to.deep.equal({ start: darcy.start, end: darcy.end });

    element.session.select([]);
    element.focus();
    await dragOver(element, 'Jane');
    await sendKeys({ press: 'i' });
    await panel.updateComplete;
    await sendKeys({ type: 'Missed a person' });
    created = nextIssue(element);
    await sendKeys({ press: 'Control+Enter' });
    ({ issue } = (await created).detail);
    const jane = codePointSpan(STORY, 'Jane');
    expect(issue.objectId).to.equal(undefined);
    expect(issue.span).to.deep.equal({ start: jane.start, end: jane.end });

    // The panel's jump selects the entity an issue is about.
    element.session.select([]);
    await clickControl(query(panel, `li[data-issue="${(await pinsShown(element)).keys().next().value}"] button.open-issue`));
    expect(element.session.selection).to.deep.equal(['e-darcy']);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('keeps a pin on its character deep in a long text after the jump scrolls there', async () => {
    const text = await (await fetch('/test/fixtures/text/pride_and_prejudice.txt')).text();
    const needle = 'extremely indignant on the marriage';
    const at = codePointSpan(text, needle).start;
    const element = await fixture<LkText>(html`<lk-text style="--lk-height: 480px; width: 780px" mode="review" .ontology=${ontology} .text=${text}></lk-text>`);
    await element.settled();
    element.issues = [{ issueId: 'deep', span: { start: at, end: at + 9 }, errorCodes: [], status: 'open', thread: [{ text: 'Here', by: 'rev', at: '2026-01-01T10:00:00.000Z' }] }];
    const panel = await issuesPanel(element);
    await clickControl(query(panel, 'li[data-issue="deep"] button.open-issue'));
    await element.settled();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rect = textRect(element, needle);
    const pin = (await pinsShown(element)).get('deep')!;
    expect(pinPoint(pin)[0]).to.be.closeTo(rect.left, 1.5);
    expect(pinPoint(pin)[1]).to.be.closeTo(rect.top, 1.5);
  });
});
