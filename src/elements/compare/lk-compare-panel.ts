import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ObjectAgreement } from '../../format/compare/agreement.js';
import type { ObjectChange } from '../../format/compare/diff.js';
import { labelOf, objectLabel } from '../panels/shared/format.js';
import { PanelElement } from '../panels/shared/panel-element.js';
import { panelStyles } from '../panels/shared/panel.styles.js';
import { formatAgreement, sourceStyle, type CompareView, type HistoryBase } from './compare-view.js';

/**
 * The compare panel (docs/review.md "Compare and consensus", "Change history"): each version with
 * its colour and dash pattern, a Show toggle and Keep all; the agreement of the asset, of each
 * class and of the task's answers; each matched object with its agreement and a Keep button per
 * version; and the changes from a baseline to the current annotations. An element shows it in
 * its side panel while `compare` is set; it is loaded with the compare view, never before.
 *
 * @tagname lk-compare-panel
 * @csspart compare - The panel.
 * @csspart sources - The list of versions.
 * @csspart objects - The list of matched objects.
 * @csspart history - The change history.
 */
export class LkComparePanel extends PanelElement {
  static override styles = [
    panelStyles,
    css`
      h3,
      h4 {
        margin: 8px 0 4px;
        font-size: inherit;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px;
        padding: 2px 0;
      }
      .swatch {
        flex: none;
        width: 28px;
        height: 8px;
      }
      .label {
        flex: 1 1 auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .score {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .object[data-emphasised] {
        background: var(--lk-hover-background, #eef1f4);
      }
      .keep {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        padding-left: 8px;
      }
      select {
        font: inherit;
        max-width: 100%;
      }
    `,
  ];

  /** The compare view of the element this panel belongs to. */
  @property({ attribute: false }) view: CompareView | undefined;

  private unsubscribeView: (() => void) | undefined;
  private subscribedView: CompareView | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.view !== this.subscribedView) {
      this.unsubscribeView?.();
      this.subscribedView = this.view;
      this.unsubscribeView = this.view?.subscribe(() => this.requestUpdate());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeView?.();
    this.subscribedView = undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const report = view.report;
    return html`<div part="compare" role="group" aria-labelledby="compare-title">
      <h3 id="compare-title">
        Agreement
        <span class="score asset" data-agreement=${report ? String(report.asset) : nothing}>${report ? formatAgreement(report.asset) : '…'}</span>
      </h3>
      ${this.renderSources(view)} ${report ? this.renderClasses(view) : nothing} ${report ? this.renderObjects(view) : nothing} ${this.renderHistory(view)}
    </div>`;
  }

  private swatch(index: number): TemplateResult {
    const { color, dash } = sourceStyle(index);
    return html`<svg class="swatch" viewBox="0 0 28 8" aria-hidden="true">
      <line x1="0" y1="4" x2="28" y2="4" stroke=${color} stroke-width="3" stroke-dasharray=${dash || nothing}></line>
    </svg>`;
  }

  private renderSources(view: CompareView): TemplateResult {
    const editable = view.session.canEdit;
    return html`<h4>Versions</h4>
      <ul part="sources" class="sources">
        ${view.versions.map(
          (version, index) =>
            html`<li class="source" data-source=${index}>
              ${this.swatch(index)}
              <span class="label">${version.label}${version.imported ? nothing : ' (unreadable)'}</span>
              <button
                type="button"
                class="toggle"
                aria-pressed=${view.hidden.has(index) ? 'false' : 'true'}
                aria-label=${`Show ${version.label}`}
                @click=${() => view.toggleSource(index)}
              >
                Show
              </button>
              <button type="button" class="keep-all" ?disabled=${!editable || !version.imported} aria-label=${`Keep all of ${version.label}`} @click=${() => view.keepAll(index)}>
                Keep all
              </button>
            </li>`,
        )}
      </ul>`;
  }

  private renderClasses(view: CompareView): TemplateResult {
    const report = view.report!;
    return html`<h4>By class</h4>
      <ul class="classes">
        ${report.classes.map(
          (c) =>
            html`<li class="class" data-schema-id=${c.schemaId}>
              <span class="label">${c.title} (${c.objects})</span><span class="score" data-agreement=${String(c.agreement)}>${formatAgreement(c.agreement)}</span>
            </li>`,
        )}
        ${report.classifications.map(
          (c) =>
            html`<li class="classification" data-schema-id=${c.schemaId}>
              <span class="label">${c.title}${c.page === undefined ? '' : ` (frame ${c.page})`}</span
              ><span class="score" data-agreement=${String(c.agreement)}>${formatAgreement(c.agreement)}</span>
            </li>`,
        )}
      </ul>`;
  }

  private renderObjects(view: CompareView): TemplateResult {
    const report = view.report!;
    const ontology = view.session.ontology;
    const editable = view.session.canEdit;
    const selected = new Set(view.session.selection);
    return html`<h4>Objects</h4>
      <ul part="objects" class="objects">
        ${report.objects.map((cluster: ObjectAgreement, index) => {
          const first = cluster.members.findIndex((member) => member !== null);
          const object = view.objectOf(first, cluster.members[first]!.objectId);
          const name = labelOf(ontology, object, cluster.members[first]!.objectId);
          const isSelected = cluster.members.some((member) => member && selected.has(member.objectId));
          return html`<li
            class="object"
            data-cluster=${index}
            ?data-emphasised=${view.emphasised === index || isSelected}
            @pointerenter=${() => view.emphasise(index)}
            @pointerleave=${() => view.emphasise(undefined)}
            @focusin=${() => view.emphasise(index)}
            @focusout=${() => view.emphasise(undefined)}
          >
            <span class="label">${name}${cluster.answersAgree ? '' : ' · answers differ'}</span>
            <span class="score" data-agreement=${String(cluster.agreement)}>${formatAgreement(cluster.agreement)}</span>
            <span class="keep">
              ${cluster.members.map((member, source) =>
                member
                  ? html`<button
                      type="button"
                      class="keep-one"
                      data-source=${source}
                      ?disabled=${!editable}
                      aria-label=${`Keep ${view.versions[source]!.label}'s ${name} (${formatAgreement(member.agreement)})`}
                      @click=${() => view.keepObject(cluster, source)}
                    >
                      ${this.swatch(source)}${view.versions[source]!.label}
                    </button>`
                  : nothing,
              )}
            </span>
          </li>`;
        })}
      </ul>`;
  }

  private renderHistory(view: CompareView): TemplateResult {
    const choices = view.historyChoices();
    const current = view.historyBase ? `${view.historyBase.kind}:${view.historyBase.index}` : '';
    const history = view.historyView();
    const ontology = view.session.ontology;
    const pick = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      const [kind, index] = value.split(':');
      view.setHistoryBase(value === '' ? undefined : ({ kind, index: Number(index) } as HistoryBase));
    };
    const changeList = (title: string, kind: string, changes: readonly ObjectChange[]) =>
      changes.length === 0
        ? nothing
        : html`<li class="changes" data-kind=${kind}>
            <span class="label">${title}: ${changes.map((c) => objectLabel(ontology, c.objectId, c.schemaId, history?.before.get(c.objectId)?.metadata.index ?? view.session.store.state.objects.get(c.objectId)?.metadata.index)).join(', ')}</span>
          </li>`;
    return html`<section part="history" class="history" aria-labelledby="history-title">
      <h4 id="history-title">Changes</h4>
      <label
        >Since
        <select class="history-base" @change=${pick}>
          <option value="" ?selected=${current === ''}>—</option>
          ${choices.map(({ base, label }) => html`<option value=${`${base.kind}:${base.index}`} ?selected=${current === `${base.kind}:${base.index}`}>${label}</option>`)}
        </select></label
      >
      ${history
        ? html`<ul class="history-list">
            ${changeList('Added', 'added', history.diff.added)} ${changeList('Removed', 'removed', history.diff.removed)} ${changeList('Moved', 'moved', history.diff.moved)}
            ${changeList('Re-classified', 'reclassified', history.diff.reclassified)} ${changeList('Answers changed', 'reanswered', history.diff.reanswered)}
            ${history.diff.added.length + history.diff.removed.length + history.diff.moved.length + history.diff.reclassified.length + history.diff.reanswered.length === 0
              ? html`<li class="changes" data-kind="none">No changes.</li>`
              : nothing}
          </ul>`
        : nothing}
    </section>`;
  }
}
