import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { sessionContext } from '../../../src/elements/base/session-context.js';
import * as panels from '../../../src/elements/panels/define.js';
import type { LkObjectList } from '../../../src/elements/panels/object-list/lk-object-list.js';
import { importObjects, object, panelSession, queryAll } from './helpers.js';

function names(list: LkObjectList): string[] {
  return queryAll(list, '[part~="item"]').map((row) => row.dataset['objectId']!);
}

describe('shared panels', () => {
  it('registers every panel under its tag, with the exported classes', () => {
    expect(customElements.get('lk-toolbar')).to.equal(panels.LkToolbar);
    expect(customElements.get('lk-classification-form')).to.equal(panels.LkClassificationForm);
    expect(customElements.get('lk-object-list')).to.equal(panels.LkObjectList);
    expect(customElements.get('lk-relations-panel')).to.equal(panels.LkRelationsPanel);
    expect(customElements.get('lk-task-actions')).to.equal(panels.LkTaskActions);
    expect(customElements.get('lk-shortcut-help')).to.equal(panels.LkShortcutHelp);
    expect(customElements.get('lk-timeline')).to.equal(panels.LkTimeline);
  });

  it('takes the session from context, follows a replaced one, and lets the session property win', async () => {
    const first = await panelSession();
    importObjects(first, [object('a-1', 't-car')]);
    const second = await panelSession();
    importObjects(second, [object('b-1', 't-car'), object('b-2', 't-sign')]);
    const direct = await panelSession();
    importObjects(direct, [object('d-1', 't-car')]);

    const host = document.createElement('div');
    const provider = new ContextProvider(host, { context: sessionContext, initialValue: first });
    const list = document.createElement('lk-object-list');
    host.append(list);
    await fixture(html`<div>${host}</div>`);
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['a-1']);

    importObjects(first, [object('a-2', 't-sign')]);
    await list.updateComplete;
    expect(names(list), 'store changes re-render').to.deep.equal(['a-1', 'a-2']);

    provider.setValue(second);
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['b-1', 'b-2']);
    importObjects(first, [object('a-3', 't-sign')]);
    importObjects(second, [object('b-3', 't-sign')]);
    await list.updateComplete;
    expect(names(list), 'listens to the new session only').to.deep.equal(['b-1', 'b-2', 'b-3']);

    list.session = direct;
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['d-1']);

    list.remove();
    importObjects(direct, [object('d-2', 't-sign')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(list.isUpdatePending, 'a detached panel does not listen').to.equal(false);
  });
});
