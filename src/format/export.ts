/**
 * Store → the export record of FORMAT.md §2, and change sets → `lk-change` details.
 *
 * Decisions (labelkit): a schemaId the ontology does not know keeps itself as `title` and, on a
 * classification, gets `tool` `checkbox` for an array answer and `text` for a string; rotated boxes
 * are emitted normalised (sizes ≥ 0, rotation in (-180, 180]) in the origin-corner shape of format
 * version 2; a relation's `page` and `columnField` are written back where they were given; on multi-plane
 * assets `brushDataUrl` is `''` and the masks go to `brushDataUrls`, which is left out when empty.
 */
import type { AuditMetadata, ClassificationAnswer, Geometry, ObjectAnnotation, ObjectMetadata, RelationAnnotation } from '../core/model.js';
import type { ClassificationType, Ontology } from '../core/ontology.js';
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
import { measurePolyline, roundMeasurement } from '../core/measure.js';
import { codecFor, type ExportGeometryContext, type FormatCodecs, type GeometryCodec, type MeasurementContext, type TrackFrame } from './geometry/codec.js';
import type { TextOffsets } from './import-reader.js';
import { cloneJson } from './json.js';
import { runToEnd, type Steps } from './steps.js';
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
  /**
   * The geometry and track codecs of the element exporting (`labelkit/format.js` passes all of
   * them). A geometry without a codec is exported as a JSON copy; a track without `tracks`, as
   * its keyframes.
   */
  codecs?: FormatCodecs;
  /** `<lk-text>`: the document, so that entity offsets are written in its offset unit. */
  text?: TextOffsets;
  /** Elements that measure polylines (lk-dicom, lk-image): how; see `measurement` in docs/format.md. */
  measurements?: MeasurementContext;
}

const contextOf = (input: ExportInput): ExportGeometryContext =>
  input.text || input.measurements ? { ...(input.text ? { text: input.text } : {}), ...(input.measurements ? { measurements: input.measurements } : {}) } : NO_CONTEXT;

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

/** A copy of the audit fields the item has, in export order (an imported item may lack any of them). */
function auditOf(metadata: AuditMetadata): AuditMetadata {
  const out: AuditMetadata = {};
  if (metadata.createdAt !== undefined) out.createdAt = metadata.createdAt;
  if (metadata.createdBy !== undefined) out.createdBy = metadata.createdBy;
  if (metadata.createdIn !== undefined) out.createdIn = metadata.createdIn;
  if (metadata.updatedAt !== undefined) out.updatedAt = metadata.updatedAt;
  if (metadata.updatedBy !== undefined) out.updatedBy = metadata.updatedBy;
  if (metadata.updatedIn !== undefined) out.updatedIn = metadata.updatedIn;
  return out;
}

/** The answer's classification type; an answer the ontology does not know is typed by its shape. */
function classificationTool(lookup: OntologyLookup, answer: ClassificationAnswer): ClassificationType {
  const category = lookup.category(answer.schemaId);
  if (category?.kind === 'classification') return category.tool;
  return Array.isArray(answer.answer) ? 'checkbox' : 'text';
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
    tool: classificationTool(lookup, answer),
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

const NO_CONTEXT: ExportGeometryContext = Object.freeze({});

/** The geometry's export payload (what goes under its key). */
function geometryPayload(geometry: Geometry, codecs: FormatCodecs | undefined, context: ExportGeometryContext): unknown {
  const codec = codecFor(codecs, geometry.type) as GeometryCodec | undefined;
  return codec?.export ? codec.export(geometry.value as never, context) : cloneJson(geometry.value);
}

/** The geometry payload under its export key. */
export function exportGeometry(geometry: Geometry, codecs?: FormatCodecs, context: ExportGeometryContext = NO_CONTEXT): ExportGeometry {
  return { [geometry.type]: geometryPayload(geometry, codecs, context) } as unknown as ExportGeometry;
}

function toolEntry(
  lookup: OntologyLookup,
  object: ObjectAnnotation,
  geometry: Geometry,
  frame: { page?: number; keyframe?: boolean; stopped?: boolean },
  codecs: FormatCodecs | undefined,
  context: ExportGeometryContext,
): ExportTool {
  const classifications = object.classifications.filter((c) => onPage(c, frame.page)).map((c) => exportClassification(lookup, c, frame.page));
  // Built key by key in export order (no spread of a computed-key object: exports hold 10,000).
  const entry: Record<string, unknown> = { objectId: object.objectId, schemaId: object.schemaId, title: lookup.title(object.schemaId) };
  if (frame.page !== undefined) entry.page = frame.page;
  if (frame.keyframe) entry.keyframe = true;
  if (frame.stopped) entry.interpolationStopped = true;
  entry[geometry.type] = geometryPayload(geometry, codecs, context);
  if (geometry.type === 'polyline' && context.measurements) {
    const category = lookup.category(object.schemaId);
    const kind = category?.kind === 'tool' ? category.measure : undefined;
    if (kind || context.measurements.everyPolyline) entry.measurement = roundMeasurement(measurePolyline(geometry.value, kind, context.measurements.spacingOf(frame.page)));
  }
  entry.classifications = classifications;
  if (object.lock) entry.lock = true;
  const metadata: ObjectMetadata = auditOf(object.metadata);
  if (object.metadata.index !== undefined) metadata.index = object.metadata.index;
  if (object.metadata.model !== undefined) metadata.model = object.metadata.model;
  entry.metadata = metadata;
  return entry as unknown as ExportTool;
}

/** Without a track codec: each keyframe as it is. */
const keyframeEntries = (object: ObjectAnnotation): TrackFrame[] =>
  object.keyframes.map((k) => ({ page: k.frame, geometry: k.geometry, keyframe: true, stopped: k.stopped === true }));

/**
 * One object as export entries: one entry on single-plane (no `page`) and paged assets (`page` =
 * its keyframe's plane); on tracks flat per-frame entries with `keyframe`/`interpolationStopped`.
 */
export function exportObject(
  ontology: Lookup,
  object: ObjectAnnotation,
  planes: PlaneModel,
  frameTotal?: number,
  keyframesOnly = false,
  codecs?: FormatCodecs,
  context: ExportGeometryContext = NO_CONTEXT,
): ExportTool[] {
  const lookup = lookupOf(ontology);
  const first = object.keyframes[0];
  if (!first) return [];
  if (planes === 'single') return [toolEntry(lookup, object, first.geometry, {}, codecs, context)];
  if (planes === 'paged') return [toolEntry(lookup, object, first.geometry, { page: first.frame }, codecs, context)];
  const lastFrame = object.keyframes.at(-1)!.frame;
  const total = frameTotal !== undefined && Number.isFinite(frameTotal) && frameTotal > 0 ? frameTotal : lastFrame + 1;
  const frames = codecs?.tracks ? codecs.tracks.frames(object.keyframes, total, keyframesOnly) : keyframeEntries(object);
  return frames.map(({ page, geometry, keyframe, stopped }) => toolEntry(lookup, object, geometry, { page, keyframe, stopped }, codecs, context));
}

export function exportRelation(ontology: Lookup, relation: RelationAnnotation): ExportRelation {
  const lookup = lookupOf(ontology);
  const base = { objectId: relation.objectId, schemaId: relation.schemaId, title: lookup.title(relation.schemaId) };
  const tail = { ...(relation.lock ? { lock: true } : {}), metadata: auditOf(relation.metadata) };
  if (relation.kind === 'group') return { ...base, group: [...relation.group], ...tail };
  return {
    ...base,
    from: relation.from,
    to: relation.to,
    direction: relation.direction,
    ...(relation.page !== undefined ? { page: relation.page } : {}),
    ...(relation.columnField !== undefined ? { columnField: relation.columnField } : {}),
    ...tail,
  };
}

export function buildExportRecord(input: ExportInput): ExportRecord {
  return runToEnd(exportRecordSteps(input));
}

/** Objects written between two pauses of `exportRecordSteps` (about a millisecond). */
const EXPORT_STEP = 1000;

/**
 * `buildExportRecord` in steps: the objects are written a thousand at a time, pausing between.
 * The record is the state's at the call (the annotations are never changed in place: later
 * writes replace them in the maps and do not reach it).
 */
export function* exportRecordSteps(input: ExportInput): Steps<ExportRecord> {
  const { state, asset, task, planes } = input;
  const lookup = createOntologyLookup(input.ontology);
  const objects = [...state.objects.values()];
  const context = contextOf(input);
  const brushDataUrls = input.brushDataUrls ?? {};
  const multiPlane = planes !== 'single';
  const record: ExportRecord = {
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
      tools: [],
      classifications: [...state.classifications.values()].map((c) => exportClassification(lookup, c)),
      relations: [...state.relations.values()].map((r) => exportRelation(lookup, r)),
      brushDataUrl: multiPlane ? '' : (brushDataUrls['0'] ?? ''),
      ...(multiPlane && Object.keys(brushDataUrls).length ? { brushDataUrls: { ...brushDataUrls } } : {}),
      stageHistory: cloneJson(task.stageHistory),
      formatVersion: FORMAT_VERSION,
    },
  };
  const tools = record.task.tools;
  for (let i = 0; i < objects.length; i++) {
    if (i > 0 && i % EXPORT_STEP === 0) yield;
    for (const entry of exportObject(lookup, objects[i]!, planes, input.frameTotal, input.keyframesOnly, input.codecs, context)) tools.push(entry);
  }
  return record;
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
    if (after) tools.push(...exportObject(lookup, after, input.planes, input.frameTotal, input.keyframesOnly, input.codecs, contextOf(input)));
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
