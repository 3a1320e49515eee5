// The export/import codecs as a library of their own (`labelkit/format.js`): no DOM, no elements.
// Every geometry kind is read and written here; elements carry only the kinds they label.
import type { ChangeSet } from '../core/store.js';
import type { Geometry, ObjectAnnotation } from '../core/model.js';
import type { PlaneModel } from '../core/session.js';
import type { Result } from '../core/problem.js';
import { libraryCodecs } from './library-codecs.js';
import * as exporter from './export.js';
import * as importer from './import.js';
import type { ExportGeometry, ExportRecord, ExportTool } from './types.js';
import type { AgreementOptions } from './compare/agreement.js';
import { agreementOfRecords, type AgreementResult } from './compare/records.js';

export * from './types.js';
export { exportClassification, exportRelation, type ExportInput, type ChangeDetail } from './export.js';
export type { ImportContext, ImportedAnnotations } from './import.js';
export { encodeBrushPng, decodeBrushPng, type DecodeBrushOptions } from './brush-png.js';
export { type Ontology } from '../core/ontology.js';
export { parseOntology } from './keypoint-schema.js';

const withAll = (input: exporter.ExportInput): exporter.ExportInput => (input.codecs ? input : { ...input, codecs: libraryCodecs });

/** The export record of FORMAT.md §2. */
export function buildExportRecord(input: exporter.ExportInput): ExportRecord {
  return exporter.buildExportRecord(withAll(input));
}

/** Only what a change touched, in export shape; removed ids listed apart. */
export function buildChangeDetail(change: ChangeSet, input: exporter.ExportInput): exporter.ChangeDetail {
  return exporter.buildChangeDetail(change, withAll(input));
}

/** One object as export entries (flat per-frame entries on tracks). */
export function exportObject(ontology: Parameters<typeof exporter.exportObject>[0], object: ObjectAnnotation, planes: PlaneModel, frameTotal?: number, keyframesOnly = false): ExportTool[] {
  return exporter.exportObject(ontology, object, planes, frameTotal, keyframesOnly, libraryCodecs);
}

/** The geometry payload under its export key. */
export function exportGeometry(geometry: Geometry): ExportGeometry {
  return exporter.exportGeometry(geometry, libraryCodecs);
}

/** Host input (FORMAT.md §3) → annotations, every geometry kind read; never throws. */
export function parseImport(input: unknown, context: importer.ImportContext): Result<importer.ImportedAnnotations> {
  return importer.parseImport(input, context, libraryCodecs);
}

// Converters from and to other formats (COCO, YOLO, VOC, CVAT, Label Studio, W3C): docs/format.md "Converters".
export * from './convert/index.js';

// Review: agreement between several versions of one asset, and what changed between two (docs/format.md "Agreement", "Change history").
export type { AgreementOptions, AgreementReport, AgreementMember, ObjectAgreement, ClassAgreement, ClassificationAgreement } from './compare/agreement.js';
export type { AgreementResult } from './compare/records.js';
export { diffRecords, type DiffInput, type RecordDiff, type ObjectChange, type ReclassifiedObject, type AnswerChange } from './compare/diff.js';
export { shapeSimilarity, type SimilarityOptions } from './compare/similarity.js';

/**
 * How far several versions of one asset's annotations agree: objects matched across the records
 * class by class, scored per object, per class and for the asset, and the global answers compared.
 * `ontology` as the host writes it; records as `annotations` accepts them. Never throws.
 */
export function agreement(records: readonly unknown[], ontology: unknown, options: Partial<AgreementOptions> = {}): AgreementResult {
  return agreementOfRecords(records, ontology, libraryCodecs, options);
}
