/** One thing wrong with host input or with the annotations, located by a JSON path where one applies. */
export interface Problem {
  code: string;
  message: string;
  /** JSON path into the offending input, e.g. `$.tools[2].color`. */
  path?: string;
  objectId?: string;
  schemaId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
