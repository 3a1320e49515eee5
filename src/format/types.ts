/** The wire format of FORMAT.md §2: exactly what hosts receive. Plain JSON, exact types. */
import type { AuditMetadata, Box, PdfSelection, Point, RotatedBox, Segmentation, TextSpan } from '../core/model.js';

export const FORMAT_VERSION = 1;

export type ImageMetadata = { width: number; height: number };
export type VideoMetadata = { width: number; height: number; frameTotal: number; frameRate: number };
export type PdfMetadata = { pageTotal: number; pages: { width: number; height: number }[] };
export type DicomMetadata = { width: number; height: number; frameTotal: number; pixelSpacing?: [number, number]; sopInstanceUIDs?: string[] };
export type AssetMetadata = ImageMetadata | VideoMetadata | PdfMetadata | DicomMetadata;

export interface ExportClassification {
  objectId: string;
  schemaId: string;
  title: string;
  tool: string;
  answer: string | string[];
  classifications: ExportClassification[];
  page?: number;
  lock?: boolean;
  metadata: AuditMetadata;
}

interface ExportToolBase {
  objectId: string;
  schemaId: string;
  title: string;
  classifications: ExportClassification[];
  page?: number;
  keyframe?: true;
  interpolationStopped?: true;
  lock?: boolean;
  metadata: AuditMetadata;
}

export type ExportTool = ExportToolBase &
  (
    | { 'bounding-box': Box }
    | { 'rotated-bounding-box': RotatedBox & { corners: Point[] } }
    | { polygon: Point[] }
    | { polyline: Point[] }
    | { spline: Point[] }
    | { point: Point }
    | { segmentation: Segmentation }
    | { ner: TextSpan }
    | { pdf: PdfSelection }
  );

export type ExportRelation =
  | { objectId: string; schemaId: string; title: string; from: string; to: string; direction: 'straight' | 'bidirectional'; lock?: boolean; metadata: AuditMetadata }
  | { objectId: string; schemaId: string; title: string; group: string[]; lock?: boolean; metadata: AuditMetadata };

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
  totalDuration: number;
  idleDuration: number;
  blurDuration: number;
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
  brushDataUrl: string;
  brushDataUrls?: Record<string, string>;
  stageHistory: StageHistoryEntry[];
  formatVersion: number;
}

export interface ExportRecord {
  asset: string;
  assetId?: string;
  externalId?: string;
  metadata: AssetMetadata;
  batches: string[];
  dataset: string[];
  task: ExportTask;
}
