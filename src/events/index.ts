/**
 * The `lk-*` events of FORMAT.md §4. Every event bubbles and is composed, so a host can listen on
 * the element or any ancestor. Details are plain JSON in export shape: no DOM objects, no classes.
 */
import type { ErrorInfo } from '../core/errors.js';
import type { Issue, IssueAction } from '../core/issues.js';
import type { Problem } from '../core/problem.js';
import type {
  AssetMetadata,
  ExportClassification,
  ExportRecord,
  ExportRelation,
  ExportTool,
} from '../format/types.js';

export type ChangeReasonName = 'create' | 'update' | 'delete' | 'classify' | 'relate' | 'undo' | 'redo';

export interface LkReadyDetail {
  metadata: AssetMetadata;
}

export interface LkChangeDetail {
  reason: ChangeReasonName;
  objectIds: string[];
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
  /** Ids of objects, classifications and relations that no longer exist. */
  removed: string[];
}

export interface LkInputDetail {
  objectIds: string[];
  tools: ExportTool[];
}

export interface LkSelectDetail {
  objectIds: string[];
  previous: string[];
}

export interface LkRecordDetail {
  record: ExportRecord;
}

export interface LkInvalidDetail {
  problems: Problem[];
}

export interface LkReviewDetail {
  verdict: 'accept' | 'reject';
  /** Present when the verdict is about single objects rather than the whole task. */
  objectIds?: string[];
  comment?: string;
  errorCode?: string;
}

export type LkErrorDetail = ErrorInfo;

export type {
  ErrorCodeCategory,
  ErrorCodeCategoryInput,
  Issue,
  IssueAction,
  IssueErrorCode,
  IssueMessage,
  IssuePosition,
  IssueSpan,
  IssueStatus,
} from '../core/issues.js';

export interface LkIssueDetail {
  action: IssueAction;
  /** The issue after the action (for `delete`: the issue that was removed). */
  issue: Issue;
  /** Every issue the element holds after the action, for a host that stores the whole list. */
  issues: Issue[];
}

abstract class LabelkitEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { bubbles: true, composed: true, detail });
  }
}

/** The asset is loaded and drawable. */
export class LkReadyEvent extends LabelkitEvent<LkReadyDetail> {
  constructor(detail: LkReadyDetail) { super('lk-ready', detail); }
}

/** The user committed a change; only what changed, in export shape. */
export class LkChangeEvent extends LabelkitEvent<LkChangeDetail> {
  constructor(detail: LkChangeDetail) { super('lk-change', detail); }
}

/** A drag or resize is in progress (at most once per animation frame). */
export class LkInputEvent extends LabelkitEvent<LkInputDetail> {
  constructor(detail: LkInputDetail) { super('lk-input', detail); }
}

/** The selection changed. */
export class LkSelectEvent extends LabelkitEvent<LkSelectDetail> {
  constructor(detail: LkSelectDetail) { super('lk-select', detail); }
}

/** The user submitted and validation passed; carries the full record with stageHistory appended. */
export class LkSubmitEvent extends LabelkitEvent<LkRecordDetail> {
  constructor(detail: LkRecordDetail) { super('lk-submit', detail); }
}

/** Submit was blocked by validation. */
export class LkInvalidEvent extends LabelkitEvent<LkInvalidDetail> {
  constructor(detail: LkInvalidDetail) { super('lk-invalid', detail); }
}

/** The user skipped the task. */
export class LkSkipEvent extends LabelkitEvent<LkRecordDetail> {
  constructor(detail: LkRecordDetail) { super('lk-skip', detail); }
}

/** A reviewer accepted or rejected the task or single objects. */
export class LkReviewEvent extends LabelkitEvent<LkReviewDetail> {
  constructor(detail: LkReviewDetail) { super('lk-review', detail); }
}

/** The user raised, answered, resolved, reopened or deleted a review issue (docs/review.md). */
export class LkIssueEvent extends LabelkitEvent<LkIssueDetail> {
  constructor(detail: LkIssueDetail) { super('lk-issue', detail); }
}

/** Something went wrong; `detail.code` says what. The element stays usable. */
export class LkErrorEvent extends LabelkitEvent<LkErrorDetail> {
  constructor(detail: LkErrorDetail) { super('lk-error', detail); }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lk-ready': LkReadyEvent;
    'lk-change': LkChangeEvent;
    'lk-input': LkInputEvent;
    'lk-select': LkSelectEvent;
    'lk-submit': LkSubmitEvent;
    'lk-invalid': LkInvalidEvent;
    'lk-skip': LkSkipEvent;
    'lk-review': LkReviewEvent;
    'lk-issue': LkIssueEvent;
    'lk-error': LkErrorEvent;
  }
}
