import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import { parseOntology } from '../../../src/core/ontology.js';
import '../../../src/elements/panels/toolbar/define.js';
import type { LkToolbar } from '../../../src/elements/panels/toolbar/lk-toolbar.js';
import { buttonNamed, click, panelSession, query, queryAll, shadow } from './helpers.js';

function toolButton(toolbar: LkToolbar, schemaId: string): HTMLButtonElement {
  return query<HTMLButtonElement>(toolbar, `button[data-schema-id="${schemaId}"]`);
}

describe('<lk-toolbar>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('shows the select tool and one button per class with colour, title, type and shortcut hint', async () => {
    const session = await panelSession();
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    const buttons = queryAll<HTMLButtonElement>(toolbar, '[part~="tool-button"]');
    expect(buttons.map((button) => button.querySelector('span:not(.swatch):not(.type):not(.visually-hidden)')?.textContent)).to.deep.equal([
      'Select',
      'Car',
      'Sign',
      'Road',
      'Lane',
      'Head',
      'Sky',
      'Grass',
      'Curb',
    ]);
    expect(buttons.map((button) => button.querySelector('kbd')?.textContent)).to.deep.equal(['V', '1', '2', '3', '4', '5', '6', '7', '8']);
    const car = toolButton(toolbar, 't-car');
    expect(car.querySelector<HTMLElement>('.swatch')!.style.getPropertyValue('--swatch')).to.equal('#e53935');
    expect(car.querySelector('.type')!.textContent).to.equal('B');
    expect(car.getAttribute('aria-keyshortcuts')).to.equal('1');
    expect(car.title).to.equal('Car — bounding box (1)');
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('sets the active class on click and shows it pressed', async () => {
    const session = await panelSession();
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    await click(toolButton(toolbar, 't-road'));
    expect(session.activeSchemaId).to.equal('t-road');
    await toolbar.updateComplete;
    expect(toolButton(toolbar, 't-road').getAttribute('aria-pressed')).to.equal('true');
    expect(buttonNamed(toolbar, 'Select').getAttribute('aria-pressed')).to.equal('false');
    session.setActiveSchema('t-car');
    await toolbar.updateComplete;
    expect(toolButton(toolbar, 't-road').getAttribute('aria-pressed')).to.equal('false');
    expect(toolButton(toolbar, 't-car').getAttribute('aria-pressed')).to.equal('true');
    await click(buttonNamed(toolbar, 'Select'));
    expect(session.activeSchemaId).to.equal(undefined);
  });

  it('offers an eraser and a brush size for brush classes', async () => {
    const session = await panelSession();
    const calls: string[] = [];
    session.setActions({ useEraser: (id) => calls.push(`eraser ${id}`), setBrushSize: (size) => calls.push(`size ${size}`) });
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    expect(shadow(toolbar).querySelector('input[type=range]')).to.equal(null);
    await click(toolButton(toolbar, 't-grass'));
    await toolbar.updateComplete;
    const eraser = buttonNamed(toolbar, 'Eraser');
    await click(eraser);
    await toolbar.updateComplete;
    expect(eraser.getAttribute('aria-pressed')).to.equal('true');
    const slider = query<HTMLInputElement>(toolbar, 'input[type=range]');
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(calls).to.deep.equal(['eraser t-grass', 'size 21']);
    await click(eraser);
    await toolbar.updateComplete;
    expect(eraser.getAttribute('aria-pressed'), 'back to the brush').to.equal('false');
    expect(session.activeSchemaId).to.equal('t-grass');
  });

  it('undo and redo follow the store; zoom, fit and help call the actions', async () => {
    const session = await panelSession();
    const calls: string[] = [];
    session.setActions({ zoomIn: () => calls.push('zoomIn'), zoomOut: () => calls.push('zoomOut'), fit: () => calls.push('fit'), showHelp: () => calls.push('help') });
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    const undo = buttonNamed(toolbar, 'Undo');
    const redo = buttonNamed(toolbar, 'Redo');
    expect([undo.disabled, redo.disabled]).to.deep.equal([true, true]);
    session.store.transact({ origin: 'user', reason: 'classify' }, (tx) =>
      tx.putClassification({ objectId: 'a', schemaId: 'c-time', answer: 'Day', classifications: [], metadata: { createdAt: '', createdBy: '', createdIn: '' } }),
    );
    await toolbar.updateComplete;
    expect([undo.disabled, redo.disabled]).to.deep.equal([false, true]);
    expect(undo.title).to.equal('Undo (Ctrl+Z)');
    await click(undo);
    await toolbar.updateComplete;
    expect(session.store.state.classifications.size).to.equal(0);
    expect([undo.disabled, redo.disabled]).to.deep.equal([true, false]);
    await click(redo);
    expect(session.store.state.classifications.size).to.equal(1);

    for (const name of ['Zoom in', 'Zoom out', 'Fit to view', 'Keyboard shortcuts']) await click(buttonNamed(toolbar, name));
    expect(calls).to.deep.equal(['zoomIn', 'zoomOut', 'fit', 'help']);
  });

  it('shows remapped shortcuts in its hints', async () => {
    const session = await panelSession();
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session} .shortcuts=${{ fit: 'shift+f', undo: null }}></lk-toolbar>`);
    expect(buttonNamed(toolbar, 'Fit to view').title).to.equal('Fit to view (Shift+F)');
    expect(buttonNamed(toolbar, 'Undo').title).to.equal('Undo');
  });

  it('moves focus with Left/Right and keeps control keys from the element around it', async () => {
    const session = await panelSession();
    const outer: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @keydown=${(event: KeyboardEvent) => outer.push(event.key)}><lk-toolbar .session=${session}></lk-toolbar></div>`);
    const toolbar = wrapper.querySelector('lk-toolbar')!;
    await toolbar.updateComplete;
    buttonNamed(toolbar, 'Select').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(toolbar).activeElement).to.equal(toolButton(toolbar, 't-car'));
    await sendKeys({ press: 'Enter' });
    expect(session.activeSchemaId).to.equal('t-car');
    await sendKeys({ press: 'ArrowLeft' });
    expect(shadow(toolbar).activeElement).to.equal(buttonNamed(toolbar, 'Select'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(toolbar).activeElement, 'Tab moves on inside the bar').to.equal(toolButton(toolbar, 't-car'));
    await sendKeys({ press: 'Control+z' });
    expect(outer, 'only the undo chord reaches the element').to.deep.equal(['Control', 'z']);
  });

  it('disables the class buttons in view mode', async () => {
    const session = await panelSession();
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    session.setMode('view');
    await toolbar.updateComplete;
    expect(queryAll<HTMLButtonElement>(toolbar, 'button[data-schema-id]').every((button) => button.disabled)).to.equal(true);
    toolButton(toolbar, 't-car').click();
    expect(session.activeSchemaId).to.equal(undefined);
  });

  it('passes the axe check and renders titles as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const parsed = parseOntology({ tools: [{ schemaId: 't-x', tool: 'brush', title: evil, color: '#123456' }], classifications: [], relations: [] });
    if (!parsed.ok) throw new Error('bad ontology');
    const session = await panelSession({ ontology: parsed.value });
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    session.setActiveSchema('t-x');
    await toolbar.updateComplete;
    expect(shadow(toolbar).querySelector('img')).to.equal(null);
    expect(toolButton(toolbar, 't-x').textContent).to.contain(evil);
    await expect(toolbar).to.be.accessible();
    const full = await fixture<LkToolbar>(html`<lk-toolbar .session=${await panelSession()}></lk-toolbar>`);
    await expect(full).to.be.accessible();
  });

  it('keeps one row for a long class title: the label ends in an ellipsis, the tooltip and the name keep it whole', async () => {
    const long = 'Partially occluded commercial vehicle with trailer attached (left lane)';
    const parsed = parseOntology({ tools: [{ schemaId: 't-long', tool: 'bounding-box', title: long, color: '#123456' }], classifications: [], relations: [] });
    if (!parsed.ok) throw new Error('bad ontology');
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar style="width: 900px" .session=${await panelSession({ ontology: parsed.value })}></lk-toolbar>`);
    const button = toolButton(toolbar, 't-long');
    const label = button.querySelector<HTMLElement>('.label')!;
    expect(label.scrollWidth, 'the title is longer than what is shown').to.be.greaterThan(label.clientWidth);
    expect(getComputedStyle(label).textOverflow).to.equal('ellipsis');
    const select = queryAll<HTMLButtonElement>(toolbar, '[part~="tool-button"]')[0]!;
    expect(button.getBoundingClientRect().top, 'on the same row as Select').to.equal(select.getBoundingClientRect().top);
    expect(button.getBoundingClientRect().height).to.equal(select.getBoundingClientRect().height);
    expect(button.title).to.equal(`${long} — bounding box`);
    expect(button.textContent).to.contain(long);

    toolbar.style.setProperty('--lk-tool-label-max-width', 'none');
    expect(label.scrollWidth, 'the host may lift the limit').to.be.at.most(label.clientWidth);
  });

  it('a blocked Submit that asks for objects of a class focuses that class button', async () => {
    const session = await panelSession();
    const toolbar = await fixture<LkToolbar>(html`<lk-toolbar .session=${session}></lk-toolbar>`);
    session.reveal({ code: 'required-tool', message: 'Draw at least one "Road".', schemaId: 't-road' });
    await toolbar.updateComplete;
    expect(shadow(toolbar).activeElement).to.equal(toolButton(toolbar, 't-road'));
    // A problem about an object's answer is not the toolbar's.
    session.reveal({ code: 'required-classification', message: 'x', schemaId: 't-car', objectId: 'nope' });
    await toolbar.updateComplete;
    expect(shadow(toolbar).activeElement).to.equal(toolButton(toolbar, 't-road'));
  });
});
