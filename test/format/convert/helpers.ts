import { expect } from '@open-wc/testing';
import { parseImport, parseOntology, type ExportRecord, type ExportTool, type Ontology } from '../../../src/format/index.js';
import type { Problem } from '../../../src/core/problem.js';

/** A file of test/fixtures/interop/ as text. */
export async function interopText(path: string): Promise<string> {
  const response = await fetch(`/test/fixtures/interop/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: ${response.status}`);
  return response.text();
}

export async function interopJson(path: string): Promise<unknown> {
  return JSON.parse(await interopText(path)) as unknown;
}

/** Text files by path, relative to `dir`. */
export async function interopFiles(dir: string, paths: string[]): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await interopText(`${dir}/${path}`)] as const)));
}

export function parsedOntology(input: unknown): Ontology {
  const parsed = parseOntology(input);
  if (!parsed.ok) throw new Error(`ontology invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Every record reads back through labelkit's own import without a problem: converted records are valid. */
export function expectValidRecords(records: readonly ExportRecord[], ontology: Ontology): void {
  for (const record of records) {
    let n = 0;
    const result = parseImport(record, { ontology, planes: 'single', newId: () => `gen-${++n}`, metadata: { createdAt: '', createdBy: '', createdIn: 'Import' } });
    expect(result.ok ? [] : result.problems, `record ${record.asset}`).to.deep.equal([]);
  }
}

export const codes = (problems: readonly Problem[]): string[] => problems.map((p) => p.code);

/** The geometry of an export entry without ids and metadata. */
export function geometryOf(tool: ExportTool): Record<string, unknown> {
  const { objectId: _id, schemaId: _s, title: _t, classifications: _c, metadata: _m, ...rest } = tool;
  return rest;
}

/** Numbers in nested arrays and objects rounded (float noise of normalised formats). */
export function rounded<T>(value: T, digits = 6): T {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(digits)) : v))) as T;
}

/** An object whose every property read throws: hostile input must become a problem, never an exception. */
export function throwingInput(): unknown {
  return new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); }, has: () => { throw new Error('boom'); } });
}
