/**
 * A script-like harness for the drawing tools: a fake `ToolContext` over a real labeling session.
 * hitTest, query and handleAt work by brute force over the store (what the surface does through
 * its R-tree), handle positions come from the surface's own `handlesFor`, and a fluent driver
 * reads like the gesture: `h.down(10, 10).move(60, 40).up()`.
 */
import { handlesFor } from '../../src/canvas/handles.js';
import { geometryBounds, hitTestGeometry } from '../../src/core/geometry.js';
import type { Box, BrushMask, Geometry, ObjectAnnotation, Point } from '../../src/core/model.js';
import { brushMaskKey } from '../../src/core/model.js';
import { geometryOnPlane } from '../../src/core/plane-geometry.js';
import { createLabelingSession, type LabelingSession, type PlaneModel } from '../../src/core/session.js';
import type { AnnotationStore } from '../../src/core/store.js';
import type { BrushDraft, Draft, Handle, Tool, ToolContext, ToolFactory, ToolPointer } from '../../src/tools/tool.js';

export interface HarnessOptions {
  planeModel?: PlaneModel;
  planeSize?: { width: number; height: number };
  /** Screen px per asset px. */
  scale?: number;
  brushSize?: number;
  planeCount?: number;
  /** Threshold painting: the pixels a brush may paint. */
  paintablePixels?: () => Uint8Array | undefined;
}

export interface PointerOptions {
  shift?: boolean;
  alt?: boolean;
  ctrl?: boolean;
  button?: number;
  pointerType?: ToolPointer['pointerType'];
  pressure?: number;
}

export type KeyName = 'finish' | 'cancel' | 'delete';

const AUDIT = { at: '2026-11-22T10:00:00.000Z', by: 'ann@example.com', in: 'Label' };

export class ToolHarness {
  readonly session: LabelingSession;
  readonly store: AnnotationStore;
  readonly context: ToolContext;
  tool: Tool | undefined;
  draft: Draft | undefined;
  brushDraft: BrushDraft | undefined;
  /** Every draft the tool set, in order (undefined = cleared). */
  readonly drafts: Array<Draft | undefined> = [];
  readonly brushDrafts: Array<BrushDraft | undefined> = [];
  cursor = '';
  scale: number;
  planeSize: { width: number; height: number };
  private nextId = 1;
  private last: Point = [0, 0];

  constructor(options: HarnessOptions = {}) {
    this.session = createLabelingSession({ planeModel: options.planeModel ?? 'single', audit: () => AUDIT });
    this.store = this.session.store;
    if (options.planeCount) this.session.setPlaneCount(options.planeCount);
    this.scale = options.scale ?? 1;
    this.planeSize = options.planeSize ?? { width: 400, height: 300 };
    const harness = this;
    let brushSize = options.brushSize ?? 10;
    this.context = {
      get session() {
        return harness.session;
      },
      get plane() {
        return harness.session.plane;
      },
      get planeSize() {
        return harness.planeSize;
      },
      get scale() {
        return harness.scale;
      },
      get brushSize() {
        return brushSize;
      },
      set brushSize(value: number) {
        brushSize = value;
      },
      ...(options.paintablePixels ? { paintablePixels: options.paintablePixels } : {}),
      newObjectId: () => `obj-${this.nextId++}`,
      hitTest: (point, tolerance) => this.hitTest(point, tolerance),
      query: (box) => this.query(box),
      handleAt: (point, tolerance) => this.handleAt(point, tolerance),
      geometryOf: (id) => this.geometryOf(id),
      setDraft: (draft) => {
        this.draft = draft;
        this.drafts.push(draft);
      },
      setBrushDraft: (draft) => {
        this.brushDraft = draft;
        this.brushDrafts.push(draft);
      },
      setCursor: (cursor) => {
        this.cursor = cursor;
      },
    };
  }

  /** Switches to a tool (disposing the previous one), like the surface does. */
  use(factory: ToolFactory | ((context: ToolContext) => Tool), schemaId = 'class-a'): this {
    this.tool?.dispose();
    this.tool = factory(this.context, schemaId);
    return this;
  }

  get state(): string {
    return this.activeTool.state;
  }

  get activeTool(): Tool {
    if (!this.tool) throw new Error('No tool: call use() first');
    return this.tool;
  }

  // ---- driver ----------------------------------------------------------------------------------

  pointer(x: number, y: number, o: PointerOptions = {}): ToolPointer {
    return {
      x,
      y,
      button: o.button ?? 0,
      shiftKey: o.shift ?? false,
      altKey: o.alt ?? false,
      ctrlKey: o.ctrl ?? false,
      pointerType: o.pointerType ?? 'mouse',
      pressure: o.pressure ?? 0.5,
    };
  }

  down(x: number, y: number, o: PointerOptions = {}): this {
    this.last = [x, y];
    this.activeTool.pointerDown(this.pointer(x, y, o));
    return this;
  }

  move(x: number, y: number, o: PointerOptions = {}): this {
    this.last = [x, y];
    this.activeTool.pointerMove(this.pointer(x, y, o));
    return this;
  }

  /** Releases where the pointer last was, or at `(x, y)`. */
  up(x?: number, y?: number, o: PointerOptions = {}): this {
    const [px, py] = x === undefined || y === undefined ? this.last : [x, y];
    this.last = [px, py];
    this.activeTool.pointerUp(this.pointer(px, py, o));
    return this;
  }

  click(x: number, y: number, o: PointerOptions = {}): this {
    return this.down(x, y, o).up(x, y, o);
  }

  rightClick(x: number, y: number): this {
    return this.click(x, y, { button: 2 });
  }

  /** What a browser sends for a double click: two clicks, then `dblclick`. */
  dblclick(x: number, y: number, o: PointerOptions = {}): this {
    this.click(x, y, o).click(x, y, o);
    this.activeTool.doubleClick?.(this.pointer(x, y, o));
    return this;
  }

  /** Press, move in `steps` moves to the end, release there. */
  drag(from: Point, to: Point, o: PointerOptions = {}, steps = 4): this {
    this.down(from[0], from[1], o);
    for (let i = 1; i <= steps; i++) {
      this.move(from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps, o);
    }
    return this.up(to[0], to[1], o);
  }

  /** Polyline of clicks. */
  clicks(points: Point[], o: PointerOptions = {}): this {
    for (const [x, y] of points) this.click(x, y, o);
    return this;
  }

  key(name: KeyName): boolean {
    const tool = this.activeTool;
    if (name === 'finish') return tool.finish();
    if (name === 'cancel') return tool.cancel();
    return tool.deleteKey?.() ?? false;
  }

  nudge(dx: number, dy: number): boolean {
    return this.activeTool.nudge?.(dx, dy) ?? false;
  }

  // ---- store helpers ---------------------------------------------------------------------------

  /** Seeds an object as the host would (origin 'api': not undoable). */
  add(geometry: Geometry, o: { id?: string; schemaId?: string; lock?: boolean; frame?: number } = {}): string {
    const objectId = o.id ?? `seed-${this.nextId++}`;
    const object: ObjectAnnotation = {
      objectId,
      schemaId: o.schemaId ?? 'class-a',
      keyframes: [{ frame: o.frame ?? 0, geometry }],
      classifications: [],
      metadata: { createdAt: AUDIT.at, createdBy: 'host', createdIn: 'Label' },
      ...(o.lock ? { lock: true } : {}),
    };
    this.store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putObject(object));
    return objectId;
  }

  addMask(schemaId: string, paint: (x: number, y: number) => boolean, page = 0): void {
    const { width, height } = this.planeSize;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (paint(x, y)) data[y * width + x] = 1;
    const mask: BrushMask = { key: brushMaskKey(page, schemaId), page, schemaId, width, height, data };
    this.store.transact({ origin: 'api', reason: 'import' }, (tx) => tx.putMask(mask));
  }

  mask(schemaId: string, page = 0): BrushMask | undefined {
    return this.store.state.masks.get(brushMaskKey(page, schemaId));
  }

  object(id: string): ObjectAnnotation {
    const object = this.store.state.objects.get(id);
    if (!object) throw new Error(`no object ${id}`);
    return object;
  }

  /** The first keyframe's geometry (the only one off video). */
  geometry(id: string): Geometry | undefined {
    return this.store.state.objects.get(id)?.keyframes[0]?.geometry;
  }

  get objectIds(): string[] {
    return [...this.store.state.objects.keys()];
  }

  /** The one object in the store (fails otherwise). */
  get only(): ObjectAnnotation {
    const objects = [...this.store.state.objects.values()];
    if (objects.length !== 1) throw new Error(`expected one object, found ${objects.length}`);
    return objects[0]!;
  }

  /** How many undo steps the history holds (undoes them all and redoes them back). */
  undoSteps(): number {
    let steps = 0;
    while (this.store.canUndo() && this.store.undo()) steps++;
    for (let i = 0; i < steps; i++) this.store.redo();
    return steps;
  }

  // ---- brute-force spatial queries -------------------------------------------------------------

  geometryOf(id: string): Geometry | undefined {
    const object = this.store.state.objects.get(id);
    return object && geometryOnPlane(object, this.session.plane, this.session.planeModel);
  }

  hitTest(point: Point, tolerance: number): string | undefined {
    const t = tolerance / this.scale;
    let best: { id: string; score: number } | undefined;
    for (const id of this.store.state.objects.keys()) {
      if (this.session.hidden.has(id)) continue;
      const geometry = this.geometryOf(id);
      const score = geometry && hitTestGeometry(geometry, point, t);
      // Later objects are drawn on top: they win ties.
      if (score !== undefined && (!best || score <= best.score)) best = { id, score };
    }
    return best?.id;
  }

  query(box: Box): string[] {
    const ids: string[] = [];
    for (const id of this.store.state.objects.keys()) {
      if (this.session.hidden.has(id)) continue;
      const geometry = this.geometryOf(id);
      if (!geometry) continue;
      const b = geometryBounds(geometry);
      if (b.x <= box.x + box.width && box.x <= b.x + b.width && b.y <= box.y + box.height && box.y <= b.y + b.height) ids.push(id);
    }
    return ids;
  }

  handles(): Handle[] {
    if (!this.session.canEdit) return [];
    const handles: Handle[] = [];
    for (const id of this.session.selection) {
      const object = this.store.state.objects.get(id);
      const geometry = this.geometryOf(id);
      if (!object || object.lock || this.session.hidden.has(id) || !geometry) continue;
      handles.push(...handlesFor(id, geometry, this.scale));
    }
    return handles;
  }

  handleAt(point: Point, tolerance: number): Handle | undefined {
    const t = tolerance / this.scale;
    let best: { handle: Handle; distance: number } | undefined;
    for (const handle of this.handles()) {
      const distance = Math.hypot(handle.position[0] - point[0], handle.position[1] - point[1]);
      if (distance <= t && (!best || distance < best.distance)) best = { handle, distance };
    }
    return best?.handle;
  }

  /** Where a handle of `objectId` is (fails when there is none of that kind). */
  handlePosition(objectId: string, match: (handle: Handle['handle']) => boolean): Point {
    const handle = this.handles().find((h) => h.objectId === objectId && match(h.handle));
    if (!handle) throw new Error(`no such handle on ${objectId}`);
    return handle.position;
  }
}

export function createHarness(options: HarnessOptions = {}): ToolHarness {
  return new ToolHarness(options);
}
