import { createImageAnnotator } from '@annotorious/annotorious';
import '@annotorious/annotorious/annotorious.css';
import { frameTimes, nextFrame, octagon, repeatedChanges, shapes, syntheticImage } from './common.js';

/** Selections and additions timed one after another (the first is cold). */
const REPEATS = 10;

let annotator: ReturnType<typeof createImageAnnotator>;
let stage: HTMLDivElement;
let content: HTMLDivElement;

function rectangle(s: { id: string; x: number; y: number; w: number; h: number }) {
  return {
    id: s.id,
    bodies: [],
    target: {
      annotation: s.id,
      selector: { type: 'RECTANGLE', geometry: { x: s.x, y: s.y, w: s.w, h: s.h, bounds: { minX: s.x, minY: s.y, maxX: s.x + s.w, maxY: s.y + s.h } } },
    },
  };
}

function polygon(s: { id: string; x: number; y: number; w: number; h: number }) {
  const points = octagon(s as never);
  return {
    id: s.id,
    bodies: [],
    target: {
      annotation: s.id,
      selector: { type: 'POLYGON', geometry: { points, bounds: { minX: s.x, minY: s.y, maxX: s.x + s.w, maxY: s.y + s.h } } },
    },
  };
}

/** How many shapes were loaded; the ids are s0 … s(count − 1). */
let count = 0;
/** The i-th shape to select: spread over the set. */
const pick = (i: number) => `s${(1 + i * 37) % count}`;

window.bench = {
  async load(params) {
    count = Number(params.count);
    const kind = params.kind === 'polygon' ? 'polygon' : 'box';
    const src = await syntheticImage();
    const start = performance.now();
    // Annotorious has no pan/zoom of its own: a CSS transform on a wrapper is what hosts do.
    stage = document.createElement('div');
    stage.style.cssText = 'width: 1280px; height: 720px; overflow: hidden; position: relative';
    content = document.createElement('div');
    content.style.cssText = 'transform-origin: 0 0; width: 4000px';
    const image = new Image();
    image.style.cssText = 'width: 4000px; display: block';
    const loaded = new Promise((resolve) => (image.onload = resolve));
    image.src = src;
    content.append(image);
    stage.append(content);
    document.body.append(stage);
    await loaded;
    annotator = createImageAnnotator(image);
    annotator.setAnnotations(shapes(count, kind).map(kind === 'box' ? rectangle : polygon) as never);
    content.style.transform = `scale(${1280 / 4000})`;
    await nextFrame();
    await nextFrame();
    return { loadMs: performance.now() - start, drawn: stage.querySelectorAll('rect, polygon').length };
  },
  async panZoom() {
    const base = 1280 / 4000;
    return frameTimes(60, (i) => {
      const zoom = base * (1 + 0.5 * Math.sin(i / 10));
      content.style.transform = `translate(${-i * 4}px, ${-i * 2}px) scale(${zoom})`;
    });
  },
  select: () => repeatedChanges(REPEATS, (i) => annotator.setSelected(pick(i))),
  addOne: () => repeatedChanges(REPEATS, (i) => annotator.addAnnotation(rectangle({ id: `new-${i}`, x: 10 + i * 60, y: 10, w: 50, h: 50 }) as never)),
  async exportAll() {
    const start = performance.now();
    const json = JSON.stringify(annotator.getAnnotations());
    return { exportMs: performance.now() - start, bytes: json.length };
  },
};
