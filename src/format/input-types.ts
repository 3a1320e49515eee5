/**
 * What a host writes (FORMAT.md §1 and §3): the ontology and the annotations it sets on an
 * element, before labelkit validates and normalises them. Optional here means labelkit fills a
 * default in; anything the types allow can still be refused at run time (a duplicate schemaId, a
 * shortcut clash), with an `lk-error` that lists every problem.
 */
import type { ClassificationType, RelationType, ToolType } from '../core/ontology.js';
import type { Box, Point, PdfRect, PdfSelection, RotatedBox, Segmentation } from '../core/model.js';
import type { AssetMetadata, StageHistoryEntry } from './types.js';

/** The tool types an ontology's `tools` may name. */
export type ToolName = ToolType;
/** The classification types an ontology's `classifications` (nested or not) may name. */
export type ClassificationName = ClassificationType;
/** The relation types an ontology's `relations` may name. */
export type RelationName = RelationType;

interface CategoryInputBase {
  /** Unique across the whole ontology (categories, options and tree nodes). */
  schemaId: string;
  title: string;
  /** `"0"`–`"9"` or `"a"`–`"z"`, optionally after `ctrl+`, `alt+` or `shift+`. */
  shortcutKey?: string;
  required?: boolean;
  /** Fewest objects or answers of this category a submit accepts (labelkit). */
  min?: number;
  /** Most objects or answers of this category a submit accepts (labelkit). */
  max?: number;
}

export interface OptionInput {
  value: string;
  schemaId: string;
}

export interface TreeOptionInput {
  title: string;
  schemaId: string;
  children?: TreeOptionInput[];
}

export interface ToolCategoryInput extends CategoryInputBase {
  tool: ToolName;
  /** `#rrggbb` or `#rgb`; a palette colour when left out. */
  color?: string;
  classifications?: ClassificationCategoryInput[];
  /** `keypoints` tools: the point names, in the order instances list them (COCO `keypoints`). */
  keypoints?: string[];
  /** `keypoints` tools: pairs of indexes into `keypoints` joined by a line (COCO's, 1-based, or 0-based). */
  skeleton?: [number, number][];
  /** `keypoints` tools (labelkit): one `#rrggbb` per point name; the class colour when left out. */
  keypointColors?: string[];
  /** `keypoints` tools (labelkit): `[x, y]` from 0 to 1 per point name, where a dragged box places it. */
  keypointTemplate?: [number, number][];
  /** labelkit, `polygon` and `segmentation` tools: how the class draws when picked (`click` by default); the labeler may switch. */
  drawWith?: 'click' | 'magic-wand' | 'magnetic-lasso';
}

export interface ClassificationCategoryInput extends CategoryInputBase {
  tool: ClassificationName;
  color?: string;
  options?: OptionInput[];
  treeOptions?: TreeOptionInput[];
  /** Shown only when this option of the parent is chosen. */
  parentOptionId?: string;
  /** Answered per frame, page or slice on multi-plane assets. */
  frameSpecific?: boolean;
  /** Text answers must match it; the pattern alone, no slashes. */
  regex?: string;
  /** Accepted and ignored: text answers are plain text. */
  richText?: boolean;
  classifications?: ClassificationCategoryInput[];
}

export interface RelationCategoryInput extends CategoryInputBase {
  tool: RelationName;
  color?: string;
}

/** The category schema a host sets on `ontology` (as this object or its JSON string). */
export interface OntologyInput {
  tools?: ToolCategoryInput[];
  classifications?: ClassificationCategoryInput[];
  relations?: RelationCategoryInput[];
}

/** Audit data as hosts store it: times as ISO-8601 strings or Unix milliseconds. */
export interface AuditMetadataInput {
  createdAt?: string | number;
  createdBy?: string;
  createdIn?: string;
  updatedAt?: string | number;
  updatedBy?: string;
  updatedIn?: string;
}

/** Ango's flat PDF pre-label: an area (a rect in its `width × height` frame, `pageNumber` 1-based) whose content text is `text`. */
export interface PdfAreaInput extends Required<PdfRect> {
  text?: string;
}

/** One named point of a `keypoints` object: `visibility` 2 visible, 1 occluded, 0 absent (2 when left out). */
export interface KeypointInput {
  name: string;
  x: number;
  y: number;
  visibility?: 0 | 1 | 2;
}

/** Geometry payloads as accepted on input (FORMAT.md §2.1): the export shapes and their looser forms. */
export interface GeometryInputPayloads {
  'bounding-box': Box;
  'rotated-bounding-box': (RotatedBox & { corners?: Point[] }) | { corners: Point[] };
  polygon: Point[];
  polyline: Point[];
  spline: Point[];
  point: Point;
  keypoints: { points: KeypointInput[]; box?: Box };
  segmentation: Segmentation;
  ner: { start: number; end: number; selection?: string };
  pdf: PdfSelection | { position: { boundingRect: PdfRect; rects: PdfRect[]; pageNumber?: number }; content?: PdfSelection['content'] } | PdfAreaInput;
}

/** One object, or one per-frame entry of a track: the key named after its tool holds the geometry. */
export type ToolEntryInput = {
  objectId?: string;
  /** Identifies the category; `title` stands in when it is missing. */
  schemaId?: string;
  title?: string;
  classifications?: ClassificationEntryInput[];
  /** 0-based frame, page or slice on multi-plane assets. */
  page?: number;
  keyframe?: boolean;
  interpolationStopped?: boolean;
  lock?: boolean;
  metadata?: AuditMetadataInput;
} & { [K in keyof GeometryInputPayloads]?: GeometryInputPayloads[K] };

export interface ClassificationEntryInput {
  objectId?: string;
  schemaId?: string;
  title?: string;
  tool?: ClassificationName;
  /** An option value, text, or a list of them (checkbox, multi-dropdown, tree paths, rank). */
  answer: string | string[];
  classifications?: ClassificationEntryInput[];
  page?: number;
  interpolationStopped?: boolean;
  lock?: boolean;
  metadata?: AuditMetadataInput;
}

interface RelationEntryBase {
  objectId?: string;
  schemaId?: string;
  title?: string;
  page?: number;
  lock?: boolean;
  metadata?: AuditMetadataInput;
}

export interface SingleRelationInput extends RelationEntryBase {
  from: string;
  to: string;
  direction?: 'straight' | 'reverse' | 'bidirectional' | 'backward';
}

export interface GroupRelationInput extends RelationEntryBase {
  group: string[];
}

export type RelationEntryInput = SingleRelationInput | GroupRelationInput;

/** A task's annotations, as in the export record's `task`. */
export interface TaskInput {
  taskId?: string;
  stage?: string;
  stageId?: string;
  tools?: ToolEntryInput[];
  classifications?: ClassificationEntryInput[];
  relations?: RelationEntryInput[];
  brushDataUrl?: string;
  brushDataUrls?: Record<string, string>;
  stageHistory?: StageHistoryEntry[];
  formatVersion?: number;
  totalDuration?: number;
  idleDuration?: number;
  blurDuration?: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** A saved export record (what `export()` and `lk-submit` give), read back as pre-labels or saved work. */
export interface ExportRecordInput {
  asset?: string;
  assetId?: string;
  externalId?: string;
  metadata?: AssetMetadata;
  batches?: string[];
  dataset?: string[];
  task: TaskInput;
}

/** Ango's import shape: flat lists for one asset. */
export interface AngoImportInput {
  externalId?: string;
  objects?: ToolEntryInput[];
  classifications?: ClassificationEntryInput[];
  relations?: RelationEntryInput[];
}

/** The legacy shape: the first task is read. */
export interface LegacyTasksInput {
  externalId?: string;
  tasks: { tools?: ToolEntryInput[]; objects?: ToolEntryInput[]; classifications?: ClassificationEntryInput[]; relations?: RelationEntryInput[] }[];
}

/**
 * What a host sets on `annotations` (or passes to `import()`): an export record, its `task` alone,
 * Ango's import shape or the legacy shape; an array of them, of which the one matching the element's `asset-id`
 * (then `external-id`) is used; or any of these as a JSON string.
 */
export type AnnotationsInput =
  | ExportRecordInput
  | TaskInput
  | AngoImportInput
  | LegacyTasksInput
  | readonly (ExportRecordInput | TaskInput | AngoImportInput | LegacyTasksInput)[]
  | string;
