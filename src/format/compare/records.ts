/**
 * `agreement(records, ontology)` of `labelkit/format.js`: each record (an export record, an Ango
 * import or anything `annotations` accepts) is read as an import would read it, then compared
 * (agreement.ts). A record that cannot be read counts as a source with nothing, and each of its
 * problems is reported with the record's index in its path.
 */
import type { Problem } from '../../core/problem.js';
import type { PlaneModel } from '../../core/session.js';
import type { FormatCodecs } from '../geometry/codec.js';
import { parseImport } from '../import.js';
import { parseOntology } from '../keypoint-schema.js';
import { agreementOf, type AgreementOptions, type AgreementReport, type AgreementSource } from './agreement.js';

export interface AgreementResult extends AgreementReport {
  problems: Problem[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Video records (a `frameRate` in their metadata) compare as tracks, PDF and DICOM as pages, the rest as one plane. */
function planesOf(record: unknown): { planes: PlaneModel; frameTotal?: number } {
  const metadata = isObject(record) && isObject(record.metadata) ? record.metadata : {};
  const frameTotal = typeof metadata.frameTotal === 'number' ? metadata.frameTotal : undefined;
  if (typeof metadata.frameRate === 'number') return { planes: 'track', ...(frameTotal === undefined ? {} : { frameTotal }) };
  if (typeof metadata.pageTotal === 'number' || frameTotal !== undefined) return { planes: 'paged' };
  return { planes: 'single' };
}

const EMPTY: AgreementReport = { sources: 0, asset: 1, classes: [], objects: [], classifications: [], classificationAgreement: 1 };

export function agreementOfRecords(records: readonly unknown[], ontologyInput: unknown, codecs: FormatCodecs, options: Partial<AgreementOptions> = {}): AgreementResult {
  const ontology = parseOntology(ontologyInput);
  if (!ontology.ok) return { ...EMPTY, sources: records.length, problems: ontology.problems.map((p) => ({ ...p, path: p.path?.replace(/^\$/, '$ontology') ?? '$ontology' })) };
  const problems: Problem[] = [];
  const found = records.map((record) => planesOf(record));
  const given = { ...(found.find((f) => f.planes === 'track') ?? found[0]), ...options };
  let id = 0;
  const sources = records.map((record, index): AgreementSource => {
    const parsed = parseImport(record, { ontology: ontology.value, planes: given.planes ?? 'single', newId: () => `agreement-${++id}`, metadata: {} }, codecs);
    if (parsed.ok) return parsed.value;
    problems.push(...parsed.problems.map((p) => ({ ...p, path: (p.path ?? '$').replace(/^\$/, `$[${index}]`) })));
    return { objects: [], classifications: [] };
  });
  return { ...agreementOf(sources, ontology.value, given), problems };
}
