import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { visibleRanges } from '../../../core/interpolation.js';
import type { ObjectAnnotation } from '../../../core/model.js';
import type { Ontology } from '../../../core/ontology.js';
import { formatMediaTime } from '../../../media/video/frame-clock.js';
import { deleteKeyframeAt, moveKeyframeTo, neighbourKeyframe } from '../../../media/video/track-edits.js';
import { styleProperties } from '../../base/style-properties.js';
import { objectLabel, safeColor } from '../shared/format.js';
import { PanelElement } from '../shared/panel-element.js';

const LABEL_WIDTH = 140;
const ROW_HEIGHT = 22;
const MAX_PX_PER_FRAME = 16;
const ZOOM_STEP = 1.5;

interface RowCacheEntry {
  object: ObjectAnnotation;
  trackWidth: number;
  selected: boolean;
  drag: KeyDrag | undefined;
  ontology: Ontology | undefined;
  frameTotal: number;
  template: TemplateResult;
}

interface KeyDrag {
  objectId: string;
  from: number;
  to: number;
  pointerId: number;
  moved: boolean;
}

/**
 * The timeline of a video (or any track-model element): one row per object in its class
 * colour with its visible ranges and keyframe diamonds (stops drawn as bars), the current-frame
 * cursor, scrubbing by dragging on the ruler or a row, zoom for long videos.
 *
 * Keyboard: the ruler is a slider (← → one frame, Shift ten, PageUp/PageDown one second, Home/End,
 * `,` `.` previous/next keyframe). On a focused diamond: Enter goes to it, Delete removes it,
 * Alt+← → move it one frame (Shift+Alt ten), ← → go to the row's previous/next diamond.
 *
 * Like the other panels it takes its session from the `session` property or from the labelkit
 * element around it.
 *
 * @tagname lk-timeline
 * @csspart ruler - The frame ruler (a slider).
 * @csspart row - One object's row.
 * @csspart keyframe - A keyframe diamond.
 * @cssproperty [--lk-timeline-cursor=#ff5252] - Colour of the current-frame cursor.
 */
export class LkTimeline extends PanelElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      font: var(--lk-font, 12px/1.4 system-ui, sans-serif);
      color: var(--lk-text-color, #1f2328);
      background: var(--lk-background, #f6f8fa);
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 2px 6px;
      border-bottom: 1px solid var(--lk-border-color, #d0d7de);
    }
    .bar .spacer {
      flex: 1;
    }
    button {
      font: inherit;
      min-width: 24px;
      min-height: 22px;
      border: 1px solid var(--lk-border-color, #d0d7de);
      border-radius: 4px;
      background: #fff;
      color: inherit;
      cursor: pointer;
    }
    button:focus-visible,
    [role='slider']:focus-visible,
    .key:focus-visible {
      outline: 2px solid var(--lk-focus-color, #0969da);
      outline-offset: 1px;
    }
    .scroller {
      position: relative;
      overflow: auto;
      flex: 1;
      min-height: 0;
    }
    .content {
      position: relative;
      min-height: 100%;
    }
    .ruler,
    .row {
      display: flex;
      height: ${ROW_HEIGHT}px;
    }
    .ruler {
      position: sticky;
      top: 0;
      z-index: 3;
      background: var(--lk-background, #f6f8fa);
      border-bottom: 1px solid var(--lk-border-color, #d0d7de);
      cursor: ew-resize;
      touch-action: none;
    }
    .label {
      position: sticky;
      left: 0;
      z-index: 2;
      flex: none;
      width: ${LABEL_WIDTH}px;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 0 6px;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      background: var(--lk-background, #f6f8fa);
      border-right: 1px solid var(--lk-border-color, #d0d7de);
      cursor: pointer;
    }
    .row[aria-current='true'] .label {
      font-weight: 600;
      background: #ddf4ff;
    }
    .swatch {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 2px;
    }
    .track {
      position: relative;
      flex: none;
      touch-action: none;
      cursor: ew-resize;
    }
    .row {
      border-bottom: 1px solid rgba(0, 0, 0, 0.06);
    }
    .range {
      position: absolute;
      top: 7px;
      height: 8px;
      border-radius: 2px;
      opacity: 0.45;
      pointer-events: none;
    }
    .key {
      position: absolute;
      top: 4px;
      width: 14px;
      height: 14px;
      margin-left: -7px;
      padding: 0;
      min-width: 0;
      min-height: 0;
      border: none;
      background: transparent;
      cursor: grab;
      touch-action: none;
    }
    .key svg {
      display: block;
      pointer-events: none;
    }
    .key.dragging {
      cursor: grabbing;
      opacity: 0.8;
    }
    .cursor {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 2px;
      margin-left: -1px;
      background: var(--lk-timeline-cursor, #ff5252);
      pointer-events: none;
      z-index: 4;
    }
    .tick {
      position: absolute;
      bottom: 0;
      height: 6px;
      border-left: 1px solid #8c959f;
    }
    .tick span {
      position: absolute;
      bottom: 6px;
      left: 2px;
      font-size: 10px;
      color: #57606a;
      white-space: nowrap;
    }
    .empty {
      padding: 6px;
      color: #57606a;
    }
  `;

  /** Frames per second, for time labels (frames are shown without it). */
  @property({ type: Number }) fps = 0;

  /** Horizontal zoom: 1 fits the whole video. */
  @state() zoom = 1;

  @state() private availableWidth = 600;
  @state() private keyDrag: KeyDrag | undefined;

  @query('.scroller') private scroller!: HTMLDivElement;

  private readonly rowCache = new Map<string, RowCacheEntry>();
  private resizeObserver: ResizeObserver | undefined;
  private scrubPointer: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override updated(): void {
    this.keepCursorInView();
  }

  private measure(): void {
    const width = (this.scroller?.clientWidth ?? this.clientWidth) - LABEL_WIDTH;
    if (width > 0 && Math.abs(width - this.availableWidth) > 0.5) this.availableWidth = width;
  }

  // ---- geometry -------------------------------------------------------------------------------

  /** Frames on the timeline: the session's plane count (1 before a video loads). */
  get frameTotal(): number {
    return this.currentSession?.planeCount ?? 1;
  }

  /** Pixels per frame at the current zoom. */
  get pxPerFrame(): number {
    return (this.availableWidth / this.frameTotal) * this.zoom;
  }

  private get maxZoom(): number {
    return Math.max(1, (MAX_PX_PER_FRAME * this.frameTotal) / this.availableWidth);
  }

  private xOf(frame: number): number {
    return (frame + 0.5) * this.pxPerFrame;
  }

  /** The frame under a client x position on a track. */
  private frameAtClientX(clientX: number, track: Element): number {
    // From the laid-out track, not pxPerFrame: a resize may be waiting to re-render.
    const rect = track.getBoundingClientRect();
    const frame = Math.floor(((clientX - rect.left) / Math.max(1, rect.width)) * this.frameTotal);
    return Math.max(0, Math.min(this.frameTotal - 1, frame));
  }

  setZoom(zoom: number): void {
    const next = Math.max(1, Math.min(this.maxZoom, zoom));
    if (next === this.zoom) return;
    this.zoom = next;
  }

  private keepCursorInView(): void {
    const scroller = this.scroller;
    if (!scroller || !this.currentSession || this.zoom === 1) return;
    const x = LABEL_WIDTH + this.xOf(this.currentSession.plane);
    const left = scroller.scrollLeft + LABEL_WIDTH;
    const right = scroller.scrollLeft + scroller.clientWidth;
    if (x < left + 8 || x > right - 8) scroller.scrollLeft = Math.max(0, x - LABEL_WIDTH - (scroller.clientWidth - LABEL_WIDTH) / 2);
  }

  // ---- actions --------------------------------------------------------------------------------

  private goTo(frame: number): void {
    this.currentSession?.setPlane(frame);
  }

  private objectsForKeys(): ObjectAnnotation[] {
    const session = this.currentSession;
    if (!session) return [];
    const { objects } = session.store.state;
    const selected = session.selection.map((id) => objects.get(id)).filter((o): o is ObjectAnnotation => o !== undefined);
    return selected.length ? selected : [...objects.values()];
  }

  /** Jumps to the previous (-1) or next (+1) keyframe of the selected objects, or of all. */
  jumpToKeyframe(direction: -1 | 1): boolean {
    const session = this.currentSession;
    if (!session) return false;
    const frame = neighbourKeyframe(this.objectsForKeys(), session.plane, direction);
    if (frame === undefined) return false;
    session.setPlane(frame);
    return true;
  }

  private moveKey(objectId: string, from: number, to: number): boolean {
    const session = this.currentSession;
    const object = session?.store.state.objects.get(objectId);
    if (!session || !object || !session.canEdit || object.lock) return false;
    const moved = moveKeyframeTo(object, from, Math.min(this.frameTotal - 1, to));
    if (!moved) return false;
    session.store.transact({ origin: 'user', reason: 'update' }, (tx) => tx.putObject(moved));
    return true;
  }

  private deleteKey(objectId: string, frame: number): boolean {
    const session = this.currentSession;
    const object = session?.store.state.objects.get(objectId);
    if (!session || !object || !session.canEdit || object.lock) return false;
    const result = deleteKeyframeAt(object, frame);
    if (result === undefined) return false;
    session.store.transact({ origin: 'user', reason: result === 'delete' ? 'delete' : 'update' }, (tx) => {
      if (result === 'delete') tx.removeObject(objectId);
      else tx.putObject(result);
    });
    return true;
  }

  // ---- pointer --------------------------------------------------------------------------------

  private readonly onScrubDown = (event: PointerEvent) => {
    if (event.button !== 0 || this.keyDrag) return;
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    this.scrubPointer = event.pointerId;
    this.goTo(this.frameAtClientX(event.clientX, target.classList.contains('ruler') ? target.querySelector('.track')! : target));
    event.preventDefault();
  };

  private readonly onScrubMove = (event: PointerEvent) => {
    if (event.pointerId !== this.scrubPointer) return;
    const target = event.currentTarget as HTMLElement;
    this.goTo(this.frameAtClientX(event.clientX, target.classList.contains('ruler') ? target.querySelector('.track')! : target));
  };

  private readonly onScrubUp = (event: PointerEvent) => {
    if (event.pointerId === this.scrubPointer) this.scrubPointer = undefined;
  };

  private onKeyDown(event: PointerEvent, objectId: string, frame: number): void {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    (event.currentTarget as HTMLElement).focus();
    this.keyDrag = { objectId, from: frame, to: frame, pointerId: event.pointerId, moved: false };
  }

  private onKeyMove(event: PointerEvent): void {
    const drag = this.keyDrag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const track = (event.currentTarget as HTMLElement).parentElement!;
    const to = this.frameAtClientX(event.clientX, track);
    if (to !== drag.to) this.keyDrag = { ...drag, to, moved: true };
  }

  private onKeyUp(event: PointerEvent): void {
    const drag = this.keyDrag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.keyDrag = undefined;
    if (drag.moved && drag.to !== drag.from) {
      if (this.moveKey(drag.objectId, drag.from, drag.to)) this.goTo(drag.to);
    } else {
      this.currentSession?.select([drag.objectId]);
      this.goTo(drag.from);
    }
  }

  private readonly onWheel = (event: WheelEvent) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    this.setZoom(this.zoom * (event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
  };

  // ---- keyboard -------------------------------------------------------------------------------

  private onRulerKey(event: KeyboardEvent): void {
    const session = this.currentSession;
    if (!session) return;
    const frame = session.plane;
    const second = Math.max(1, Math.round(this.fps || 10));
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = frame - (event.shiftKey ? 10 : 1);
        break;
      case 'ArrowRight':
        next = frame + (event.shiftKey ? 10 : 1);
        break;
      case 'PageUp':
        next = frame - second;
        break;
      case 'PageDown':
        next = frame + second;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.frameTotal - 1;
        break;
      case ',':
      case '.':
        this.jumpToKeyframe(event.key === ',' ? -1 : 1);
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.goTo(next);
  }

  private onDiamondKey(event: KeyboardEvent, objectId: string, frame: number): void {
    const step = event.shiftKey ? 10 : 1;
    switch (event.key) {
      case 'Enter':
      case ' ':
        this.currentSession?.select([objectId]);
        this.goTo(frame);
        break;
      case 'Delete':
      case 'Backspace':
        if (!this.deleteKey(objectId, frame)) return;
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const direction = event.key === 'ArrowLeft' ? -1 : 1;
        if (event.altKey) {
          const to = frame + direction * step;
          if (!this.moveKey(objectId, frame, to)) return;
          this.goTo(to);
          void this.updateComplete.then(() => this.focusDiamond(objectId, to));
        } else {
          const object = this.currentSession?.store.state.objects.get(objectId);
          const neighbour = object && neighbourKeyframe([object], frame, direction);
          if (neighbour === undefined) return;
          this.focusDiamond(objectId, neighbour);
        }
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private focusDiamond(objectId: string, frame: number): void {
    const button = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.key')].find(
      (b) => b.dataset['objectId'] === objectId && b.dataset['frame'] === String(frame),
    );
    button?.focus();
  }

  // ---- rendering ------------------------------------------------------------------------------

  private colorOf(schemaId: string): string {
    return safeColor(this.currentSession?.ontology?.tools.find((t) => t.schemaId === schemaId)?.color);
  }

  private timeLabel(frame: number): string {
    return this.fps > 0 ? `, ${formatMediaTime(frame / this.fps)}` : '';
  }

  private renderTicks(): TemplateResult[] {
    const px = this.pxPerFrame;
    // A label every ~80 px, on a round number of frames.
    const raw = 80 / px;
    const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
    const every = [1, 2, 5, 10].map((m) => m * magnitude).find((n) => n >= raw) ?? magnitude * 10;
    const ticks: TemplateResult[] = [];
    for (let frame = 0; frame < this.frameTotal; frame += every) {
      ticks.push(html`<div class="tick" style=${styleProperties({ left: `${this.xOf(frame)}px` })}><span>${frame}</span></div>`);
    }
    return ticks;
  }

  private renderDiamond(object: ObjectAnnotation, frame: number, stopped: boolean, label: string, color: string): TemplateResult {
    const drag = this.keyDrag;
    const dragging = drag?.objectId === object.objectId && drag.from === frame;
    const at = dragging ? drag.to : frame;
    const glyph = stopped
      ? svg`<rect x="5" y="1" width="4" height="12" fill=${color} stroke="#1f2328" stroke-width="1"></rect>`
      : svg`<path d="M7 1 L13 7 L7 13 L1 7 Z" fill=${color} stroke="#1f2328" stroke-width="1"></path>`;
    return html`<button
      class="key ${dragging ? 'dragging' : ''}"
      part="keyframe"
      style=${styleProperties({ left: `${this.xOf(at)}px` })}
      data-object-id=${object.objectId}
      data-frame=${frame}
      aria-label="${stopped ? 'Stop' : 'Keyframe'} of ${label} at frame ${frame}"
      title="${stopped ? 'Stops' : 'Keyframe'} at frame ${frame}"
      @pointerdown=${(e: PointerEvent) => this.onKeyDown(e, object.objectId, frame)}
      @pointermove=${(e: PointerEvent) => this.onKeyMove(e)}
      @pointerup=${(e: PointerEvent) => this.onKeyUp(e)}
      @pointercancel=${() => (this.keyDrag = undefined)}
      @keydown=${(e: KeyboardEvent) => this.onDiamondKey(e, object.objectId, frame)}
    >
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">${glyph}</svg>
    </button>`;
  }

  /**
   * Rows only change with their object, the zoom, the selection, the ontology or a drag; during
   * playback only the cursor moves, so the row templates are reused frame after frame.
   */
  private cachedRow(object: ObjectAnnotation, trackWidth: number): TemplateResult {
    const session = this.currentSession!;
    const selected = session.selection.includes(object.objectId);
    const drag = this.keyDrag?.objectId === object.objectId ? this.keyDrag : undefined;
    const cached = this.rowCache.get(object.objectId);
    if (
      cached &&
      cached.object === object &&
      cached.trackWidth === trackWidth &&
      cached.selected === selected &&
      cached.drag === drag &&
      cached.ontology === session.ontology &&
      cached.frameTotal === this.frameTotal
    ) {
      return cached.template;
    }
    const template = this.renderRow(object, trackWidth);
    this.rowCache.set(object.objectId, { object, trackWidth, selected, drag, ontology: session.ontology, frameTotal: this.frameTotal, template });
    return template;
  }

  private renderRow(object: ObjectAnnotation, trackWidth: number): TemplateResult {
    const session = this.currentSession!;
    const color = this.colorOf(object.schemaId);
    // The object list's name for the object, so a row and a list entry read the same.
    const label = objectLabel(session.ontology, object.objectId, object.schemaId);
    const selected = session.selection.includes(object.objectId);
    const px = this.pxPerFrame;
    return html`<div class="row" part="row" role="group" aria-label=${label} aria-current=${selected ? 'true' : nothing}>
      <div class="label" title=${label} @click=${() => session.select([object.objectId])}>
        <span class="swatch" style=${styleProperties({ background: color })}></span>${label}
      </div>
      <div
        class="track"
        style=${styleProperties({ width: `${trackWidth}px` })}
        @pointerdown=${this.onScrubDown}
        @pointermove=${this.onScrubMove}
        @pointerup=${this.onScrubUp}
      >
        ${visibleRanges(object.keyframes, this.frameTotal).map(
          ([start, end]) => html`<div class="range" style=${styleProperties({ left: `${start * px}px`, width: `${Math.max(1, (end - start + 1) * px)}px`, background: color })}></div>`,
        )}
        ${object.keyframes.map((k) => this.renderDiamond(object, k.frame, k.stopped === true, label, color))}
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const session = this.currentSession;
    if (!session) return html``;
    const total = this.frameTotal;
    const trackWidth = Math.max(1, total * this.pxPerFrame);
    const frame = session.plane;
    for (const id of this.rowCache.keys()) if (!session.store.state.objects.has(id)) this.rowCache.delete(id);
    const rows = [...session.store.state.objects.values()].map((object) => this.cachedRow(object, trackWidth));
    return html`
      <div class="bar">
        <button type="button" aria-label="Previous keyframe" title="Previous keyframe (,)" @click=${() => this.jumpToKeyframe(-1)}>⇤</button>
        <button type="button" aria-label="Next keyframe" title="Next keyframe (.)" @click=${() => this.jumpToKeyframe(1)}>⇥</button>
        <span class="spacer"></span>
        <button type="button" aria-label="Zoom timeline out" ?disabled=${this.zoom <= 1} @click=${() => this.setZoom(this.zoom / ZOOM_STEP)}>−</button>
        <button type="button" aria-label="Zoom timeline in" ?disabled=${this.zoom >= this.maxZoom} @click=${() => this.setZoom(this.zoom * ZOOM_STEP)}>+</button>
        <button type="button" aria-label="Fit timeline" ?disabled=${this.zoom === 1} @click=${() => this.setZoom(1)}>Fit</button>
      </div>
      <div class="scroller" @wheel=${this.onWheel}>
        <div class="content" style=${styleProperties({ width: `${LABEL_WIDTH + trackWidth}px` })}>
          <div
            class="ruler"
            part="ruler"
            role="slider"
            tabindex="0"
            aria-label="Current frame"
            aria-valuemin="0"
            aria-valuemax=${total - 1}
            aria-valuenow=${frame}
            aria-valuetext="Frame ${frame} of ${total}${this.timeLabel(frame)}"
            @pointerdown=${this.onScrubDown}
            @pointermove=${this.onScrubMove}
            @pointerup=${this.onScrubUp}
            @keydown=${this.onRulerKey}
          >
            <div class="label">Frame ${frame}</div>
            <div class="track" style=${styleProperties({ width: `${trackWidth}px` })}>${this.renderTicks()}</div>
          </div>
          ${rows.length ? rows : html`<div class="empty">No objects yet: draw on a frame to start a track.</div>`}
          <div class="cursor" style=${styleProperties({ left: `${LABEL_WIDTH + this.xOf(frame)}px` })}></div>
        </div>
      </div>
    `;
  }
}
