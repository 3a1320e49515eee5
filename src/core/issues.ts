/**
 * Review issues (docs/review.md): a reviewer's pin on the asset or on an object, with error codes
 * and a thread of messages, opened and resolved. The host stores them; this module reads what the
 * host gives (`parseIssues`, `parseErrorCodes`) and makes the next version of an issue for each
 * action. Pure: no DOM. Every text stays the user's text: it is never interpreted.
 */
import type { Problem, Result } from './problem.js';

export type IssueStatus = 'open' | 'resolved';

/** One message of an issue's thread; the first is the issue's own comment. */
export interface IssueMessage {
  text: string;
  /** Who wrote it (the element's `user`: email, else id). */
  by: string;
  /** ISO 8601 time. */
  at: string;
}

/** A point on the plane, in the asset's units: pixels (image, video, DICOM) or PDF points. */
export interface IssuePosition {
  x: number;
  y: number;
}

/** A place in `<lk-text>`'s text: code-point offsets, `end` exclusive (`start === end`: between two characters). */
export interface IssueSpan {
  start: number;
  end: number;
}

export interface Issue {
  issueId: string;
  /** The object the issue is about (the pin follows the object when it has no `position`). */
  objectId?: string;
  /** 0-based frame, page or slice; absent on single-plane assets (image, text). */
  page?: number;
  /** Where the pin is, on its page. */
  position?: IssuePosition;
  /** `<lk-text>`: the characters the issue is about. */
  span?: IssueSpan;
  /** Codes from the host's `errorCodes`. */
  errorCodes: string[];
  status: IssueStatus;
  thread: IssueMessage[];
  /** Who resolved it and when (present while `status` is `resolved`). */
  resolvedBy?: string;
  resolvedAt?: string;
}

/** What an issue is attached to, chosen before its first message is written. */
export type IssueAnchor = Pick<Issue, 'objectId' | 'page' | 'position' | 'span'>;

export interface IssueErrorCode {
  code: string;
  /** What the reviewer reads; the code itself when absent. */
  title?: string;
}

/** A group of error codes, as in Ango's review (Wrong, Missing, Unqualified, …). */
export interface ErrorCodeCategory {
  category: string;
  codes: IssueErrorCode[];
}

/** What a host may write: a code alone stands for `{ code }`. */
export interface ErrorCodeCategoryInput {
  category: string;
  codes: readonly (string | IssueErrorCode)[];
}

export type IssueAction = 'create' | 'reply' | 'resolve' | 'reopen' | 'delete';

/** The longest message kept (longer text is refused by the composer and by `parseIssues`). */
export const MAX_MESSAGE_LENGTH = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isCoordinate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads the host's `issues`: an array of issues (docs/format.md, "Review issues"). Refused whole
 * when anything is wrong, with a problem per fault and its JSON path.
 */
export function parseIssues(input: unknown): Result<Issue[]> {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ code: 'bad-issue', path, message });
  if (!Array.isArray(input)) return { ok: false, problems: [{ code: 'bad-issue', path: '$', message: 'must be an array of issues' }] };
  const seen = new Set<string>();
  const issues: Issue[] = [];
  input.forEach((entry: unknown, index) => {
    const path = `$[${index}]`;
    if (!isRecord(entry)) return problem(path, 'must be an object');
    const before = problems.length;
    const { issueId, objectId, page, position, span, errorCodes, status, thread, resolvedBy, resolvedAt } = entry;
    if (!isText(issueId) || issueId === '') problem(`${path}.issueId`, 'must be a non-empty string');
    else if (seen.has(issueId)) problem(`${path}.issueId`, `"${issueId}" is used twice`);
    else seen.add(issueId);
    if (objectId !== undefined && !isText(objectId)) problem(`${path}.objectId`, 'must be a string');
    if (page !== undefined && !isCount(page)) problem(`${path}.page`, 'must be a whole number from 0');
    if (position !== undefined && !(isRecord(position) && isCoordinate(position.x) && isCoordinate(position.y))) problem(`${path}.position`, 'must be { x, y } with finite numbers');
    if (span !== undefined && !(isRecord(span) && isCount(span.start) && isCount(span.end) && span.end >= span.start)) problem(`${path}.span`, 'must be { start, end } with whole numbers, end ≥ start');
    if (!Array.isArray(errorCodes) || !errorCodes.every(isText)) problem(`${path}.errorCodes`, 'must be an array of strings');
    if (status !== 'open' && status !== 'resolved') problem(`${path}.status`, 'must be "open" or "resolved"');
    if (resolvedBy !== undefined && !isText(resolvedBy)) problem(`${path}.resolvedBy`, 'must be a string');
    if (resolvedAt !== undefined && !isText(resolvedAt)) problem(`${path}.resolvedAt`, 'must be a string');
    if (!Array.isArray(thread)) problem(`${path}.thread`, 'must be an array of messages');
    else {
      thread.forEach((message: unknown, at) => {
        const where = `${path}.thread[${at}]`;
        if (!isRecord(message) || !isText(message.text) || !isText(message.by) || !isText(message.at)) problem(where, 'must be { text, by, at } with strings');
        else if (message.text.length > MAX_MESSAGE_LENGTH) problem(`${where}.text`, `is longer than ${MAX_MESSAGE_LENGTH} characters`);
      });
    }
    if (problems.length > before) return;
    const valid = entry as unknown as Issue;
    issues.push({
      issueId: valid.issueId,
      ...(valid.objectId !== undefined ? { objectId: valid.objectId } : {}),
      ...(valid.page !== undefined ? { page: valid.page } : {}),
      ...(valid.position ? { position: { x: valid.position.x, y: valid.position.y } } : {}),
      ...(valid.span ? { span: { start: valid.span.start, end: valid.span.end } } : {}),
      errorCodes: [...valid.errorCodes],
      status: valid.status,
      thread: valid.thread.map(({ text, by, at }) => ({ text, by, at })),
      ...(valid.resolvedBy !== undefined ? { resolvedBy: valid.resolvedBy } : {}),
      ...(valid.resolvedAt !== undefined ? { resolvedAt: valid.resolvedAt } : {}),
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: issues };
}

/**
 * Reads the host's `errorCodes`: `[{ category, codes: [code | { code, title? }] }]`. Refused whole
 * when anything is wrong.
 */
export function parseErrorCodes(input: unknown): Result<ErrorCodeCategory[]> {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ code: 'bad-error-code', path, message });
  if (!Array.isArray(input)) return { ok: false, problems: [{ code: 'bad-error-code', path: '$', message: 'must be an array of categories' }] };
  const seen = new Set<string>();
  const categories: ErrorCodeCategory[] = [];
  input.forEach((entry: unknown, index) => {
    const path = `$[${index}]`;
    if (!isRecord(entry) || !isText(entry.category) || !Array.isArray(entry.codes)) return problem(path, 'must be { category, codes: [] }');
    const codes: IssueErrorCode[] = [];
    entry.codes.forEach((code: unknown, at) => {
      const item = isText(code) ? { code } : isRecord(code) && isText(code.code) && (code.title === undefined || isText(code.title)) ? { code: code.code, ...(isText(code.title) ? { title: code.title } : {}) } : undefined;
      if (!item || item.code === '') return problem(`${path}.codes[${at}]`, 'must be a code string or { code, title? }');
      if (seen.has(item.code)) return problem(`${path}.codes[${at}]`, `"${item.code}" is listed twice`);
      seen.add(item.code);
      codes.push(item);
    });
    categories.push({ category: entry.category, codes });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: categories };
}

/** Open issues first, then resolved ones; each group in the order it was raised (first message time). */
export function orderIssues(issues: readonly Issue[]): Issue[] {
  const raised = (issue: Issue) => issue.thread[0]?.at ?? '';
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      if (a.issue.status !== b.issue.status) return a.issue.status === 'open' ? -1 : 1;
      const byTime = raised(a.issue).localeCompare(raised(b.issue));
      return byTime !== 0 ? byTime : a.index - b.index;
    })
    .map(({ issue }) => issue);
}

/** A new open issue at `anchor` whose first message is `text`. */
export function newIssue(issueId: string, anchor: IssueAnchor, errorCodes: readonly string[], message: IssueMessage): Issue {
  return {
    issueId,
    ...(anchor.objectId !== undefined ? { objectId: anchor.objectId } : {}),
    ...(anchor.page !== undefined ? { page: anchor.page } : {}),
    ...(anchor.position ? { position: { ...anchor.position } } : {}),
    ...(anchor.span ? { span: { ...anchor.span } } : {}),
    errorCodes: [...new Set(errorCodes)],
    status: 'open',
    thread: message.text ? [message] : [],
  };
}

export function withReply(issue: Issue, message: IssueMessage): Issue {
  return { ...issue, thread: [...issue.thread, message] };
}

/** The issue resolved (`by`, `at` recorded) or reopened (the record of who resolved it goes). */
export function withStatus(issue: Issue, status: IssueStatus, stamp: { by: string; at: string }): Issue {
  const { resolvedBy: _by, resolvedAt: _at, ...rest } = issue;
  return status === 'resolved' ? { ...rest, status, resolvedBy: stamp.by, resolvedAt: stamp.at } : { ...rest, status };
}

/** The title a code shows with, from the host's list (the code itself when the list does not name it). */
export function errorCodeTitle(categories: readonly ErrorCodeCategory[], code: string): string {
  for (const category of categories) {
    const found = category.codes.find((item) => item.code === code);
    if (found) return found.title ?? found.code;
  }
  return code;
}
