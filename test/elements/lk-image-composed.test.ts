/**
 * Composed frames on the Canvas2D renderer (src/canvas/view-composer.ts): while the view moves,
 * the browser moves and scales the last rendered frame instead of the element repainting it; the
 * view settles into a full render. What a user sees is checked on the screen (screenshots), and
 * input keeps landing where the view says while the canvas is moved.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/lk-image/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { ViewportState } from '../../src/canvas/viewport.js';
import { canvasOf, click, frames, nextEvent, pagePoint, pictureUrl, resetMouse } from './helpers.js';
import { pixels } from './pixels.js';
import { until } from './waits.js';

const ontology = {
  tools: [{ schemaId: 't-car', tool: 'bounding-box', title: 'Car', color: '#e53935', shortcutKey: '1' }],
  classifications: [],
  relations: [],
};

interface SurfaceHandle {
  view: ViewportState;
  readonly viewSettled: boolean;
  setView(view: ViewportState): void;
}

const surfaceOf = (element: LkImage) => (element as unknown as { surface: SurfaceHandle }).surface;

/** A flat grey picture: every pixel that is not grey comes from a shape. */
const greyPicture = (width = 400, height = 300) =>
  pictureUrl(width, height, (paint) => {
    paint.fillStyle = '#808080';
    paint.fillRect(0, 0, width, height);
  });

async function mount(renderer: 'canvas' | 'webgl'): Promise<LkImage> {
  const element = await fixture<LkImage>(html`
    <lk-image style="--lk-height: 320px; width: 420px" no-sidebar renderer=${renderer} .ontology=${ontology}></lk-image>
  `);
  const ready = nextEvent(element, 'lk-ready');
  element.src = await greyPicture();
  await ready;
  element.annotations = { objects: [{ objectId: 'car', schemaId: 't-car', 'bounding-box': { x: 150, y: 110, width: 100, height: 80 } }] };
  await element.settled();
  return element;
}

let observer: MutationObserver | undefined;

/** Every transform the canvas was given, with the view the element had at that moment (until the test ends). */
function recordTransforms(element: LkImage): { transform: string; view: ViewportState }[] {
  const seen: { transform: string; view: ViewportState }[] = [];
  const canvas = canvasOf(element);
  observer = new MutationObserver(() => seen.push({ transform: canvas.style.transform, view: { ...surfaceOf(element).view } }));
  observer.observe(canvas, { attributes: true, attributeFilter: ['style'] });
  return seen;
}

/** Whether the screen at an asset point shows the box's fill (red over grey), read from a screenshot. */
async function showsBoxFill(element: LkImage, x: number, y: number): Promise<boolean> {
  const [px, py] = pagePoint(element, x, y);
  const { data } = await pixels({ left: px, top: py, width: 1, height: 1 });
  return data[0]! > data[1]! + 20 && Math.abs(data[1]! - data[2]!) < 12;
}

/** `count` view changes, one an animation frame, zooming in about a point and panning. */
async function moveView(element: LkImage, count: number): Promise<ViewportState[]> {
  const surface = surfaceOf(element);
  const start = surface.view;
  const views: ViewportState[] = [];
  for (let i = 1; i <= count; i++) {
    const view = { scale: start.scale * (1 + i * 0.04), offsetX: start.offsetX - i * 6, offsetY: start.offsetY - i * 4 };
    surface.setView(view);
    views.push(view);
    await frames(1);
  }
  return views;
}

/** The view a `translate(…px, …px) scale(…)` shows when applied to a frame rendered at `from`. */
function composedView(transform: string, from: ViewportState): ViewportState {
  const match = /translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)/.exec(transform);
  if (!match) throw new Error(`not a composed transform: ${transform}`);
  const [tx, ty, ratio] = match.slice(1).map(Number) as [number, number, number];
  return { scale: from.scale * ratio, offsetX: from.offsetX * ratio + tx, offsetY: from.offsetY * ratio + ty };
}

describe('<lk-image> composed frames (Canvas2D renderer)', () => {
  afterEach(async () => {
    observer?.disconnect();
    observer = undefined;
    await resetMouse();
  });

  it('shows a moving view by transforming the last frame, exactly where the view puts it, and settles into a full render', async () => {
    const element = await mount('canvas');
    const rendered = { ...surfaceOf(element).view };
    const transforms = recordTransforms(element);
    const views = await moveView(element, 12);

    const composed = transforms.filter((t) => t.transform !== '');
    expect(composed.length, 'some frames of the motion were composed').to.be.greaterThan(0);
    // Each composed frame shows the view of its moment, moved from a view that was rendered before
    // (to a hundredth of a pixel: the style serialises six significant digits).
    const candidates = [rendered, ...views];
    const near = (a: ViewportState, b: ViewportState) =>
      Math.abs(a.scale / b.scale - 1) < 1e-5 && Math.abs(a.offsetX - b.offsetX) < 0.01 && Math.abs(a.offsetY - b.offsetY) < 0.01;
    for (const entry of composed) {
      expect(
        candidates.some((base) => near(composedView(entry.transform, base), entry.view)),
        `${entry.transform} shows ${JSON.stringify(entry.view)}`,
      ).to.equal(true);
    }

    // The view settles: a full render, the canvas back in place, the box where the last view puts it.
    await until(() => surfaceOf(element).viewSettled, 'the view settled');
    await frames(2);
    expect(canvasOf(element).style.transform).to.equal('');
    expect(surfaceOf(element).view).to.deep.equal(views.at(-1));
    expect(await showsBoxFill(element, 200, 150), 'the middle of the box').to.equal(true);
    expect(await showsBoxFill(element, 140, 150), 'left of the box').to.equal(false);
  });

  it('takes clicks and wheel turns where the view says while the canvas is moved, also over the stage it uncovers', async () => {
    const element = await mount('canvas');
    await until(() => surfaceOf(element).viewSettled, 'the view fitted at load settled');
    const canvas = canvasOf(element);
    // As a composed frame of a zoom-out leaves it: the canvas shrunk into the top-left corner.
    canvas.style.transformOrigin = '0 0';
    canvas.style.transform = 'scale(0.5)';

    await click(element, [200, 150]);
    expect(element.session.selection, 'the click selected the box under the view, not under the moved canvas').to.deep.equal(['car']);

    const stage = canvas.parentElement!.getBoundingClientRect();
    const corner: [number, number] = [stage.right - 10, stage.bottom - 10];
    expect(canvas.style.transform, 'the canvas is still moved').to.equal('scale(0.5)');
    expect(element.shadowRoot!.elementFromPoint(...corner), 'the corner is outside the moved canvas').to.not.equal(canvas);
    const before = surfaceOf(element).view.scale;
    await executeServerCommand('input:wheel', { x: corner[0], y: corner[1], deltaY: -100 });
    await frames(2);
    expect(surfaceOf(element).view.scale, 'a wheel turn where the shrunk canvas no longer reaches').to.be.greaterThan(before);
  });

  it('renders every frame on the WebGL renderer: nothing is composed', async () => {
    const element = await mount('webgl');
    const transforms = recordTransforms(element);
    await moveView(element, 8);
    expect(transforms.filter((t) => t.transform !== '')).to.deep.equal([]);
    await element.settled();
    expect(await showsBoxFill(element, 200, 150)).to.equal(true);
  });
});
