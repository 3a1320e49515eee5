/**
 * The annotation model: plain, immutable data in asset coordinates.
 * Shapes use the export payloads of FORMAT.md directly so codecs stay thin.
 */

/** `[x, y]` in asset pixels (PDF points at scale 1, DICOM column/row). */
export type Point = [x: number, y: number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Unrotated box plus a clockwise rotation in degrees about its centre, in (-180, 180]. */
export interface RotatedBox extends Box {
  rotation: number;
}

export interface Zone {
  region: Point[];
  holes: Point[][];
}

export interface Segmentation {
  zones: Zone[];
}

/** Code point offsets into the document text, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
  selection: string;
}

export interface PdfRect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  height: number;
  pageNumber?: number;
}

export interface PdfSelection {
  position: { boundingRect: PdfRect; rects: PdfRect[]; pageNumber: number };
  content: { text: string } | { image: string };
}

/**
 * One named point of a keypoints instance (COCO keypoints, YOLO pose). `visibility` as COCO
 * defines it: 2 labelled and visible, 1 labelled but hidden, 0 not labelled (x, y are then
 * whatever the source wrote, usually 0).
 */
export interface Keypoint {
  name: string;
  x: number;
  y: number;
  visibility: 0 | 1 | 2;
}

/**
 * A keypoints instance (labelkit): the points in the order of the category's `keypoints` names,
 * and the instance's box where the source gave one (COCO `bbox`, the YOLO pose box).
 */
export interface Keypoints {
  points: Keypoint[];
  box?: Box;
}

/** Geometry of one object on one plane, tagged by the ontology tool type that drew it. */
export type Geometry =
  | { type: 'bounding-box'; value: Box }
  | { type: 'rotated-bounding-box'; value: RotatedBox }
  | { type: 'polygon'; value: Point[] }
  | { type: 'polyline'; value: Point[] }
  | { type: 'spline'; value: Point[] }
  | { type: 'point'; value: Point }
  | { type: 'segmentation'; value: Segmentation }
  | { type: 'ner'; value: TextSpan }
  | { type: 'pdf'; value: PdfSelection }
  | { type: 'keypoints'; value: Keypoints };

export type GeometryType = Geometry['type'];
export type GeometryOf<T extends GeometryType> = Extract<Geometry, { type: T }>['value'];

/**
 * Who did what, when: ISO-8601 timestamps and user ids exactly as the host gave them. An imported
 * item keeps what it came with, so any field may be missing there (FORMAT.md: audit data is never
 * invented; an item imported without any has `createdIn: "Import"` and no `createdBy`).
 */
export interface AuditMetadata {
  createdAt?: string;
  createdBy?: string;
  createdIn?: string;
  updatedAt?: string;
  updatedBy?: string;
  updatedIn?: string;
}

/**
 * An object's metadata: the audit fields, and its number within its class (`index`, from 1 in
 * creation order, so people can say "Car 3"). The store gives the number when an object arrives
 * without one; it never changes while the object keeps its class (undo and redo restore it).
 */
export interface ObjectMetadata extends AuditMetadata {
  index?: number;
  /** The host model that made the object, for objects accepted from assisted labeling (`assist.name`). */
  model?: string;
}

/**
 * The shape an object has from `frame` on (a plane index: video frame, PDF page, DICOM slice).
 * `stopped` marks the frame from which a track leaves the scene.
 */
export interface Keyframe {
  frame: number;
  geometry: Geometry;
  stopped?: boolean;
}

export type Answer = string | string[];

export interface ClassificationAnswer {
  objectId: string;
  schemaId: string;
  answer: Answer;
  classifications: ClassificationAnswer[];
  /** Plane of a frame-specific answer. */
  page?: number;
  lock?: boolean;
  metadata: AuditMetadata;
}

/**
 * A drawn object. `keyframes` is never empty and sorted by frame. On a single-plane asset, or on
 * a paged asset where objects live on one page (PDF, DICOM), there is exactly one keyframe whose
 * `frame` is the page. On video, keyframes form a track that is interpolated between them.
 */
export interface ObjectAnnotation {
  objectId: string;
  schemaId: string;
  keyframes: Keyframe[];
  classifications: ClassificationAnswer[];
  lock?: boolean;
  metadata: ObjectMetadata;
}

/** `straight`: from → to; `reverse`: to → from; `bidirectional`: both (FORMAT.md §2.3). */
export type RelationDirection = 'straight' | 'reverse' | 'bidirectional';

export type RelationAnnotation =
  | {
      kind: 'single';
      objectId: string;
      schemaId: string;
      from: string;
      to: string;
      direction: RelationDirection;
      /** 0-based page or frame the relation was made on, where the input gave one. */
      page?: number;
      /** Ango's table-column field, kept as given. */
      columnField?: string;
      lock?: boolean;
      metadata: AuditMetadata;
    }
  | {
      kind: 'group';
      objectId: string;
      schemaId: string;
      group: string[];
      lock?: boolean;
      metadata: AuditMetadata;
    };

/** One brush class painted on one plane: 1 byte per asset pixel, non-zero = painted. */
export interface BrushMask {
  /** `${page}:${schemaId}` */
  key: string;
  page: number;
  schemaId: string;
  width: number;
  height: number;
  data: Uint8Array;
}

export function brushMaskKey(page: number, schemaId: string): string {
  return `${page}:${schemaId}`;
}

/** Who is writing: host writes (`'api'`) are neither undoable nor announced as `lk-change`. */
export type Origin = 'user' | 'api';

export type ChangeReason =
  | 'create'
  | 'update'
  | 'delete'
  | 'classify'
  | 'relate'
  | 'undo'
  | 'redo'
  | 'import'
  | 'reset';
