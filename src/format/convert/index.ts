/**
 * Converters between the export record and other annotation formats, each `{ data, problems }`.
 * `convert(from, to, input, options)` chains them through the export record (`ango` is the
 * record itself), for the `labelkit convert` command.
 */
import { fromCoco, toCoco } from './coco.js';
import type { Converted } from './common.js';
import { fromCvat, toCvat } from './cvat.js';
import { fromLabelStudio, toLabelStudio } from './label-studio.js';
import { fromVoc, toVoc } from './voc.js';
import { fromW3c, toW3c } from './w3c.js';
import { fromYolo, toYolo } from './yolo.js';
import { recordsOf, Problems } from './common.js';
import type { Ontology } from '../../core/ontology.js';
import { parseOntology } from '../keypoint-schema.js';

export { fromCoco, toCoco, INSTANCE_RELATION, type CocoDataset, type CocoAnnotation, type CocoCategory, type CocoImage, type Imported } from './coco.js';
export { fromYolo, toYolo, type YoloImportOptions, type YoloExportOptions, type YoloTask } from './yolo.js';
export { fromVoc, toVoc, PARTS_RELATION } from './voc.js';
export { fromCvat, toCvat, TAG_CLASSIFICATION } from './cvat.js';
export { fromLabelStudio, toLabelStudio } from './label-studio.js';
export { fromW3c, toW3c, type W3cImportOptions } from './w3c.js';
export { decodeCounts, encodeCounts, countsToMask, maskToCounts } from './rle.js';
export { rasterizeZones, traceMask, type MaskRows } from './mask.js';
export { imageSizeOf } from './image-size.js';
export type { Converted } from './common.js';

export const FORMATS = ['ango', 'coco', 'yolo', 'voc', 'cvat', 'label-studio', 'w3c'] as const;
export type FormatName = (typeof FORMATS)[number];

// Each converter has its own options type; the chain passes the caller's options through unchanged.
type Importer = (input: unknown, options: Record<string, unknown>) => Converted<{ records: unknown[]; ontology: Ontology }>;
type Exporter = (records: unknown, options: Record<string, unknown>) => Converted<unknown>;

const importers: Record<Exclude<FormatName, 'ango'>, Importer> = { coco: fromCoco, yolo: fromYolo, voc: fromVoc, cvat: fromCvat, 'label-studio': fromLabelStudio, w3c: fromW3c } as never;
const exporters: Record<Exclude<FormatName, 'ango'>, Exporter> = { coco: toCoco, yolo: toYolo, voc: toVoc, cvat: toCvat, 'label-studio': toLabelStudio, w3c: toW3c } as never;

/**
 * `input` in format `from` → format `to`, through export records. Importing generates an ontology
 * when `options.ontology` is absent; the answer carries it (`ontology`) beside the data.
 */
export function convert(from: FormatName, to: FormatName, input: unknown, options: Record<string, unknown> = {}): Converted<{ output: unknown; ontology?: Ontology }> {
  const problems = new Problems();
  let records: unknown;
  let ontology: Ontology | undefined;
  if (from === 'ango') {
    records = recordsOf(input, problems);
    if (options['ontology'] !== undefined) {
      const parsed = parseOntology(options['ontology']);
      if (parsed.ok) ontology = parsed.value;
    }
  } else {
    const imported = importers[from](input, options);
    problems.list.push(...imported.problems);
    records = imported.data.records;
    ontology = imported.data.ontology;
    // A COCO dataset's info, licenses and other image and category fields, for a COCO export.
    if ('coco' in imported.data && imported.data.coco) options = { ...options, coco: imported.data.coco };
  }
  if (to === 'ango') return { data: { output: records, ...(ontology ? { ontology } : {}) }, problems: problems.list };
  const exported = exporters[to](records, { ...options, ontology: ontology ?? options['ontology'] });
  problems.list.push(...exported.problems);
  return { data: { output: exported.data, ...(ontology ? { ontology } : {}) }, problems: problems.list };
}
