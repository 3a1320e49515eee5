import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleProperties } from '../../base/style-properties.js';
import type { RelationAnnotation } from '../../../core/model.js';
import type { RelationCategory } from '../../../core/ontology.js';
import type { LabelingSession, SessionTopic } from '../../../core/session.js';
import { labelOf, newId, relationCategory, safeColor } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { nextListIndex } from '../shared/listbox-keys.js';
import { listStyles } from '../shared/list.styles.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkRelationsPanelStyles } from './lk-relations-panel.styles.js';

const NO_METADATA = { createdAt: '', createdBy: '', createdIn: '' };

/** How many selected objects a relation class needs. */
function fits(category: RelationCategory, count: number): boolean {
  return category.tool === 'one-to-one' ? count === 2 : count >= 2;
}

/**
 * Relations between objects: the list (class, endpoints by class title, direction), creating
 * relations from the selected objects (one-to-one from the first to the second selected, with a
 * swap and a both-directions switch; one-to-many from the first to each other; group of all),
 * changing the direction of the selected relation, deleting. The list is a listbox: a row selects
 * its relation; ↑/↓ move, Enter selects, Delete deletes.
 *
 * @tagname lk-relations-panel
 * @csspart list - The listbox of relations.
 * @csspart item - One relation's row.
 * @csspart create - The controls that create a relation from the selection.
 * @cssproperty [--lk-relations-max-height=240px] - Height before the list scrolls.
 * @cssproperty [--lk-selected-background=#ddf4ff] - Background of the selected row.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring.
 */
export class LkRelationsPanel extends PanelElement {
  static override styles = [panelStyles, listStyles, lkRelationsPanelStyles];

  /** Heading text. */
  @property({ type: String }) heading = 'Relations';

  /** New one-to-one relations point both ways. */
  @state() private bidirectional = false;
  /** New one-to-one relations go from the second selected object to the first. */
  @state() private swapped = false;
  @state() private activeIndex = 0;
  @state() private announcement = '';

  protected override sessionChanged(topic: SessionTopic): void {
    if (topic === 'selection') this.swapped = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.currentSession;
    const empty = !session || ((session.ontology?.relations.length ?? 0) === 0 && session.store.state.relations.size === 0);
    this.toggleAttribute('empty', empty);
  }

  protected override render(): TemplateResult | typeof nothing {
    const session = this.currentSession;
    if (!session) return nothing;
    const relations = [...session.store.state.relations.values()];
    return html`
      <h3 class="title" id="heading">${this.heading} <span class="muted">(${relations.length})</span></h3>
      ${session.canEdit ? this.renderCreate(session) : nothing} ${this.renderSelectedEditor(session)}
      ${relations.length ? this.renderList(session, relations) : html`<p class="empty muted">No relations yet.</p>`}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private pickedObjects(session: LabelingSession): string[] {
    return session.selection.filter((id) => session.store.state.objects.has(id));
  }

  private label(session: LabelingSession, objectId: string): string {
    return labelOf(session.ontology, session.store.state.objects.get(objectId), objectId);
  }

  private renderCreate(session: LabelingSession): TemplateResult | typeof nothing {
    const categories = session.ontology?.relations ?? [];
    if (categories.length === 0) return nothing;
    const picked = this.pickedObjects(session);
    if (picked.length < 2) return html`<p class="hint muted">Select two or more objects to relate them.</p>`;
    const pair = picked.length === 2;
    const [from, to] = pair && this.swapped ? [picked[1]!, picked[0]!] : [picked[0]!, picked[1]!];
    return html`
      <div class="create" part="create" role="group" aria-label="New relation">
        ${pair
          ? html`
              <div class="pair">
                <span>${this.label(session, from)}</span>
                <span aria-hidden="true">${this.bidirectional ? '↔' : '→'}</span>
                <span class="visually-hidden">${this.bidirectional ? 'and' : 'to'}</span>
                <span>${this.label(session, to)}</span>
                <button type="button" aria-label="Swap from and to" title="Swap" @click=${() => (this.swapped = !this.swapped)}>${icons.swap}</button>
              </div>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  class="direction"
                  .checked=${live(this.bidirectional)}
                  @change=${(event: Event) => (this.bidirectional = (event.currentTarget as HTMLInputElement).checked)}
                />
                Both directions
              </label>
            `
          : html`<div class="muted">${picked.length} objects selected</div>`}
        <div class="buttons">
          ${categories.map(
            (category) => html`
              <button
                type="button"
                data-schema-id=${category.schemaId}
                ?disabled=${!fits(category, picked.length)}
                @click=${() => this.create(session, category, from, to, picked)}
              >
                <span class="swatch" style=${styleProperties({ '--swatch': safeColor(category.color) })}></span>
                Relate: ${category.title}
              </button>
            `,
          )}
        </div>
      </div>
    `;
  }

  private create(session: LabelingSession, category: RelationCategory, from: string, to: string, picked: readonly string[]): void {
    if (!session.canEdit || !fits(category, picked.length)) return;
    const direction = this.bidirectional ? 'bidirectional' : 'straight';
    const relations: RelationAnnotation[] =
      category.tool === 'group'
        ? [{ kind: 'group', objectId: newId(), schemaId: category.schemaId, group: [...picked], metadata: NO_METADATA }]
        : category.tool === 'one-to-one'
          ? [{ kind: 'single', objectId: newId(), schemaId: category.schemaId, from, to, direction, metadata: NO_METADATA }]
          : picked
              .slice(1)
              .map((target) => ({ kind: 'single', objectId: newId(), schemaId: category.schemaId, from: picked[0]!, to: target, direction, metadata: NO_METADATA }));
    session.store.transact({ origin: 'user', reason: 'relate' }, (tx) => relations.forEach((relation) => tx.putRelation(relation)));
    this.announcement = `${category.title}: ${relations.length === 1 ? 'relation' : `${relations.length} relations`} created.`;
  }

  private selectedSingle(session: LabelingSession): Extract<RelationAnnotation, { kind: 'single' }> | undefined {
    if (session.selection.length !== 1) return undefined;
    const relation = session.store.state.relations.get(session.selection[0]!);
    return relation?.kind === 'single' ? relation : undefined;
  }

  private renderSelectedEditor(session: LabelingSession): TemplateResult | typeof nothing {
    const relation = this.selectedSingle(session);
    if (!relation) return nothing;
    const disabled = !session.canEdit || relation.lock === true;
    const title = relationCategory(session.ontology, relation.schemaId)?.title ?? relation.schemaId;
    return html`
      <div class="editor" role="group" aria-label=${`Selected relation: ${title}`}>
        <div class="pair">
          <button type="button" class="swap-selected" ?disabled=${disabled} @click=${() => this.putRelation(session, { ...relation, from: relation.to, to: relation.from })}>
            ${icons.swap} Swap direction
          </button>
        </div>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            class="direction-selected"
            ?disabled=${disabled}
            .checked=${live(relation.direction === 'bidirectional')}
            @change=${(event: Event) =>
              this.putRelation(session, { ...relation, direction: (event.currentTarget as HTMLInputElement).checked ? 'bidirectional' : 'straight' })}
          />
          Both directions
        </label>
      </div>
    `;
  }

  private putRelation(session: LabelingSession, relation: RelationAnnotation): void {
    if (!session.canEdit || relation.lock) return;
    session.store.transact({ origin: 'user', reason: 'relate' }, (tx) => tx.putRelation(relation));
  }

  private deleteRelation(session: LabelingSession, relation: RelationAnnotation): void {
    if (!session.canEdit || relation.lock) return;
    session.store.transact({ origin: 'user', reason: 'relate' }, (tx) => tx.removeRelation(relation.objectId));
  }

  private describe(session: LabelingSession, relation: RelationAnnotation): TemplateResult {
    if (relation.kind === 'group') return html`<span class="name">${relation.group.map((id) => this.label(session, id)).join(', ')}</span>`;
    const both = relation.direction === 'bidirectional';
    const reverse = relation.direction === 'reverse';
    return html`<span class="name"
      >${this.label(session, relation.from)}<span aria-hidden="true"> ${both ? '↔' : reverse ? '←' : '→'} </span
      ><span class="visually-hidden"> ${both ? 'and' : reverse ? 'from' : 'to'} </span>${this.label(session, relation.to)}</span
    >`;
  }

  private renderList(session: LabelingSession, relations: readonly RelationAnnotation[]): TemplateResult {
    const active = Math.max(0, Math.min(this.activeIndex, relations.length - 1));
    return html`
      <div class="rows">
        <div part="list" role="listbox" aria-labelledby="heading" @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, session, relations)}>
          ${relations.map((relation, index) => {
            const category = relationCategory(session.ontology, relation.schemaId);
            return html`
              <div
                part="item"
                role="option"
                data-relation-id=${relation.objectId}
                aria-selected=${session.selection.includes(relation.objectId) ? 'true' : 'false'}
                tabindex=${index === active ? '0' : '-1'}
                title=${category?.title ?? relation.schemaId}
                @click=${() => session.select([relation.objectId])}
                @focus=${() => (this.activeIndex = index)}
              >
                <span class="swatch" style=${styleProperties({ '--swatch': safeColor(category?.color) })}></span>
                <span class="id">${category?.title ?? relation.schemaId}:</span>
                ${this.describe(session, relation)}
                ${relation.lock ? html`<span class="lock" title="Locked">${icons.lock}<span class="visually-hidden">, locked</span></span>` : nothing}
              </div>
            `;
          })}
        </div>
        <div class="actions">
          ${relations.map(
            (relation) => html`
              <div class="row-actions">
                <button
                  type="button"
                  class="delete"
                  aria-label=${`Delete relation ${relationCategory(session.ontology, relation.schemaId)?.title ?? relation.schemaId}`}
                  title="Delete"
                  ?disabled=${!session.canEdit || relation.lock === true}
                  @click=${() => this.deleteRelation(session, relation)}
                >
                  ${icons.trash}
                </button>
              </div>
            `,
          )}
        </div>
      </div>
    `;
  }

  private onKeyDown(event: KeyboardEvent, session: LabelingSession, relations: readonly RelationAnnotation[]): void {
    const index = Math.max(0, Math.min(this.activeIndex, relations.length - 1));
    const next = nextListIndex(event.key, index, relations.length);
    if (next !== undefined) {
      event.preventDefault();
      this.activeIndex = next;
      void this.focusActive();
      return;
    }
    const relation = relations[index];
    if (!relation) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      session.select([relation.objectId]);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.deleteRelation(session, relation);
      void this.focusActive();
    }
  }

  private async focusActive(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
  }
}
