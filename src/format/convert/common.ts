/**
 * What every converter shares: the `{ data, problems }` result, safe reads of untrusted parsed
 * input (never a throw), and the export records converters build.
 */
import type { AuditMetadata } from '../../core/model.js';
import type { Problem } from '../../core/problem.js';
import { FORMAT_VERSION, type AssetMetadata, type ExportClassification, type ExportGeometry, type ExportRecord, type ExportRelation, type ExportTool } from '../types.js';

/** A converter's answer: what it made, and each thing it could not read or express, with a JSON path. */
export interface Converted<T> {
  data: T;
  problems: Problem[];
}

export type Json = Record<string, unknown>;

/** Collects problems for one conversion. */
export class Problems {
  readonly list: Problem[] = [];

  add(code: string, path: string, message: string, extra: { objectId?: string; schemaId?: string } = {}): undefined {
    this.list.push({ code, path, message, ...extra });
    return undefined;
  }
}

/**
 * Runs a converter; anything it throws on hostile input (a throwing getter, a revoked proxy)
 * becomes one `unreadable-input` problem and `fallback` data, never an exception.
 */
export function guarded<T>(problems: Problems, fallback: T, body: () => T): Converted<T> {
  try {
    return { data: body(), problems: problems.list };
  } catch (error) {
    problems.add('unreadable-input', '$', `The input could not be read: ${error instanceof Error ? error.message : String(error)}.`);
    return { data: fallback, problems: problems.list };
  }
}

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asList = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** A finite number, also from a numeric string (XML text, YOLO fields). */
export function toNumber(value: unknown): number | undefined {
  if (isNumber(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
/** `a.b`, `a[3]`: JSON paths for problems. */
export const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`);

/** Audit metadata of an item converted from a format that says nothing of who made it (FORMAT.md §2.1). */
export function importedMetadata(given?: Partial<AuditMetadata>): AuditMetadata {
  const out: Partial<AuditMetadata> = { createdIn: 'Import' };
  if (!given) return out as AuditMetadata;
  for (const [key, value] of Object.entries(given)) if (typeof value === 'string' && value !== '') out[key as keyof AuditMetadata] = value;
  // FORMAT.md: audit data is never invented, so createdAt/createdBy stay absent where the source has none.
  return out as AuditMetadata;
}

export interface RecordInput {
  asset: string;
  assetId?: string;
  externalId?: string;
  metadata: AssetMetadata;
  tools?: ExportTool[];
  classifications?: ExportClassification[];
  relations?: ExportRelation[];
  updatedBy?: string;
  updatedAt?: string;
}

/** An export record (FORMAT.md §2) for one converted asset. */
export function exportRecord(input: RecordInput): ExportRecord {
  return {
    asset: input.asset,
    ...(input.assetId !== undefined ? { assetId: input.assetId } : {}),
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    metadata: input.metadata,
    batches: [],
    dataset: [],
    task: {
      stage: 'Label',
      stageId: 'Label',
      ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
      ...(input.updatedBy ? { updatedBy: input.updatedBy } : {}),
      totalDuration: 0,
      idleDuration: 0,
      blurDuration: 0,
      tools: input.tools ?? [],
      classifications: input.classifications ?? [],
      relations: input.relations ?? [],
      brushDataUrl: '',
      stageHistory: [],
      formatVersion: FORMAT_VERSION,
    },
  };
}

/** One object entry of the export record. */
export function exportTool(objectId: string, schemaId: string, title: string, geometry: ExportGeometry, classifications: ExportClassification[] = [], metadata?: AuditMetadata): ExportTool {
  return { objectId, schemaId, title, classifications, metadata: metadata ?? importedMetadata(), ...geometry } as ExportTool;
}

/** Export records from a record, an array of records, or an export file; problems for anything else. */
export function recordsOf(input: unknown, problems: Problems): ExportRecord[] {
  const list = Array.isArray(input) ? input : [input];
  const out: ExportRecord[] = [];
  list.forEach((item, index) => {
    const path = Array.isArray(input) ? `$[${index}]` : '$';
    if (!isRecord(item) || !isRecord(item['task']) || !isRecord(item['metadata'])) {
      problems.add('not-a-record', path, 'Expected an export record { asset, metadata, task: { tools, classifications, relations } }.');
      return;
    }
    out.push(item as unknown as ExportRecord);
  });
  return out;
}

/** The image size of a record, or undefined after a problem (formats with normalised coordinates need it). */
export function imageSize(record: ExportRecord, path: string, problems: Problems): { width: number; height: number } | undefined {
  const m = record.metadata as Partial<{ width: number; height: number }>;
  if (isNumber(m.width) && isNumber(m.height) && m.width > 0 && m.height > 0) return { width: m.width, height: m.height };
  return problems.add('missing-size', at(path, 'metadata'), 'The record has no image width and height (metadata.width, metadata.height).');
}

/** Rounds away float noise (0.1 + 0.2) without losing real precision: 10 significant decimals. */
export const tidy = (n: number): number => Math.round(n * 1e10) / 1e10;

/** `file.jpg` → `file`; directories dropped. */
export function stem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
