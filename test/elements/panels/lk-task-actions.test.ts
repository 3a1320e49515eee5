import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { SessionActions } from '../../../src/core/session.js';
import '../../../src/elements/panels/task-actions/define.js';
import type { LkTaskActions } from '../../../src/elements/panels/task-actions/lk-task-actions.js';
import { buttonNamed, click, importObjects, object, panelSession, query, shadow } from './helpers.js';

type ReviewDetail = Parameters<SessionActions['review']>[0];

async function mount(attributes: { hideSubmit?: boolean } = {}) {
  const session = await panelSession();
  importObjects(session, [object('car-1', 't-car'), object('sign-1', 't-sign')]);
  const calls: string[] = [];
  const reviews: ReviewDetail[] = [];
  session.setActions({ submit: () => calls.push('submit'), skip: () => calls.push('skip'), review: (detail) => reviews.push(detail) });
  const panel = await fixture<LkTaskActions>(html`<lk-task-actions .session=${session} ?hide-submit=${attributes.hideSubmit ?? false}></lk-task-actions>`);
  return { session, panel, calls, reviews };
}

describe('<lk-task-actions>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('submits and skips through the session actions', async () => {
    const { panel, calls } = await mount();
    await click(buttonNamed(panel, 'Submit'));
    await click(buttonNamed(panel, 'Skip'));
    expect(calls).to.deep.equal(['submit', 'skip']);
    await expect(panel).to.be.accessible();
  });

  it('hides Submit and Skip with hide-submit', async () => {
    const { panel } = await mount({ hideSubmit: true });
    expect(shadow(panel).querySelector('button')).to.equal(null);
    expect(panel.hasAttribute('empty')).to.equal(true);
    expect(getComputedStyle(panel).display).to.equal('none');
  });

  it('cannot submit in view mode', async () => {
    const { session, panel, calls } = await mount();
    session.setMode('view');
    await panel.updateComplete;
    expect(buttonNamed(panel, 'Submit').disabled).to.equal(true);
    buttonNamed(panel, 'Submit').click();
    expect(calls).to.deep.equal([]);
  });

  it('accepts and rejects the task in review mode with a comment and an error code', async () => {
    const { session, panel, reviews } = await mount();
    session.setMode('review', true);
    await panel.updateComplete;
    expect(shadow(panel).querySelector('button.submit')).to.equal(null);
    await click(query(panel, 'textarea'));
    await sendKeys({ type: 'Box too loose' });
    await click(query(panel, 'input#error-code'));
    await sendKeys({ type: 'E-17' });
    await click(buttonNamed(panel, 'Reject'));
    expect(reviews).to.deep.equal([{ verdict: 'reject', comment: 'Box too loose', errorCode: 'E-17' }]);
    await expect(panel).to.be.accessible();

    const fresh = await mount();
    fresh.session.setMode('review');
    await fresh.panel.updateComplete;
    await click(buttonNamed(fresh.panel, 'Accept'));
    expect(fresh.reviews).to.deep.equal([{ verdict: 'accept' }]);
  });

  it('accepts or rejects the selected objects', async () => {
    const { session, panel, reviews } = await mount();
    session.setMode('review');
    await panel.updateComplete;
    expect(shadow(panel).querySelector('button.accept-selected')).to.equal(null);
    session.select(['sign-1', 'car-1']);
    await panel.updateComplete;
    expect(buttonNamed(panel, 'Accept selected').textContent).to.contain('(2)');
    await click(buttonNamed(panel, 'Accept selected'));
    await click(buttonNamed(panel, 'Reject selected'));
    expect(reviews).to.deep.equal([
      { verdict: 'accept', objectIds: ['sign-1', 'car-1'] },
      { verdict: 'reject', objectIds: ['sign-1', 'car-1'] },
    ]);
    await expect(panel).to.be.accessible();
  });
});
