/**
 * `<lk-assist-layer>`: assisted labeling over a 2D element's stage, loaded (with `import()`) only
 * once a host sets `assist`. A bar with Detect, Smart segment and (video) Track; the detector's
 * suggestions as dashed outlines with a score chip each, a score threshold slider, Accept all; the
 * smart segment tool's prompt points and box. Every host call is awaited off the input path: the
 * UI never waits on the model, and a failure is `lk-error` `assist-failed` with nothing lost.
 */
import { css, html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { geometryBounds } from '../core/geometry.js';
import { upsertKeyframe } from '../core/interpolation.js';
import type { Geometry, ObjectAnnotation, Point } from '../core/model.js';
import type { Ontology } from '../core/ontology.js';
import type { Problem } from '../core/problem.js';
import { geometryOnPlane, newObject } from '../core/plane-geometry.js';
import { traceGeometry } from '../canvas/shape-outline.js';
import type { ViewportState } from '../canvas/viewport.js';
import { canDefine } from '../elements/base/define-element.js';
import type { KeyAction } from '../elements/base/keymap.js';
import { styleProperties } from '../elements/base/style-properties.js';
import { allFormatCodecs } from '../format/all-codecs.js';
import { exportGeometry } from '../format/export.js';
import type { AssistBridge, AssistLayerElement, AssistStage } from './assist-bridge.js';
import { readAssistShape, readAssistShapesInSlices, readSegmentResult } from './assist-shapes.js';
import { yieldToMain } from '../scheduling/yield-to-main.js';
import { createSmartSegmentTool, type SmartSegmentPrompt } from './smart-segment-tool.js';
import { SuggestionList, type Suggestion } from './suggestion-list.js';
import type { AssistTrackObject, LabelkitAssist } from './types.js';

/** Quiet time before a smart segment prompt goes to the model. */
export const SEGMENT_DEBOUNCE_MS = 150;
/** Where accepted shapes say they were made (`metadata.createdIn`). */
export const ASSIST_ORIGIN = 'Assist';
const DEFAULT_TRACK_FRAMES = 10;
/** Score chips shown at most (the best visible suggestions); Enter and Accept all reach the others. */
const MAX_CHIPS = 100;
/** Chips added a task after a detect: building a hundred buttons at once is a long task of its own. */
const CHIPS_A_TASK = 25;

/** A host's answer that labelkit could not read: its problems go out with the `lk-error`. */
class UnreadableAnswer extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** The slider's own keys (arrows, Home, End, Page Up/Down) move it, never the selection (the element's nudge keys). */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const keepSliderKeys = (event: KeyboardEvent) => {
  if (SLIDER_KEYS.has(event.key)) event.stopPropagation();
};
const isScore = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const aborted = () => new DOMException('Superseded', 'AbortError');
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The ontology as answers are read with it: the classes of `tools` (`<lk-pdf>`'s `pdf`) take a
 * bounding box (detections) or a polygon (a segment answer, whose bounds are then taken).
 */
function readableAs(ontology: Ontology, tools: readonly string[] | undefined, as: 'bounding-box' | 'polygon'): Ontology {
  if (!tools || !ontology.tools.some((t) => tools.includes(t.tool))) return ontology;
  return { ...ontology, tools: ontology.tools.map((t) => (tools.includes(t.tool) ? { ...t, tool: as } : t)) };
}

/** What the smart segment tool makes for a class: its polygon or segmentation, or (a box class) the answer's bounding box. */
type SegmentKind = 'polygon' | 'segmentation' | 'box';

/** An SVG path (`d`) of a geometry in stage pixels. */
function screenPath(geometry: Geometry, view: ViewportState): string {
  const parts: string[] = [];
  const at = ([x, y]: readonly [number, number] | Point) => `${(x * view.scale + view.offsetX).toFixed(1)} ${(y * view.scale + view.offsetY).toFixed(1)}`;
  const ring = (points: readonly Point[], close: boolean) => {
    if (points.length === 0) return;
    parts.push(`M${points.map(at).join('L')}${close ? 'Z' : ''}`);
  };
  traceGeometry(geometry, {
    area: (outer, holes) => {
      ring(outer, true);
      holes.forEach((hole) => ring(hole, true));
    },
    rect: (x, y, width, height) => ring([[x, y], [x + width, y], [x + width, y + height], [x, y + height]], true),
    line: (points) => ring(points, false),
    marker: (x, y) => {
      const r = 5 / view.scale;
      ring([[x - r, y], [x, y - r], [x + r, y], [x, y + r]], true);
    },
    controlPoint: () => undefined,
  });
  return parts.join('');
}

/**
 * @summary Assisted labeling controls and suggestions over a 2D element's stage (internal).
 * @csspart assist-bar - The bar with Detect, Smart segment, Track and the score threshold.
 * @csspart suggestion - A suggestion's score chip (click to accept).
 */
export class LkAssistLayer extends LitElement implements AssistLayerElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0 0 var(--lk-video-controls-height, 0px) 0;
      pointer-events: none;
      overflow: hidden;
      font: 12px/1.3 system-ui, sans-serif;
    }
    .bar {
      position: absolute;
      top: 8px;
      left: 50%;
      transform: translateX(-50%);
      display: flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
      max-width: calc(100% - 120px);
      padding: 4px 6px;
      border-radius: 6px;
      background: rgba(0, 0, 0, 0.72);
      color: #fff;
      pointer-events: auto;
    }
    button {
      font: inherit;
      padding: 2px 8px;
      border-radius: 4px;
      border: 1px solid rgba(255, 255, 255, 0.5);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #fff;
      color: #111;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--lk-focus-color, #0969da);
      outline-offset: 1px;
    }
    input[type='number'] {
      width: 4em;
      font: inherit;
    }
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .suggestion {
      fill: rgba(255, 235, 59, 0.08);
      stroke: #ffeb3b;
      stroke-width: 2;
      stroke-dasharray: 6 4;
      fill-rule: evenodd;
    }
    .suggestion.current {
      stroke-width: 3;
      fill: rgba(255, 235, 59, 0.18);
    }
    .prompt-box {
      fill: none;
      stroke: #4fc3f7;
      stroke-width: 1.5;
      stroke-dasharray: 4 3;
    }
    .point {
      stroke: #fff;
      stroke-width: 1.5;
    }
    .point.positive {
      fill: #2e7d32;
    }
    .point.negative {
      fill: #c62828;
    }
    .chip {
      position: absolute;
      transform: translateY(-100%);
      padding: 1px 6px;
      border: none;
      border-radius: 3px;
      background: #ffeb3b;
      color: #111;
      white-space: nowrap;
      pointer-events: auto;
    }
    .chip.current {
      outline: 2px solid #fff;
    }
  `;

  /** Set by the element that shows the layer. */
  @property({ attribute: false }) bridge: AssistBridge | undefined;

  /** The element's `assist` (a new hook object redraws the bar). */
  @property({ attribute: false }) assist: LabelkitAssist | undefined;

  @state() private detecting = false;
  @state() private smartSegment = false;
  @state() private prompt: SmartSegmentPrompt = { points: [] };
  @state() private waiting = false;
  @state() private tracking = false;
  @state() private trackFrames = DEFAULT_TRACK_FRAMES;
  @state() private message = '';

  private readonly suggestions = new SuggestionList();
  private detectAbort: AbortController | undefined;
  private trackAbort: AbortController | undefined;
  private unsubscribe: (() => void) | undefined;
  private observedSurface: AssistStage | undefined;
  private shownPlane = 0;
  private suggestionCounter = 0;
  /** Chips drawn now (fewer than MAX_CHIPS while a detect's answer is still being drawn). */
  private chipLimit = MAX_CHIPS;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detectAbort?.abort();
    this.trackAbort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.setSmartSegment(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bridge')) this.listen();
    // The smart segment tool needs a model that segments: a host that takes `segment` away turns it off.
    if (this.smartSegment && !this.assist?.segment) this.setSmartSegment(false);
  }

  protected override updated(): void {
    const surface = this.bridge?.surface();
    if (surface && surface !== this.observedSurface) {
      this.observedSurface = surface;
      this.bridge!.observeView(surface, () => this.requestUpdate());
      if (this.smartSegment) this.installTool(surface);
    }
  }

  /** Follows the session: selection and tool for the bar, planes for the suggestions. */
  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.bridge?.session.subscribe((topic) => {
      if (topic === 'plane' && this.bridge && this.bridge.session.plane !== this.shownPlane) this.leavePlane();
      this.requestUpdate();
    });
    this.shownPlane = this.bridge?.session.plane ?? 0;
  }

  /** The suggestions shown now (tests and hosts read them through the element's `assistSuggestions`). */
  get visibleSuggestions(): readonly Suggestion[] {
    return this.suggestions.visible;
  }

  // ---- keyboard ---------------------------------------------------------------------------------

  handleKeyAction(action: KeyAction): boolean {
    const bridge = this.bridge;
    if (!bridge) return false;
    const tool = bridge.surface()?.activeTool;
    if (action === 'finish') {
      // A shape being drawn (the smart segment draft too) is finished first.
      if (tool?.finish()) return true;
      const current = this.suggestions.current;
      if (!current) return false;
      this.accept([current]);
      return true;
    }
    if (action === 'delete') {
      if (tool?.deleteKey?.()) return true;
      const current = this.suggestions.current;
      // With a selection Delete deletes it, as always; suggestions take it when nothing is selected.
      if (!current || bridge.session.selection.length > 0) return false;
      this.reject(current);
      return true;
    }
    return false;
  }

  // ---- detect -----------------------------------------------------------------------------------

  /** Asks the model for suggestions on the plane shown (the Detect button). */
  async detect(): Promise<void> {
    const bridge = this.bridge;
    const detect = this.assist?.detect;
    if (!bridge || !detect) return;
    this.detectAbort?.abort();
    const abort = new AbortController();
    this.detectAbort = abort;
    const page = bridge.session.plane;
    this.detecting = true;
    this.message = 'Detecting…';
    try {
      const image = await bridge.picture();
      if (!image) throw new UnreadableAnswer('The picture is not loaded yet.', []);
      const answer: unknown = await detect.call(this.assist, { assetId: bridge.assetId(), page, image, ...this.requestExtras(image), signal: abort.signal });
      if (abort.signal.aborted) return;
      const read = await this.readPredictions(answer, abort.signal);
      if (!read || abort.signal.aborted) return;
      // The outlines and chips are drawn in a task of their own, after the reading's last slice.
      await yieldToMain();
      if (abort.signal.aborted) return;
      this.show(read);
      await this.revealChips(abort.signal);
    } catch (error) {
      if (!abort.signal.aborted && !isAbort(error)) this.fail('detect', error);
    } finally {
      if (this.detectAbort === abort) {
        this.detectAbort = undefined;
        this.detecting = false;
      }
    }
  }

  /** The answer's predictions, read in slices (undefined when the call was superseded meanwhile). */
  private async readPredictions(answer: unknown, signal: AbortSignal): Promise<Suggestion[] | undefined> {
    const bridge = this.bridge!;
    const ontology = bridge.session.ontology;
    if (!Array.isArray(answer)) throw new UnreadableAnswer('detect() must answer an array of predictions.', []);
    if (!ontology) throw new UnreadableAnswer('There is no ontology to read the predictions with.', []);
    const problems: Problem[] = [];
    const read: Suggestion[] = [];
    const entries = answer.map((prediction: unknown) => (typeof prediction === 'object' && prediction !== null ? prediction : {}) as Record<string, unknown>);
    const scored = entries.filter((entry) => isScore(entry.score));
    const shapes = await readAssistShapesInSlices(readableAs(ontology, bridge.boxClasses?.tools, 'bounding-box'), scored, () => bridge.newObjectId(), signal);
    if (!shapes) return undefined;
    let next = 0;
    entries.forEach((entry, i) => {
      const score = entry.score;
      if (!isScore(score)) {
        problems.push({ code: 'wrong-type', path: `$[${i}].score`, message: '"score" must be a number from 0 to 1.' });
        return;
      }
      const shape = shapes[next++]!;
      if (!shape.ok) {
        problems.push(...shape.problems.map((p) => ({ ...p, path: `$[${i}]${(p.path ?? '$').replace(/^\$(\.objects\[0\])?/, '')}` })));
        return;
      }
      read.push({ ...shape.value, score, id: `s${++this.suggestionCounter}` });
    });
    if (problems.length > 0) {
      this.fail('detect', new UnreadableAnswer(`${problems.length} of ${answer.length} predictions could not be read and are not shown.`, problems));
    }
    return read;
  }

  /** The outlines first, then the chips a few at a time, each step in a task of its own. */
  private async revealChips(signal: AbortSignal): Promise<void> {
    while (this.chipLimit < MAX_CHIPS) {
      await this.updateComplete;
      await yieldToMain();
      if (signal.aborted) break;
      this.chipLimit = Math.min(MAX_CHIPS, this.chipLimit + CHIPS_A_TASK);
      this.requestUpdate();
    }
    this.chipLimit = MAX_CHIPS;
    this.requestUpdate();
    await this.updateComplete;
  }

  private show(suggestions: Suggestion[]): void {
    this.chipLimit = 0;
    this.suggestions.set(suggestions);
    this.message = `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}`;
    this.requestUpdate();
  }

  /** Makes suggestions objects: one undo step for all of them. */
  accept(suggestions: readonly Suggestion[]): void {
    const bridge = this.bridge;
    if (!bridge || suggestions.length === 0 || !bridge.session.canEdit) return;
    const { session } = bridge;
    const plane = session.plane;
    const objects = suggestions.map((s) => ({
      ...newObject(bridge.newObjectId(), s.schemaId, plane, this.planeGeometry(s.schemaId, s.geometry), session.planeModel),
      classifications: s.classifications,
    }));
    const change = bridge.writeAs(this.origin(), () =>
      session.store.transact({ origin: 'user', reason: 'create' }, (tx) => objects.forEach((object) => tx.putObject(object))),
    );
    if (!change) return;
    this.suggestions.remove(suggestions.map((s) => s.id));
    this.message = `${this.suggestions.all.length} suggestion${this.suggestions.all.length === 1 ? '' : 's'} left`;
    this.requestUpdate();
  }

  /** A shape as an object of its class takes it: a box for a `pdf` class becomes its area selection. */
  private planeGeometry(schemaId: string, geometry: Geometry): Geometry {
    const boxClasses = this.bridge?.boxClasses;
    const tool = this.bridge?.session.ontology?.tools.find((t) => t.schemaId === schemaId)?.tool;
    return boxClasses && tool && boxClasses.tools.includes(tool) ? boxClasses.toGeometry(schemaId, geometry, this.bridge!.session.plane) : geometry;
  }

  /** `imageScale` (1 unless the element says otherwise) and what else the element adds to a request. */
  private requestExtras(image: ImageBitmap): { imageScale: number; pageNumber?: number } {
    return { imageScale: 1, ...this.bridge?.requestExtras?.(image) };
  }

  reject(suggestion: Suggestion): void {
    this.suggestions.remove([suggestion.id]);
    this.requestUpdate();
  }

  private clearSuggestions(): void {
    this.suggestions.clear();
    this.message = '';
    this.requestUpdate();
  }

  /** Another frame or slice: suggestions and prompts belong to the plane they were made on. */
  private leavePlane(): void {
    this.shownPlane = this.bridge?.session.plane ?? 0;
    this.detectAbort?.abort();
    this.detectAbort = undefined;
    this.detecting = false;
    if (this.suggestions.all.length) this.clearSuggestions();
    // Prompts belong to the plane too (other tools keep what they were drawing).
    const tool = this.bridge?.surface()?.activeTool;
    if (tool?.state.startsWith('smart-segment')) tool.cancel();
  }

  private origin(): { in: string; model?: string } {
    const name = this.assist?.name;
    return typeof name === 'string' && name !== '' ? { in: ASSIST_ORIGIN, model: name } : { in: ASSIST_ORIGIN };
  }

  // ---- smart segment ------------------------------------------------------------------------------

  private segmentKind(tool: string): SegmentKind | undefined {
    if (tool === 'polygon' || tool === 'segmentation') return tool;
    return this.bridge?.boxClasses?.tools.includes(tool) ? 'box' : undefined;
  }

  /** The active class when the tool can make its shape (a box class too), else the first polygon or segmentation class. */
  private segmentClass(): { schemaId: string; kind: SegmentKind } | undefined {
    const session = this.bridge?.session;
    const tools = session?.ontology?.tools ?? [];
    const active = tools.find((t) => t.schemaId === session?.activeSchemaId);
    const activeKind = active && this.segmentKind(active.tool);
    if (active && activeKind) return { schemaId: active.schemaId, kind: activeKind };
    const first = tools.find((t) => t.tool === 'polygon' || t.tool === 'segmentation');
    return first ? { schemaId: first.schemaId, kind: first.tool as SegmentKind } : undefined;
  }

  /** Turns the smart segment tool on (for the active polygon or segmentation class, else the first one) or off. */
  setSmartSegment(on: boolean): void {
    const bridge = this.bridge;
    const target = on ? this.segmentClass() : undefined;
    this.smartSegment = on && target !== undefined && this.assist?.segment !== undefined;
    const surface = bridge?.surface();
    if (!surface) return;
    if (!this.smartSegment) {
      if (surface.toolOverride) {
        surface.toolOverride = undefined;
        surface.reloadTool();
      }
      this.prompt = { points: [] };
      return;
    }
    this.installTool(surface);
    if (bridge!.session.activeSchemaId !== target!.schemaId) bridge!.session.setActiveSchema(target!.schemaId);
  }

  private installTool(surface: AssistStage): void {
    surface.toolOverride = (context, schemaId, tool) => {
      const kind = this.segmentKind(tool);
      if (!kind) return undefined;
      return createSmartSegmentTool(context, schemaId, {
        debounceMs: SEGMENT_DEBOUNCE_MS,
        segment: (prompt, signal) => this.segment(schemaId, kind, prompt, signal),
        accept: (geometry) => this.acceptSegment(schemaId, geometry),
        failed: (error) => this.fail('segment', error),
        changed: (prompt, waiting) => {
          this.prompt = prompt;
          this.waiting = waiting;
        },
      });
    };
    surface.reloadTool();
  }

  private async segment(schemaId: string, kind: SegmentKind, prompt: SmartSegmentPrompt, signal: AbortSignal): Promise<Geometry> {
    const bridge = this.bridge;
    const segment = this.assist?.segment;
    const ontology = bridge?.session.ontology;
    if (!bridge || !segment || !ontology) throw new UnreadableAnswer('No model segments here.', []);
    const image = await bridge.picture();
    if (!image) throw new UnreadableAnswer('The picture is not loaded yet.', []);
    if (signal.aborted) throw aborted();
    // Read before the call: a host may transfer the bitmap to a worker, which empties it here.
    const size = { width: image.width, height: image.height };
    const extras = this.requestExtras(image);
    const answer: unknown = await segment.call(this.assist, {
      assetId: bridge.assetId(),
      page: bridge.session.plane,
      image,
      ...extras,
      points: prompt.points.map((p) => ({ ...p })),
      ...(prompt.box ? { box: { ...prompt.box } } : {}),
      schemaId,
      signal,
    });
    if (signal.aborted) throw aborted();
    const box = kind === 'box';
    const readWith = box ? readableAs(ontology, bridge.boxClasses?.tools, 'polygon') : ontology;
    const read = readSegmentResult(readWith, schemaId, box ? 'polygon' : kind, answer, size, () => bridge.newObjectId(), extras.imageScale);
    if (!read.ok) throw new UnreadableAnswer('The shape segment() answered could not be read.', read.problems);
    // A box class (a `pdf` area) takes the answer's bounding box: the draft shows what Enter writes.
    return box ? { type: 'bounding-box', value: geometryBounds(read.value.geometry) } : read.value.geometry;
  }

  private acceptSegment(schemaId: string, geometry: Geometry): void {
    const bridge = this.bridge;
    if (!bridge || !bridge.session.canEdit) return;
    const { session } = bridge;
    const objectId = bridge.newObjectId();
    const change = bridge.writeAs(this.origin(), () =>
      session.store.transact({ origin: 'user', reason: 'create' }, (tx) =>
        tx.putObject(newObject(objectId, schemaId, session.plane, this.planeGeometry(schemaId, geometry), session.planeModel)),
      ),
    );
    if (change) session.select([objectId]);
  }

  // ---- track (video) ------------------------------------------------------------------------------

  /** Asks the model where the selected objects are on the next `trackFrames` frames; its answers become keyframes (one undo step). */
  async track(): Promise<void> {
    const bridge = this.bridge;
    const track = this.assist?.track;
    const frameTotal = bridge?.frameTotal();
    const ontology = bridge?.session.ontology;
    if (!bridge || !track || frameTotal === undefined || !ontology || !bridge.session.canEdit) return;
    const { session } = bridge;
    const from = session.plane;
    const to = Math.min(frameTotal - 1, from + Math.max(1, Math.floor(this.trackFrames)));
    const objects: AssistTrackObject[] = [];
    for (const id of session.selection) {
      const object = session.store.state.objects.get(id);
      const geometry = object && !object.lock ? geometryOnPlane(object, from, session.planeModel) : undefined;
      if (!object || !geometry) continue;
      const title = ontology.tools.find((t) => t.schemaId === object.schemaId)?.title ?? object.schemaId;
      objects.push({ objectId: id, schemaId: object.schemaId, title, geometry: exportGeometry(geometry, allFormatCodecs) as AssistTrackObject['geometry'] });
    }
    if (objects.length === 0 || to <= from) return;
    this.trackAbort?.abort();
    const abort = new AbortController();
    this.trackAbort = abort;
    this.tracking = true;
    this.message = 'Tracking…';
    try {
      const image = await bridge.picture();
      if (!image) throw new UnreadableAnswer('The picture is not loaded yet.', []);
      const answer: unknown = await track.call(this.assist, { assetId: bridge.assetId(), from, to, objects, image, signal: abort.signal });
      if (abort.signal.aborted) return;
      const count = this.writeTracked(answer, new Set(objects.map((o) => o.objectId)), from, to);
      this.message = `${count} keyframe${count === 1 ? '' : 's'} added`;
    } catch (error) {
      if (!abort.signal.aborted && !isAbort(error)) this.fail('track', error);
    } finally {
      if (this.trackAbort === abort) {
        this.trackAbort = undefined;
        this.tracking = false;
      }
    }
  }

  private writeTracked(answer: unknown, asked: ReadonlySet<string>, from: number, to: number): number {
    const bridge = this.bridge!;
    const { session } = bridge;
    const ontology = session.ontology!;
    if (!Array.isArray(answer)) throw new UnreadableAnswer('track() must answer an array of { objectId, page, geometry }.', []);
    const problems: Problem[] = [];
    const updated = new Map<string, ObjectAnnotation>();
    let count = 0;
    answer.forEach((entry: unknown, i) => {
      const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const objectId = record.objectId;
      const page = record.page;
      const object = typeof objectId === 'string' && asked.has(objectId) ? (updated.get(objectId) ?? session.store.state.objects.get(objectId)) : undefined;
      if (!object) return void problems.push({ code: 'unknown-object', path: `$[${i}].objectId`, message: 'Not one of the objects asked for.' });
      if (typeof page !== 'number' || !Number.isInteger(page) || page <= from || page > to) {
        return void problems.push({ code: 'wrong-type', path: `$[${i}].page`, message: `"page" must be a frame from ${from + 1} to ${to}.` });
      }
      const shape = readAssistShape(ontology, { schemaId: object.schemaId, geometry: record.geometry }, () => bridge.newObjectId());
      if (!shape.ok) return void problems.push(...shape.problems.map((p) => ({ ...p, path: `$[${i}]${(p.path ?? '$').replace(/^\$(\.objects\[0\])?/, '')}` })));
      updated.set(object.objectId, { ...object, keyframes: upsertKeyframe(object.keyframes, { frame: page, geometry: shape.value.geometry }) });
      count++;
    });
    if (updated.size > 0) {
      bridge.writeAs(this.origin(), () => session.store.transact({ origin: 'user', reason: 'update' }, (tx) => updated.forEach((object) => tx.putObject(object))));
    }
    if (problems.length > 0) this.fail('track', new UnreadableAnswer(`${problems.length} tracked shapes could not be read and were left out.`, problems));
    return count;
  }

  // ---- failures -----------------------------------------------------------------------------------

  private fail(call: 'detect' | 'segment' | 'track', error: unknown): void {
    const why = error instanceof UnreadableAnswer ? ` ${error.message}` : '';
    const problems = error instanceof UnreadableAnswer && error.problems.length ? error.problems : undefined;
    this.message = `The model could not ${call}.`;
    this.bridge?.reportError({
      code: 'assist-failed',
      message: `assist.${call}() failed; nothing was changed.${why}`,
      cause: {
        ...(problems ? { problems: problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) } : {}),
        ...(!(error instanceof UnreadableAnswer) ? { name: error instanceof Error ? error.name : typeof error } : {}),
      },
    });
  }

  // ---- rendering ------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const bridge = this.bridge;
    const assist = this.assist;
    if (!bridge || !assist) return nothing;
    const view = bridge.surface()?.view;
    const canEdit = bridge.session.canEdit;
    const all = this.suggestions.all;
    const visible = this.suggestions.visible;
    const current = this.suggestions.current;
    const frameTotal = bridge.frameTotal();
    return html`
      ${view ? this.renderOverlay(view, visible, current) : nothing}
      ${view ? this.renderChips(view, visible, current) : nothing}
      <div class="bar" part="assist-bar" role="toolbar" aria-label="Assisted labeling">
        ${assist.detect
          ? html`<button type="button" class="detect" ?disabled=${!canEdit || this.detecting} @click=${() => void this.detect()}>Detect</button>`
          : nothing}
        ${assist.segment
          ? html`<button
              type="button"
              class="smart-segment"
              aria-pressed=${this.smartSegment ? 'true' : 'false'}
              ?disabled=${!canEdit || !this.segmentClass()}
              title="Click the object, Alt+click beside it, or drag a box; Enter accepts, Esc cancels"
              @click=${() => this.setSmartSegment(!this.smartSegment)}
            >
              Smart segment
            </button>`
          : nothing}
        ${assist.track && frameTotal !== undefined
          ? html`<label
                >Frames
                <input
                  type="number"
                  class="track-frames"
                  min="1"
                  max=${Math.max(1, frameTotal - 1)}
                  .value=${String(this.trackFrames)}
                  @change=${(event: Event) => (this.trackFrames = Math.max(1, Number((event.target as HTMLInputElement).value) || 1))}
              /></label>
              <button
                type="button"
                class="track"
                ?disabled=${!canEdit || this.tracking || bridge.session.selection.length === 0}
                title="Propagate the selected objects to the next frames as keyframes"
                @click=${() => void this.track()}
              >
                Track
              </button>`
          : nothing}
        ${all.length
          ? html`<label
                >Score ≥
                <input
                  type="range"
                  class="threshold"
                  min="0"
                  max="1"
                  step="0.05"
                  aria-valuetext=${this.suggestions.threshold.toFixed(2)}
                  .value=${String(this.suggestions.threshold)}
                  @input=${(event: Event) => {
                    this.suggestions.threshold = Number((event.target as HTMLInputElement).value);
                    this.requestUpdate();
                  }}
                  @keydown=${keepSliderKeys}
                />
                <output>${this.suggestions.threshold.toFixed(2)}</output></label
              >
              <button type="button" class="accept-all" ?disabled=${!canEdit || visible.length === 0} @click=${() => this.accept(visible)}>
                Accept all (${visible.length})
              </button>
              <button type="button" class="clear" @click=${() => this.clearSuggestions()}>Clear</button>`
          : nothing}
        <span class="message" role="status">${this.smartSegment && this.waiting ? 'Segmenting…' : this.message}</span>
      </div>
    `;
  }

  private renderOverlay(view: ViewportState, visible: readonly Suggestion[], current: Suggestion | undefined): TemplateResult {
    const at = (x: number, y: number) => [x * view.scale + view.offsetX, y * view.scale + view.offsetY] as const;
    const box = this.smartSegment ? this.prompt.box : undefined;
    const boxAt = box ? at(box.x, box.y) : undefined;
    // One path for all the others: a detector's hundreds of outlines are one element to lay out.
    const others = visible.filter((s) => s !== current);
    return html`<svg aria-hidden="true">
      ${guard([this.suggestions.all, this.suggestions.threshold, current, view.scale, view.offsetX, view.offsetY], () =>
        others.length ? svg`<path class="suggestion" d=${others.map((s) => screenPath(s.geometry, view)).join('')}></path>` : nothing,
      )}
      ${current ? svg`<path class="suggestion current" data-suggestion=${current.id} d=${screenPath(current.geometry, view)}></path>` : nothing}
      ${box && boxAt ? svg`<rect class="prompt-box" x=${boxAt[0]} y=${boxAt[1]} width=${box.width * view.scale} height=${box.height * view.scale}></rect>` : nothing}
      ${this.smartSegment
        ? this.prompt.points.map((p) => {
            const [x, y] = at(p.x, p.y);
            return svg`<circle class="point ${p.positive ? 'positive' : 'negative'}" cx=${x} cy=${y} r="5"></circle>`;
          })
        : nothing}
    </svg>`;
  }

  private renderChips(view: ViewportState, visible: readonly Suggestion[], current: Suggestion | undefined): TemplateResult {
    const titles = new Map((this.bridge?.session.ontology?.tools ?? []).map((t) => [t.schemaId, t.title] as const));
    // Chips for the best ones only (and the current one): hundreds of buttons would cost each frame their layout.
    const chipped = visible.slice(0, this.chipLimit);
    if (current && !chipped.includes(current)) chipped.push(current);
    return html`${chipped.map((s) => {
      const bounds = geometryBounds(s.geometry);
      const title = titles.get(s.schemaId) ?? s.schemaId;
      const score = s.score.toFixed(2);
      return html`<button
        type="button"
        class="chip ${s === current ? 'current' : ''}"
        part="suggestion"
        data-suggestion=${s.id}
        aria-label=${`${title} ${score}, accept suggestion`}
        style=${styleProperties({ left: `${bounds.x * view.scale + view.offsetX}px`, top: `${bounds.y * view.scale + view.offsetY}px` })}
        @click=${() => this.accept([s])}
        @focus=${() => {
          this.suggestions.pick(s.id);
          this.requestUpdate();
        }}
      >
        ${title} ${score}
      </button>`;
    })}`;
  }
}

if (canDefine('lk-assist-layer')) customElements.define('lk-assist-layer', LkAssistLayer);

declare global {
  interface HTMLElementTagNameMap {
    'lk-assist-layer': LkAssistLayer;
  }
}
