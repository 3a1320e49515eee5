/**
 * The host model hook (`element.assist`) of the 2D elements: the host runs a model (in the page,
 * in a worker, or on its own server) and labelkit shows what it answers as suggestions and drafts.
 * Nothing leaves the page except through these calls. Geometry is in the export shapes of
 * docs/format.md: an object with exactly one geometry key, e.g. `{ polygon: [[x, y], …] }`.
 */
import type { ClassificationEntryInput, GeometryInputPayloads } from '../format/input-types.js';

/** The geometry kinds drawn on a 2D plane. */
export type AssistGeometryKey = 'bounding-box' | 'rotated-bounding-box' | 'polygon' | 'polyline' | 'spline' | 'point' | 'segmentation';

/** One shape in export shape: exactly one geometry key, e.g. `{ 'bounding-box': { x, y, width, height } }`. */
export type AssistGeometry = { [K in AssistGeometryKey]: { [P in K]: GeometryInputPayloads[K] } }[AssistGeometryKey];

/** What every request carries. */
export interface AssistRequestBase {
  /** The element's `asset-id` (empty when the host gave none). */
  assetId: string;
  /** 0-based plane: the video frame, DICOM slice or PDF page shown (0 on an image). */
  page: number;
  /**
   * The plane's pixels as the element already decoded them (asset pixels, `width × height` of the
   * asset): the host never fetches the asset again. A fresh copy per request: the host may transfer
   * it to a worker or close it.
   */
  image: ImageBitmap;
  /**
   * Pixels of `image` per unit of the coordinates asked and answered. 1 on `<lk-image>`,
   * `<lk-video>` and `<lk-dicom>` (asset pixels). On `<lk-pdf>` coordinates are PDF points, as in
   * the export, and `image` is the page as drawn on screen, so `imageScale` is its pixels per point
   * (zoom × device pixel ratio): divide what the model finds in `image` by it.
   */
  imageScale: number;
  /** `<lk-pdf>`: the page's 1-based number (the export's `pageNumber`; `page` is 0-based). */
  pageNumber?: number;
  /** Aborted when the answer is no longer wanted (a newer prompt, Esc, the element left the page). */
  signal: AbortSignal;
}

export type AssistDetectRequest = AssistRequestBase;

/** One detection: its class (`schemaId`, or `title` when the schemaId is missing), its shape and its confidence. */
export interface AssistPrediction {
  schemaId?: string;
  title?: string;
  /**
   * In the export shape of the class's tool (a box for a `bounding-box` class, a polygon for a
   * `polygon` class…), in the request's coordinates. On `<lk-pdf>` a `pdf` class takes a
   * `bounding-box`, accepted as an area selection (`rects: []`) of that page.
   */
  geometry: AssistGeometry;
  /** Confidence in [0, 1]; the score threshold slider hides those below it. */
  score: number;
  /** The object's answers, as in an import (docs/format.md). */
  classifications?: ClassificationEntryInput[];
}

/** A prompt point of the smart segment tool, in asset pixels (`<lk-pdf>`: PDF points on the page). */
export interface AssistPoint {
  x: number;
  y: number;
  /** True: on the object (click). False: not on it (Alt+click). */
  positive: boolean;
}

export interface AssistSegmentRequest extends AssistRequestBase {
  /** The points clicked so far, in order. */
  points: AssistPoint[];
  /** The box dragged, in asset pixels (`<lk-pdf>`: PDF points), if any. */
  box?: { x: number; y: number; width: number; height: number };
  /** The class being drawn (a `polygon` or `segmentation` class). */
  schemaId: string;
}

/** A mask in the pixels of `image`: `data[y * width + x]` non-zero inside; `width × height` of the image. */
export interface AssistMask {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** What `segment` answers: a polygon, a segmentation (zones with holes) or a mask. */
export type AssistSegmentResult =
  | { polygon: GeometryInputPayloads['polygon'] }
  | { segmentation: GeometryInputPayloads['segmentation'] }
  | { mask: AssistMask };

/** An object to track, in export shape on frame `from`. */
export interface AssistTrackObject {
  objectId: string;
  schemaId: string;
  title: string;
  geometry: AssistGeometry;
}

export interface AssistTrackRequest {
  assetId: string;
  /** The frame the objects are on (the frame shown). */
  from: number;
  /** The last frame to propagate to (inclusive). */
  to: number;
  objects: AssistTrackObject[];
  /** Frame `from` as decoded. */
  image: ImageBitmap;
  signal: AbortSignal;
}

/** Where a tracked object is on a later frame: becomes a keyframe there the labeler can correct. */
export interface AssistTrackedShape {
  objectId: string;
  /** 0-based frame, after `from` and not after `to`. */
  page: number;
  geometry: AssistGeometry;
}

/**
 * The host model hook: set `element.assist = { name, detect?, segment?, track? }`. Each call may
 * be slow or fail: the element never waits on it (a failure is `lk-error` `assist-failed`), and
 * aborts `signal` when the answer is no longer wanted.
 */
export interface LabelkitAssist {
  /** The model's name, written into each accepted object's `metadata.model`. */
  name?: string;
  /** Suggestions for the plane shown (the Detect button). */
  detect?(request: AssistDetectRequest): Promise<AssistPrediction[]>;
  /** A shape from prompt points and/or a box (the smart segment tool). */
  segment?(request: AssistSegmentRequest): Promise<AssistSegmentResult>;
  /** `<lk-video>`: the selected objects on the next frames (the Track button). */
  track?(request: AssistTrackRequest): Promise<AssistTrackedShape[]>;
}
