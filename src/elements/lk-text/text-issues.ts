/**
 * Review issues in `<lk-text>`: an issue is about characters (`span`, code points) or an entity;
 * its pin sits at the start of those characters, in CSS pixels of the text's `.content` box.
 */
import type { IssueBoard } from '../../core/issue-board.js';
import type { IssueAnchor, IssueSpan } from '../../core/issues.js';
import type { DocumentView } from '../../text/document-view.js';
import { caretOffsetAt } from '../../text/selection.js';
import type { IssuePin } from '../panels/issues/lk-issue-pins.js';

export interface TextIssueContext {
  view: DocumentView;
  /** The box pins are placed in (positioned, scrolling with the text). */
  content: HTMLElement;
  /** An entity's characters, for issues about an object. */
  spanOf(objectId: string): IssueSpan | undefined;
}

/** The characters an anchor is about, in code points. */
function spanOfAnchor(anchor: IssueAnchor, context: TextIssueContext): IssueSpan | undefined {
  return anchor.span ?? (anchor.objectId === undefined ? undefined : context.spanOf(anchor.objectId));
}

/** Where a span starts on screen, relative to `content` (the top-left of its first character). */
function startPoint(span: IssueSpan, context: TextIssueContext): { x: number; y: number } | undefined {
  const points = context.view.document.codePoints;
  const length = points.length;
  const start = points.toUtf16(Math.min(span.start, length));
  const end = points.toUtf16(Math.min(Math.max(span.end, span.start + 1), length));
  if (end < start) return undefined;
  const stat = context.view.staticRange(start, end);
  const range = document.createRange();
  range.setStart(stat.startContainer, stat.startOffset);
  range.setEnd(stat.endContainer, stat.endOffset);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = context.content.getBoundingClientRect();
  return { x: rect.left - box.left, y: rect.top - box.top };
}

export function textIssuePins(board: IssueBoard, context: TextIssueContext): { pins: IssuePin[]; draft: { x: number; y: number } | undefined } {
  const pins: IssuePin[] = [];
  board.issues.forEach((issue, index) => {
    const span = spanOfAnchor(issue, context);
    const position = span && startPoint(span, context);
    if (position) pins.push({ issueId: issue.issueId, number: index + 1, status: issue.status, label: issue.thread[0]?.text ?? '', position });
  });
  const draftSpan = board.draft && spanOfAnchor(board.draft, context);
  return { pins, draft: draftSpan && startPoint(draftSpan, context) };
}

/** The character offset (code points) under a pointer, for an issue placed by a click. */
export function issueSpanAt(root: ShadowRoot, view: DocumentView, clientX: number, clientY: number): IssueSpan | undefined {
  const offset = caretOffsetAt(root, view, clientX, clientY);
  if (offset === undefined) return undefined;
  const point = view.document.codePoints.toCodePoint(offset);
  return { start: point, end: point };
}
