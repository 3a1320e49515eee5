// Classes and types only: importing this module registers nothing (use `labelkit/define.js`).
export type * from './core/model.js';
export type { Problem } from './core/problem.js';
export type { ErrorCode, ErrorInfo } from './core/errors.js';
// The ontology as labelkit holds it after validation (`session.ontology`): colours filled in,
// shortcuts normalised. Hosts write `OntologyInput` (alias `Ontology`).
export type {
  Ontology as ParsedOntology,
  ToolCategory as ParsedToolCategory,
  ClassificationCategory as ParsedClassificationCategory,
  RelationCategory as ParsedRelationCategory,
} from './core/ontology.js';
export type * from './format/input-types.js';
export type { OntologyInput as Ontology } from './format/input-types.js';
export type { Mode, PlaneModel, LabelingSession } from './core/session.js';
export type * from './format/types.js';
export * from './events/index.js';
export type * from './assist/types.js';
export { AnnotatorElement, type LabelkitUser, type ExportOptions, type HostValidator } from './elements/base/annotator-element.js';
export type { CompareSource } from './elements/compare/compare-source.js';
export { LkImage } from './elements/lk-image/lk-image.js';
export { LkText } from './elements/lk-text/lk-text.js';
export { LkDicom, type DecodedCacheUsage, type SeriesUrlRequest } from './elements/lk-dicom/lk-dicom.js';
export { LkVideo } from './elements/lk-video/lk-video.js';
export { LkPdf, type PdfZoom, type PdfPasswordHook, type PdfPasswordRequest } from './elements/lk-pdf/lk-pdf.js';
export * from './elements/panels/index.js';
