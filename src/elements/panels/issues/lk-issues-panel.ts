import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { IssueBoard } from '../../../core/issue-board.js';
import { errorCodeTitle, MAX_MESSAGE_LENGTH, orderIssues, type Issue } from '../../../core/issues.js';
import type { LabelingSession } from '../../../core/session.js';
import { labelOf } from '../shared/format.js';
import { PanelElement } from '../shared/panel-element.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lkIssuesPanelStyles } from './lk-issues-panel.styles.js';

/**
 * Review issues (docs/review.md): Add issue (then a click on the asset, or `I` on a selected
 * object), the composer (error codes from the host's list, a comment), and the list, open issues
 * first. Choosing an issue brings it into view and opens its thread: replies, Resolve / Reopen,
 * Delete. Every text is shown as text.
 *
 * @tagname lk-issues-panel
 * @csspart add - The Add issue button.
 * @csspart composer - The form that raises an issue.
 * @csspart list - The list of issues.
 * @cssproperty [--lk-issue-color=#cf222e] - Open issue marks.
 * @cssproperty [--lk-issue-resolved-color=#1a7f37] - Resolved issue marks.
 */
export class LkIssuesPanel extends PanelElement {
  static override styles = [panelStyles, lkIssuesPanelStyles];

  /** What a plane is called ("page", "frame", "slice"). */
  @property({ type: String, attribute: 'plane-noun' }) planeNoun = 'page';

  @state() private codes = new Set<string>();
  @state() private comment = '';
  @state() private reply = '';
  private lastFocused: string | undefined;
  private composerWasOpen = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another issue opened: a half-written reply belonged to the one before.
    const focused = this.currentSession?.issues.focused;
    if (focused !== this.lastFocused) this.reply = '';
    this.lastFocused = focused;
  }

  protected override updated(): void {
    // A new draft (a click on the asset, or I): the comment field is where the reviewer goes next.
    const open = Boolean(this.currentSession?.issues.draft);
    if (open && !this.composerWasOpen) this.renderRoot.querySelector<HTMLTextAreaElement>('#issue-comment')?.focus();
    this.composerWasOpen = open;
  }

  protected override render(): TemplateResult | typeof nothing {
    const session = this.currentSession;
    if (!session) return nothing;
    const board = session.issues;
    return html`
      ${board.canRaise
        ? html`<div class="bar">
            <button type="button" part="add" class="add" aria-pressed=${board.placing ? 'true' : 'false'} @click=${() => board.setPlacing(!board.placing)}>
              Add issue
            </button>
          </div>`
        : nothing}
      ${board.placing ? html`<p class="hint muted" role="status">Click on the asset where the issue is, or press I on a selected object. Esc cancels.</p>` : nothing}
      ${board.draft ? this.renderComposer(board) : nothing} ${this.renderList(session, board)}
      <p id="send-hint" class="visually-hidden">Ctrl+Enter or ⌘+Enter sends.</p>
    `;
  }

  private renderComposer(board: IssueBoard): TemplateResult {
    const submit = (event: Event) => {
      event.preventDefault();
      if (board.create([...this.codes], this.comment)) {
        this.codes = new Set();
        this.comment = '';
      }
    };
    const canCreate = this.codes.size > 0 || this.comment.trim() !== '';
    return html`<form part="composer" class="composer" aria-label="New issue" @submit=${submit}>
      ${board.errorCodes.map(
        (category) => html`<fieldset>
          <legend>${category.category}</legend>
          ${category.codes.map(
            (code) => html`<label
              ><input
                type="checkbox"
                value=${code.code}
                .checked=${live(this.codes.has(code.code))}
                @change=${(event: Event) => this.toggleCode(code.code, (event.currentTarget as HTMLInputElement).checked)}
              />${code.title ?? code.code}</label
            >`,
          )}
        </fieldset>`,
      )}
      <label for="issue-comment">Comment</label>
      <textarea
        id="issue-comment"
        aria-describedby="send-hint"
        @keydown=${sendOnModEnter}
        maxlength=${MAX_MESSAGE_LENGTH}
        .value=${live(this.comment)}
        @input=${(event: Event) => (this.comment = (event.currentTarget as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="buttons">
        <button type="submit" class="primary create" ?disabled=${!canCreate}>Raise issue</button>
        <button type="button" class="cancel" @click=${() => board.setDraft(undefined)}>Cancel</button>
      </div>
    </form>`;
  }

  private toggleCode(code: string, on: boolean): void {
    const next = new Set(this.codes);
    if (on) next.add(code);
    else next.delete(code);
    this.codes = next;
  }

  private renderList(session: LabelingSession, board: IssueBoard): TemplateResult {
    const numbers = new Map(board.issues.map((issue, index) => [issue.issueId, index + 1]));
    const ordered = orderIssues(board.issues);
    if (ordered.length === 0) return html`<p class="muted empty">No issues.</p>`;
    return html`<ol part="list" class="issues" aria-label="Issues">
      ${ordered.map((issue) => this.renderIssue(session, board, issue, numbers.get(issue.issueId) ?? 0))}
    </ol>`;
  }

  private renderIssue(session: LabelingSession, board: IssueBoard, issue: Issue, number: number): TemplateResult {
    const focused = board.focused === issue.issueId;
    const first = issue.thread[0];
    return html`<li class=${`issue ${issue.status}${focused ? ' focused' : ''}`} data-issue=${issue.issueId}>
      <button type="button" class="open-issue" aria-expanded=${focused ? 'true' : 'false'} @click=${() => board.focus(issue.issueId)}>
        <span class="number">${number}</span>
        <span class=${`status ${issue.status}`}>${issue.status}</span>
        <span class="summary">${first?.text ?? ''}</span>
      </button>
      <div class="muted where">${this.placeOf(session, issue)}</div>
      ${issue.errorCodes.length
        ? html`<ul class="codes" aria-label="Error codes">
            ${issue.errorCodes.map((code) => html`<li>${errorCodeTitle(board.errorCodes, code)}</li>`)}
          </ul>`
        : nothing}
      ${focused ? this.renderThread(board, issue) : nothing}
    </li>`;
  }

  /** "Car 2 · page 3": the object and plane the issue is on. */
  private placeOf(session: LabelingSession, issue: Issue): string {
    const parts: string[] = [];
    if (issue.objectId !== undefined) parts.push(labelOf(session.ontology, session.store.state.objects.get(issue.objectId), issue.objectId));
    if (issue.page !== undefined) parts.push(`${this.planeNoun} ${issue.page + 1}`);
    return parts.join(' · ');
  }

  private renderThread(board: IssueBoard, issue: Issue): TemplateResult {
    const send = (event: Event) => {
      event.preventDefault();
      if (board.reply(issue.issueId, this.reply)) this.reply = '';
    };
    return html`<ol class="thread" aria-label="Thread">
        ${issue.thread.map(
          (message) => html`<li>
            <p class="message">${message.text}</p>
            <div class="byline muted">${message.by} · ${message.at}</div>
          </li>`,
        )}
      </ol>
      ${board.canDiscuss
        ? html`<form class="thread-form" aria-label="Reply" @submit=${send}>
            <label for="reply">Reply</label>
            <textarea id="reply" aria-describedby="send-hint" @keydown=${sendOnModEnter} maxlength=${MAX_MESSAGE_LENGTH} .value=${live(this.reply)} @input=${(event: Event) => (this.reply = (event.currentTarget as HTMLTextAreaElement).value)}></textarea>
            <div class="buttons">
              <button type="submit" class="send" ?disabled=${this.reply.trim() === ''}>Reply</button>
              ${issue.status === 'open'
                ? html`<button type="button" class="resolve" @click=${() => board.resolve(issue.issueId)}>Resolve</button>`
                : html`<button type="button" class="reopen" @click=${() => board.reopen(issue.issueId)}>Reopen</button>`}
              ${board.canRaise ? html`<button type="button" class="delete" @click=${() => board.remove(issue.issueId)}>Delete</button>` : nothing}
            </div>
          </form>`
        : nothing}`;
  }
}

/** Ctrl/⌘+Enter in a message field sends its form (Enter alone is a new line). */
function sendOnModEnter(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.stopPropagation();
  (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
}
