/**
 * The review issues one element shows: the host's list, the issue being placed (`draft`), the
 * issue the user asked to see (`focused`), and the user's actions on them. The element turns each
 * action into an `lk-issue` event; panels and pins read and act through the board. Pure: no DOM.
 */
import { newIssue, withReply, withStatus, type ErrorCodeCategory, type Issue, type IssueAction, type IssueAnchor } from './issues.js';

export type IssueBoardTopic = 'issues' | 'draft' | 'focus' | 'settings';

export interface IssueBoardChange {
  topic: IssueBoardTopic;
  /** Set when the user acted on an issue: the element fires `lk-issue` with it. */
  action?: IssueAction;
  /** The issue after the action (before it, for `delete`). */
  issue?: Issue;
}

export interface IssueBoard {
  readonly issues: readonly Issue[];
  readonly errorCodes: readonly ErrorCodeCategory[];
  /** The user may raise issues now (review mode, or the host's `issue-mode="all"`). */
  readonly canRaise: boolean;
  /** The user may reply, resolve and reopen (any mode but `view`). */
  readonly canDiscuss: boolean;
  /** The next click on the asset places an issue. */
  readonly placing: boolean;
  /** Where the issue being written will go (its composer is open). */
  readonly draft: IssueAnchor | undefined;
  /** The issue shown last (the panel highlights it, the element brings it into view). */
  readonly focused: string | undefined;
  setIssues(issues: readonly Issue[]): void;
  setErrorCodes(categories: readonly ErrorCodeCategory[]): void;
  setPermissions(permissions: { canRaise: boolean; canDiscuss: boolean }): void;
  setPlacing(placing: boolean): void;
  /** Opens the composer for an issue at `anchor` (undefined closes it). */
  setDraft(anchor: IssueAnchor | undefined): void;
  /** Shows an issue: the element seeks its page and centres its pin. */
  focus(issueId: string | undefined): void;
  /** Raises the draft issue; undefined when there is no draft or nothing to say. */
  create(errorCodes: readonly string[], text: string): Issue | undefined;
  reply(issueId: string, text: string): Issue | undefined;
  resolve(issueId: string): Issue | undefined;
  reopen(issueId: string): Issue | undefined;
  remove(issueId: string): Issue | undefined;
  subscribe(listener: (change: IssueBoardChange) => void): () => void;
}

export interface IssueBoardOptions {
  /** Who acts now and when (the element's user and clock). */
  stamp(): { by: string; at: string };
  newId(): string;
}

export function createIssueBoard(options: IssueBoardOptions): IssueBoard {
  const listeners = new Set<(change: IssueBoardChange) => void>();
  let issues: readonly Issue[] = [];
  let errorCodes: readonly ErrorCodeCategory[] = [];
  let canRaise = false;
  let canDiscuss = false;
  let placing = false;
  let draft: IssueAnchor | undefined;
  let focused: string | undefined;

  const emit = (change: IssueBoardChange) => {
    for (const listener of [...listeners]) listener(change);
  };
  const find = (issueId: string) => issues.find((issue) => issue.issueId === issueId);
  const replace = (action: IssueAction, next: Issue): Issue => {
    issues = issues.map((issue) => (issue.issueId === next.issueId ? next : issue));
    emit({ topic: 'issues', action, issue: next });
    return next;
  };
  const message = (text: string) => ({ text, ...options.stamp() });

  return {
    get issues() {
      return issues;
    },
    get errorCodes() {
      return errorCodes;
    },
    get canRaise() {
      return canRaise;
    },
    get canDiscuss() {
      return canDiscuss;
    },
    get placing() {
      return placing;
    },
    get draft() {
      return draft;
    },
    get focused() {
      return focused;
    },
    setIssues(next) {
      issues = [...next];
      if (focused !== undefined && !find(focused)) focused = undefined;
      emit({ topic: 'issues' });
    },
    setErrorCodes(next) {
      errorCodes = next;
      emit({ topic: 'settings' });
    },
    setPermissions(next) {
      if (next.canRaise === canRaise && next.canDiscuss === canDiscuss) return;
      canRaise = next.canRaise;
      canDiscuss = next.canDiscuss;
      if (!canRaise) {
        placing = false;
        draft = undefined;
      }
      emit({ topic: 'settings' });
    },
    setPlacing(next) {
      next &&= canRaise;
      if (next === placing) return;
      placing = next;
      emit({ topic: 'draft' });
    },
    setDraft(anchor) {
      if (anchor && !canRaise) return;
      draft = anchor;
      placing = false;
      emit({ topic: 'draft' });
    },
    focus(issueId) {
      focused = issueId;
      emit({ topic: 'focus' });
    },
    create(codes, text) {
      const anchor = draft;
      const trimmed = text.trim();
      if (!anchor || !canRaise || (!trimmed && codes.length === 0)) return undefined;
      const issue = newIssue(options.newId(), anchor, codes, message(trimmed));
      issues = [...issues, issue];
      draft = undefined;
      focused = issue.issueId;
      emit({ topic: 'draft' });
      emit({ topic: 'issues', action: 'create', issue });
      return issue;
    },
    reply(issueId, text) {
      const issue = find(issueId);
      const trimmed = text.trim();
      if (!issue || !canDiscuss || !trimmed) return undefined;
      return replace('reply', withReply(issue, message(trimmed)));
    },
    resolve(issueId) {
      const issue = find(issueId);
      if (!issue || !canDiscuss || issue.status === 'resolved') return undefined;
      return replace('resolve', withStatus(issue, 'resolved', options.stamp()));
    },
    reopen(issueId) {
      const issue = find(issueId);
      if (!issue || !canDiscuss || issue.status === 'open') return undefined;
      return replace('reopen', withStatus(issue, 'open', options.stamp()));
    },
    remove(issueId) {
      const issue = find(issueId);
      if (!issue || !canRaise) return undefined;
      issues = issues.filter((item) => item !== issue);
      if (focused === issueId) focused = undefined;
      emit({ topic: 'issues', action: 'delete', issue });
      return issue;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
