/**
 * Review issues on `<lk-image>` (issue 22) with real mouse and keys: placed by a click on the
 * picture or by I on a selected object, pins that stay on their picture point through zoom and pan,
 * threads that round-trip from the host's `issues` through a reply to the `lk-issue` payload,
 * resolve / reopen, the panel's order and jump, bad input, accessibility with the panel open.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/lk-image/define.js';
import type { LkImage } from '../../../src/elements/lk-image/lk-image.js';
import type { Issue } from '../../../src/events/index.js';
import { buttonNamed, click as clickControl, query, queryAll } from '../panels/helpers.js';
import { click, fetchJson, greyPicture, mountImageOn, nextEvent, ONTOLOGY_URL, pagePoint, press, recordEvents, resetMouse, sendKeys, sendMouse } from '../helpers.js';
import { ERROR_CODES, issuesPanel, nextIssue, pinPoint, pinsShown } from './issue-helpers.js';

let ontology: unknown;
const picture = greyPicture();
const annotations = { objects: [{ objectId: 'car-1', schemaId: 't-car', 'bounding-box': { x: 40, y: 40, width: 80, height: 60 } }] };

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
});
afterEach(() => resetMouse());

async function mountReview(issues?: Issue[]): Promise<LkImage> {
  const element = await mountImageOn(picture.src, ontology, annotations);
  element.errorCodes = ERROR_CODES;
  if (issues) element.issues = issues;
  element.mode = 'review';
  await element.updateComplete;
  await issuesPanel(element);
  return element;
}

const thread = (text: string, by = 'rev@example.com', at = '2026-01-01T10:00:00.000Z') => [{ text, by, at }];

describe('review issues on <lk-image>', () => {
  it('places an issue by clicking on the picture, with error codes and a comment', async () => {
    const element = await mountReview();
    const panel = await issuesPanel(element);
    await clickControl(buttonNamed(panel, 'Add issue'));
    await sendMouse({ type: 'click', position: pagePoint(element, 200, 150) });
    await panel.updateComplete;
    // The comment field takes the keys at once.
    expect(panel.shadowRoot!.activeElement?.id).to.equal('issue-comment');
    await sendKeys({ type: 'Bottle not labelled' });
    await clickControl(query(panel, 'input[value="missing-object"]'));
    await expect(panel, 'the composer').to.be.accessible();
    const created = nextIssue(element);
    await clickControl(buttonNamed(panel, 'Raise issue'));
    const { detail } = await created;
    expect(detail.action).to.equal('create');
    const { issue } = detail;
    expect(issue.status).to.equal('open');
    expect(issue.errorCodes).to.deep.equal(['missing-object']);
    expect(issue.objectId).to.equal(undefined);
    expect(issue.page).to.equal(undefined);
    expect(issue.position!.x).to.be.closeTo(200, 1);
    expect(issue.position!.y).to.be.closeTo(150, 1);
    expect(issue.thread).to.have.length(1);
    expect(issue.thread[0]!.text).to.equal('Bottle not labelled');
    expect(issue.thread[0]!.by).to.equal('ann@example.com');
    expect(detail.issues).to.deep.equal([issue]);
    // No object was drawn or selected by the click that placed the issue.
    expect(element.export().task.tools).to.have.length(1);
    const pin = (await pinsShown(element)).get(issue.issueId)!;
    const [x, y] = pagePoint(element, 200, 150);
    expect(pinPoint(pin)[0]).to.be.closeTo(x, 1.5);
    expect(pinPoint(pin)[1]).to.be.closeTo(y, 1.5);
  });

  it('I on a selected object raises the issue on that object', async () => {
    const element = await mountReview();
    await click(element, [80, 70]);
    expect(element.session.selection).to.deep.equal(['car-1']);
    await press('i');
    const panel = await issuesPanel(element);
    await panel.updateComplete;
    await sendKeys({ type: 'Box too loose' });
    const created = nextIssue(element);
    await press('Control+Enter');
    const { issue } = (await created).detail;
    expect(issue.objectId).to.equal('car-1');
    expect(issue.position).to.deep.equal({ x: 80, y: 70 });
    expect(issue.thread[0]!.text).to.equal('Box too loose');
  });

  it('keeps a pin on its picture point through zoom and pan', async () => {
    const element = await mountReview([{ issueId: 'i-1', position: { x: 300, y: 220 }, errorCodes: [], status: 'open', thread: thread('Look here') }]);
    const pin = () => pinsShown(element).then((pins) => pins.get('i-1')!);
    const check = async () => {
      const [x, y] = pagePoint(element, 300, 220);
      const [px, py] = pinPoint(await pin());
      expect(px).to.be.closeTo(x, 1.5);
      expect(py).to.be.closeTo(y, 1.5);
    };
    await check();
    const before = pinPoint(await pin());
    // Zoom with the wheel about another point, then pan with a space-drag.
    await sendMouse({ type: 'move', position: pagePoint(element, 100, 100) });
    await press('+');
    await press('+');
    await check();
    const zoomed = pinPoint(await pin());
    expect(Math.abs(zoomed[0] - before[0]) + Math.abs(zoomed[1] - before[1])).to.be.greaterThan(10);
    await sendKeys({ down: ' ' });
    const from = pagePoint(element, 150, 150);
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [from[0] - 60, from[1] - 40] });
    await sendMouse({ type: 'up' });
    await sendKeys({ up: ' ' });
    await check();
    const panned = pinPoint(await pin());
    expect(panned[0]).to.be.closeTo(zoomed[0] - 60, 2);
    expect(panned[1]).to.be.closeTo(zoomed[1] - 40, 2);
  });

  it('round-trips a thread: the host issues, a reply in the panel, the lk-issue payload; resolve and reopen', async () => {
    const given: Issue = { issueId: 'i-1', objectId: 'car-1', errorCodes: ['loose-box'], status: 'open', thread: thread('Box too loose') };
    const element = await mountReview([given]);
    const panel = await issuesPanel(element);
    await clickControl(query(panel, 'li[data-issue="i-1"] button.open-issue'));
    await panel.updateComplete;
    expect(query(panel, 'ol.thread').textContent).to.contain('Box too loose');
    expect(query(panel, '.codes').textContent).to.contain('loose-box');
    await clickControl(query(panel, 'textarea#reply'));
    await sendKeys({ type: 'Fixed, please check' });
    const replied = nextIssue(element);
    await clickControl(buttonNamed(panel, 'Reply'));
    const reply = (await replied).detail;
    expect(reply.action).to.equal('reply');
    expect(reply.issue.issueId).to.equal('i-1');
    expect(reply.issue.objectId).to.equal('car-1');
    expect(reply.issue.errorCodes).to.deep.equal(['loose-box']);
    expect(reply.issue.thread.map((m) => m.text)).to.deep.equal(['Box too loose', 'Fixed, please check']);
    expect(reply.issue.thread[1]!.by).to.equal('ann@example.com');

    // The host stores it and sets it back: the panel shows the stored thread.
    element.issues = reply.issues;
    await panel.updateComplete;
    const resolved = nextIssue(element);
    await clickControl(buttonNamed(panel, 'Resolve'));
    const resolve = (await resolved).detail;
    expect(resolve.action).to.equal('resolve');
    expect(resolve.issue.status).to.equal('resolved');
    expect(resolve.issue.resolvedBy).to.equal('ann@example.com');
    expect(resolve.issue.thread).to.have.length(2);
    await panel.updateComplete;
    const reopened = nextIssue(element);
    await clickControl(buttonNamed(panel, 'Reopen'));
    const reopen = (await reopened).detail;
    expect(reopen.action).to.equal('reopen');
    expect(reopen.issue.status).to.equal('open');
    expect(reopen.issue).not.to.have.property('resolvedBy');
  });

  it('lists open issues first and jumps to the one chosen, centring its pin', async () => {
    const element = await mountReview([
      { issueId: 'old-resolved', position: { x: 20, y: 20 }, errorCodes: [], status: 'resolved', thread: thread('Done', 'rev', '2026-01-01T09:00:00.000Z') },
      { issueId: 'open-late', position: { x: 380, y: 280 }, errorCodes: [], status: 'open', thread: thread('Second', 'rev', '2026-01-01T11:00:00.000Z') },
      { issueId: 'open-early', position: { x: 10, y: 290 }, errorCodes: [], status: 'open', thread: thread('First', 'rev', '2026-01-01T10:00:00.000Z') },
    ]);
    const panel = await issuesPanel(element);
    expect(queryAll(panel, 'li.issue').map((item) => item.dataset['issue'])).to.deep.equal(['open-early', 'open-late', 'old-resolved']);
    // Zoomed in, the pin of the chosen issue is off screen until the jump.
    await press('+');
    await press('+');
    await press('+');
    await clickControl(query(panel, 'li[data-issue="open-late"] button.open-issue'));
    const stage = element.shadowRoot!.querySelector('.surface')!.getBoundingClientRect();
    const [x, y] = pagePoint(element, 380, 280);
    expect(x).to.be.closeTo(stage.left + stage.width / 2, 1);
    expect(y).to.be.closeTo(stage.top + stage.height / 2, 1);
    const pin = (await pinsShown(element)).get('open-late')!;
    expect(pinPoint(pin)[0]).to.be.closeTo(x, 1.5);
    await expect(panel).to.be.accessible();
    await expect(element).to.be.accessible();
    element.theme = 'dark';
    await element.updateComplete;
    await expect(element, 'dark theme').to.be.accessible();
  });

  it('a malformed issues list fires lk-error issues-invalid and keeps the issues and the element working', async () => {
    const element = await mountReview([{ issueId: 'i-1', position: { x: 30, y: 30 }, errorCodes: [], status: 'open', thread: thread('Keep me') }]);
    const error = nextEvent<CustomEvent>(element, 'lk-error');
    element.issues = [{ issueId: 'bad', status: 'maybe', thread: 'no' }] as unknown as Issue[];
    const { detail } = await error;
    expect(detail.code).to.equal('issues-invalid');
    expect(detail.cause.problems.map((p: { path: string }) => p.path)).to.include.members(['$[0].errorCodes', '$[0].status', '$[0].thread']);
    const panel = await issuesPanel(element);
    expect(queryAll(panel, 'li.issue').map((item) => item.dataset['issue'])).to.deep.equal(['i-1']);
    // Still usable: a new issue by I on the object.
    await click(element, [80, 70]);
    await press('i');
    await panel.updateComplete;
    await sendKeys({ type: 'Still works' });
    const created = nextIssue(element);
    await press('Control+Enter');
    expect((await created).detail.issue.objectId).to.equal('car-1');
  });

  it('labelers raise issues only with issue-mode="all"; they may always answer; view mode only reads', async () => {
    const given: Issue[] = [{ issueId: 'i-1', position: { x: 30, y: 30 }, errorCodes: [], status: 'open', thread: thread('Fix this') }];
    const element = await mountImageOn(picture.src, ontology, annotations);
    element.issues = given;
    await element.updateComplete;
    const panel = await issuesPanel(element);
    expect(panel.shadowRoot!.querySelector('button.add'), 'no Add issue for a labeler').to.equal(null);
    await click(element, [80, 70]);
    const events = recordEvents(element, ['lk-issue']);
    await press('i');
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('form.composer'), 'I raises nothing').to.equal(null);
    // The labeler answers the reviewer and resolves the issue.
    await clickControl(query(panel, 'li[data-issue="i-1"] button.open-issue'));
    await panel.updateComplete;
    await clickControl(buttonNamed(panel, 'Resolve'));
    expect(events.map((event) => event.detail.action)).to.deep.equal(['resolve']);
    expect(panel.shadowRoot!.querySelector('button.delete'), 'no Delete for a labeler').to.equal(null);

    element.issueMode = 'all';
    await element.updateComplete;
    await panel.updateComplete;
    element.focus();
    await press('i');
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('form.composer'), 'I opens the composer with issue-mode="all"').to.not.equal(null);

    element.mode = 'view';
    await element.updateComplete;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('button.add')).to.equal(null);
    expect(panel.shadowRoot!.querySelector('form.composer')).to.equal(null);
    expect(panel.shadowRoot!.querySelector('textarea#reply'), 'no reply in view mode').to.equal(null);
    expect(queryAll(panel, 'li.issue')).to.have.length(1);
  });

  it('asks for an error code before rejecting a task without an open issue', async () => {
    const element = await mountReview();
    const reviews = recordEvents(element, ['lk-review']);
    const actions = element.shadowRoot!.querySelector('lk-task-actions')!;
    await clickControl(buttonNamed(actions, 'Reject'));
    await actions.updateComplete;
    expect(reviews).to.have.length(0);
    expect(query(actions, '[role="alert"]').textContent).to.contain('error code');
    const select = query<HTMLSelectElement>(actions, 'select#error-code');
    expect(actions.shadowRoot!.activeElement).to.equal(select);
    select.value = 'wrong-class';
    select.dispatchEvent(new Event('change'));
    await clickControl(buttonNamed(actions, 'Reject'));
    expect(reviews.map((event) => event.detail)).to.deep.equal([{ verdict: 'reject', errorCode: 'wrong-class' }]);

    // With an open issue the issue says why.
    const withIssue = await mountReview([{ issueId: 'i-1', position: { x: 30, y: 30 }, errorCodes: ['loose-box'], status: 'open', thread: thread('Why') }]);
    const events = recordEvents(withIssue, ['lk-review']);
    await clickControl(buttonNamed(withIssue.shadowRoot!.querySelector('lk-task-actions')!, 'Reject'));
    expect(events.map((event) => event.detail)).to.deep.equal([{ verdict: 'reject' }]);
  });
});
