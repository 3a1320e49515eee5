import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { parseOntology } from '../../../src/core/ontology.js';
import { defaultKeyBindings, ELEMENT_ACTIONS, type KeyAction } from '../../../src/elements/base/keymap.js';
import { elementShortcutsContext } from '../../../src/elements/panels/shared/element-shortcuts.js';
import '../../../src/elements/panels/shortcut-help/define.js';
import type { LkShortcutHelp } from '../../../src/elements/panels/shortcut-help/lk-shortcut-help.js';
import { buttonNamed, click, panelSession, query, queryAll, shadow } from './helpers.js';

function keysOf(help: LkShortcutHelp, action: string): string | undefined {
  return shadow(help).querySelector(`tr[data-action="${action}"] td.keys`)?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('<lk-shortcut-help>', () => {
  it('opens as a modal dialog listing built-in shortcuts with the host overrides', async () => {
    const session = await panelSession();
    const help = await fixture<LkShortcutHelp>(
      html`<lk-shortcut-help .session=${session} .shortcuts=${{ fit: 'shift+f', zoomIn: null }}></lk-shortcut-help>`,
    );
    const dialog = query<HTMLDialogElement>(help, 'dialog');
    expect(dialog.open).to.equal(false);
    help.open = true;
    await help.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(keysOf(help, 'undo')).to.equal('Ctrl+Z');
    expect(keysOf(help, 'redo')).to.equal('Ctrl+Shift+Z or Ctrl+Y');
    expect(keysOf(help, 'delete')).to.equal('Delete or Backspace');
    expect(keysOf(help, 'fit')).to.equal('Shift+F');
    expect(keysOf(help, 'zoomIn'), 'disabled by the host').to.equal(undefined);
    expect(keysOf(help, 'zoomOut')).to.equal('-');
    expect(keysOf(help, 'toggleVisibility')).to.equal('H');
    expect(keysOf(help, 'toggleLabels')).to.equal('L');
    // Every shared built-in action (one element's own are listed with that element's keys) but the one the host disabled.
    const shared = (Object.keys(defaultKeyBindings) as KeyAction[]).filter((action) => !ELEMENT_ACTIONS.has(action));
    expect(queryAll(help, 'table.built-in tbody tr')).to.have.length(shared.length - 1);
  });

  it('lists the class shortcuts with their titles and the Alt variant', async () => {
    const session = await panelSession();
    const help = await fixture<LkShortcutHelp>(html`<lk-shortcut-help .session=${session} open></lk-shortcut-help>`);
    const rows = queryAll(help, 'table.classes tbody tr').map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()));
    expect(rows[0]).to.deep.equal(['Car', '1', 'Alt+1']);
    expect(rows.map((row) => row[0])).to.deep.equal(['Car', 'Sign', 'Road', 'Lane', 'Head', 'Sky', 'Grass', 'Curb']);
  });

  it('closes with Esc and with the close button, and says so with a close event', async () => {
    const session = await panelSession();
    const outer: string[] = [];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div @keydown=${(event: KeyboardEvent) => outer.push(event.key)}><lk-shortcut-help .session=${session} open></lk-shortcut-help></div>`,
    );
    const help = wrapper.querySelector('lk-shortcut-help')!;
    await help.updateComplete;
    const dialog = query<HTMLDialogElement>(help, 'dialog');
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(help, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(help.open).to.equal(false);
    expect(help.hasAttribute('open')).to.equal(false);
    expect(outer, 'keys inside the dialog stay there').to.deep.equal([]);

    help.open = true;
    await help.updateComplete;
    expect(dialog.open).to.equal(true);
    const closedAgain = oneEvent(help, 'close');
    await click(buttonNamed(help, 'Close'));
    await closedAgain;
    expect(help.open).to.equal(false);

    // closing through the property is not a user close
    let events = 0;
    help.addEventListener('close', () => events++);
    help.open = true;
    await help.updateComplete;
    help.open = false;
    await help.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialog.open).to.equal(false);
    expect(events).to.equal(0);
  });

  it('lists an element key that is a remappable action with the keys the host bound, and leaves element actions out of the shared table', async () => {
    const session = await panelSession();
    const own = {
      heading: 'Video',
      shortcuts: [
        { id: 'next-frame', label: 'Next frame', chords: ['arrowright'], action: 'frameForward' as const },
        { id: 'back-ten', label: 'Ten frames back', chords: [], action: 'frameBackFar' as const },
      ],
    };
    const help = await fixture<LkShortcutHelp>(
      html`<lk-shortcut-help .session=${session} .elementShortcuts=${own} .shortcuts=${{ frameForward: 'shift+l', frameBackFar: null }} open></lk-shortcut-help>`,
    );
    const rows = queryAll(help, 'table.element tbody tr').map((row) => [row.dataset['shortcut'], row.querySelector('td.keys')!.textContent!.replace(/\s+/g, ' ').trim()]);
    expect(rows, 'a disabled action with no fixed key has no row').to.deep.equal([['next-frame', '→ or Shift+L']]);
    expect(keysOf(help, 'frameForward'), 'the element table carries it').to.equal('→ or Shift+L');
    expect(queryAll(help, 'table.built-in tr[data-action="frameForward"]')).to.have.length(0);
    expect(keysOf(help, 'submit')).to.equal('Ctrl+Enter');
    expect(keysOf(help, 'skip')).to.equal('Ctrl+Shift+Enter');
    const defaults = queryAll(help, 'table.built-in td.keys').map((cell) => cell.textContent!);
    expect(defaults.some((keys) => /Alt\+[←→]|Ctrl\+Alt\+/.test(keys)), `no default is a browser or desktop key: ${defaults.join(' | ')}`).to.equal(false);
    help.open = false;
  });

  it("lists the keys of the element it is in, from the elementShortcuts property or the element's context", async () => {
    const session = await panelSession();
    const own = {
      heading: 'Video',
      shortcuts: [
        { id: 'play', label: 'Play / pause', chords: ['space'] },
        { id: 'ten', label: 'Ten frames forward', chords: ['shift+arrowright', 'alt+shift+arrowright'] },
        { id: 'wl', label: 'Window / level', chords: [], pointer: 'right-drag' },
        { id: 'slice', label: 'Next slice', chords: ['pagedown'], pointer: 'Alt+wheel' },
      ],
    };
    const help = await fixture<LkShortcutHelp>(html`<lk-shortcut-help .session=${session} .elementShortcuts=${own} open></lk-shortcut-help>`);
    const rows = queryAll(help, 'table.element tbody tr').map((row) => [row.dataset['shortcut'], row.querySelector('td.keys')!.textContent!.replace(/\s+/g, ' ').trim()]);
    expect(rows).to.deep.equal([
      ['play', 'Space'],
      ['ten', 'Shift+→ or Alt+Shift+→'],
      ['wl', 'right-drag'],
      ['slice', 'PageDown or Alt+wheel'],
    ]);
    expect(query(help, 'table.element caption').textContent!.trim()).to.equal('Video');
    await expect(help).to.be.accessible();
    help.open = false;
    await help.updateComplete;

    // Without the property, the surrounding element provides them through context.
    const host = document.createElement('div');
    new ContextProvider(host, { context: elementShortcutsContext, initialValue: { heading: 'Slices', shortcuts: [{ id: 'first', label: 'First slice', chords: ['home'] }] } });
    const inner = document.createElement('lk-shortcut-help');
    inner.session = session;
    host.append(inner);
    document.body.append(host);
    try {
      await inner.updateComplete;
      expect(queryAll(inner, 'table.element tbody tr').map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['First slice Home']);
    } finally {
      host.remove();
    }
    // No element keys: no table.
    const plain = await fixture<LkShortcutHelp>(html`<lk-shortcut-help .session=${session}></lk-shortcut-help>`);
    expect(shadow(plain).querySelector('table.element')).to.equal(null);
  });

  it('passes the axe check and renders class titles as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const parsed = parseOntology({ tools: [{ schemaId: 't-x', tool: 'point', title: evil, shortcutKey: 'q' }], classifications: [], relations: [] });
    if (!parsed.ok) throw new Error('bad ontology');
    const help = await fixture<LkShortcutHelp>(html`<lk-shortcut-help .session=${await panelSession({ ontology: parsed.value })} open></lk-shortcut-help>`);
    expect(shadow(help).querySelector('img')).to.equal(null);
    expect(query(help, 'table.classes').textContent).to.contain(evil);
    await expect(help).to.be.accessible();
    help.open = false;
    await help.updateComplete;
  });
});
