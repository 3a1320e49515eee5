/** Codes carried by `lk-error`. Hosts switch on these; messages are for people. */
export type ErrorCode =
  | 'asset-load'
  | 'asset-expired'
  | 'asset-forbidden'
  | 'asset-not-found'
  | 'asset-unsupported'
  | 'asset-password'
  | 'ontology-invalid'
  | 'import-invalid'
  | 'issues-invalid'
  | 'validator-failed'
  | 'render-failed'
  | 'resource-load'
  | 'shape-edit'
  | 'assist-failed';

/** What an `lk-error` carries. Messages never contain a signed URL. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Problems with JSON paths for `ontology-invalid`, `import-invalid` and `issues-invalid`; HTTP status for asset errors. */
  cause?: { problems?: { path?: string; message: string; code: string }[]; status?: number; name?: string };
}

/** An error that already knows its `lk-error` code. */
export class LabelkitError extends Error {
  readonly code: ErrorCode;
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'LabelkitError';
    this.code = info.code;
    this.info = info;
  }
}
