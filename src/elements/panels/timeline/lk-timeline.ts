import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { visibleRanges } from '../../../core/interpolation.js';
import type { ObjectAnnotation } from '../../../core/model.js';
import type { Ontology } from '../../../core/ontology.js';
import { formatMediaTime } from '../../../media/video/frame-clock.js';
import { deleteKeyframeAt, moveKeyframeTo, neighbourKeyframe } from '../../../media/video/track-edits.js';
import { styleProperties } from '../../base/style-properties.js';
import { labelOf, safeColor } from '../shared/format.js';
import { PanelElement } from '../shared/panel-element.js';
import { sameWindow, timelineWindow, type TimelineView, type TimelineWindow } from './timeline-window.js';

const LABEL_WIDTH = 140;
const ROW_HEIGHT = 22;
const MAX_PX_PER_FRAME = 16;
const ZOOM_STEP = 1.5;

interface RowCacheEntry {
  object: ObjectAnnotation;
  index: number;
  trackWidth: number;
  selected: boolean;
  drag: KeyDrag | undefined;
  ontology: Ontology | undefined;
  frameTotal: number;
  window: TimelineWindow;
  tabFrame: number | undefined;
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
 * Zoom: Ctrl+wheel on the timeline or the wheel over the ruler zooms about the pointer; − / + / Fit
 * about the current-frame cursor (up to 16 px a frame; the ruler's labels follow).
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
      background: var(--lk-button-background, #ffffff);
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
      box-sizing: border-box;
      height: ${ROW_HEIGHT}px;
    }
    .rows {
      position: relative;
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
      background: var(--lk-selected-background, #ddf4ff);
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
      position: absolute;
      left: 0;
      width: 100%;
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
    /*
     * Diamonds are drawn with gradients, not SVG: an <svg> per keyframe is a paint property node
     * each, and with hundreds of them every frame's compositing (layerize) slowed down.
     */
    .key {
      --outline: var(--lk-text-color, #1f2328);
      position: absolute;
      top: 4px;
      width: 14px;
      height: 14px;
      margin-left: -7px;
      padding: 0;
      min-width: 0;
      min-height: 0;
      border: none;
      border-radius: 0;
      cursor: grab;
      touch-action: none;
    }
    .key,
    .key::before {
      background:
        linear-gradient(to bottom right, transparent 50%, var(--fill) 50%) 0 0 / 50% 50% no-repeat,
        linear-gradient(to bottom left, transparent 50%, var(--fill) 50%) 100% 0 / 50% 50% no-repeat,
        linear-gradient(to top right, transparent 50%, var(--fill) 50%) 0 100% / 50% 50% no-repeat,
        linear-gradient(to top left, transparent 50%, var(--fill) 50%) 100% 100% / 50% 50% no-repeat;
    }
    .key {
      --fill: var(--outline);
    }
    .key::before {
      content: '';
      position: absolute;
      inset: 2px;
      --fill: var(--key-color);
    }
    .key.stop,
    .key.stop::before {
      background: none;
    }
    .key.stop::before {
      left: 5px;
      right: auto;
      top: 1px;
      bottom: auto;
      width: 4px;
      height: 12px;
      box-sizing: border-box;
      border: 1px solid var(--outline);
      background: var(--key-color);
    }
    .key.dragging {
      cursor: grabbing;
      opacity: 0.8;
    }
    .cursor {
      position: absolute;
      top: 0;
      bottom: 0;
      left: 0;
      width: 2px;
      margin-left: -1px;
      will-change: transform;
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
      color: var(--lk-muted-color, #57606a);
      white-space: nowrap;
    }
    .empty {
      padding: 6px;
      color: var(--lk-muted-color, #57606a);
    }
  `;

  /** Frames per second, for time labels (frames are shown without it). */
  @property({ type: Number }) fps = 0;

  /** Horizontal zoom: 1 fits the whole video. */
  @state() zoom = 1;

  @state() private availableWidth = 600;
  @state() private keyDrag: KeyDrag | undefined;
  /** What is on screen (rows, frames); only that part of the timeline is in the DOM. */
  @state() private window: TimelineWindow = { firstRow: 0, endRow: 20, firstFrame: 0, lastFrame: Number.MAX_SAFE_INTEGER };

  @query('.scroller') private scroller!: HTMLDivElement;

  private readonly rowCache = new Map<string, RowCacheEntry>();
  /** Per row, the diamond Tab lands on (the last one focused there): one tab stop per row. */
  private readonly tabFrames = new Map<string, number>();
  /** The row holding keyboard focus stays rendered when it scrolls out of view. */
  private focusedRow: string | undefined;
  private ticksCache: { key: string; ticks: TemplateResult[] } | undefined;
  /** The scroller's position and size as of the last scroll or resize. */
  private view: TimelineView = { scrollTop: 0, scrollLeft: 0, height: 0, trackWidth: 0 };
  private layoutKey = '';
  private resizeObserver: ResizeObserver | undefined;
  private scrubPointer: number | undefined;
  /** A zoom waiting to render: the track position (fractional frame) to keep at `offset` px into the visible track. */
  private zoomAnchor: { frame: number; offset: number } | undefined;
  /** The plane the view last followed: the cursor is kept in view when it moves, not when the labeler zooms elsewhere. */
  private followedPlane: number | undefined;

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
    this.applyZoomAnchor();
    this.keepCursorInView();
    // Rows added or removed, zoom or length changed: the window moves. (Reading the scroller
    // forces a layout, so not on every frame.)
    const layoutKey = `${this.currentSession?.store.state.objects.size ?? 0}:${this.pxPerFrame}:${this.frameTotal}`;
    if (layoutKey !== this.layoutKey) {
      this.layoutKey = layoutKey;
      this.readView();
    }
  }

  private measure(): void {
    const width = (this.scroller?.clientWidth ?? this.clientWidth) - LABEL_WIDTH;
    if (width > 0 && Math.abs(width - this.availableWidth) > 0.5) this.availableWidth = width;
    this.readView();
  }

  /** Recomputes the rendered window from the scroller; re-renders only when it changed. */
  private readView(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    this.view = { scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft, height: scroller.clientHeight, trackWidth: scroller.clientWidth - LABEL_WIDTH };
    const next = timelineWindow(this.view, {
      rowHeight: ROW_HEIGHT,
      rowCount: this.currentSession?.store.state.objects.size ?? 0,
      pxPerFrame: this.pxPerFrame,
      frameTotal: this.frameTotal,
    });
    if (!sameWindow(next, this.window)) this.window = next;
  }

  private readonly onScroll = () => this.readView();

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

  /**
   * Zooms about a point of the track: `clientX` (the pointer, for the wheel) stays over the same
   * frame; without it, the current-frame cursor stays where it is on screen (or the middle of the
   * view, when the cursor is out of it).
   */
  setZoom(zoom: number, clientX?: number): void {
    const next = Math.max(1, Math.min(this.maxZoom, zoom));
    if (next === this.zoom) return;
    const scroller = this.scroller;
    if (scroller) {
      const scrollLeft = scroller.scrollLeft;
      const trackWidth = scroller.clientWidth - LABEL_WIDTH;
      const cursor = this.currentSession ? this.xOf(this.currentSession.plane) - scrollLeft : -1;
      const offset =
        clientX !== undefined
          ? clientX - scroller.getBoundingClientRect().left - LABEL_WIDTH
          : cursor >= 0 && cursor <= trackWidth
            ? cursor
            : trackWidth / 2;
      this.zoomAnchor = { frame: (scrollLeft + offset) / this.pxPerFrame, offset };
    }
    this.zoom = next;
  }

  private applyZoomAnchor(): void {
    const anchor = this.zoomAnchor;
    const scroller = this.scroller;
    if (!anchor || !scroller) return;
    this.zoomAnchor = undefined;
    scroller.scrollLeft = Math.max(0, anchor.frame * this.pxPerFrame - anchor.offset);
    this.readView();
  }

  private keepCursorInView(): void {
    const scroller = this.scroller;
    const plane = this.currentSession?.plane;
    // Only when the cursor moved: a zoom about the pointer may leave it out of view on purpose.
    if (plane === this.followedPlane) return;
    this.followedPlane = plane;
    if (!scroller || !this.currentSession || this.zoom === 1) return;
    // From the last scroll and resize, not the live scroller: reading it would force a layout each frame.
    const { scrollLeft, trackWidth } = this.view;
    const x = this.xOf(this.currentSession.plane);
    if (x < scrollLeft + 8 || x > scrollLeft + trackWidth - 8) {
      scroller.scrollLeft = Math.max(0, x - trackWidth / 2);
      this.readView();
    }
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

  /** Ctrl+wheel anywhere on the timeline, or the wheel over the ruler, zooms about the pointer. */
  private readonly onWheel = (event: WheelEvent) => {
    const overRuler = event.composedPath().some((target) => target instanceof HTMLElement && target.classList.contains('ruler'));
    if (!event.ctrlKey && !event.metaKey && !overRuler) return;
    event.preventDefault();
    if (event.deltaY === 0) return;
    this.setZoom(this.zoom * (event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP), event.clientX);
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
        if (event.altKey) return;
        const object = this.currentSession?.store.state.objects.get(objectId);
        const neighbour = object && neighbourKeyframe([object], frame, event.key === 'ArrowLeft' ? -1 : 1);
        if (neighbour === undefined) return;
        void this.focusDiamond(objectId, neighbour);
        break;
      }
      default: {
        // [ ] move the keyframe (Shift: ten frames). By key position, so Shift (which types { }) keeps
        // them; never Alt+←/→, which is the browser's Back/Forward on Windows and Linux.
        const direction = event.code === 'BracketLeft' ? -1 : event.code === 'BracketRight' ? 1 : 0;
        if (direction === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
        const to = frame + direction * step;
        if (!this.moveKey(objectId, frame, to)) return;
        this.goTo(to);
        void this.updateComplete.then(() => this.focusDiamond(objectId, to));
      }
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /** Focuses a diamond, scrolling it into the rendered window first when it is outside. */
  private async focusDiamond(objectId: string, frame: number): Promise<void> {
    const find = () =>
      [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.key')].find((b) => b.dataset['objectId'] === objectId && b.dataset['frame'] === String(frame));
    let button = find();
    if (!button) {
      const scroller = this.scroller;
      const index = [...(this.currentSession?.store.state.objects.keys() ?? [])].indexOf(objectId);
      if (!scroller || index < 0) return;
      this.tabFrames.set(objectId, frame);
      this.focusedRow = objectId;
      scroller.scrollLeft = Math.max(0, this.xOf(frame) - this.view.trackWidth / 2);
      this.readView();
      await this.updateComplete;
      button = find();
    }
    button?.focus();
  }

  private onDiamondFocus(objectId: string, frame: number): void {
    this.focusedRow = objectId;
    if (this.tabFrames.get(objectId) === frame) return;
    this.tabFrames.set(objectId, frame);
    this.requestUpdate();
  }

  private readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof HTMLElement) || !next.classList.contains('key')) this.focusedRow = undefined;
  };

  // ---- rendering ------------------------------------------------------------------------------

  private colorOf(schemaId: string): string {
    return safeColor(this.currentSession?.ontology?.tools.find((t) => t.schemaId === schemaId)?.color);
  }

  private timeLabel(frame: number): string {
    return this.fps > 0 ? `, ${formatMediaTime(frame / this.fps)}` : '';
  }

  private renderTicks(): TemplateResult[] {
    const px = this.pxPerFrame;
    const { firstFrame, lastFrame } = this.window;
    const key = `${px}:${firstFrame}:${lastFrame}:${this.frameTotal}`;
    if (this.ticksCache?.key === key) return this.ticksCache.ticks;
    // A label every ~80 px, on a round number of frames.
    const raw = 80 / px;
    const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
    const every = [1, 2, 5, 10].map((m) => m * magnitude).find((n) => n >= raw) ?? magnitude * 10;
    const ticks: TemplateResult[] = [];
    const last = Math.min(lastFrame, this.frameTotal - 1);
    for (let frame = Math.ceil(firstFrame / every) * every; frame <= last; frame += every) {
      ticks.push(html`<div class="tick" style=${styleProperties({ left: `${this.xOf(frame)}px` })}><span>${frame}</span></div>`);
    }
    this.ticksCache = { key, ticks };
    return ticks;
  }

  private renderDiamond(object: ObjectAnnotation, frame: number, stopped: boolean, label: string, color: string, tabbable: boolean): TemplateResult {
    const drag = this.keyDrag;
    const dragging = drag?.objectId === object.objectId && drag.from === frame;
    const at = dragging ? drag.to : frame;
    return html`<button
      class="key ${stopped ? 'stop' : ''} ${dragging ? 'dragging' : ''}"
      part="keyframe"
      style=${styleProperties({ left: `${this.xOf(at)}px`, '--key-color': color })}
      tabindex=${tabbable ? '0' : '-1'}
      data-object-id=${object.objectId}
      data-frame=${frame}
      aria-label="${stopped ? 'Stop' : 'Keyframe'} of ${label} at frame ${frame}"
      title="${stopped ? 'Stops' : 'Keyframe'} at frame ${frame}"
      @pointerdown=${(e: PointerEvent) => this.onKeyDown(e, object.objectId, frame)}
      @pointermove=${(e: PointerEvent) => this.onKeyMove(e)}
      @pointerup=${(e: PointerEvent) => this.onKeyUp(e)}
      @pointercancel=${() => (this.keyDrag = undefined)}
      @keydown=${(e: KeyboardEvent) => this.onDiamondKey(e, object.objectId, frame)}
      @focus=${() => this.onDiamondFocus(object.objectId, frame)}
    ></button>`;
  }

  /** The row's diamonds in the rendered frame window, and the one Tab lands on. */
  private windowKeyframes(object: ObjectAnnotation): { keyframes: ObjectAnnotation['keyframes']; tabFrame: number | undefined } {
    const { firstFrame, lastFrame } = this.window;
    const keyframes = object.keyframes.filter((k) => k.frame >= firstFrame && k.frame <= lastFrame);
    const remembered = this.tabFrames.get(object.objectId);
    const tabFrame = keyframes.some((k) => k.frame === remembered) ? remembered : keyframes[0]?.frame;
    return { keyframes, tabFrame };
  }

  /**
   * Rows only change with their object, position, the zoom, the selection, the ontology, a drag or
   * the rendered frame window; while the video plays or is scrubbed only the cursor moves, so the
   * row templates are reused frame after frame.
   */
  private cachedRow(object: ObjectAnnotation, index: number, trackWidth: number): TemplateResult {
    const session = this.currentSession!;
    const selected = session.selection.includes(object.objectId);
    const drag = this.keyDrag?.objectId === object.objectId ? this.keyDrag : undefined;
    const { window } = this;
    const cached = this.rowCache.get(object.objectId);
    if (
      cached &&
      cached.object === object &&
      cached.index === index &&
      cached.trackWidth === trackWidth &&
      cached.selected === selected &&
      cached.drag === drag &&
      cached.ontology === session.ontology &&
      cached.frameTotal === this.frameTotal &&
      cached.window === window &&
      cached.tabFrame === this.tabFrames.get(object.objectId)
    ) {
      return cached.template;
    }
    const template = this.renderRow(object, index, trackWidth);
    this.rowCache.set(object.objectId, {
      object,
      index,
      trackWidth,
      selected,
      drag,
      ontology: session.ontology,
      frameTotal: this.frameTotal,
      window,
      tabFrame: this.tabFrames.get(object.objectId),
      template,
    });
    return template;
  }

  private renderRow(object: ObjectAnnotation, index: number, trackWidth: number): TemplateResult {
    const session = this.currentSession!;
    const color = this.colorOf(object.schemaId);
    // The object list's name for the object, so a row and a list entry read the same.
    const label = labelOf(session.ontology, object, object.objectId);
    const selected = session.selection.includes(object.objectId);
    const px = this.pxPerFrame;
    const { keyframes, tabFrame } = this.windowKeyframes(object);
    return html`<div
      class="row"
      part="row"
      role="group"
      aria-label=${label}
      aria-current=${selected ? 'true' : nothing}
      style=${styleProperties({ top: `${index * ROW_HEIGHT}px` })}
      data-object-id=${object.objectId}
    >
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
        ${keyframes.map((k) => this.renderDiamond(object, k.frame, k.stopped === true, label, color, k.frame === tabFrame))}
      </div>
    </div>`;
  }

  /**
   * The rows to render with their index: those in the window, plus the one holding focus, in row
   * order (a keyed move of the focused row in the DOM would take the focus away).
   */
  private rowsToRender(objects: readonly ObjectAnnotation[]): Array<[ObjectAnnotation, number]> {
    const { firstRow, endRow } = this.window;
    const rows: Array<[ObjectAnnotation, number]> = [];
    for (let index = firstRow; index < Math.min(endRow, objects.length); index++) rows.push([objects[index]!, index]);
    const focused = this.focusedRow === undefined ? -1 : objects.findIndex((o) => o.objectId === this.focusedRow);
    if (focused >= 0 && focused < firstRow) rows.unshift([objects[focused]!, focused]);
    else if (focused >= endRow) rows.push([objects[focused]!, focused]);
    return rows;
  }

  protected override render(): TemplateResult {
    const session = this.currentSession;
    if (!session) return html``;
    const total = this.frameTotal;
    const trackWidth = Math.max(1, total * this.pxPerFrame);
    const frame = session.plane;
    const objects = [...session.store.state.objects.values()];
    if (this.rowCache.size > objects.length) {
      for (const id of this.rowCache.keys()) if (!session.store.state.objects.has(id)) this.rowCache.delete(id);
    }
    return html`
      <div class="bar">
        <button type="button" aria-label="Previous keyframe" title="Previous keyframe (,)" @click=${() => this.jumpToKeyframe(-1)}>⇤</button>
        <button type="button" aria-label="Next keyframe" title="Next keyframe (.)" @click=${() => this.jumpToKeyframe(1)}>⇥</button>
        <span class="spacer"></span>
        <button type="button" aria-label="Zoom timeline out" ?disabled=${this.zoom <= 1} @click=${() => this.setZoom(this.zoom / ZOOM_STEP)}>−</button>
        <button type="button" aria-label="Zoom timeline in" ?disabled=${this.zoom >= this.maxZoom} @click=${() => this.setZoom(this.zoom * ZOOM_STEP)}>+</button>
        <button type="button" aria-label="Fit timeline" ?disabled=${this.zoom === 1} @click=${() => this.setZoom(1)}>Fit</button>
      </div>
      <div class="scroller" @wheel=${this.onWheel} @scroll=${this.onScroll} @focusout=${this.onFocusOut}>
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
          ${objects.length
            ? html`<div class="rows" style=${styleProperties({ height: `${objects.length * ROW_HEIGHT}px` })}>
                ${repeat(this.rowsToRender(objects), ([object]) => object.objectId, ([object, index]) => this.cachedRow(object, index, trackWidth))}
              </div>`
            : html`<div class="empty">No objects yet: draw on a frame to start a track.</div>`}
          <div class="cursor" style=${styleProperties({ transform: `translateX(${LABEL_WIDTH + this.xOf(frame)}px)` })}></div>
        </div>
      </div>
    `;
  }
}
