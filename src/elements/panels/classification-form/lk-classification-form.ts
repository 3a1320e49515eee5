import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleProperties } from '../../base/style-properties.js';
import type { Answer, AuditMetadata, ClassificationAnswer, ObjectAnnotation } from '../../../core/model.js';
import type { ClassificationCategory, ToolCategory } from '../../../core/ontology.js';
import type { Problem } from '../../../core/problem.js';
import type { LabelingSession, SessionTopic } from '../../../core/session.js';
import { isTypingTarget } from '../../base/keymap.js';
import { labelOf, newId, toolCategory } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { PanelElement } from '../shared/panel-element.js';
import { scrollIntoPanel } from '../shared/reveal.js';
import { panelStyles } from '../shared/panel.styles.js';
import {
  answerAt,
  answerFor,
  emptyAnswer,
  isEmptyAnswer,
  isShown,
  sameAnswer,
  stampOf,
  stamper,
  treeEntries,
  updatedAnswer,
  withAnswer,
  type AnswerWriteContext,
  type CategoryPath,
} from './answer-tree.js';
import { lkClassificationFormStyles } from './lk-classification-form.styles.js';

type FormTarget =
  | { kind: 'global'; categories: readonly ClassificationCategory[]; list: readonly ClassificationAnswer[]; locked: false }
  | {
      kind: 'object';
      object: ObjectAnnotation;
      category: ToolCategory | undefined;
      categories: readonly ClassificationCategory[];
      list: readonly ClassificationAnswer[];
      locked: boolean;
    };

interface RankDrag {
  key: string;
  path: CategoryPath;
  pointerId: number;
  startY: number;
  moved: boolean;
}

const NO_METADATA = { createdAt: '', createdBy: '', createdIn: '' };

function pathKey(path: CategoryPath): string {
  return JSON.stringify(path.map((category) => category.schemaId));
}

function arrayAnswer(answer: Answer | undefined): string[] {
  if (answer === undefined) return [];
  return typeof answer === 'string' ? (answer ? [answer] : []) : answer;
}

function stringAnswer(answer: Answer | undefined): string {
  if (answer === undefined) return '';
  return typeof answer === 'string' ? answer : (answer[0] ?? '');
}

/** `known` in their given order, then the values of `current` they do not list (kept from an import). */
function ordered(known: readonly string[], chosen: ReadonlySet<string>, current: readonly string[]): string[] {
  const knownSet = new Set(known);
  return [...known.filter((value) => chosen.has(value)), ...current.filter((value) => !knownSet.has(value) && chosen.has(value))];
}

/**
 * Answers classification questions: the task's own (global) or those of one object (`object-id`,
 * or the single selected object with `follow-selection`). Every classification type of FORMAT.md
 * §1; nested questions under their parent, conditional ones only while their option is chosen,
 * frame-specific ones per plane. Each answer is one undo step (text answers are written on
 * `change`, not per keystroke). Digits 1–9 in a focused choice question pick its options.
 *
 * @tagname lk-classification-form
 * @csspart form - The whole form.
 * @csspart heading - The form's heading.
 * @csspart field - One question with its nested questions.
 * @csspart error - The message under a text answer that does not match its pattern, or under a question a blocked Submit names.
 * @csspart invalid-field - A question a blocked Submit names (also `field`); it is focused and scrolled to when revealed.
 * @cssproperty [--lk-error-color=#cf222e] - Required marks and pattern messages.
 * @cssproperty [--lk-border-color=#d0d7de] - Input borders and the nesting line.
 * @cssproperty [--lk-input-background=#ffffff] - Background of inputs and dropdowns.
 * @cssproperty [--lk-dropdown-max-height=220px] - Height of an open multi or tree dropdown before it scrolls.
 * @cssproperty [--lk-focus-color=#0969da] - Focus ring.
 */
export class LkClassificationForm extends PanelElement {
  static override styles = [panelStyles, lkClassificationFormStyles];

  /** Answer this object's questions instead of the task's. */
  @property({ type: String, attribute: 'object-id' }) objectId: string | undefined;

  /** Without `object-id`: answer the questions of the single selected object (nothing when none is). */
  @property({ type: Boolean, attribute: 'follow-selection' }) followSelection = false;

  /** Heading text; defaults to "Classifications" for the task and the object's class and id otherwise. */
  @property({ type: String }) heading: string | undefined;

  @state() private announcement = '';

  /** Text typed but not yet committed (`change`), by question. */
  private readonly drafts = new Map<string, string>();
  /** Tree dropdown filters, by question. */
  private readonly filters = new Map<string, string>();
  /** A rank order being dragged, by question. */
  private readonly rankDrafts = new Map<string, string[]>();
  private rankDrag: RankDrag | undefined;
  /** The value being dragged in `rankDrag`'s list. */
  private rankDragValue: string | undefined;
  private readonly ids = new Map<string, string>();
  private shownTarget: string | undefined;

  protected override sessionChanged(topic: SessionTopic): void {
    if (topic === 'plane') this.drafts.clear();
    if (topic === 'reveal') void this.updateComplete.then(() => this.focusRevealed());
  }

  /** The problems of a blocked Submit that are about this form's questions (by question). */
  private problemsHere(session: LabelingSession, target: FormTarget): Map<string, Problem> {
    const owner = target.kind === 'object' ? target.object.objectId : undefined;
    const here = new Map<string, Problem>();
    for (const problem of session.problems) {
      if (problem.schemaId !== undefined && problem.objectId === owner && !here.has(problem.schemaId)) here.set(problem.schemaId, problem);
    }
    return here;
  }

  /** After a blocked Submit (or a click on a problem): focus and scroll to the question it names, if it is in this form. */
  private focusRevealed(): void {
    const session = this.currentSession;
    const problem = session?.revealed;
    const target = this.resolveTarget();
    if (!session || !problem?.schemaId || !target) return;
    if (problem.objectId !== (target.kind === 'object' ? target.object.objectId : undefined)) return;
    const field = [...this.renderRoot.querySelectorAll<HTMLElement>('.field')].find((element) => element.dataset['schemaId'] === problem.schemaId);
    const control = field?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), summary, button:not([disabled]), [tabindex="0"]');
    if (!field || !control) return;
    scrollIntoPanel(field);
    control.focus({ preventScroll: true });
  }

  /**
   * Digits 1–9 in a focused choice question (radio, checkbox, multi dropdown) pick its first to
   * ninth option (a checkbox option is toggled). The innermost question takes them, and the
   * element's class keys do not see them.
   */
  private onFieldKey(event: KeyboardEvent, category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): void {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey || !/^[1-9]$/.test(event.key) || isTypingTarget(event)) return;
    if (category.tool !== 'radio' && category.tool !== 'checkbox' && category.tool !== 'multi-dropdown') return;
    const option = category.options[Number(event.key) - 1];
    if (!option) return;
    event.preventDefault();
    event.stopPropagation();
    if (category.tool === 'radio') this.write(path, option.value);
    else this.toggleOption(category, path, option.value, !arrayAnswer(answer).includes(option.value));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const target = this.resolveTarget();
    const targetKey = target?.kind === 'object' ? target.object.objectId : target?.kind;
    if (targetKey !== this.shownTarget) {
      this.shownTarget = targetKey;
      this.drafts.clear();
      this.rankDrafts.clear();
    }
    this.toggleAttribute('empty', !target || target.categories.length === 0);
  }

  private resolveTarget(): FormTarget | undefined {
    const session = this.currentSession;
    const ontology = session?.ontology;
    if (!session || !ontology) return undefined;
    const wantsObject = Boolean(this.objectId) || this.followSelection;
    if (!wantsObject) return { kind: 'global', categories: ontology.classifications, list: [...session.store.state.classifications.values()], locked: false };
    const id = this.objectId || (session.selection.length === 1 ? session.selection[0] : undefined);
    const object = id === undefined ? undefined : session.store.state.objects.get(id);
    if (!object) return undefined;
    const category = toolCategory(ontology, object.schemaId);
    return {
      kind: 'object',
      object,
      category,
      categories: category?.classifications ?? [],
      list: object.classifications,
      locked: object.lock === true,
    };
  }

  private idFor(key: string, suffix: string): string {
    const full = `${key}\u0000${suffix}`;
    let id = this.ids.get(full);
    if (!id) {
      id = `q${this.ids.size}`;
      this.ids.set(full, id);
    }
    return id;
  }

  // ---- rendering --------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const session = this.currentSession;
    const target = this.resolveTarget();
    if (!session || !target || target.categories.length === 0) return nothing;
    const heading =
      this.heading ?? (target.kind === 'object' ? labelOf(session.ontology, target.object, target.object.objectId) : 'Classifications');
    const readonly = !session.canEdit || target.locked;
    return html`
      <div part="form" role="group" aria-labelledby="heading">
        <h3 class="title" id="heading" part="heading">
          ${heading}${target.locked ? html` <span class="muted">(locked)</span>` : nothing}
        </h3>
        ${this.renderLevel(session, target.categories, target.list, [], undefined, undefined, readonly, this.problemsHere(session, target))}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderLevel(
    session: LabelingSession,
    categories: readonly ClassificationCategory[],
    list: readonly ClassificationAnswer[],
    parentPath: CategoryPath,
    parent: ClassificationCategory | undefined,
    parentAnswer: Answer | undefined,
    readonly: boolean,
    problems: ReadonlyMap<string, Problem>,
  ): TemplateResult[] {
    return categories
      .filter((category) => isShown(category, parent, parentAnswer))
      .map((category) => {
        const path = [...parentPath, category];
        const answer = answerFor(list, category, session.plane);
        const locked = readonly || answer?.lock === true;
        const nested = category.classifications.length
          ? html`<div class="nested">
              ${this.renderLevel(session, category.classifications, answer?.classifications ?? [], path, category, answer?.answer, locked, problems)}
            </div>`
          : nothing;
        const problem = problems.get(category.schemaId);
        return html`
          <div
            class=${problem ? 'field invalid' : 'field'}
            part=${problem ? 'field invalid-field' : 'field'}
            data-schema-id=${category.schemaId}
            @keydown=${(event: KeyboardEvent) => this.onFieldKey(event, category, path, answer?.answer, locked)}
          >
            ${this.renderControl(category, path, answer?.answer, locked)}
            ${problem ? html`<div class="error problem" part="error">${problem.message}</div>` : nothing} ${nested}
          </div>
        `;
      });
  }

  private renderControl(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    switch (category.tool) {
      case 'radio':
        return this.renderRadio(category, path, answer, disabled);
      case 'checkbox':
        return this.renderCheckbox(category, path, answer, disabled);
      case 'single-dropdown':
        return this.renderSelect(category, path, answer, disabled);
      case 'multi-dropdown':
        return this.renderMulti(category, path, answer, disabled);
      case 'tree-dropdown':
        return this.renderTree(category, path, answer, disabled);
      case 'text':
        return this.renderText(category, path, answer, disabled);
      case 'rank':
        return this.renderRank(category, path, answer, disabled);
    }
  }

  private requiredMark(category: ClassificationCategory, spoken: boolean): TemplateResult | typeof nothing {
    if (!category.required) return nothing;
    return html`<span class="required" aria-hidden="true"> *</span>${spoken ? html`<span class="visually-hidden"> (required)</span>` : nothing}`;
  }

  private renderRadio(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const key = pathKey(path);
    const labelId = this.idFor(key, 'label');
    const value = stringAnswer(answer);
    return html`
      <div class="label" id=${labelId}>${category.title}${this.requiredMark(category, false)}</div>
      <div role="radiogroup" aria-labelledby=${labelId} aria-required=${category.required ? 'true' : nothing}>
        ${category.options.map(
          (option) => html`
            <label class="choice">
              <input
                type="radio"
                name=${this.idFor(key, 'radio')}
                .value=${option.value}
                .checked=${live(value === option.value)}
                ?disabled=${disabled}
                @change=${() => this.write(path, option.value)}
              />
              <span>${option.value}</span>
            </label>
          `,
        )}
      </div>
      ${value && !disabled
        ? html`<div class="actions-row">
            <button type="button" @click=${() => this.write(path, undefined)}>Clear<span class="visually-hidden"> ${category.title}</span></button>
          </div>`
        : nothing}
    `;
  }

  private renderChoices(category: ClassificationCategory, path: CategoryPath, chosen: readonly string[], disabled: boolean): TemplateResult[] {
    return category.options.map(
      (option) => html`
        <label class="choice">
          <input
            type="checkbox"
            .checked=${live(chosen.includes(option.value))}
            ?disabled=${disabled}
            @change=${(event: Event) => this.toggleOption(category, path, option.value, (event.currentTarget as HTMLInputElement).checked)}
          />
          <span>${option.value}</span>
        </label>
      `,
    );
  }

  private renderCheckbox(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    return html`
      <fieldset>
        <legend>${category.title}${this.requiredMark(category, true)}</legend>
        ${this.renderChoices(category, path, arrayAnswer(answer), disabled)}
      </fieldset>
    `;
  }

  private renderSelect(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const id = this.idFor(pathKey(path), 'select');
    const value = stringAnswer(answer);
    const unknown = value !== '' && !category.options.some((option) => option.value === value);
    return html`
      <label class="label" for=${id}>${category.title}${this.requiredMark(category, false)}</label>
      <select
        id=${id}
        aria-required=${category.required ? 'true' : nothing}
        ?disabled=${disabled}
        @change=${(event: Event) => this.write(path, (event.currentTarget as HTMLSelectElement).value || undefined)}
      >
        <option value="" .selected=${live(value === '')}>Choose…</option>
        ${category.options.map((option) => html`<option .value=${option.value} .selected=${live(value === option.value)}>${option.value}</option>`)}
        ${unknown ? html`<option .value=${value} .selected=${live(true)}>${value}</option>` : nothing}
      </select>
    `;
  }

  private renderMulti(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const chosen = arrayAnswer(answer);
    return html`
      <fieldset>
        <legend>${category.title}${this.requiredMark(category, true)}</legend>
        <details>
          <summary>${chosen.length ? chosen.join(', ') : 'None chosen'}</summary>
          <div class="dropdown-body">${this.renderChoices(category, path, chosen, disabled)}</div>
        </details>
      </fieldset>
    `;
  }

  private renderTree(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const key = pathKey(path);
    const chosen = arrayAnswer(answer);
    const filter = this.filters.get(key) ?? '';
    const needle = filter.trim().toLowerCase();
    const entries = treeEntries(category.treeOptions);
    const shown = needle ? entries.filter((entry) => entry.path.toLowerCase().includes(needle)) : entries;
    return html`
      <fieldset>
        <legend>${category.title}${this.requiredMark(category, true)}</legend>
        <details>
          <summary>${chosen.length ? `${chosen.length} chosen` : 'None chosen'}</summary>
          <div class="dropdown-body">
            <input
              type="search"
              aria-label=${`Filter ${category.title}`}
              placeholder="Filter…"
              .value=${live(filter)}
              @input=${(event: Event) => {
                this.filters.set(key, (event.currentTarget as HTMLInputElement).value);
                this.requestUpdate();
              }}
            />
            <ul class="tree">
              ${shown.map(
                (entry) => html`
                  <li style=${styleProperties({ paddingLeft: needle ? '0' : `${entry.depth * 14}px` })}>
                    <label class="choice">
                      <input
                        type="checkbox"
                        data-path=${entry.path}
                        .checked=${live(chosen.includes(entry.path))}
                        ?disabled=${disabled}
                        @change=${(event: Event) => this.toggleTreePath(category, path, entry.path, (event.currentTarget as HTMLInputElement).checked)}
                      />
                      ${needle
                        ? html`<span>${entry.path}</span>`
                        : html`${entry.parentPath ? html`<span class="visually-hidden">${entry.parentPath} / </span>` : nothing}<span>${entry.title}</span>`}
                    </label>
                  </li>
                `,
              )}
            </ul>
            ${shown.length === 0 ? html`<div class="muted">No matches.</div>` : nothing}
          </div>
        </details>
        ${chosen.length ? html`<ul class="chosen" aria-label=${`${category.title}: chosen`}>${chosen.map((value) => html`<li>${value}</li>`)}</ul>` : nothing}
      </fieldset>
    `;
  }

  private renderText(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const key = pathKey(path);
    const id = this.idFor(key, 'text');
    const errorId = this.idFor(key, 'error');
    const value = this.drafts.get(key) ?? stringAnswer(answer);
    const invalid = value !== '' && !this.fitsPattern(category, value);
    return html`
      <label class="label" for=${id}>${category.title}${this.requiredMark(category, false)}</label>
      <input
        id=${id}
        type="text"
        autocomplete="off"
        .value=${live(value)}
        aria-required=${category.required ? 'true' : nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? errorId : nothing}
        ?disabled=${disabled}
        @input=${(event: Event) => {
          this.drafts.set(key, (event.currentTarget as HTMLInputElement).value);
          this.requestUpdate();
        }}
        @change=${(event: Event) => {
          const text = (event.currentTarget as HTMLInputElement).value;
          this.drafts.delete(key);
          this.write(path, text === '' ? undefined : text);
          this.requestUpdate();
        }}
      />
      ${invalid ? html`<div class="error" id=${errorId} part="error">Does not match the expected format (${category.regex ?? ''}).</div>` : nothing}
    `;
  }

  private fitsPattern(category: ClassificationCategory, value: string): boolean {
    if (!category.regex) return true;
    try {
      return new RegExp(category.regex, 'u').test(value);
    } catch {
      return true;
    }
  }

  private rankOrder(category: ClassificationCategory, key: string, answer: Answer | undefined): string[] {
    const draft = this.rankDrafts.get(key);
    if (draft) return draft;
    const ranked = arrayAnswer(answer);
    const rankedSet = new Set(ranked);
    return [...ranked, ...category.options.map((option) => option.value).filter((value) => !rankedSet.has(value))];
  }

  private renderRank(category: ClassificationCategory, path: CategoryPath, answer: Answer | undefined, disabled: boolean): TemplateResult {
    const key = pathKey(path);
    const labelId = this.idFor(key, 'label');
    const hintId = this.idFor(key, 'hint');
    const order = this.rankOrder(category, key, answer);
    const answered = !isEmptyAnswer(answer);
    const dragging = this.rankDrag?.key === key && this.rankDrag.moved ? this.rankDrafts.get(key) : undefined;
    return html`
      <div class="label" id=${labelId}>
        ${category.title}${this.requiredMark(category, true)}${answered ? nothing : html` <span class="muted">(not ranked yet)</span>`}
      </div>
      <ol class="rank" aria-labelledby=${labelId} aria-describedby=${disabled ? nothing : hintId} data-key=${key}>
        ${order.map(
          (value, index) => html`
            <li
              class=${`${disabled ? '' : 'editable'} ${dragging && this.rankDragValue === value ? 'dragging' : ''}`}
              tabindex=${disabled ? nothing : '0'}
              data-value=${value}
              @keydown=${(event: KeyboardEvent) => this.onRankKey(event, path, key, order, index, disabled)}
              @pointerdown=${(event: PointerEvent) => this.onRankPointerDown(event, path, key, order, index, disabled)}
              @pointermove=${(event: PointerEvent) => this.onRankPointerMove(event, key)}
              @pointerup=${(event: PointerEvent) => this.onRankPointerUp(event, key)}
              @pointercancel=${(event: PointerEvent) => this.onRankPointerUp(event, key, true)}
            >
              <span class="grip" aria-hidden="true">${icons.grip}</span>
              <span class="position">${index + 1}.</span>
              <span class="rank-value">${value}</span>
              <button
                type="button"
                aria-label=${`Move ${value} up`}
                ?disabled=${disabled || index === 0}
                @click=${() => this.moveRank(path, key, order, index, -1, false)}
              >
                ${icons.up}
              </button>
              <button
                type="button"
                aria-label=${`Move ${value} down`}
                ?disabled=${disabled || index === order.length - 1}
                @click=${() => this.moveRank(path, key, order, index, 1, false)}
              >
                ${icons.down}
              </button>
            </li>
          `,
        )}
      </ol>
      ${disabled
        ? nothing
        : html`
            <div class="hint muted" id=${hintId}>Alt+↑/↓ or drag to reorder.</div>
            <div class="actions-row">
              ${answered
                ? html`<button type="button" @click=${() => this.write(path, undefined)}>Clear<span class="visually-hidden"> ${category.title}</span></button>`
                : html`<button type="button" @click=${() => this.write(path, order)}>Keep this order</button>`}
            </div>
          `}
    `;
  }

  // ---- input ------------------------------------------------------------------------------------

  private toggleOption(category: ClassificationCategory, path: CategoryPath, value: string, on: boolean): void {
    const current = arrayAnswer(this.currentAnswer(path));
    const chosen = new Set(current);
    if (on) chosen.add(value);
    else chosen.delete(value);
    this.write(
      path,
      ordered(
        category.options.map((option) => option.value),
        chosen,
        current,
      ),
    );
  }

  private toggleTreePath(category: ClassificationCategory, path: CategoryPath, treePath: string, on: boolean): void {
    const current = arrayAnswer(this.currentAnswer(path));
    const chosen = new Set(current);
    if (on) chosen.add(treePath);
    else chosen.delete(treePath);
    this.write(
      path,
      ordered(
        treeEntries(category.treeOptions).map((entry) => entry.path),
        chosen,
        current,
      ),
    );
  }

  private moveRank(path: CategoryPath, key: string, order: readonly string[], index: number, step: -1 | 1, keepFocus: boolean): void {
    const to = index + step;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [value] = next.splice(index, 1);
    if (value === undefined) return;
    next.splice(to, 0, value);
    this.write(path, next);
    this.announcement = `${value}: position ${to + 1} of ${next.length}.`;
    if (keepFocus) void this.focusRankItem(key, to);
  }

  private async focusRankItem(key: string, index: number): Promise<void> {
    await this.updateComplete;
    const list = [...this.renderRoot.querySelectorAll<HTMLOListElement>('ol.rank')].find((ol) => ol.dataset['key'] === key);
    list?.querySelectorAll<HTMLLIElement>(':scope > li')[index]?.focus();
  }

  private onRankKey(event: KeyboardEvent, path: CategoryPath, key: string, order: readonly string[], index: number, disabled: boolean): void {
    if (disabled || event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      this.moveRank(path, key, order, index, event.key === 'ArrowUp' ? -1 : 1, true);
    } else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void this.focusRankItem(key, Math.max(0, Math.min(order.length - 1, index + (event.key === 'ArrowUp' ? -1 : 1))));
    }
  }

  private onRankPointerDown(event: PointerEvent, path: CategoryPath, key: string, order: readonly string[], index: number, disabled: boolean): void {
    if (disabled || event.button !== 0 || (event.target as Element).closest('button')) return;
    const item = event.currentTarget as HTMLLIElement;
    item.setPointerCapture(event.pointerId);
    this.rankDrag = { key, path, pointerId: event.pointerId, startY: event.clientY, moved: false };
    this.rankDragValue = order[index];
    this.rankDrafts.set(key, [...order]);
  }

  private onRankPointerMove(event: PointerEvent, key: string): void {
    const drag = this.rankDrag;
    if (!drag || drag.key !== key || drag.pointerId !== event.pointerId) return;
    if (!drag.moved && Math.abs(event.clientY - drag.startY) < 4) return;
    drag.moved = true;
    const draft = this.rankDrafts.get(key);
    const list = (event.currentTarget as HTMLElement).parentElement;
    if (!draft || !list || this.rankDragValue === undefined) return;
    const items = [...list.children];
    let target = items.length - 1;
    for (let i = 0; i < items.length; i++) {
      const rect = items[i]!.getBoundingClientRect();
      if (event.clientY < rect.top + rect.height / 2) {
        target = i;
        break;
      }
    }
    const from = draft.indexOf(this.rankDragValue);
    if (from === target || from < 0) {
      this.requestUpdate();
      return;
    }
    draft.splice(from, 1);
    draft.splice(target, 0, this.rankDragValue);
    this.requestUpdate();
  }

  private onRankPointerUp(event: PointerEvent, key: string, cancelled = false): void {
    const drag = this.rankDrag;
    if (!drag || drag.key !== key || drag.pointerId !== event.pointerId) return;
    this.rankDrag = undefined;
    this.rankDragValue = undefined;
    const draft = this.rankDrafts.get(key);
    this.rankDrafts.delete(key);
    if (!cancelled && drag.moved && draft) this.write(drag.path, draft);
    this.requestUpdate();
  }

  // ---- writing ----------------------------------------------------------------------------------

  private currentAnswer(path: CategoryPath): Answer | undefined {
    const session = this.currentSession;
    const target = this.resolveTarget();
    if (!session || !target) return undefined;
    return answerAt(target.list, path, session.plane)?.answer;
  }

  /** Writes one answer (`undefined` or empty clears it) as one user transaction with reason `classify`. */
  private write(path: CategoryPath, value: Answer | undefined): void {
    const session = this.currentSession;
    const target = this.resolveTarget();
    const [root] = path;
    if (!session || !target || !root || !session.canEdit || target.locked) return;
    const plane = session.plane;
    if (sameAnswer(answerAt(target.list, path, plane)?.answer, value)) return;
    const clean = value === undefined || isEmptyAnswer(value) ? undefined : value;
    const context = (metadata: AuditMetadata): AnswerWriteContext => ({
      plane,
      newId,
      stamp: stamper(stampOf(metadata)),
    });
    // The store stamps user writes with its own clock and user. Nested answers need the same stamp,
    // so the top-level entity is put first and its stamped metadata read back.
    session.store.transact({ origin: 'user', reason: 'classify' }, (tx) => {
      if (target.kind === 'object') {
        const object = tx.state.objects.get(target.object.objectId);
        if (!object || object.lock) return;
        tx.putObject(object);
        const stamped = tx.state.objects.get(object.objectId);
        if (!stamped) return;
        tx.putObject({ ...stamped, classifications: withAnswer(object.classifications, path, clean, context(stamped.metadata)) });
        return;
      }
      const before = answerFor([...tx.state.classifications.values()], root, plane);
      if (before?.lock) return;
      const probe: ClassificationAnswer = before ?? {
        objectId: newId(),
        schemaId: root.schemaId,
        answer: emptyAnswer(root),
        classifications: [],
        ...(root.frameSpecific ? { page: plane } : {}),
        metadata: NO_METADATA,
      };
      tx.putClassification(probe);
      const stamped = tx.state.classifications.get(probe.objectId);
      if (!stamped) return;
      const after = updatedAnswer(stamped, path, clean, context(stamped.metadata));
      if (after) tx.putClassification(after);
      else tx.removeClassification(probe.objectId);
    });
  }
}
