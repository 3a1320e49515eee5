import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { RelationAnnotation } from '../../../src/core/model.js';
import { parseOntology } from '../../../src/core/ontology.js';
import type { ChangeSet } from '../../../src/core/store.js';
import '../../../src/elements/panels/relations-panel/define.js';
import type { LkRelationsPanel } from '../../../src/elements/panels/relations-panel/lk-relations-panel.js';
import { USER, buttonNamed, click, importObjects, object, panelSession, query, queryAll, shadow } from './helpers.js';

function relateButton(panel: LkRelationsPanel, schemaId: string): HTMLButtonElement {
  return query<HTMLButtonElement>(panel, `[part~="create"] button[data-schema-id="${schemaId}"]`);
}

function shape(relation: RelationAnnotation): unknown {
  const { objectId: _id, metadata: _metadata, ...rest } = relation;
  return rest;
}

async function mount() {
  const session = await panelSession();
  importObjects(session, [object('car-1', 't-car'), object('sign-1', 't-sign'), object('car-2', 't-car')]);
  const panel = await fixture<LkRelationsPanel>(html`<lk-relations-panel .session=${session} style="width: 320px"></lk-relations-panel>`);
  const changes: ChangeSet[] = [];
  session.store.subscribe((change) => changes.push(change));
  return { session, panel, changes };
}

describe('<lk-relations-panel>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('relates two selected objects with a one-to-one class', async () => {
    const { session, panel, changes } = await mount();
    expect(shadow(panel).querySelector('[part~="create"]')).to.equal(null);
    expect(query(panel, '.hint').textContent).to.contain('Select two');
    session.select(['car-1', 'sign-1']);
    await panel.updateComplete;
    expect(query(panel, '.pair').textContent!.replace(/\s+/g, ' ')).to.contain('Car 1 → to Sign 1');
    await click(relateButton(panel, 'r-follows'));
    const relations = [...session.store.state.relations.values()];
    expect(relations.map(shape)).to.deep.equal([{ kind: 'single', schemaId: 'r-follows', from: 'car-1', to: 'sign-1', direction: 'straight' }]);
    expect(relations[0]!.metadata.createdBy).to.equal(USER);
    expect(changes.map((change) => [change.origin, change.reason])).to.deep.equal([['user', 'relate']]);
  });

  it('swaps from and to and makes the relation bidirectional before creating it', async () => {
    const { session, panel } = await mount();
    session.select(['car-1', 'sign-1']);
    await panel.updateComplete;
    await click(buttonNamed(panel, 'Swap from and to'));
    await click(query(panel, 'input.direction'));
    await panel.updateComplete;
    expect(query(panel, '.pair').textContent!.replace(/\s+/g, ' ')).to.contain('Sign 1 ↔ and Car 1');
    await click(relateButton(panel, 'r-follows'));
    expect([...session.store.state.relations.values()].map(shape)).to.deep.equal([
      { kind: 'single', schemaId: 'r-follows', from: 'sign-1', to: 'car-1', direction: 'bidirectional' },
    ]);
  });

  it('groups two or more selected objects with a group class', async () => {
    const { session, panel } = await mount();
    session.select(['car-1', 'sign-1', 'car-2']);
    await panel.updateComplete;
    expect(relateButton(panel, 'r-follows').disabled, 'one-to-one needs exactly two').to.equal(true);
    await click(relateButton(panel, 'r-group'));
    expect([...session.store.state.relations.values()].map(shape)).to.deep.equal([
      { kind: 'group', schemaId: 'r-group', group: ['car-1', 'sign-1', 'car-2'] },
    ]);
    await panel.updateComplete;
    expect(query(panel, '[part~="item"]').textContent!.replace(/\s+/g, ' ')).to.contain('Same vehicle: Car 1, Sign 1, Car 2');
  });

  it('lists a reverse relation (Ango) pointing from its "to" back to its "from"', async () => {
    const { session, panel } = await mount();
    session.store.transact({ origin: 'api', reason: 'import' }, (tx) =>
      tx.putRelation({ kind: 'single', objectId: 'rel-r', schemaId: 'r-follows', from: 'car-1', to: 'sign-1', direction: 'reverse', metadata: {} }),
    );
    await panel.updateComplete;
    expect(query(panel, '[part~="item"][data-relation-id="rel-r"]').textContent!.replace(/\s+/g, ' ')).to.contain('Follows: Car car-1 ← from Sign sign-1');
  });

  it('lists relations; a row selects its relation, which can be turned around and deleted', async () => {
    const { session, panel, changes } = await mount();
    session.store.transact({ origin: 'api', reason: 'import' }, (tx) =>
      tx.putRelation({ kind: 'single', objectId: 'rel-1', schemaId: 'r-follows', from: 'car-1', to: 'sign-1', direction: 'straight', metadata: { createdAt: '', createdBy: '', createdIn: '' } }),
    );
    await panel.updateComplete;
    const row = query(panel, '[part~="item"][data-relation-id="rel-1"]');
    expect(row.textContent!.replace(/\s+/g, ' ')).to.contain('Follows: Car 1 → to Sign 1');
    await click(row);
    expect(session.selection).to.deep.equal(['rel-1']);
    await panel.updateComplete;
    expect(row.getAttribute('aria-selected')).to.equal('true');
    await click(buttonNamed(panel, 'Swap direction'));
    await click(query(panel, 'input.direction-selected'));
    expect(shape(session.store.state.relations.get('rel-1')!)).to.deep.equal({
      kind: 'single',
      schemaId: 'r-follows',
      from: 'sign-1',
      to: 'car-1',
      direction: 'bidirectional',
    });
    await click(buttonNamed(panel, 'Delete relation Follows'));
    expect(session.store.state.relations.size).to.equal(0);
    expect(changes.slice(1).map((change) => [change.origin, change.reason])).to.deep.equal([
      ['user', 'relate'],
      ['user', 'relate'],
      ['user', 'relate'],
    ]);
  });

  it('selects and deletes relations from the keyboard', async () => {
    const { session, panel } = await mount();
    session.select(['car-1', 'sign-1']);
    await panel.updateComplete;
    await click(relateButton(panel, 'r-follows'));
    await click(relateButton(panel, 'r-group'));
    await panel.updateComplete;
    const [first, second] = [...session.store.state.relations.keys()];
    queryAll(panel, '[role=option]')[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(session.selection).to.deep.equal([second]);
    await sendKeys({ press: 'Delete' });
    expect([...session.store.state.relations.keys()]).to.deep.equal([first]);
  });

  it('creates and deletes nothing in view mode; locked relations stay', async () => {
    const { session, panel } = await mount();
    session.store.transact({ origin: 'api', reason: 'import' }, (tx) =>
      tx.putRelation({ kind: 'group', objectId: 'g-1', schemaId: 'r-group', group: ['car-1', 'car-2'], lock: true, metadata: { createdAt: '', createdBy: '', createdIn: '' } }),
    );
    session.select(['car-1', 'sign-1']);
    await panel.updateComplete;
    expect(buttonNamed(panel, 'Delete relation Same vehicle').disabled).to.equal(true);
    session.setMode('view');
    await panel.updateComplete;
    expect(shadow(panel).querySelector('[part~="create"]')).to.equal(null);
    expect(queryAll<HTMLButtonElement>(panel, 'button.delete').every((button) => button.disabled)).to.equal(true);
  });

  it('passes the axe check and renders titles as text', async () => {
    const { session, panel } = await mount();
    session.select(['car-1', 'sign-1']);
    await panel.updateComplete;
    await expect(panel).to.be.accessible();
    await click(relateButton(panel, 'r-follows'));
    const [id] = [...session.store.state.relations.keys()];
    session.select([id!]);
    await panel.updateComplete;
    await expect(panel).to.be.accessible();

    const evil = '<img src=x onerror=alert(1)>';
    const parsed = parseOntology({
      tools: [{ schemaId: 't-x', tool: 'point', title: evil }],
      classifications: [],
      relations: [{ schemaId: 'r-x', tool: 'group', title: evil }],
    });
    if (!parsed.ok) throw new Error('bad ontology');
    const other = await panelSession({ ontology: parsed.value });
    importObjects(other, [object('x-1', 't-x'), object('x-2', 't-x')]);
    other.select(['x-1', 'x-2']);
    const evilPanel = await fixture<LkRelationsPanel>(html`<lk-relations-panel .session=${other}></lk-relations-panel>`);
    expect(relateButton(evilPanel, 'r-x').textContent).to.contain(evil);
    await click(relateButton(evilPanel, 'r-x'));
    await evilPanel.updateComplete;
    expect(shadow(evilPanel).querySelector('img')).to.equal(null);
    expect(query(evilPanel, '[part~="item"]').textContent).to.contain(evil);
  });
});
