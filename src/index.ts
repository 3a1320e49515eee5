export type * from './core/model.js';
export type { Problem } from './core/problem.js';
export type { ErrorCode, ErrorInfo } from './core/errors.js';
