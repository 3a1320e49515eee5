// The export/import codecs as a library of their own (`labelkit/format.js`): no DOM, no elements.
export * from './types.js';
export {
  buildExportRecord,
  buildChangeDetail,
  exportObject,
  exportClassification,
  exportRelation,
  exportGeometry,
  type ExportInput,
  type ChangeDetail,
} from './export.js';
export { parseImport, type ImportContext, type ImportedAnnotations } from './import.js';
export { encodeBrushPng, decodeBrushPng, type DecodeBrushOptions } from './brush-png.js';
export { parseOntology, type Ontology } from '../core/ontology.js';
