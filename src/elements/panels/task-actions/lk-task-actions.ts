import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Problem } from '../../../core/problem.js';
import type { LabelingSession } from '../../../core/session.js';
import { labelOf } from '../shared/format.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkTaskActionsStyles } from './lk-task-actions.styles.js';

type Verdict = 'accept' | 'reject';

/**
 * What ends a task: Submit and Skip while annotating; in `review` mode Accept and Reject for the
 * task (with a comment and an error code) and for the selected objects. Buttons call the session's
 * actions (`submit`, `skip`, `review`); the element around the panel fires the events.
 *
 * @tagname lk-task-actions
 * @csspart actions - The panel.
 * @csspart submit - The Submit button.
 * @csspart skip - The Skip button.
 * @csspart problems - What blocked the last Submit: one button per problem (naming the missing answer
 *   and its object) that selects the object and focuses the field; it updates as problems are solved.
 * @cssproperty [--lk-accent-color=#1f6feb] - Background of the primary button.
 * @cssproperty [--lk-error-color=#cf222e] - Text of the Reject buttons.
 */
export class LkTaskActions extends PanelElement {
  static override styles = [panelStyles, lkTaskActionsStyles];

  /** Hide Submit and Skip (the host submits through its own UI). */
  @property({ type: Boolean, attribute: 'hide-submit', reflect: true }) hideSubmit = false;

  @state() private comment = '';
  @state() private errorCode = '';
  /** A task Reject was tried with no error code and no open issue: the panel asks for a code first. */
  @state() private codeNeeded = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.currentSession;
    this.toggleAttribute('empty', !session || (session.mode !== 'review' && this.hideSubmit));
  }

  protected override render(): TemplateResult | typeof nothing {
    const session = this.currentSession;
    if (!session) return nothing;
    if (session.mode === 'review') return this.renderReview(session);
    if (this.hideSubmit) return nothing;
    const disabled = session.mode === 'view';
    return html`
      <div part="actions" role="group" aria-label="Task">
        ${this.renderProblems(session)}
        <div class="buttons">
          <button type="button" part="submit" class="primary submit" ?disabled=${disabled} @click=${() => session.actions.submit()}>Submit</button>
          <button type="button" part="skip" class="skip" ?disabled=${disabled} @click=${() => session.actions.skip()}>Skip</button>
        </div>
      </div>
    `;
  }

  private renderProblems(session: LabelingSession): TemplateResult | typeof nothing {
    const problems = session.problems;
    if (problems.length === 0) return nothing;
    return html`
      <div part="problems" class="problems" role="alert">
        <p class="problems-title">Submit is blocked: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}</p>
        <ul>
          ${problems.map(
            (problem) => html`<li>
              <button type="button" class="problem" data-code=${problem.code} @click=${() => session.reveal(problem)}>${this.describe(session, problem)}</button>
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  /** The problem with the object it is about named first ("Car 3: …"). */
  private describe(session: LabelingSession, problem: Problem): string {
    const object = problem.objectId === undefined ? undefined : session.store.state.objects.get(problem.objectId);
    return object ? `${labelOf(session.ontology, object, object.objectId)}: ${problem.message}` : problem.message;
  }

  private renderReview(session: LabelingSession): TemplateResult {
    const objectIds = session.selection.filter((id) => session.store.state.objects.has(id));
    return html`
      <div part="actions" role="group" aria-label="Review">
        <div class="field">
          <label for="comment">Comment</label>
          <textarea id="comment" .value=${live(this.comment)} @input=${(event: Event) => (this.comment = (event.currentTarget as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field">
          <label for="error-code">Error code</label>
          ${this.renderErrorCode(session)}
          ${this.codeNeeded
            ? html`<p class="code-needed" role="alert">Choose an error code, or raise an issue, to reject the task.</p>`
            : nothing}
        </div>
        <div class="buttons">
          <button type="button" class="primary accept" @click=${() => this.review(session, 'accept')}>Accept</button>
          <button type="button" class="reject" @click=${() => this.review(session, 'reject')}>Reject</button>
        </div>
        ${objectIds.length
          ? html`<div class="buttons" role="group" aria-label="Selected objects">
              <button type="button" class="accept-selected" @click=${() => this.review(session, 'accept', objectIds)}>
                Accept selected (${objectIds.length})
              </button>
              <button type="button" class="reject reject-selected" @click=${() => this.review(session, 'reject', objectIds)}>
                Reject selected (${objectIds.length})
              </button>
            </div>`
          : nothing}
      </div>
    `;
  }

  /** The host's error codes as a list (by category), else a free text field. */
  private renderErrorCode(session: LabelingSession): TemplateResult {
    const onInput = (event: Event) => {
      this.errorCode = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
      if (this.errorCode.trim()) this.codeNeeded = false;
    };
    const categories = session.issues.errorCodes;
    if (categories.length === 0) {
      return html`<input id="error-code" type="text" autocomplete="off" aria-invalid=${this.codeNeeded ? 'true' : 'false'} .value=${live(this.errorCode)} @input=${onInput} />`;
    }
    return html`<select id="error-code" aria-invalid=${this.codeNeeded ? 'true' : 'false'} @change=${onInput}>
      <option value="" ?selected=${this.errorCode === ''}>None</option>
      ${categories.map(
        (category) => html`<optgroup label=${category.category}>
          ${category.codes.map((code) => html`<option value=${code.code} ?selected=${this.errorCode === code.code}>${code.title ?? code.code}</option>`)}
        </optgroup>`,
      )}
    </select>`;
  }

  private review(session: LabelingSession, verdict: Verdict, objectIds?: string[]): void {
    const comment = this.comment.trim();
    const errorCode = this.errorCode.trim();
    // As in Ango: a rejected task says why, by an error code or by the issues raised on it.
    const hasOpenIssue = session.issues.issues.some((issue) => issue.status === 'open');
    if (verdict === 'reject' && !objectIds && !errorCode && !hasOpenIssue) {
      this.codeNeeded = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#error-code')?.focus());
      return;
    }
    this.codeNeeded = false;
    session.actions.review({
      verdict,
      ...(objectIds ? { objectIds: [...objectIds] } : {}),
      ...(comment ? { comment } : {}),
      ...(errorCode ? { errorCode } : {}),
    });
  }
}
