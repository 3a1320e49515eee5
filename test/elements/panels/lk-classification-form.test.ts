import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { ClassificationAnswer } from '../../../src/core/model.js';
import { parseOntology } from '../../../src/core/ontology.js';
import type { LabelingSession } from '../../../src/core/session.js';
import type { ChangeSet } from '../../../src/core/store.js';
import '../../../src/elements/panels/classification-form/define.js';
import type { LkClassificationForm } from '../../../src/elements/panels/classification-form/lk-classification-form.js';
import { USER, buttonNamed, click, dragBetween, importObjects, object, panelSession, query, queryAll, shadow } from './helpers.js';

async function mountGlobal(session: LabelingSession): Promise<LkClassificationForm> {
  return fixture<LkClassificationForm>(html`<lk-classification-form .session=${session} style="width: 320px"></lk-classification-form>`);
}

/** The field of one question (its own controls; nested questions are inside it too). */
function field(form: LkClassificationForm, schemaId: string): HTMLElement {
  return query(form, `[part~="field"][data-schema-id="${schemaId}"]`);
}

function choice(form: LkClassificationForm, schemaId: string, text: string): HTMLInputElement {
  const label = [...field(form, schemaId).querySelectorAll('label.choice')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`no choice ${text} in ${schemaId}`);
  return label.querySelector('input')!;
}

function globalAnswers(session: LabelingSession): Map<string, ClassificationAnswer> {
  return new Map([...session.store.state.classifications.values()].map((answer) => [answer.schemaId, answer]));
}

function answerOf(session: LabelingSession, schemaId: string): unknown {
  return globalAnswers(session).get(schemaId)?.answer;
}

async function settle(form: LkClassificationForm): Promise<void> {
  await form.updateComplete;
}

describe('<lk-classification-form>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('answers every global classification type through the UI, with option values, arrays and tree paths', async () => {
    const session = await panelSession();
    const changes: ChangeSet[] = [];
    session.store.subscribe((change) => changes.push(change));
    const form = await mountGlobal(session);

    // checkbox: values in option order, always an array
    await click(choice(form, 'c-weather', 'Clear'));
    await click(choice(form, 'c-weather', 'Rain'));
    await settle(form);
    expect(answerOf(session, 'c-weather')).to.deep.equal(['Rain', 'Clear']);
    await click(choice(form, 'c-weather', 'Rain'));
    await settle(form);
    expect(answerOf(session, 'c-weather')).to.deep.equal(['Clear']);

    // single-dropdown by keyboard
    const select = field(form, 'c-time').querySelector('select')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(form);
    expect(answerOf(session, 'c-time')).to.equal('Night');

    // multi-dropdown: open it, tick two
    await click(field(form, 'c-tags').querySelector('summary')!);
    await click(choice(form, 'c-tags', 'Highway'));
    await click(choice(form, 'c-tags', 'Urban'));
    await settle(form);
    expect(answerOf(session, 'c-tags')).to.deep.equal(['Urban', 'Highway']);
    expect(field(form, 'c-tags').querySelector('summary')!.textContent).to.contain('Urban, Highway');

    // tree-dropdown: open, filter, tick paths
    const place = field(form, 'c-place');
    await click(place.querySelector('summary')!);
    const filter = place.querySelector<HTMLInputElement>('input[type=search]')!;
    await click(filter);
    await sendKeys({ type: 'jap' });
    await settle(form);
    expect([...place.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((input) => input.dataset['path'])).to.deep.equal(['Asia / Japan']);
    await click(place.querySelector('input[data-path="Asia / Japan"]')!);
    await click(filter);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'GERM' });
    await settle(form);
    await click(place.querySelector('input[data-path="Europe / Germany"]')!);
    await settle(form);
    expect(answerOf(session, 'c-place')).to.deep.equal(['Europe / Germany', 'Asia / Japan']);
    expect([...place.querySelectorAll('ul.chosen li')].map((li) => li.textContent)).to.deep.equal(['Europe / Germany', 'Asia / Japan']);

    // every write was one user transaction with reason 'classify'
    expect(changes.every((change) => change.origin === 'user' && change.reason === 'classify')).to.equal(true);
    const stored = globalAnswers(session).get('c-place')!;
    expect(stored.metadata.createdBy).to.equal(USER);
    expect(stored.classifications).to.deep.equal([]);
  });

  it('gives regex feedback on Plate number while typing and writes the text once, on change', async () => {
    const session = await panelSession();
    const form = await mountGlobal(session);
    const input = field(form, 'c-note').querySelector<HTMLInputElement>('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await click(input);
    await sendKeys({ type: 'ab12' });
    await settle(form);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const message = shadow(form).getElementById(input.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.contain('expected format');
    expect(answerOf(session, 'c-note'), 'nothing written per keystroke').to.equal(undefined);
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(answerOf(session, 'c-note')).to.equal('ab12');

    await click(input);
    await sendKeys({ press: 'End' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'AB-12' });
    await settle(form);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(answerOf(session, 'c-note')).to.equal('AB-12');

    session.actions.undo();
    await settle(form);
    expect(answerOf(session, 'c-note'), 'one undo step per answer').to.equal('ab12');
    expect(input.value).to.equal('ab12');

    // clearing the text removes the answer
    await click(input);
    await sendKeys({ press: 'End' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(globalAnswers(session).has('c-note')).to.equal(false);
  });

  it('reorders a rank by keyboard (Alt+Arrow), by buttons and by dragging; the answer is the values in order', async () => {
    const session = await panelSession();
    const form = await mountGlobal(session);
    const items = () => [...field(form, 'c-quality').querySelectorAll<HTMLLIElement>('ol.rank > li')];
    expect(items().map((li) => li.dataset['value'])).to.deep.equal(['Sharpness', 'Exposure', 'Noise']);
    expect(answerOf(session, 'c-quality')).to.equal(undefined);

    items()[0]!.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(form);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await settle(form);
    expect(answerOf(session, 'c-quality')).to.deep.equal(['Exposure', 'Noise', 'Sharpness']);
    expect(shadow(form).activeElement, 'focus follows the moved item').to.equal(items()[2]);
    expect(shadow(form).querySelector('[role=status]')!.textContent).to.contain('Sharpness: position 3 of 3');

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await settle(form);
    expect(answerOf(session, 'c-quality')).to.deep.equal(['Exposure', 'Sharpness', 'Noise']);

    await click(buttonNamed(form, 'Move Noise up'));
    await settle(form);
    expect(answerOf(session, 'c-quality')).to.deep.equal(['Exposure', 'Noise', 'Sharpness']);

    await dragBetween(items()[2]!.querySelector('.rank-value')!, items()[0]!, -4);
    await settle(form);
    expect(answerOf(session, 'c-quality')).to.deep.equal(['Sharpness', 'Exposure', 'Noise']);

    session.actions.undo();
    await settle(form);
    expect(answerOf(session, 'c-quality'), 'a drag is one undo step').to.deep.equal(['Exposure', 'Noise', 'Sharpness']);
  });

  it('shows the conditional "Occluded by" only while Occluded = Yes and nests its answer there', async () => {
    const session = await panelSession();
    const form = await mountGlobal(session);
    const occBy = () => shadow(form).querySelector('[data-schema-id="c-occ-by"]');
    expect(occBy()).to.equal(null);

    await click(choice(form, 'c-occluded', 'Yes'));
    await settle(form);
    expect(occBy()).not.to.equal(null);
    const input = occBy()!.querySelector<HTMLInputElement>('input')!;
    expect(input.getAttribute('aria-required')).to.equal('true');
    expect(occBy()!.querySelector('label .required')!.textContent).to.contain('*');
    await click(input);
    await sendKeys({ type: 'A tree' });
    await sendKeys({ press: 'Tab' });
    await settle(form);

    const occluded = globalAnswers(session).get('c-occluded')!;
    expect(occluded.answer).to.equal('Yes');
    expect(occluded.classifications.map(({ schemaId, answer, classifications }) => ({ schemaId, answer, classifications }))).to.deep.equal([
      { schemaId: 'c-occ-by', answer: 'A tree', classifications: [] },
    ]);
    expect(occluded.classifications[0]!.metadata.createdBy).to.equal(USER);
    expect(globalAnswers(session).has('c-occ-by'), 'not a top-level answer').to.equal(false);

    await click(choice(form, 'c-occluded', 'No'));
    await settle(form);
    expect(occBy()).to.equal(null);
    expect(globalAnswers(session).get('c-occluded')!.answer).to.equal('No');
    expect(globalAnswers(session).get('c-occluded')!.classifications, 'the condition no longer holds').to.deep.equal([]);

    await click(buttonNamed(form, 'Clear Occluded'));
    await settle(form);
    expect(globalAnswers(session).has('c-occluded')).to.equal(false);
  });

  it('marks required questions', async () => {
    const session = await panelSession();
    const form = await mountGlobal(session);
    expect(field(form, 'c-weather').querySelector('legend')!.textContent).to.contain('*');
    expect(field(form, 'c-weather').querySelector('legend .visually-hidden')!.textContent).to.contain('required');
    expect(field(form, 'c-time').querySelector('label')!.textContent).not.to.contain('*');
  });

  it('answers an object\'s questions into the object, nested conditional ones included', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car'), object('sign-1', 't-sign')]);
    const changes: ChangeSet[] = [];
    session.store.subscribe((change) => changes.push(change));
    const form = await fixture<LkClassificationForm>(html`<lk-classification-form .session=${session} object-id="car-1"></lk-classification-form>`);
    expect(query(form, '[part~="heading"]').textContent).to.contain('Car 1');
    expect(shadow(form).querySelector('[data-schema-id="c-truck-axles"]')).to.equal(null);

    await click(choice(form, 'c-car-kind', 'Truck'));
    await settle(form);
    const axles = field(form, 'c-truck-axles').querySelector('select')!;
    axles.focus();
    await sendKeys({ press: '3' });
    await settle(form);

    const car = session.store.state.objects.get('car-1')!;
    expect(car.classifications.map((a) => ({ schemaId: a.schemaId, answer: a.answer, nested: a.classifications.map((n) => [n.schemaId, n.answer]) }))).to.deep.equal([
      { schemaId: 'c-car-kind', answer: 'Truck', nested: [['c-truck-axles', '3+']] },
    ]);
    expect(car.classifications[0]!.metadata.createdBy).to.equal(USER);
    expect(car.metadata.updatedBy).to.equal(USER);
    expect(session.store.state.classifications.size, 'no global answers').to.equal(0);
    expect(changes.map((change) => [change.origin, change.reason, change.objects.map((c) => c.id)])).to.deep.equal([
      ['user', 'classify', ['car-1']],
      ['user', 'classify', ['car-1']],
    ]);

    session.actions.undo();
    await settle(form);
    expect(session.store.state.objects.get('car-1')!.classifications[0]!.classifications).to.deep.equal([]);
  });

  it('follows the single selected object with follow-selection', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car'), object('car-2', 't-car')]);
    const form = await fixture<LkClassificationForm>(html`<lk-classification-form .session=${session} follow-selection></lk-classification-form>`);
    expect(form.hasAttribute('empty')).to.equal(true);
    expect(shadow(form).querySelector('input')).to.equal(null);
    session.select(['car-2']);
    await settle(form);
    expect(form.hasAttribute('empty')).to.equal(false);
    await click(choice(form, 'c-car-kind', 'Sedan'));
    expect(session.store.state.objects.get('car-2')!.classifications[0]!.answer).to.equal('Sedan');
    expect(session.store.state.objects.get('car-1')!.classifications).to.deep.equal([]);
    session.select(['car-1', 'car-2']);
    await settle(form);
    expect(form.hasAttribute('empty')).to.equal(true);
  });

  it('writes frame-specific answers for the current plane and reads the current plane\'s answer', async () => {
    const parsed = parseOntology({
      tools: [],
      classifications: [
        {
          schemaId: 'c-light',
          tool: 'radio',
          title: 'Light',
          frameSpecific: true,
          options: [
            { value: 'Bright', schemaId: 'o-bright' },
            { value: 'Dark', schemaId: 'o-dark' },
          ],
        },
      ],
      relations: [],
    });
    if (!parsed.ok) throw new Error('bad ontology');
    const session = await panelSession({ planeModel: 'track', ontology: parsed.value });
    session.setPlaneCount(10);
    const form = await mountGlobal(session);
    await click(choice(form, 'c-light', 'Bright'));
    session.setPlane(3);
    await settle(form);
    expect(choice(form, 'c-light', 'Bright').checked).to.equal(false);
    await click(choice(form, 'c-light', 'Dark'));
    const answers = [...session.store.state.classifications.values()].map(({ answer, page }) => ({ answer, page }));
    expect(answers).to.deep.equal([
      { answer: 'Bright', page: 0 },
      { answer: 'Dark', page: 3 },
    ]);
    session.setPlane(0);
    await settle(form);
    expect(choice(form, 'c-light', 'Bright').checked).to.equal(true);
  });

  it('disables every control in view mode and for locked objects and answers', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car', { lock: true })]);
    session.store.transact({ origin: 'api', reason: 'import' }, (tx) =>
      tx.putClassification({ objectId: 'a-1', schemaId: 'c-time', answer: 'Day', classifications: [], lock: true, metadata: { createdAt: '', createdBy: '', createdIn: '' } }),
    );
    const global = await mountGlobal(session);
    expect(field(global, 'c-time').querySelector('select')!.disabled, 'locked answer').to.equal(true);
    expect(choice(global, 'c-weather', 'Rain').disabled).to.equal(false);

    const locked = await fixture<LkClassificationForm>(html`<lk-classification-form .session=${session} object-id="car-1"></lk-classification-form>`);
    expect(queryAll<HTMLInputElement>(locked, 'input').every((input) => input.disabled)).to.equal(true);
    expect(query(locked, '[part~="heading"]').textContent).to.contain('locked');

    session.setMode('view');
    await settle(global);
    const controls = queryAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(global, 'input:not([type=search]), select, button');
    expect(controls.length).to.be.greaterThan(10);
    expect(controls.filter((control) => !control.disabled).map((control) => control.outerHTML)).to.deep.equal([]);
    choice(global, 'c-weather', 'Rain').click();
    expect(globalAnswers(session).has('c-weather')).to.equal(false);
  });

  it('passes the axe check, empty and answered', async () => {
    const session = await panelSession();
    const form = await mountGlobal(session);
    await expect(form).to.be.accessible();
    await click(choice(form, 'c-occluded', 'Yes'));
    await click(field(form, 'c-place').querySelector('summary')!);
    await click(field(form, 'c-tags').querySelector('summary')!);
    await click(field(form, 'c-note').querySelector('input')!);
    await sendKeys({ type: 'nope' });
    await settle(form);
    await expect(form).to.be.accessible();
  });

  it('renders host strings as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const parsed = parseOntology({
      tools: [],
      classifications: [
        { schemaId: 'c-x', tool: 'radio', title: evil, options: [{ value: evil, schemaId: 'o-x' }] },
        { schemaId: 'c-y', tool: 'text', title: 'Y', regex: '^a$' },
      ],
      relations: [],
    });
    if (!parsed.ok) throw new Error('bad ontology');
    const session = await panelSession({ ontology: parsed.value });
    const form = await mountGlobal(session);
    await click(choice(form, 'c-x', evil));
    expect(shadow(form).querySelector('img')).to.equal(null);
    expect(field(form, 'c-x').textContent).to.contain(evil);
    expect(answerOf(session, 'c-x')).to.equal(evil);
  });
});
