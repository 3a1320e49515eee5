/** A deep copy of plain JSON data (the core builds without the DOM's structuredClone). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
