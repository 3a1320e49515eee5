import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import { parseOntology } from '../../../src/core/ontology.js';
import type { ChangeSet } from '../../../src/core/store.js';
import '../../../src/elements/panels/object-list/define.js';
import type { LkObjectList } from '../../../src/elements/panels/object-list/lk-object-list.js';
import { box, buttonNamed, click, importObjects, object, panelSession, query, queryAll, shadow } from './helpers.js';

function item(list: LkObjectList, objectId: string): HTMLElement {
  return query(list, `[part~="item"][data-object-id="${objectId}"]`);
}

function selectedIds(list: LkObjectList): string[] {
  return queryAll(list, '[role=option][aria-selected=true]').map((option) => option.dataset['objectId']!);
}

async function mount() {
  const session = await panelSession();
  importObjects(session, [object('car-1', 't-car'), object('sign-1', 't-sign'), object('road-1', 't-road', { lock: true })]);
  const list = await fixture<LkObjectList>(html`<lk-object-list .session=${session} style="width: 300px"></lk-object-list>`);
  return { session, list };
}

describe('<lk-object-list>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('lists every object with class colour, title, short id and lock', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car'), object('0123456789abcdef', 't-sign', { lock: true })]);
    const list = await fixture<LkObjectList>(html`<lk-object-list .session=${session}></lk-object-list>`);
    const rows = queryAll(list, '[part~="item"]');
    expect(rows.map((row) => [row.querySelector('.name')!.textContent, row.querySelector('.id')!.textContent])).to.deep.equal([
      ['Car', 'car-1'],
      ['Sign', '…abcdef'],
    ]);
    expect(rows[0]!.querySelector<HTMLElement>('.swatch')!.style.getPropertyValue('--swatch')).to.equal('#e53935');
    expect(rows[0]!.querySelector('.lock')).to.equal(null);
    expect(rows[1]!.querySelector('.lock')!.textContent).to.contain('locked');
    expect(query(list, 'h3').textContent).to.contain('(2)');
  });

  it('selects on click, adds with Shift or Ctrl, and highlights the selection', async () => {
    const { session, list } = await mount();
    await click(item(list, 'sign-1'));
    expect(session.selection).to.deep.equal(['sign-1']);
    await click(item(list, 'car-1'), 'Shift');
    expect(session.selection).to.deep.equal(['sign-1', 'car-1']);
    await click(item(list, 'road-1'), 'Control');
    expect(session.selection).to.deep.equal(['sign-1', 'car-1', 'road-1']);
    await click(item(list, 'sign-1'), 'Control');
    expect(session.selection).to.deep.equal(['car-1', 'road-1']);
    await list.updateComplete;
    expect(selectedIds(list)).to.deep.equal(['car-1', 'road-1']);
    session.select(['sign-1']);
    await list.updateComplete;
    expect(selectedIds(list)).to.deep.equal(['sign-1']);
  });

  it('hides and shows objects', async () => {
    const { session, list } = await mount();
    await click(buttonNamed(list, 'Hide Car car-1'));
    expect(session.hidden.has('car-1')).to.equal(true);
    await list.updateComplete;
    expect(item(list, 'car-1').classList.contains('is-hidden')).to.equal(true);
    await click(buttonNamed(list, 'Show Car car-1'));
    expect(session.hidden.has('car-1')).to.equal(false);
  });

  it('deletes an object as a user change with reason delete; locked objects cannot be deleted', async () => {
    const { session, list } = await mount();
    const changes: ChangeSet[] = [];
    session.store.subscribe((change) => changes.push(change));
    expect(buttonNamed(list, 'Delete Road road-1').disabled).to.equal(true);
    await click(buttonNamed(list, 'Delete Sign sign-1'));
    expect(session.store.state.objects.has('sign-1')).to.equal(false);
    expect(changes.map((change) => [change.origin, change.reason])).to.deep.equal([['user', 'delete']]);
    await list.updateComplete;
    expect(queryAll(list, '[part~="item"]').map((row) => row.dataset['objectId'])).to.deep.equal(['car-1', 'road-1']);
    session.actions.undo();
    expect(session.store.state.objects.has('sign-1')).to.equal(true);
  });

  it('is a keyboard listbox: arrows move, Enter/Space select, Delete deletes; keys stay in the list', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car'), object('sign-1', 't-sign'), object('road-1', 't-road')]);
    const outer: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div @keydown=${(event: KeyboardEvent) => outer.push(event.key)}><lk-object-list .session=${session}></lk-object-list></div>`,
    );
    const list = wrapper.querySelector('lk-object-list')!;
    await list.updateComplete;
    const options = queryAll(list, '[role=option]');
    expect(options.map((option) => option.tabIndex)).to.deep.equal([0, -1, -1]);
    options[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(list).activeElement).to.equal(item(list, 'sign-1'));
    await sendKeys({ press: 'Enter' });
    expect(session.selection).to.deep.equal(['sign-1']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Shift+Space' });
    expect(session.selection).to.deep.equal(['sign-1', 'road-1']);
    await sendKeys({ press: 'Home' });
    expect(shadow(list).activeElement).to.equal(item(list, 'car-1'));
    await sendKeys({ press: 'Space' });
    expect(session.selection).to.deep.equal(['car-1']);
    await sendKeys({ press: 'Delete' });
    expect(session.store.state.objects.has('car-1')).to.equal(false);
    await list.updateComplete;
    expect(shadow(list).activeElement, 'focus stays in the list').to.equal(item(list, 'sign-1'));
    await sendKeys({ press: 'End' });
    expect(shadow(list).activeElement).to.equal(item(list, 'road-1'));
    expect(outer.filter((key) => key !== 'Shift')).to.deep.equal([]);
  });

  it('dims objects that are not on the current plane', async () => {
    const session = await panelSession({ planeModel: 'paged' });
    session.setPlaneCount(3);
    importObjects(session, [
      object('p0', 't-car', { keyframes: [{ frame: 0, geometry: box(0) }] }),
      object('p1', 't-car', { keyframes: [{ frame: 1, geometry: box(0) }] }),
    ]);
    const list = await fixture<LkObjectList>(html`<lk-object-list .session=${session}></lk-object-list>`);
    expect([item(list, 'p0').classList.contains('off-plane'), item(list, 'p1').classList.contains('off-plane')]).to.deep.equal([false, true]);
    session.setPlane(1);
    await list.updateComplete;
    expect([item(list, 'p0').classList.contains('off-plane'), item(list, 'p1').classList.contains('off-plane')]).to.deep.equal([true, false]);
  });

  it('cannot delete in view mode but still selects and hides', async () => {
    const { session, list } = await mount();
    session.setMode('view');
    await list.updateComplete;
    expect(queryAll<HTMLButtonElement>(list, 'button.delete').every((button) => button.disabled)).to.equal(true);
    item(list, 'car-1').focus();
    await sendKeys({ press: 'Delete' });
    expect(session.store.state.objects.size).to.equal(3);
    await sendKeys({ press: 'Enter' });
    expect(session.selection).to.deep.equal(['car-1']);
    await click(buttonNamed(list, 'Hide Car car-1'));
    expect(session.hidden.has('car-1')).to.equal(true);
  });

  it('passes the axe check and renders class titles as text', async () => {
    const { session, list } = await mount();
    session.select(['car-1']);
    session.setHidden('sign-1', true);
    await list.updateComplete;
    await expect(list).to.be.accessible();

    const evil = '<img src=x onerror=alert(1)>';
    const parsed = parseOntology({ tools: [{ schemaId: 't-x', tool: 'point', title: evil }], classifications: [], relations: [] });
    if (!parsed.ok) throw new Error('bad ontology');
    const other = await panelSession({ ontology: parsed.value });
    importObjects(other, [object('x-1', 't-x')]);
    const evilList = await fixture<LkObjectList>(html`<lk-object-list .session=${other}></lk-object-list>`);
    expect(shadow(evilList).querySelector('img')).to.equal(null);
    expect(item(evilList, 'x-1').textContent).to.contain(evil);
  });
});
