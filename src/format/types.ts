/** The wire format of FORMAT.md §2: exactly what hosts receive. Plain JSON, exact types. */
import type { Measurement } from '../core/measure.js';
import type { AuditMetadata, Box, Keypoints, ObjectMetadata, RelationDirection, PdfSelection, Point, RotatedBox, Segmentation, TextSpan } from '../core/model.js';
import type { ClassificationType } from '../core/ontology.js';

/** The version this library writes (FORMAT.md §6); it reads this one and every older one. */
export const FORMAT_VERSION = 2;

/** The unit of `ner` offsets (FORMAT.md §2.1): Unicode code points (default) or UTF-16 code units. */
export type OffsetUnit = 'codepoint' | 'utf16';

export type ImageMetadata = { width: number; height: number };
export type VideoMetadata = { width: number; height: number; frameTotal: number; frameRate: number };
/** Page sizes in PDF points at scale 1, rotation applied. */
export type PdfMetadata = { pageTotal: number; pages: { width: number; height: number }[] };
export type DicomMetadata = { width: number; height: number; frameTotal: number; pixelSpacing?: [number, number]; sopInstanceUIDs?: string[] };
/** A text asset: its length in code points, its line count and the unit of its `ner` offsets. */
export type TextMetadata = { characters: number; lines: number; offsetUnit: OffsetUnit };
export type AssetMetadata = ImageMetadata | VideoMetadata | PdfMetadata | DicomMetadata | TextMetadata;

export interface ExportClassification {
  objectId: string;
  schemaId: string;
  title: string;
  tool: ClassificationType;
  answer: string | string[];
  classifications: ExportClassification[];
  page?: number;
  interpolationStopped?: true;
  lock?: boolean;
  metadata: AuditMetadata;
}

/** Geometry payload by export key (FORMAT.md §2.1 table). */
export interface GeometryPayloads {
  'bounding-box': Box;
  'rotated-bounding-box': RotatedBox & { corners: Point[] };
  polygon: Point[];
  polyline: Point[];
  spline: Point[];
  point: Point;
  segmentation: Segmentation;
  ner: TextSpan;
  pdf: PdfSelection;
  keypoints: Keypoints;
}

export type GeometryKey = keyof GeometryPayloads;

/** The kinds the elements label; `keypoints` is read and written by `labelkit/format.js` alone (library-codecs.ts). */
export const GEOMETRY_KEYS: readonly GeometryKey[] = ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'spline', 'point', 'segmentation', 'ner', 'pdf'];

/** Exactly one geometry key: the others are typed `never`, so reading any key narrows cleanly. */
export type ExportGeometry = {
  [K in GeometryKey]: { [P in K]: GeometryPayloads[K] } & { [P in Exclude<GeometryKey, K>]?: never };
}[GeometryKey];

export interface ExportToolBase {
  objectId: string;
  schemaId: string;
  title: string;
  classifications: ExportClassification[];
  /** 0-based frame, page or slice; only on multi-plane assets. */
  page?: number;
  keyframe?: true;
  interpolationStopped?: true;
  lock?: boolean;
  /** The audit fields, and labelkit's `index`: the object's number within its class ("Car 3"). */
  metadata: ObjectMetadata;
}

/**
 * labelkit: what a measuring polyline measures (lk-dicom: every polyline, lk-image: classes with
 * `measure`), recomputed at each export from the geometry and the plane's pixel spacing; ignored
 * on import.
 */
export type ExportMeasurement = Measurement;

export type ExportTool = ExportToolBase & ExportGeometry & { measurement?: ExportMeasurement };

export interface ExportSingleRelation {
  objectId: string;
  schemaId: string;
  title: string;
  from: string;
  to: string;
  direction: RelationDirection;
  /** 0-based page or frame, where the input gave one. */
  page?: number;
  /** Ango's table-column field, kept as given. */
  columnField?: string;
  lock?: boolean;
  metadata: AuditMetadata;
}

export interface ExportGroupRelation {
  objectId: string;
  schemaId: string;
  title: string;
  group: string[];
  lock?: boolean;
  metadata: AuditMetadata;
}

export type ExportRelation = ExportSingleRelation | ExportGroupRelation;

export interface StageHistoryEntry {
  stage: string;
  stageId: string;
  duration: number;
  completedAt: string;
  completedBy: string;
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
}

export interface ExportTask {
  taskId?: string;
  stage: string;
  stageId: string;
  updatedAt?: string;
  updatedBy?: string;
  /** Milliseconds of active time. */
  totalDuration: number;
  idleDuration: number;
  blurDuration: number;
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
  /** The single plane's brush PNG as a data URL, `''` when none (and on multi-plane assets). */
  brushDataUrl: string;
  /** Multi-plane assets: brush PNG per 0-based page (labelkit). */
  brushDataUrls?: Record<string, string>;
  stageHistory: StageHistoryEntry[];
  formatVersion: number;
}

export interface ExportRecord {
  /** The host's stable reference, never a signed URL. */
  asset: string;
  assetId?: string;
  externalId?: string;
  metadata: AssetMetadata;
  batches: string[];
  dataset: string[];
  task: ExportTask;
}
