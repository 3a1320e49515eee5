import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
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

/** The row the user sees in the middle of the list's viewport. */
function rowAtCentre(list: LkObjectList): HTMLElement | undefined {
  const box = query(list, '.rows').getBoundingClientRect();
  const hit = shadow(list).elementFromPoint(box.left + 40, box.top + box.height / 2);
  return hit?.closest<HTMLElement>('[role=option]') ?? undefined;
}

/** True when `row` lies wholly inside the list's scroll viewport. */
function inViewport(list: LkObjectList, row: Element): boolean {
  const box = query(list, '.rows').getBoundingClientRect();
  const rect = row.getBoundingClientRect();
  return rect.height > 0 && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function mountMany(count = 10_000) {
  const session = await panelSession();
  const objects = Array.from({ length: count }, (_, i) => object(`o-${i}`, i % 2 ? 't-sign' : 't-car', i === 7001 ? { lock: true } : {}));
  importObjects(session, objects);
  const list = await fixture<LkObjectList>(html`<lk-object-list .session=${session} style="width: 300px"></lk-object-list>`);
  await nextFrame();
  await list.updateComplete;
  return { session, list };
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

  it('lists every object with class colour, its number in its class (not its id) and lock', async () => {
    const session = await panelSession();
    importObjects(session, [object('car-1', 't-car'), object('0123456789abcdef', 't-sign', { lock: true })]);
    const list = await fixture<LkObjectList>(html`<lk-object-list .session=${session}></lk-object-list>`);
    const rows = queryAll(list, '[part~="item"]');
    expect(rows.map((row) => [row.querySelector('.name')!.textContent, row.querySelector('.place')!.textContent])).to.deep.equal([
      ['Car 1', ''],
      ['Sign 1', ''],
    ]);
    expect(rows[0]!.querySelector<HTMLElement>('.swatch')!.style.getPropertyValue('--swatch')).to.equal('#e53935');
    expect(rows[0]!.querySelector('.lock')).to.equal(null);
    expect(rows[1]!.querySelector('.lock')!.textContent).to.contain('locked');
    expect(query(list, 'h3').textContent).to.contain('(2)');
  });

  it('says where each object is: a page or slice, a track\'s frames, the covered text', async () => {
    const paged = await panelSession({ planeModel: 'paged' });
    importObjects(paged, [
      object('p1', 't-car', { keyframes: [{ frame: 2, geometry: box(0) }] }),
      object('p2', 't-car', {
        keyframes: [
          {
            frame: 0,
            geometry: {
              type: 'pdf',
              value: { position: { boundingRect: { x1: 0, y1: 0, x2: 1, y2: 1, width: 1, height: 1 }, rects: [], pageNumber: 1 }, content: { text: 'Total due' } },
            } as never,
          },
        ],
      }),
    ]);
    const slices = await fixture<LkObjectList>(html`<lk-object-list .session=${paged} plane-noun="slice"></lk-object-list>`);
    expect(queryAll(slices, '[part~="item"] .place').map((cell) => cell.textContent)).to.deep.equal(['slice 3', '“Total due” (slice 1)']);

    const track = await panelSession({ planeModel: 'track' });
    importObjects(track, [
      object('t1', 't-car', { keyframes: [{ frame: 10, geometry: box(0) }, { frame: 45, geometry: box(5) }, { frame: 60, geometry: box(5), stopped: true }] }),
      object('t2', 't-car', { keyframes: [{ frame: 5, geometry: box(0) }] }),
    ]);
    const tracks = await fixture<LkObjectList>(html`<lk-object-list .session=${track}></lk-object-list>`);
    expect(queryAll(tracks, '[part~="item"]').map((row) => `${row.querySelector('.name')!.textContent} ${row.querySelector('.place')!.textContent}`)).to.deep.equal([
      'Car 1 frames 10–59',
      'Car 2 frames 5–end',
    ]);
    await expect(tracks).to.be.accessible();
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
    await click(buttonNamed(list, 'Hide Car 1'));
    expect(session.hidden.has('car-1')).to.equal(true);
    await list.updateComplete;
    expect(item(list, 'car-1').classList.contains('is-hidden')).to.equal(true);
    await click(buttonNamed(list, 'Show Car 1'));
    expect(session.hidden.has('car-1')).to.equal(false);
  });

  it('deletes an object as a user change with reason delete; locked objects cannot be deleted', async () => {
    const { session, list } = await mount();
    const changes: ChangeSet[] = [];
    session.store.subscribe((change) => changes.push(change));
    expect(buttonNamed(list, 'Delete Road 1').disabled).to.equal(true);
    await click(buttonNamed(list, 'Delete Sign 1'));
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
    await click(buttonNamed(list, 'Hide Car 1'));
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

  describe('with 10,000 objects (virtual rows)', () => {
    it('renders only the rows near the viewport, each telling its place in the whole list', async () => {
      const { list } = await mountMany();
      const options = queryAll(list, '[role=option]');
      expect(options.length, 'rows in the DOM').to.be.within(5, 99);
      expect(queryAll(list, '.row-actions')).to.have.length(options.length);
      expect(query(list, 'h3').textContent).to.contain('(10000)');
      expect(options.every((option) => option.getAttribute('aria-setsize') === '10000')).to.equal(true);
      expect(options.slice(0, 3).map((option) => [option.dataset['objectId'], option.getAttribute('aria-posinset')])).to.deep.equal([
        ['o-0', '1'],
        ['o-1', '2'],
        ['o-2', '3'],
      ]);
      // The track is as tall as every row: the scrollbar is the whole list's.
      const scroller = query(list, '.rows');
      expect(scroller.scrollHeight).to.equal(10_000 * options[0]!.getBoundingClientRect().height);
      // Scrolling far down shows the rows there, still only a few of them.
      scroller.scrollTop = 5000 * options[0]!.getBoundingClientRect().height;
      await nextFrame();
      await list.updateComplete;
      const seen = rowAtCentre(list);
      expect(Number(seen?.getAttribute('aria-posinset'))).to.be.within(5001, 5015);
      expect(seen?.dataset['objectId']).to.equal(`o-${Number(seen?.getAttribute('aria-posinset')) - 1}`);
      expect(queryAll(list, '[role=option]').length).to.be.below(100);
      await expect(list).to.be.accessible();
    });

    it('moves focus through every object with the keyboard, scrolling rows in', async () => {
      const { session, list } = await mountMany();
      await click(item(list, 'o-0'));
      expect(session.selection).to.deep.equal(['o-0']);
      for (let i = 0; i < 25; i++) await sendKeys({ press: 'ArrowDown' });
      const focused = () => shadow(list).activeElement as HTMLElement;
      expect(focused().dataset['objectId']).to.equal('o-25');
      expect(inViewport(list, focused()), 'the focused row is scrolled in').to.equal(true);
      await sendKeys({ press: 'PageDown' });
      const paged = Number(focused().getAttribute('aria-posinset'));
      expect(paged).to.be.above(27);
      expect(inViewport(list, focused())).to.equal(true);
      await sendKeys({ press: 'End' });
      expect(focused().dataset['objectId']).to.equal('o-9999');
      expect(focused().getAttribute('aria-posinset')).to.equal('10000');
      expect(inViewport(list, focused())).to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focused().dataset['objectId']).to.equal('o-9997');
      await sendKeys({ press: 'Enter' });
      expect(session.selection).to.deep.equal(['o-9997']);
      expect(queryAll(list, '[role=option]').length).to.be.below(100);
      await sendKeys({ press: 'Home' });
      expect(focused().dataset['objectId']).to.equal('o-0');
      expect(inViewport(list, focused())).to.equal(true);
    });

    it('keeps the focused row while the list is scrolled away from it', async () => {
      const { list } = await mountMany();
      item(list, 'o-3').focus();
      const scroller = query(list, '.rows');
      scroller.scrollTop = scroller.scrollHeight / 2;
      await nextFrame();
      await list.updateComplete;
      expect((shadow(list).activeElement as HTMLElement | null)?.dataset['objectId']).to.equal('o-3');
      await sendKeys({ press: 'ArrowDown' });
      expect((shadow(list).activeElement as HTMLElement).dataset['objectId']).to.equal('o-4');
      expect(inViewport(list, shadow(list).activeElement!)).to.equal(true);
    });

    it('scrolls the row of an object selected elsewhere into view, without taking focus', async () => {
      const { session, list } = await mountMany();
      const outside = document.createElement('button');
      outside.textContent = 'canvas stand-in';
      document.body.append(outside);
      outside.focus();
      try {
        session.select(['o-6400']); // as a click on the canvas or the text does
        await list.updateComplete;
        const row = item(list, 'o-6400');
        expect(row.getAttribute('aria-selected')).to.equal('true');
        expect(inViewport(list, row)).to.equal(true);
        expect(row.tabIndex, 'it becomes the row the keyboard continues from').to.equal(0);
        expect(document.activeElement).to.equal(outside);
        session.select(['o-12']);
        await list.updateComplete;
        expect(inViewport(list, item(list, 'o-12'))).to.equal(true);
      } finally {
        outside.remove();
      }
    });

    it('hides, deletes and refuses to delete locked objects on rows far down', async () => {
      const { session, list } = await mountMany();
      session.select(['o-7000']);
      await list.updateComplete;
      await click(buttonNamed(list, 'Hide Car 3501'));
      expect(session.hidden.has('o-7000')).to.equal(true);
      await list.updateComplete;
      expect(item(list, 'o-7000').classList.contains('is-hidden')).to.equal(true);
      expect(buttonNamed(list, 'Delete Sign 3501').disabled, 'o-7001 is locked').to.equal(true);
      expect(item(list, 'o-7001').querySelector('.lock')).to.not.equal(null);
      const deleteButton = buttonNamed(list, 'Delete Car 3501');
      const box = deleteButton.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      expect(session.store.state.objects.has('o-7000')).to.equal(false);
      expect(session.store.state.objects.size).to.equal(9999);
      await list.updateComplete;
      expect(shadow(list).querySelector('[data-object-id="o-7000"]')).to.equal(null);
      // The rows below moved up by one: o-7001 now holds position 7001.
      expect(item(list, 'o-7001').getAttribute('aria-posinset')).to.equal('7001');
      expect(queryAll(list, '[role=option]').every((option) => option.getAttribute('aria-setsize') === '9999')).to.equal(true);
      item(list, 'o-7002').focus();
      await sendKeys({ press: 'Delete' });
      expect(session.store.state.objects.has('o-7002')).to.equal(false);
      await list.updateComplete;
      expect((shadow(list).activeElement as HTMLElement).dataset['objectId'], 'focus moves to the next row').to.equal('o-7003');
    });
  });
});
