/** Store → the export record of FORMAT.md §2, and change sets → `lk-change` details. */
import type { ClassificationAnswer, Geometry, ObjectAnnotation, RelationAnnotation } from '../core/model.js';
import { normalizeBox, rotatedBoxCorners } from '../core/geometry.js';
import { framesToExport, shapeAtFrame } from '../core/interpolation.js';
import type { Ontology } from '../core/ontology.js';
import { findCategory } from '../core/ontology.js';
import type { PlaneModel } from '../core/session.js';
import type { AnnotationState, ChangeSet } from '../core/store.js';
import {
  FORMAT_VERSION,
  type AssetMetadata,
  type ExportClassification,
  type ExportRecord,
  type ExportRelation,
  type ExportTool,
  type StageHistoryEntry,
} from './types.js';
import { cloneJson } from './json.js';

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
  frameTotal?: number;
  keyframesOnly?: boolean;
  brushDataUrls?: Record<string, string>;
}

export interface ChangeDetail {
  objectIds: string[];
  tools: ExportTool[];
  classifications: ExportClassification[];
  relations: ExportRelation[];
  removed: string[];
}

function titleOf(ontology: Ontology, schemaId: string): string {
  return findCategory(ontology, schemaId)?.title ?? schemaId;
}

export function exportClassification(ontology: Ontology, answer: ClassificationAnswer): ExportClassification {
  const category = findCategory(ontology, answer.schemaId);
  return {
    objectId: answer.objectId,
    schemaId: answer.schemaId,
    title: category?.title ?? answer.schemaId,
    tool: category?.tool ?? (Array.isArray(answer.answer) ? 'checkbox' : 'text'),
    answer: Array.isArray(answer.answer) ? [...answer.answer] : answer.answer,
    classifications: answer.classifications.map((nested) => exportClassification(ontology, nested)),
    ...(answer.page !== undefined ? { page: answer.page } : {}),
    ...(answer.lock ? { lock: true } : {}),
    metadata: { ...answer.metadata },
  };
}

/** The geometry payload under its export key. */
function geometryEntry(geometry: Geometry): Record<string, unknown> {
  switch (geometry.type) {
    case 'bounding-box':
      return { 'bounding-box': normalizeBox(geometry.value) };
    case 'rotated-bounding-box': {
      const box = normalizeBox(geometry.value);
      const value = { ...geometry.value, ...box };
      return { 'rotated-bounding-box': { ...value, corners: rotatedBoxCorners(value) } };
    }
    default:
      return { [geometry.type]: cloneJson(geometry.value) };
  }
}

function toolEntry(
  ontology: Ontology,
  object: ObjectAnnotation,
  geometry: Geometry,
  frame: { page?: number; keyframe?: boolean; stopped?: boolean },
): ExportTool {
  const classifications = object.classifications
    .filter((c) => c.page === undefined || frame.page === undefined || c.page === frame.page)
    .map((c) => exportClassification(ontology, c));
  return {
    objectId: object.objectId,
    schemaId: object.schemaId,
    title: titleOf(ontology, object.schemaId),
    ...(frame.page !== undefined ? { page: frame.page } : {}),
    ...(frame.keyframe ? { keyframe: true } : {}),
    ...(frame.stopped ? { interpolationStopped: true } : {}),
    ...geometryEntry(geometry),
    classifications,
    ...(object.lock ? { lock: true } : {}),
    metadata: { ...object.metadata },
  } as ExportTool;
}

/** One object as export entries: one on single-plane and paged assets, flat per-frame on tracks. */
export function exportObject(ontology: Ontology, object: ObjectAnnotation, planes: PlaneModel, frameTotal = Infinity, keyframesOnly = false): ExportTool[] {
  const first = object.keyframes[0];
  if (!first) return [];
  if (planes === 'single') return [toolEntry(ontology, object, first.geometry, {})];
  if (planes === 'paged') return [toolEntry(ontology, object, first.geometry, { page: first.frame })];
  const lastFrame = object.keyframes.at(-1)!.frame;
  const total = Number.isFinite(frameTotal) && frameTotal > 0 ? frameTotal : lastFrame + 1;
  return framesToExport(object.keyframes, total, keyframesOnly).flatMap((page) => {
    const shape = shapeAtFrame(object.keyframes, page);
    return shape ? [toolEntry(ontology, object, shape.geometry, { page, keyframe: shape.keyframe, stopped: shape.stopped })] : [];
  });
}

export function exportRelation(ontology: Ontology, relation: RelationAnnotation): ExportRelation {
  const base = { objectId: relation.objectId, schemaId: relation.schemaId, title: titleOf(ontology, relation.schemaId) };
  const tail = { ...(relation.lock ? { lock: true } : {}), metadata: { ...relation.metadata } };
  return relation.kind === 'single'
    ? { ...base, from: relation.from, to: relation.to, direction: relation.direction, ...tail }
    : { ...base, group: [...relation.group], ...tail };
}

export function buildExportRecord(input: ExportInput): ExportRecord {
  const { state, ontology, asset, task, planes } = input;
  const tools = [...state.objects.values()].flatMap((object) => exportObject(ontology, object, planes, input.frameTotal, input.keyframesOnly));
  const brushDataUrls = input.brushDataUrls ?? {};
  const multiPlane = planes !== 'single';
  return {
    asset: asset.asset,
    ...(asset.assetId ? { assetId: asset.assetId } : {}),
    ...(asset.externalId ? { externalId: asset.externalId } : {}),
    metadata: asset.metadata,
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
      classifications: [...state.classifications.values()].map((c) => exportClassification(ontology, c)),
      relations: [...state.relations.values()].map((r) => exportRelation(ontology, r)),
      brushDataUrl: multiPlane ? '' : (brushDataUrls['0'] ?? ''),
      ...(multiPlane && Object.keys(brushDataUrls).length ? { brushDataUrls: { ...brushDataUrls } } : {}),
      stageHistory: task.stageHistory,
      formatVersion: FORMAT_VERSION,
    },
  };
}

/** Only what a change touched, in export shape; removed ids listed apart. */
export function buildChangeDetail(change: ChangeSet, input: ExportInput): ChangeDetail {
  const removed: string[] = [];
  const tools: ExportTool[] = [];
  const objectIds: string[] = [];
  for (const { id, after } of change.objects) {
    objectIds.push(id);
    if (after) tools.push(...exportObject(input.ontology, after, input.planes, input.frameTotal));
    else removed.push(id);
  }
  const classifications: ExportClassification[] = [];
  for (const { id, after } of change.classifications) {
    if (after) classifications.push(exportClassification(input.ontology, after));
    else removed.push(id);
  }
  const relations: ExportRelation[] = [];
  for (const { id, after } of change.relations) {
    if (after) relations.push(exportRelation(input.ontology, after));
    else removed.push(id);
  }
  return { objectIds, tools, classifications, relations, removed };
}
