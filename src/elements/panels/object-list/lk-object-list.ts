import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ObjectAnnotation } from '../../../core/model.js';
import { geometryOnPlane } from '../../../core/plane-geometry.js';
import type { LabelingSession } from '../../../core/session.js';
import { objectLabel, safeColor, shortId, toolCategory } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { nextListIndex } from '../shared/listbox-keys.js';
import { listStyles } from '../shared/list.styles.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkObjectListStyles } from './lk-object-list.styles.js';

/**
 * Every object of the asset: class colour and title, short id, lock, visibility toggle, delete.
 * A multi-select listbox: click selects (Shift/Ctrl/⌘ adds or removes), ↑/↓/Home/End move,
 * Enter/Space select, Delete deletes. Objects not shown on the current plane are dimmed.
 *
 * @tagname lk-object-list
 * @csspart list - The listbox.
 * @csspart item - One object's row.
 * @cssproperty [--lk-selected-background=#ddf4ff] - Background of selected rows.
 * @cssproperty [--lk-row-height=30px] - Height of a row.
 * @cssproperty [--lk-object-list-max-height=320px] - Height before the list scrolls.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring and selection mark.
 */
export class LkObjectList extends PanelElement {
  static override styles = [panelStyles, listStyles, lkObjectListStyles];

  /** Heading text. */
  @property({ type: String }) heading = 'Objects';

  @state() private activeIndex = 0;

  protected override render(): TemplateResult {
    const session = this.currentSession;
    const objects = session ? [...session.store.state.objects.values()] : [];
    const active = Math.max(0, Math.min(this.activeIndex, objects.length - 1));
    const heading = html`<h3 class="title" id="heading">${this.heading} <span class="muted">(${objects.length})</span></h3>`;
    if (!session || objects.length === 0) return html`${heading}<p class="empty muted">No objects yet.</p>`;
    const selection = new Set(session.selection);
    return html`
      ${heading}
      <div class="rows">
        <div
          part="list"
          role="listbox"
          aria-labelledby="heading"
          aria-multiselectable="true"
          @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, session, objects)}
        >
          ${objects.map((object, index) => this.renderItem(session, object, index === active, selection.has(object.objectId), index))}
        </div>
        <div class="actions">${objects.map((object) => this.renderActions(session, object))}</div>
      </div>
    `;
  }

  private renderItem(session: LabelingSession, object: ObjectAnnotation, isActive: boolean, selected: boolean, index: number): TemplateResult {
    const category = toolCategory(session.ontology, object.schemaId);
    const hidden = session.hidden.has(object.objectId);
    const offPlane = session.planeModel !== 'single' && geometryOnPlane(object, session.plane, session.planeModel) === undefined;
    return html`
      <div
        part="item"
        role="option"
        class=${`${offPlane ? 'off-plane' : ''} ${hidden ? 'is-hidden' : ''}`}
        data-object-id=${object.objectId}
        aria-selected=${selected ? 'true' : 'false'}
        tabindex=${isActive ? '0' : '-1'}
        @click=${(event: MouseEvent) => this.choose(session, object.objectId, event.shiftKey || event.ctrlKey || event.metaKey)}
        @focus=${() => (this.activeIndex = index)}
      >
        <span class="swatch" style=${styleMap({ '--swatch': safeColor(category?.color) })}></span>
        <span class="name">${category?.title ?? object.schemaId}</span>
        <span class="id">${shortId(object.objectId)}</span>
        ${object.lock ? html`<span class="lock" title="Locked">${icons.lock}<span class="visually-hidden">, locked</span></span>` : nothing}
        ${hidden ? html`<span class="visually-hidden">, hidden</span>` : nothing}
        ${offPlane ? html`<span class="visually-hidden">, not on this plane</span>` : nothing}
      </div>
    `;
  }

  private renderActions(session: LabelingSession, object: ObjectAnnotation): TemplateResult {
    const label = objectLabel(session.ontology, object.objectId, object.schemaId);
    const hidden = session.hidden.has(object.objectId);
    return html`
      <div class="row-actions">
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

  /** Selects the object alone, or adds it to (removes it from) the selection. */
  private choose(session: LabelingSession, objectId: string, additive: boolean): void {
    if (!additive) {
      session.select([objectId]);
      return;
    }
    const selection = session.selection;
    session.select(selection.includes(objectId) ? selection.filter((id) => id !== objectId) : [...selection, objectId]);
  }

  private deleteObject(session: LabelingSession, objectId: string): void {
    const object = session.store.state.objects.get(objectId);
    if (!session.canEdit || !object || object.lock) return;
    session.store.transact({ origin: 'user', reason: 'delete' }, (tx) => tx.removeObject(objectId));
  }

  private onKeyDown(event: KeyboardEvent, session: LabelingSession, objects: readonly ObjectAnnotation[]): void {
    const index = Math.max(0, Math.min(this.activeIndex, objects.length - 1));
    const object = objects[index];
    const next = nextListIndex(event.key, index, objects.length);
    if (next !== undefined) {
      event.preventDefault();
      this.activeIndex = next;
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
