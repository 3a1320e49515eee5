import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProperties } from '../../base/style-properties.js';
import type { ObjectAnnotation } from '../../../core/model.js';
import { geometryOnPlane } from '../../../core/plane-geometry.js';
import type { LabelingSession, SessionTopic } from '../../../core/session.js';
import { labelOf, objectPlace, safeColor } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { nextListIndex } from '../shared/listbox-keys.js';
import { listStyles } from '../shared/list.styles.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkObjectListStyles } from './lk-object-list.styles.js';

/** Rows rendered above and below the viewport, so a fast scroll shows rows, not gaps. */
const OVERSCAN = 8;
/** Until a row has been measured (the real height comes from `--lk-row-height`). */
const DEFAULT_ROW_HEIGHT = 30;
/** Until the scroller has been measured (the default `--lk-object-list-max-height`). */
const DEFAULT_VIEWPORT_HEIGHT = 320;

interface ObjectRows {
  session: LabelingSession;
  version: number;
  objects: ObjectAnnotation[];
  /** objectId → index, built on first use (revealing a selection). */
  indexById: Map<string, number> | undefined;
}

/**
 * Every object of the asset: class colour, its name ("Car 3": the class and the object's number in it),
 * where it is (the covered text of a text span or PDF selection, the page or slice, a track's frames),
 * lock, visibility toggle, delete.
 * A multi-select listbox: click selects (Shift/Ctrl/⌘ adds or removes), ↑/↓/Home/End/PageUp/PageDown
 * move, Enter/Space select, Delete deletes. Objects not shown on the current plane are dimmed.
 *
 * The list is virtual: only the rows near its scroll viewport exist (each option carries
 * `aria-setsize` and `aria-posinset`), so 10,000 objects cost a few dozen rows. Keys move through
 * every object and scroll rows in; an object selected elsewhere (on the canvas, in the text) scrolls
 * its row into view.
 *
 * @tagname lk-object-list
 * @csspart list - The listbox.
 * @csspart item - One object's row.
 * @cssproperty [--lk-selected-background=#ddf4ff] - Background of selected rows.
 * @cssproperty [--lk-row-height=30px] - Height of a row (every row has this height).
 * @cssproperty [--lk-object-list-max-height=320px] - Height of the scrolling list (a length: rows outside it are not rendered).
 * @cssproperty [--lk-object-list-actions-width=64px] - Width of the column with the hide and delete buttons.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring and selection mark.
 */
export class LkObjectList extends PanelElement {
  static override styles = [panelStyles, listStyles, lkObjectListStyles];

  /** Heading text. */
  @property({ type: String }) heading = 'Objects';

  /** What a plane is called in the rows of a paged asset ("page 2", "slice 14"). */
  @property({ type: String, attribute: 'plane-noun' }) planeNoun = 'page';

  @state() private activeIndex = 0;
  /** The scroller's position and size as last read (rendering reads these, never the layout). */
  @state() private scrollPosition = 0;
  @state() private viewportHeight = DEFAULT_VIEWPORT_HEIGHT;
  @state() private rowHeight = DEFAULT_ROW_HEIGHT;

  @query('.rows') private scroller: HTMLDivElement | null | undefined;

  private rows: ObjectRows | undefined;
  private resizeObserver: ResizeObserver | undefined;
  /** True while this list itself changes the selection (a click here must not jump the list). */
  private selectingHere = false;
  /** A row to scroll into view once rendered (the list may not have grown to hold it yet). */
  private pendingReveal: number | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** The objects in store order, recomputed only when the store changed. */
  private objectRows(session: LabelingSession): ObjectRows {
    const version = session.store.version;
    if (!this.rows || this.rows.session !== session || this.rows.version !== version) {
      this.rows = { session, version, objects: [...session.store.state.objects.values()], indexById: undefined };
    }
    return this.rows;
  }

  private indexOf(rows: ObjectRows, objectId: string): number {
    if (!rows.indexById) rows.indexById = new Map(rows.objects.map((object, index) => [object.objectId, index] as const));
    return rows.indexById.get(objectId) ?? -1;
  }

  /** Indexes of the rows to render: those near the viewport, plus the active row (it may hold focus). */
  private renderedIndexes(count: number, active: number): number[] {
    const height = this.rowHeight;
    const first = Math.max(0, Math.floor(this.scrollPosition / height) - OVERSCAN);
    const last = Math.min(count - 1, Math.ceil((this.scrollPosition + this.viewportHeight) / height) + OVERSCAN);
    const indexes: number[] = [];
    if (active < first) indexes.push(active);
    for (let index = first; index <= last; index++) indexes.push(index);
    if (active > last && active < count) indexes.push(active);
    return indexes;
  }

  protected override render(): TemplateResult {
    const session = this.currentSession;
    const objects = session ? this.objectRows(session).objects : [];
    const count = objects.length;
    const active = Math.max(0, Math.min(this.activeIndex, count - 1));
    const heading = html`<h3 class="title" id="heading">${this.heading} <span class="muted">(${count})</span></h3>`;
    if (!session || count === 0) return html`${heading}<p class="empty muted">No objects yet.</p>`;
    const selection = new Set(session.selection);
    const indexes = this.renderedIndexes(count, active);
    const key = (index: number) => objects[index]!.objectId;
    return html`
      ${heading}
      <div class="rows" @scroll=${this.onScroll}>
        <div class="track" style=${styleProperties({ height: `${count * this.rowHeight}px` })}>
          <div
            part="list"
            role="listbox"
            aria-labelledby="heading"
            aria-multiselectable="true"
            @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, session, objects)}
          >
            ${repeat(indexes, key, (index) => this.renderItem(session, objects[index]!, index, count, index === active, selection.has(key(index))))}
          </div>
          <div class="actions">${repeat(indexes, key, (index) => this.renderActions(session, objects[index]!, index))}</div>
        </div>
      </div>
    `;
  }

  private renderItem(
    session: LabelingSession,
    object: ObjectAnnotation,
    index: number,
    count: number,
    isActive: boolean,
    selected: boolean,
  ): TemplateResult {
    const category = session.ontology?.tools.find((tool) => tool.schemaId === object.schemaId);
    const hidden = session.hidden.has(object.objectId);
    const offPlane = session.planeModel !== 'single' && geometryOnPlane(object, session.plane, session.planeModel) === undefined;
    return html`
      <div
        part="item"
        role="option"
        class=${`${offPlane ? 'off-plane' : ''} ${hidden ? 'is-hidden' : ''}`}
        style=${styleProperties({ top: `${index * this.rowHeight}px` })}
        data-object-id=${object.objectId}
        aria-selected=${selected ? 'true' : 'false'}
        aria-setsize=${count}
        aria-posinset=${index + 1}
        tabindex=${isActive ? '0' : '-1'}
        @click=${(event: MouseEvent) => this.choose(session, object.objectId, event.shiftKey || event.ctrlKey || event.metaKey)}
        @focus=${() => (this.activeIndex = index)}
      >
        <span class="swatch" style=${styleProperties({ '--swatch': safeColor(category?.color) })}></span>
        <span class="name">${labelOf(session.ontology, object, object.objectId)}</span>
        <span class="place">${objectPlace(object, session.planeModel, this.planeNoun)}</span>
        ${object.lock ? html`<span class="lock" title="Locked">${icons.lock}<span class="visually-hidden">, locked</span></span>` : nothing}
        ${hidden ? html`<span class="visually-hidden">, hidden</span>` : nothing}
        ${offPlane ? html`<span class="visually-hidden">, not on this plane</span>` : nothing}
      </div>
    `;
  }

  private renderActions(session: LabelingSession, object: ObjectAnnotation, index: number): TemplateResult {
    const label = labelOf(session.ontology, object, object.objectId);
    // The eye toggles this object alone; hiding all or a class is the display panel's.
    const hidden = session.hiddenObjects.has(object.objectId);
    return html`
      <div class="row-actions" data-object-id=${object.objectId} style=${styleProperties({ top: `${index * this.rowHeight}px` })}>
        <button
          type="button"
          class="visibility"
          aria-label=${`${hidden ? 'Show' : 'Hide'} ${label}`}
          title=${hidden ? 'Show' : 'Hide'}
          @click=${() => session.setHidden(object.objectId, !hidden)}
        >
          ${hidden ? icons.eyeOff : icons.eye}
        </button>
        <button
          type="button"
          class="delete"
          aria-label=${`Delete ${label}`}
          title="Delete"
          ?disabled=${!session.canEdit || object.lock === true}
          @click=${() => this.deleteObject(session, object.objectId)}
        >
          ${icons.trash}
        </button>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const scroller = this.scroller;
    if (!scroller) return;
    if (!this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => this.readViewport());
      this.resizeObserver.observe(scroller);
    }
    // Every row has the height `--lk-row-height` gives it; measure one instead of parsing the value.
    const row = scroller.querySelector<HTMLElement>('[role="option"]');
    const measured = row?.getBoundingClientRect().height ?? 0;
    if (measured > 0 && Math.abs(measured - this.rowHeight) > 0.01) this.rowHeight = measured;
    const reveal = this.pendingReveal;
    this.pendingReveal = undefined;
    if (reveal !== undefined) this.scrollRowIntoView(reveal);
  }

  private readViewport(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    this.scrollPosition = scroller.scrollTop;
    if (scroller.clientHeight > 0) this.viewportHeight = scroller.clientHeight;
  }

  private readonly onScroll = () => this.readViewport();

  /** Scrolls the least needed to show row `index` whole, and renders the rows there. */
  private scrollRowIntoView(index: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    const height = scroller.clientHeight || this.viewportHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + height) scroller.scrollTop = bottom - height;
    this.readViewport();
  }

  protected override sessionChanged(topic: SessionTopic): void {
    if (topic !== 'selection' || this.selectingHere) return;
    const session = this.currentSession;
    const last = session?.selection.at(-1);
    if (!session || last === undefined) return;
    const index = this.indexOf(this.objectRows(session), last);
    if (index < 0) return;
    // The selected object becomes the list's active row and scrolls into view once rendered (a new
    // object's row is past the end of the list as last rendered); focus stays where it is.
    this.activeIndex = index;
    this.pendingReveal = index;
    this.requestUpdate();
  }

  /** Selects the object alone, or adds it to (removes it from) the selection. */
  private choose(session: LabelingSession, objectId: string, additive: boolean): void {
    this.selectingHere = true;
    try {
      if (!additive) {
        session.select([objectId]);
        return;
      }
      const selection = session.selection;
      session.select(selection.includes(objectId) ? selection.filter((id) => id !== objectId) : [...selection, objectId]);
    } finally {
      this.selectingHere = false;
    }
  }

  private deleteObject(session: LabelingSession, objectId: string): void {
    const object = session.store.state.objects.get(objectId);
    if (!session.canEdit || !object || object.lock) return;
    session.store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject(objectId));
  }

  /** Rows one PageUp/PageDown moves: the rows the viewport shows, less one. */
  private pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  private onKeyDown(event: KeyboardEvent, session: LabelingSession, objects: readonly ObjectAnnotation[]): void {
    const index = Math.max(0, Math.min(this.activeIndex, objects.length - 1));
    const object = objects[index];
    let next = nextListIndex(event.key, index, objects.length);
    if (event.key === 'PageDown') next = Math.min(objects.length - 1, index + this.pageRows());
    else if (event.key === 'PageUp') next = Math.max(0, index - this.pageRows());
    if (next !== undefined) {
      event.preventDefault();
      this.activeIndex = next;
      this.scrollRowIntoView(next);
      void this.focusActive();
      return;
    }
    if (!object) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(session, object.objectId, event.shiftKey || event.ctrlKey || event.metaKey);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.deleteObject(session, object.objectId);
      void this.focusActive();
    }
  }

  private async focusActive(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
  }
}
