import { createImageAnnotator, ShapeType, type ImageAnnotation, type ImageAnnotator, type Polygon, type Rectangle } from '@annotorious/annotorious';
import '@annotorious/annotorious/annotorious.css';
import { collectGarbage, frameTimes, longestTask, nextFrame, octagon, repeatedChanges, shapes, syntheticImage, type ShapeSpec } from './common.js';
import { denseRecord } from '../../test/generators/dense-record.js';

/** Selections and additions timed one after another (the first is cold). */
const REPEATS = 10;

let annotator: ImageAnnotator;

/** Where a shape sits: what both of Annotorious's shapes are made from. */
type Placement = Pick<ShapeSpec, 'id' | 'x' | 'y' | 'w' | 'h'>;
let stage: HTMLDivElement;
let content: HTMLDivElement;

/** An Annotorious annotation of `selector`, with no bodies. */
function annotation(id: string, selector: Rectangle | Polygon): ImageAnnotation {
  return { id, bodies: [], target: { annotation: id, selector } };
}

function rectangle(s: Placement): ImageAnnotation {
  const bounds = { minX: s.x, minY: s.y, maxX: s.x + s.w, maxY: s.y + s.h };
  return annotation(s.id, { type: ShapeType.RECTANGLE, geometry: { x: s.x, y: s.y, w: s.w, h: s.h, bounds } });
}

function polygon(s: Placement): ImageAnnotation {
  const bounds = { minX: s.x, minY: s.y, maxX: s.x + s.w, maxY: s.y + s.h };
  return annotation(s.id, { type: ShapeType.POLYGON, geometry: { points: octagon(s), bounds } });
}

/** How many shapes were loaded; the ids are s0 … s(count − 1) (d0 … for the dense record). */
let count = 0;
let prefix = 's';
/** The i-th shape to select: spread over the set. */
const pick = (i: number) => `${prefix}${(1 + i * 37) % count}`;

type DenseTool = { objectId: string; 'bounding-box'?: { x: number; y: number; width: number; height: number }; polygon?: [number, number][] };

/** The dense record's objects (test/generators/dense-record.ts) as Annotorious annotations: the same shapes labelkit loads. */
function denseAnnotations(): ImageAnnotation[] {
  const tools = (denseRecord(count).record as { task: { tools: DenseTool[] } }).task.tools;
  return tools.map((tool) => {
    const box = tool['bounding-box'];
    if (box) return rectangle({ id: tool.objectId, x: box.x, y: box.y, w: box.width, h: box.height });
    const points = tool.polygon!;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const bounds = { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
    return annotation(tool.objectId, { type: ShapeType.POLYGON, geometry: { points, bounds } });
  });
}

window.bench = {
  async load(params) {
    count = Number(params.count);
    const dense = params.kind === 'dense';
    if (dense) prefix = 'd';
    const kind = params.kind === 'polygon' ? 'polygon' : 'box';
    const annotations = dense ? denseAnnotations() : shapes(count, kind).map(kind === 'box' ? rectangle : polygon);
    const src = await syntheticImage();
    // What the page made before the timed load (the picture, the annotations) is not collected inside it: as on labelkit's page.
    collectGarbage();
    await nextFrame();
    const start = performance.now();
    let readyMs = 0;
    const { longestTask: loadLongest } = await longestTask(async () => {
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
      // `load` fires once the bytes are in, before the picture is decoded (Chromium decodes it
      // later, off the main thread, when it is first painted): labelkit's side includes its decode,
      // so this one waits for the decoded picture too.
      await image.decode();
      readyMs = performance.now() - start;
      annotator = createImageAnnotator(image);
      annotator.setAnnotations(annotations);
      content.style.transform = `scale(${1280 / 4000})`;
      await nextFrame();
      await nextFrame();
    });
    return { loadMs: performance.now() - start, readyMs, loadLongest, drawn: stage.querySelectorAll('rect, polygon').length };
  },
  async panZoom(params) {
    const base = 1280 / 4000;
    return frameTimes(Number(params.frames ?? 60), (i) => {
      const zoom = base * (1 + 0.5 * Math.sin(i / 10));
      content.style.transform = `translate(${-i * 4}px, ${-i * 2}px) scale(${zoom})`;
    });
  },
  select: (params) => repeatedChanges(Number(params.repeats ?? REPEATS), (i) => annotator.setSelected(pick(i))),
  addOne: (params) => repeatedChanges(Number(params.repeats ?? REPEATS), (i) => annotator.addAnnotation(rectangle({ id: `new-${i}`, x: 10 + i * 60, y: 10, w: 50, h: 50 }))),
  async exportAll() {
    await nextFrame();
    let exportMs = 0;
    let bytes = 0;
    const { longestTask: longest } = await longestTask(async () => {
      const start = performance.now();
      bytes = JSON.stringify(annotator.getAnnotations()).length;
      exportMs = performance.now() - start;
    });
    return { exportMs, bytes, longest };
  },
};
