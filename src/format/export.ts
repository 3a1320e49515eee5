/**
 * Store → the export record of FORMAT.md §2, and change sets → `lk-change` details.
 *
 * Decisions (labelkit): a schemaId the ontology does not know keeps itself as `title` and, on a
 * classification, gets `tool` `checkbox` for an array answer and `text` for a string; rotated boxes
 * are emitted normalised (sizes ≥ 0 about the same centre, rotation in (-180, 180]); on multi-plane
 * assets `brushDataUrl` is `''` and the masks go to `brushDataUrls`, which is left out when empty.
 */
import type { AuditMetadata, ClassificationAnswer, Geometry, ObjectAnnotation, RelationAnnotation } from '../core/model.js';
import { normalizeBox, normalizeRotatedBox, rotatedBoxCorners } from '../core/geometry.js';
import { framesToExport, shapeAtFrame } from '../core/interpolation.js';
import type { Ontology } from '../core/ontology.js';
import type { PlaneModel } from '../core/session.js';
import type { AnnotationState, ChangeSet } from '../core/store.js';
import {
  FORMAT_VERSION,
  type AssetMetadata,
  type ExportClassification,
  type ExportGeometry,
  type ExportRecord,
  type ExportRelation,
  type ExportTool,
  type StageHistoryEntry,
} from './types.js';
import { cloneJson } from './json.js';
import { createOntologyLookup, type OntologyLookup } from './ontology-lookup.js';

export interface ExportInput {
  state: AnnotationState;
  ontology: Ontology;
  asset: { asset: string; assetId?: string; externalId?: string; metadata: AssetMetadata };
  task: {
    taskId?: string;
    stage: string;
    stageId?: string;
    updatedAt?: string;
    updatedBy?: string;
    durations: { totalDuration: number; idleDuration: number; blurDuration: number };
    stageHistory: StageHistoryEntry[];
  };
  planes: PlaneModel;
  /** Frames of a track asset; without it a track is exported up to its last keyframe. */
  frameTotal?: number;
  keyframesOnly?: boolean;
  /** Brush PNG data URLs by 0-based page (`'0'` on single-plane assets). */
  brushDataUrls?: Record<string, string>;
}

/** The `lk-change` detail less `reason`. */
export interface ChangeDetail {
  /** Ids of every changed item: objects, then classifications, then relations (removed ones too). */
  objectIds: string[];
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
  /** Ids of removed objects, classifications and relations. */
  removed: string[];
}

type Lookup = OntologyLookup | Ontology;

function lookupOf(source: Lookup): OntologyLookup {
  return 'tools' in source ? createOntologyLookup(source) : source;
}

function auditOf(metadata: AuditMetadata): AuditMetadata {
  const out: AuditMetadata = { createdAt: metadata.createdAt, createdBy: metadata.createdBy, createdIn: metadata.createdIn };
  if (metadata.updatedAt !== undefined) out.updatedAt = metadata.updatedAt;
  if (metadata.updatedBy !== undefined) out.updatedBy = metadata.updatedBy;
  if (metadata.updatedIn !== undefined) out.updatedIn = metadata.updatedIn;
  return out;
}

/**
 * One classification answer in export shape, nested answers included. With `page`, nested answers
 * of other pages are left out (frame-specific answers go only to their own frame's entry).
 */
export function exportClassification(ontology: Lookup, answer: ClassificationAnswer, page?: number): ExportClassification {
  const lookup = lookupOf(ontology);
  const nested = answer.classifications.filter((c) => onPage(c, page)).map((c) => exportClassification(lookup, c, page));
  return {
    objectId: answer.objectId,
    schemaId: answer.schemaId,
    title: lookup.title(answer.schemaId),
    tool: lookup.type(answer.schemaId) ?? (Array.isArray(answer.answer) ? 'checkbox' : 'text'),
    answer: Array.isArray(answer.answer) ? [...answer.answer] : answer.answer,
    classifications: nested,
    ...(answer.page !== undefined ? { page: answer.page } : {}),
    ...(answer.lock ? { lock: true } : {}),
    metadata: auditOf(answer.metadata),
  };
}

function onPage(answer: ClassificationAnswer, page: number | undefined): boolean {
  return answer.page === undefined || page === undefined || answer.page === page;
}

/** The geometry payload under its export key. */
export function exportGeometry(geometry: Geometry): ExportGeometry {
  switch (geometry.type) {
    case 'bounding-box':
      return { 'bounding-box': normalizeBox(geometry.value) };
    case 'rotated-bounding-box': {
      const { x, y, width, height, rotation } = normalizeRotatedBox(geometry.value);
      const box = { x, y, width, height, rotation };
      return { 'rotated-bounding-box': { ...box, corners: rotatedBoxCorners(box) } };
    }
    case 'polygon':
      return { polygon: cloneJson(geometry.value) };
    case 'polyline':
      return { polyline: cloneJson(geometry.value) };
    case 'spline':
      return { spline: cloneJson(geometry.value) };
    case 'point':
      return { point: [geometry.value[0], geometry.value[1]] };
    case 'segmentation':
      return { segmentation: cloneJson(geometry.value) };
    case 'ner':
      return { ner: { start: geometry.value.start, end: geometry.value.end, selection: geometry.value.selection } };
    case 'pdf':
      return { pdf: cloneJson(geometry.value) };
  }
}

function toolEntry(lookup: OntologyLookup, object: ObjectAnnotation, geometry: Geometry, frame: { page?: number; keyframe?: boolean; stopped?: boolean }): ExportTool {
  const classifications = object.classifications.filter((c) => onPage(c, frame.page)).map((c) => exportClassification(lookup, c, frame.page));
  return {
    objectId: object.objectId,
    schemaId: object.schemaId,
    title: lookup.title(object.schemaId),
    ...(frame.page !== undefined ? { page: frame.page } : {}),
    ...(frame.keyframe ? { keyframe: true } : {}),
    ...(frame.stopped ? { interpolationStopped: true } : {}),
    ...exportGeometry(geometry),
    classifications,
    ...(object.lock ? { lock: true } : {}),
    metadata: auditOf(object.metadata),
  };
}

/**
 * One object as export entries: one entry on single-plane (no `page`) and paged assets (`page` =
 * its keyframe's plane); on tracks flat per-frame entries with `keyframe`/`interpolationStopped`.
 */
export function exportObject(ontology: Lookup, object: ObjectAnnotation, planes: PlaneModel, frameTotal?: number, keyframesOnly = false): ExportTool[] {
  const lookup = lookupOf(ontology);
  const first = object.keyframes[0];
  if (!first) return [];
  if (planes === 'single') return [toolEntry(lookup, object, first.geometry, {})];
  if (planes === 'paged') return [toolEntry(lookup, object, first.geometry, { page: first.frame })];
  const lastFrame = object.keyframes.at(-1)!.frame;
  const total = frameTotal !== undefined && Number.isFinite(frameTotal) && frameTotal > 0 ? frameTotal : lastFrame + 1;
  return framesToExport(object.keyframes, total, keyframesOnly).flatMap((page) => {
    const shape = shapeAtFrame(object.keyframes, page);
    return shape ? [toolEntry(lookup, object, shape.geometry, { page, keyframe: shape.keyframe, stopped: shape.stopped })] : [];
  });
}

export function exportRelation(ontology: Lookup, relation: RelationAnnotation): ExportRelation {
  const lookup = lookupOf(ontology);
  const base = { objectId: relation.objectId, schemaId: relation.schemaId, title: lookup.title(relation.schemaId) };
  const tail = { ...(relation.lock ? { lock: true } : {}), metadata: auditOf(relation.metadata) };
  return relation.kind === 'single'
    ? { ...base, from: relation.from, to: relation.to, direction: relation.direction, ...tail }
    : { ...base, group: [...relation.group], ...tail };
}

export function buildExportRecord(input: ExportInput): ExportRecord {
  const { state, asset, task, planes } = input;
  const lookup = createOntologyLookup(input.ontology);
  const tools = [...state.objects.values()].flatMap((object) => exportObject(lookup, object, planes, input.frameTotal, input.keyframesOnly));
  const brushDataUrls = input.brushDataUrls ?? {};
  const multiPlane = planes !== 'single';
  return {
    asset: asset.asset,
    ...(asset.assetId ? { assetId: asset.assetId } : {}),
    ...(asset.externalId ? { externalId: asset.externalId } : {}),
    metadata: cloneJson(asset.metadata),
    batches: [],
    dataset: [],
    task: {
      ...(task.taskId ? { taskId: task.taskId } : {}),
      stage: task.stage,
      stageId: task.stageId ?? task.stage,
      ...(task.updatedAt ? { updatedAt: task.updatedAt } : {}),
      ...(task.updatedBy ? { updatedBy: task.updatedBy } : {}),
      totalDuration: task.durations.totalDuration,
      idleDuration: task.durations.idleDuration,
      blurDuration: task.durations.blurDuration,
      tools,
      classifications: [...state.classifications.values()].map((c) => exportClassification(lookup, c)),
      relations: [...state.relations.values()].map((r) => exportRelation(lookup, r)),
      brushDataUrl: multiPlane ? '' : (brushDataUrls['0'] ?? ''),
      ...(multiPlane && Object.keys(brushDataUrls).length ? { brushDataUrls: { ...brushDataUrls } } : {}),
      stageHistory: cloneJson(task.stageHistory),
      formatVersion: FORMAT_VERSION,
    },
  };
}

/** Only what a change touched, in export shape; removed ids listed apart. */
export function buildChangeDetail(change: ChangeSet, input: ExportInput): ChangeDetail {
  const lookup = createOntologyLookup(input.ontology);
  const objectIds: string[] = [];
  const removed: string[] = [];
  const tools: ExportTool[] = [];
  const classifications: ExportClassification[] = [];
  const relations: ExportRelation[] = [];
  const seen = new Set<string>();
  const note = (id: string, present: boolean) => {
    if (seen.has(id)) return;
    seen.add(id);
    objectIds.push(id);
    if (!present) removed.push(id);
  };
  for (const { id, after } of change.objects) {
    note(id, after !== undefined);
    if (after) tools.push(...exportObject(lookup, after, input.planes, input.frameTotal, input.keyframesOnly));
  }
  for (const { id, after } of change.classifications) {
    note(id, after !== undefined);
    if (after) classifications.push(exportClassification(lookup, after));
  }
  for (const { id, after } of change.relations) {
    note(id, after !== undefined);
    if (after) relations.push(exportRelation(lookup, after));
  }
  return { objectIds, tools, classifications, relations, removed };
}
