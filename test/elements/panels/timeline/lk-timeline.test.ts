import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ObjectAnnotation } from '../../../../src/core/model.js';
import type { Ontology } from '../../../../src/core/ontology.js';
import { createLabelingSession, type LabelingSession } from '../../../../src/core/session.js';
import '../../../../src/elements/panels/timeline/define.js';
import type { LkTimeline } from '../../../../src/elements/panels/timeline/lk-timeline.js';

const box = (x: number) => ({ type: 'bounding-box' as const, value: { x, y: 10, width: 20, height: 20 } });

function car(objectId: string, keyframes: ObjectAnnotation['keyframes']): ObjectAnnotation {
  return { objectId, schemaId: 'car', keyframes, classifications: [], metadata: { createdAt: '', createdBy: '', createdIn: '' } };
}

function trackSession(frameTotal: number, objects: ObjectAnnotation[]): LabelingSession {
  const session = createLabelingSession({ planeModel: 'track', audit: () => ({ at: '2026-11-22T10:00:00.000Z', by: 'u', in: 'Label' }) });
  session.setOntology({
    tools: [{ schemaId: 'car', tool: 'bounding-box', title: 'Car', color: '#ff0000', classifications: [] }],
    classifications: [],
    relations: [],
  } as unknown as Ontology);
  session.setPlaneCount(frameTotal);
  session.store.transact({ origin: 'api', reason: 'import' }, (tx) => objects.forEach((object) => tx.putObject(object)));
  return session;
}

async function mountTimeline(session: LabelingSession, style: string, fps: number): Promise<LkTimeline> {
  const timeline = await fixture<LkTimeline>(html`<lk-timeline style=${style} .session=${session} fps=${fps}></lk-timeline>`);
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await timeline.updateComplete;
  }
  return timeline;
}

async function mount(): Promise<{ timeline: LkTimeline; session: LabelingSession }> {
  const session = trackSession(100, [
    car('a', [{ frame: 10, geometry: box(0) }, { frame: 30, geometry: box(20), stopped: true }, { frame: 50, geometry: box(40) }]),
    car('b', [{ frame: 70, geometry: box(0) }]),
  ]);
  return { timeline: await mountTimeline(session, 'width: 640px; height: 160px', 25), session };
}

function ruler(timeline: LkTimeline): HTMLElement {
  return timeline.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
}

function diamonds(timeline: LkTimeline, objectId: string): HTMLButtonElement[] {
  return [...timeline.shadowRoot!.querySelectorAll<HTMLButtonElement>(`.key[data-object-id="${objectId}"]`)];
}

/** Page position of the middle of `frame` on the ruler (or on a row's track). */
function framePosition(timeline: LkTimeline, frame: number, rowIndex = -1): [number, number] {
  const tracks = timeline.shadowRoot!.querySelectorAll<HTMLElement>('.track');
  const track = tracks[rowIndex + 1]!;
  const rect = track.getBoundingClientRect();
  return [Math.round(rect.left + ((frame + 0.5) * rect.width) / 100), Math.round(rect.top + rect.height / 2)];
}

async function clickOn(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('<lk-timeline>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('draws a row per object with its class colour, visible ranges, keyframes and stops', async () => {
    const { timeline } = await mount();
    const rows = timeline.shadowRoot!.querySelectorAll('.row');
    expect([...rows].map((r) => r.getAttribute('aria-label'))).to.deep.equal(['Car 1', 'Car 2']);
    expect(diamonds(timeline, 'a').map((d) => d.getAttribute('aria-label'))).to.deep.equal([
      'Keyframe of Car 1 at frame 10',
      'Stop of Car 1 at frame 30',
      'Keyframe of Car 1 at frame 50',
    ]);
    const ranges = [...rows[0]!.querySelectorAll<HTMLElement>('.range')];
    const px = timeline.pxPerFrame;
    expect(ranges.map((r) => [Math.round(parseFloat(r.style.left) / px), Math.round(parseFloat(r.style.width) / px)])).to.deep.equal([
      [10, 20],
      [50, 50],
    ]);
    expect(ranges[0]!.style.background).to.equal('rgb(255, 0, 0)');
    expect(ruler(timeline).getAttribute('aria-valuetext')).to.equal('Frame 0 of 100, 0:00.000');
  });

  it('is accessible (axe)', async () => {
    const { timeline, session } = await mount();
    session.select(['a']);
    await timeline.updateComplete;
    await expect(timeline).to.be.accessible();
  });

  it('scrubs by dragging on the ruler and follows the current frame with its cursor', async () => {
    const { timeline, session } = await mount();
    await sendMouse({ type: 'move', position: framePosition(timeline, 40) });
    await sendMouse({ type: 'down' });
    expect(session.plane).to.equal(40);
    await sendMouse({ type: 'move', position: framePosition(timeline, 63) });
    expect(session.plane).to.equal(63);
    await sendMouse({ type: 'up' });
    await timeline.updateComplete;
    const cursor = timeline.shadowRoot!.querySelector<HTMLElement>('.cursor')!;
    const [x] = framePosition(timeline, 63);
    expect(Math.abs(cursor.getBoundingClientRect().left + 1 - x)).to.be.below(2);
    expect(ruler(timeline).getAttribute('aria-valuenow')).to.equal('63');
  });

  it('is keyboard operable: frames, ten frames, a second, ends, previous and next keyframe', async () => {
    const { timeline, session } = await mount();
    ruler(timeline).focus();
    session.setPlane(20);
    await sendKeys({ press: 'ArrowRight' });
    expect(session.plane).to.equal(21);
    await sendKeys({ press: 'Shift+ArrowRight' });
    expect(session.plane).to.equal(31);
    await sendKeys({ press: 'PageDown' });
    expect(session.plane).to.equal(56);
    await sendKeys({ press: ',' });
    expect(session.plane).to.equal(50);
    await sendKeys({ press: ',' });
    expect(session.plane).to.equal(30);
    await sendKeys({ press: '.' });
    expect(session.plane).to.equal(50);
    session.select(['a']);
    await sendKeys({ press: '.' });
    expect(session.plane, 'only the selected object counts').to.equal(50);
    await sendKeys({ press: 'End' });
    expect(session.plane).to.equal(99);
    await sendKeys({ press: 'Home' });
    expect(session.plane).to.equal(0);
  });

  it('moves a keyframe by dragging its diamond (one undo step) and selects on click', async () => {
    const { timeline, session } = await mount();
    const [from] = [framePosition(timeline, 50, 0)];
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: framePosition(timeline, 55, 0) });
    await sendMouse({ type: 'move', position: framePosition(timeline, 60, 0) });
    await sendMouse({ type: 'up' });
    expect(session.store.state.objects.get('a')!.keyframes.map((k) => k.frame)).to.deep.equal([10, 30, 60]);
    expect(session.plane).to.equal(60);
    session.store.undo();
    expect(session.store.state.objects.get('a')!.keyframes.map((k) => k.frame)).to.deep.equal([10, 30, 50]);
    await timeline.updateComplete;
    await sendMouse({ type: 'click', position: framePosition(timeline, 70, 1) });
    expect(session.selection).to.deep.equal(['b']);
    expect(session.plane).to.equal(70);
  });

  it('moves and deletes keyframes from the keyboard ([ ], never Alt+arrows); deleting the last one deletes the object', async () => {
    const { timeline, session } = await mount();
    diamonds(timeline, 'a')[0]!.focus();
    await sendKeys({ press: 'Alt+ArrowRight' });
    expect(session.store.state.objects.get('a')!.keyframes.map((k) => k.frame), 'Alt+→ is the browser\'s Forward').to.deep.equal([10, 30, 50]);
    await sendKeys({ press: ']' });
    expect(session.store.state.objects.get('a')!.keyframes.map((k) => k.frame)).to.deep.equal([11, 30, 50]);
    await timeline.updateComplete;
    expect(timeline.shadowRoot!.activeElement?.getAttribute('data-frame')).to.equal('11');
    await sendKeys({ press: 'ArrowRight' });
    expect(timeline.shadowRoot!.activeElement?.getAttribute('data-frame')).to.equal('30');
    await sendKeys({ press: 'Delete' });
    expect(session.store.state.objects.get('a')!.keyframes.map((k) => k.frame)).to.deep.equal([11, 50]);
    await timeline.updateComplete;
    diamonds(timeline, 'b')[0]!.focus();
    await sendKeys({ press: 'Delete' });
    expect(session.store.state.objects.has('b')).to.equal(false);
  });

  it('leaves locked objects and view mode alone', async () => {
    const { timeline, session } = await mount();
    session.store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject({ ...session.store.state.objects.get('b')!, lock: true }));
    await timeline.updateComplete;
    diamonds(timeline, 'b')[0]!.focus();
    await sendKeys({ press: 'Delete' });
    await sendKeys({ press: ']' });
    expect(session.store.state.objects.get('b')!.keyframes.map((k) => k.frame)).to.deep.equal([70]);
    session.setMode('view');
    diamonds(timeline, 'a')[0]!.focus();
    await sendKeys({ press: 'Delete' });
    expect(session.store.state.objects.get('a')!.keyframes).to.have.length(3);
  });

  it('takes its session from the labelkit element around it', async () => {
    const { session } = await mount();
    const { ContextProvider } = await import('@lit/context');
    const { sessionContext } = await import('../../../../src/elements/base/session-context.js');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, { context: sessionContext, initialValue: session });
    const inner = document.createElement('lk-timeline');
    host.append(inner);
    await inner.updateComplete;
    expect(inner.shadowRoot!.querySelectorAll('.row')).to.have.length(2);
  });

  it('zooms for long videos (buttons, Ctrl+wheel) and keeps the cursor in view', async () => {
    const { timeline, session } = await mount();
    const fitted = timeline.pxPerFrame;
    const button = (label: string) => timeline.shadowRoot!.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!;
    await clickOn(button('Zoom timeline in'));
    await timeline.updateComplete;
    await clickOn(button('Zoom timeline in'));
    await timeline.updateComplete;
    expect(timeline.pxPerFrame).to.be.closeTo(fitted * 2.25, 1e-9);
    // Ctrl+wheel zooms too: up in, down out.
    const [x, y] = framePosition(timeline, 20, 0);
    await executeServerCommand('input:wheel', { x, y, deltaY: 100, modifiers: ['Control'] });
    await timeline.updateComplete;
    expect(timeline.pxPerFrame).to.be.closeTo(fitted * 1.5, 1e-9);
    await executeServerCommand('input:wheel', { x, y, deltaY: -100, modifiers: ['Control'] });
    await timeline.updateComplete;
    expect(timeline.pxPerFrame).to.be.closeTo(fitted * 2.25, 1e-9);
    session.setPlane(95);
    await timeline.updateComplete;
    const scroller = timeline.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollLeft).to.be.greaterThan(0);
    const cursor = timeline.shadowRoot!.querySelector<HTMLElement>('.cursor')!.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(cursor.left).to.be.within(view.left, view.right);
    await clickOn(button('Fit timeline'));
    await timeline.updateComplete;
    expect(timeline.pxPerFrame).to.be.closeTo(fitted, 1e-9);
  });

  it('keeps only the rows in view in the DOM for 200 tracks over 10,000 frames; scrolling, focus and Tab still reach every row', async () => {
    const tracks = Array.from({ length: 200 }, (_, t) => car(`t${String(t).padStart(3, '0')}`, Array.from({ length: 80 }, (_, k) => ({ frame: t + k * 120, geometry: box(k) }))));
    const session = trackSession(10000, tracks);
    const timeline = await mountTimeline(session, 'width: 900px; height: 200px', 30);
    const rowIds = () => [...timeline.shadowRoot!.querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset['objectId']);
    expect(rowIds().length, 'a few rows, not 200').to.be.within(4, 16);
    expect(rowIds()[0]).to.equal('t000');
    expect(timeline.shadowRoot!.querySelectorAll('.key').length).to.be.below(16 * 80 + 1);
    // One tab stop per row: Tab goes from the ruler to the first row's first keyframe, then to the next row.
    ruler(timeline).focus();
    await sendKeys({ press: 'Tab' });
    expect(timeline.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Keyframe of Car 1 at frame 0');
    await sendKeys({ press: 'ArrowRight' });
    expect(timeline.shadowRoot!.activeElement?.getAttribute('data-frame')).to.equal('120');
    await sendKeys({ press: 'Tab' });
    expect(timeline.shadowRoot!.activeElement?.closest('.row')?.getAttribute('data-object-id')).to.equal('t001');
    await sendKeys({ press: 'Shift+Tab' });
    expect(timeline.shadowRoot!.activeElement?.getAttribute('data-frame'), 'back on the diamond focused last in that row').to.equal('120');
    // Wheel scrolling shows later rows; the focused row stays in the DOM.
    const scroller = timeline.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect();
    const scrolled = timeline.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // A wheel turn may go on scrolling (smoothly) after the call: each turn is let settle first.
    const settle = async () => {
      for (let still = 0, last = -1, frame = 0; still < 3 && frame < 300; frame++) {
        await new Promise(requestAnimationFrame);
        still = scrolled.scrollTop === last ? still + 1 : 0;
        last = scrolled.scrollTop;
      }
      await timeline.updateComplete;
    };
    for (let i = 0; i < 40 && !rowIds().includes('t150'); i++) {
      await executeServerCommand('input:wheel', { x: Math.round(scroller.left + 400), y: Math.round(scroller.top + 100), deltaY: 200 });
      await settle();
    }
    expect(rowIds(), `row 150 after scrolling (scrollTop ${scrolled.scrollTop})`).to.include('t150');
    expect(rowIds()).to.include('t000');
    expect(timeline.shadowRoot!.activeElement?.getAttribute('data-frame')).to.equal('120');
    expect(rowIds().length).to.be.below(20);
    // Clicking a row's label there selects it.
    const label = timeline.shadowRoot!.querySelector<HTMLElement>('.row[data-object-id="t150"] .label')!;
    await clickOn(label);
    expect(session.selection).to.deep.equal(['t150']);
  });
});
