import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorInfo } from '../../core/errors.js';
import type { IssueBoardChange } from '../../core/issue-board.js';
import { parseErrorCodes, parseIssues, type Issue } from '../../core/issues.js';
import type { LabelingSession, Mode } from '../../core/session.js';
import { LkIssueEvent } from '../../events/index.js';

/** Who may raise issues: reviewers (`review`, the default), everyone but viewers (`all`), nobody (`off`). */
export type IssueMode = 'review' | 'all' | 'off';

export interface IssueHost extends ReactiveControllerHost, HTMLElement {
  readonly session: LabelingSession;
  readonly mode: Mode;
  readonly issueMode: IssueMode;
  /** Brings an issue into view (seek its page, centre its pin). */
  showIssue(issue: Issue): void;
}

/**
 * The element's side of review issues: reads the host's `issues` and `errorCodes` (a bad list is
 * an `lk-error` `issues-invalid` and the previous list stays), sets who may do what from the mode,
 * fires `lk-issue` for each user action, and loads the issues panel and pins when they are first needed.
 */
export class IssueController implements ReactiveController {
  private panelLoad: Promise<unknown> | undefined;

  constructor(
    private readonly host: IssueHost,
    private readonly reportError: (info: ErrorInfo) => void,
  ) {
    host.addController(this);
    host.session.issues.subscribe((change) => this.onChange(change));
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onEscape, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onEscape, true);
  }

  /** Esc stops placing an issue (the tools' own Esc comes after, for anything else). */
  private readonly onEscape = (event: KeyboardEvent) => {
    const board = this.host.session.issues;
    if (event.key !== 'Escape' || !board.placing) return;
    board.setPlacing(false);
    event.preventDefault();
  };

  /** Whether the element shows issues at all (the side panel's section, the pins). */
  get shown(): boolean {
    const board = this.host.session.issues;
    return board.canRaise || board.issues.length > 0;
  }

  hostUpdate(): void {
    const { mode, issueMode } = this.host;
    const canDiscuss = mode !== 'view' && issueMode !== 'off';
    const canRaise = canDiscuss && (mode === 'review' || issueMode === 'all');
    this.host.session.issues.setPermissions({ canRaise, canDiscuss });
    if (this.shown) this.loadPanel();
  }

  /** The issues panel and the pins: a separate chunk, loaded once issues are shown. */
  loadPanel(): Promise<unknown> {
    this.panelLoad ??= import('../panels/issues/define.js');
    return this.panelLoad;
  }

  setIssues(value: unknown): void {
    if (value === undefined || value === null) return this.host.session.issues.setIssues([]);
    const result = parseIssues(value);
    if (result.ok) return this.host.session.issues.setIssues(result.value);
    this.reportError(invalid('issues', result.problems));
  }

  setErrorCodes(value: unknown): void {
    if (value === undefined || value === null) return this.host.session.issues.setErrorCodes([]);
    const result = parseErrorCodes(value);
    if (result.ok) return this.host.session.issues.setErrorCodes(result.value);
    this.reportError(invalid('errorCodes', result.problems));
  }

  private onChange(change: IssueBoardChange): void {
    this.host.requestUpdate();
    const board = this.host.session.issues;
    if (change.action && change.issue) {
      this.host.dispatchEvent(new LkIssueEvent({ action: change.action, issue: change.issue, issues: [...board.issues] }));
    }
    if (change.topic === 'focus' && board.focused !== undefined) {
      const issue = board.issues.find((item) => item.issueId === board.focused);
      if (issue) this.host.showIssue(issue);
    }
  }
}

function invalid(what: 'issues' | 'errorCodes', problems: { code: string; message: string; path?: string }[]): ErrorInfo {
  return {
    code: 'issues-invalid',
    message: `The ${what === 'issues' ? 'issues' : 'error codes'} could not be read (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems
      .slice(0, 3)
      .map((p) => `${p.path ?? '$'}: ${p.message}`)
      .join('; ')}. The previous ones stay.`,
    cause: { problems: problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) },
  };
}
