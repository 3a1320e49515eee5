/**
 * Host input (FORMAT.md §3) → annotations. Reads the export record (or an array of them), the
 * Ango import shape `{ externalId, objects, classifications, relations }` (or an array) and the
 * legacy `{ tasks: [{ tools | objects, … }] }` shape, as values or as a JSON string. Every problem
 * is collected with its JSON path; any problem means nothing is imported. Never throws.
 *
 * Decisions (labelkit): an object's geometry is read from the key named after its category's tool
 * (other geometry keys are ignored); a polygon or ring that repeats its first point is opened; a
 * rotated box may be given by its `corners` alone; a PDF entry without `page` takes
 * `pageNumber - 1`; on single-plane assets `page` is ignored; legacy `tasks` reads the first task;
 * `direction: "backward"` is read as straight with `from` and `to` swapped (`"reverse"` is kept as
 * given); a `formatVersion` newer than this library's is refused, and a record without one is read
 * as the current version (Ango's records carry none); objectIds are unique across objects, global
 * classifications and relations.
 */
import type { AuditMetadata, ClassificationAnswer, Keyframe, ObjectAnnotation, RelationAnnotation, RelationDirection } from '../core/model.js';
import type { Ontology, ToolCategory } from '../core/ontology.js';
import type { PlaneModel } from '../core/session.js';
import type { Result } from '../core/problem.js';
import { FORMAT_VERSION, GEOMETRY_KEYS, type GeometryKey, type StageHistoryEntry } from './types.js';
import { codecFor, type FormatCodecs } from './geometry/codec.js';
import { copyJson } from './json.js';
import { runToEnd } from './steps.js';
import { createOntologyLookup } from './ontology-lookup.js';
import { parseAnswers } from './import-answers.js';
import {
  categoryOf,
  child,
  claimId,
  field,
  idFrom,
  inspectSteps,
  isGivenId,
  isIndex,
  isList,
  isLocked,
  isRecord,
  items,
  keysOf,
  metadataOf,
  objectMetadataOf,
  report,
  type EntryFacts,
  type ImportSteps,
  type ImportWalk,
  type Json,
  type PageSize,
  type Path,
  type TextOffsets,
  type ToolEntry,
} from './import-reader.js';

export interface ImportContext {
  ontology: Ontology;
  /** Picks the record for this asset out of an array (then `externalId`). */
  assetId?: string;
  externalId?: string;
  planes: PlaneModel;
  newId: () => string;
  /**
   * Audit metadata for items that carry none (FORMAT.md: `createdIn: "Import"`, no `createdBy`;
   * labelkit adds the import time as `createdAt`). Items with metadata keep theirs exactly.
   */
  metadata: AuditMetadata;
  /** The loaded text of `<lk-text>`: entities are checked against it and read in its offset unit. */
  text?: TextOffsets;
  /** PDF page sizes in points, by 0-based page, where known: PDF rects are scaled to them. */
  pages?: readonly (PageSize | undefined)[];
  /** Hand back the JSON path of each object's entry (`ImportedAnnotations.paths`), for problems found later. */
  keepPaths?: boolean;
}

export interface ImportedAnnotations {
  objects: ObjectAnnotation[];
  /** Global (task-level) answers; object answers are inside their object. */
  classifications: ClassificationAnswer[];
  relations: RelationAnnotation[];
  /** Brush PNG data URLs, decoded later with the asset's size (`decodeBrushPng`). */
  brushDataUrl?: string;
  brushDataUrls?: Record<string, string>;
  stageHistory?: StageHistoryEntry[];
  /** The JSON path of each brush URL, by 0-based page (`'0'` for `brushDataUrl`). */
  brushPaths?: Record<string, string>;
  /** With `keepPaths`: the JSON path of each object's (first) entry, by objectId. */
  paths?: Map<string, string>;
}

export type { ImportSteps };

/** Object entries read between two pauses of `parseImportSteps` (a few milliseconds each). */
const STEP_ENTRIES = 500;

const SHAPE_KEYS = ['task', 'tasks', 'tools', 'objects', 'classifications', 'relations'];

/** The answers of every object imported without any: one frozen list (the model is never changed in place). */
const NO_ANSWERS = Object.freeze([]) as unknown as ClassificationAnswer[];

/** One import: the shared walk plus the geometry this reader knows. */
interface ObjectWalk extends ImportWalk {
  codecs: FormatCodecs;
  planes: PlaneModel;
  /** The path of each objectId's first entry (the ids map of `readBody`). */
  entryPaths: Map<string, Path>;
}

function unsupported(walk: ObjectWalk, category: ToolCategory, at: Path): undefined {
  if (!(GEOMETRY_KEYS as readonly string[]).includes(category.tool)) {
    const why = category.tool === 'brush' ? 'brush masks come in "brushDataUrl"' : 'it has no object geometry yet';
    return report(walk, 'unsupported-tool', at, `"${category.title}" is a ${category.tool} class: ${why}.`);
  }
  return report(walk, 'unsupported-tool', at, `"${category.title}" is a ${category.tool} class, which this element does not label.`);
}

/**
 * One object entry, its facts written into `facts` (one object reused for every entry). Runs once
 * per object on imports of 10,000 and more, before the engine has optimised it: paths are spelled
 * out only for problems, each field is read once, items without metadata share the import's
 * default, and nothing is allocated beyond the object itself.
 */
function toolEntry(walk: ObjectWalk, item: unknown, at: Path, facts: EntryFacts): ObjectAnnotation | undefined {
  if (!isRecord(item)) return report(walk, 'wrong-type', at, 'An object entry must be an object.');
  const category = categoryOf(walk, walk.ontology.tools, item, at, 'a tool', (title) => walk.lookup.toolByTitle(title));
  if (!category) return undefined;
  const codec = codecFor(walk.codecs, category.tool as GeometryKey);
  if (!codec) return unsupported(walk, category, at);
  const key = codec.key;
  const raw = field(item, key);
  if (raw === undefined || raw === null) {
    const other = GEOMETRY_KEYS.find((k) => field(item, k) !== undefined);
    return report(walk, 'missing-geometry', at, `"${category.title}" objects need a "${key}" key${other ? ` (found "${other}")` : ''}.`);
  }
  const geometry = codec.parse(walk, raw, at);
  const pageRaw = field(item, 'page');
  let page = 0;
  if (pageRaw !== undefined && pageRaw !== null) {
    if (!isIndex(pageRaw)) return report(walk, 'wrong-type', child(at, 'page'), '"page" must be a 0-based plane index.');
    page = pageRaw;
  } else if (geometry?.type === 'pdf') {
    page = geometry.value.position.pageNumber - 1;
  }
  const rawId = field(item, 'objectId');
  const objectId = idFrom(walk, rawId, at);
  const rawAnswers = field(item, 'classifications');
  const classifications =
    rawAnswers === undefined || rawAnswers === null ? NO_ANSWERS : parseAnswers(walk, rawAnswers, category.classifications, child(at, 'classifications'));
  if (!geometry || objectId === undefined) return undefined;
  const track = walk.planes === 'track';
  const stopped = track && field(item, 'interpolationStopped') === true;
  const keyframe: Keyframe = stopped ? { frame: page, geometry, stopped: true } : { frame: walk.planes === 'single' ? 0 : page, geometry };
  const object: ObjectAnnotation = { objectId, schemaId: category.schemaId, keyframes: [keyframe], classifications, metadata: objectMetadataOf(walk, field(item, 'metadata'), child(at, 'metadata')) };
  if (isLocked(item)) object.lock = true;
  facts.givenId = isGivenId(rawId);
  facts.keyframe = track && field(item, 'keyframe') === true;
  facts.stopped = stopped;
  return object;
}

/**
 * The object entries of a list: one object each on single-plane and paged assets, grouped into
 * tracks on tracks (by the track codec; an element without one reads each entry as an object). The list is read in place (the walk found it readable; a proxy that changes
 * its mind fails the whole import). Duplicate ids are reported after every entry's own problems.
 */
function* toolObjects(walk: ObjectWalk, list: readonly unknown[], path: Path, ids: Map<string, Path>): ImportSteps<ObjectAnnotation[]> {
  const length = list.length;
  const facts: EntryFacts = { givenId: false, keyframe: false, stopped: false };
  if (walk.planes === 'track' && walk.codecs.tracks) {
    const entries: ToolEntry[] = [];
    for (let index = 0; index < length; index++) {
      if (index > 0 && index % STEP_ENTRIES === 0) yield;
      const at = child(path, index);
      const object = toolEntry(walk, list[index], at, facts);
      if (object) entries.push({ path: at, object, ...facts });
    }
    return walk.codecs.tracks.objects(walk, entries, ids);
  }
  const duplicates = { problems: [] as ImportWalk['problems'] };
  const objects: ObjectAnnotation[] = [];
  for (let index = 0; index < length; index++) {
    if (index > 0 && index % STEP_ENTRIES === 0) yield;
    const at = child(path, index);
    const object = toolEntry(walk, list[index], at, facts);
    if (object && claimId(duplicates, ids, object.objectId, at, facts.givenId)) objects.push(object);
  }
  walk.problems.push(...duplicates.problems);
  return objects;
}

/** `objectIdsOf` gives the imported objects' ids: built only when there are relations to check. */
function relationEntries(walk: ImportWalk, raw: unknown, path: Path, objectIdsOf: () => ReadonlySet<string>, ids: Map<string, Path>): RelationAnnotation[] {
  if (raw === undefined || raw === null) return [];
  const list = items(raw);
  if (!list) return report(walk, 'wrong-type', path, '"relations" must be a list.') ?? [];
  if (list.length === 0) return [];
  const objectIds = objectIdsOf();
  const out: RelationAnnotation[] = [];
  list.forEach((item, index) => {
    const at = child(path, index);
    if (!isRecord(item)) return report(walk, 'wrong-type', at, 'A relation must be an object.');
    const category = categoryOf(walk, walk.ontology.relations, item, at, 'a relation', (title) => walk.lookup.relationByTitle(title));
    if (!category) return;
    const rawId = field(item, 'objectId');
    const objectId = idFrom(walk, rawId, at);
    if (objectId === undefined) return;
    if (!claimId(walk, ids, objectId, at, isGivenId(rawId))) return;
    const common = { objectId, schemaId: category.schemaId, ...(isLocked(item) ? { lock: true } : {}), metadata: metadataOf(walk, field(item, 'metadata'), child(at, 'metadata')) };
    if (category.tool === 'group') {
      const group = items(field(item, 'group'));
      if (!group || !group.every((id): id is string => typeof id === 'string')) return report(walk, 'wrong-type', child(at, 'group'), `"${category.title}" is a group relation: "group" must list objectIds.`);
      const missing = group.findIndex((id) => !objectIds.has(id));
      if (missing !== -1) return report(walk, 'relation-endpoint-missing', child(child(at, 'group'), missing), `No object "${group[missing]}" in this import.`);
      out.push({ kind: 'group', ...common, group: [...new Set(group)] });
      return;
    }
    let from = field(item, 'from');
    let to = field(item, 'to');
    for (const [end, id] of [['from', from], ['to', to]] as const) {
      if (typeof id !== 'string') return report(walk, 'wrong-type', child(at, end), `"${category.title}" is a ${category.tool} relation: "${end}" must be an objectId.`);
      if (!objectIds.has(id)) return report(walk, 'relation-endpoint-missing', child(at, end), `No object "${id}" in this import.`);
    }
    const rawDirection = field(item, 'direction');
    let direction: RelationDirection = 'straight';
    if (rawDirection === 'backward') [from, to] = [to, from];
    else if (rawDirection === 'straight' || rawDirection === 'reverse' || rawDirection === 'bidirectional') direction = rawDirection;
    else if (rawDirection !== undefined && rawDirection !== null) {
      return report(walk, 'wrong-type', child(at, 'direction'), '"direction" is "straight", "reverse" or "bidirectional".');
    }
    const relation: RelationAnnotation = { kind: 'single', ...common, from: from as string, to: to as string, direction };
    const page = field(item, 'page');
    if (isIndex(page)) relation.page = page;
    else if (page !== undefined && page !== null) return report(walk, 'wrong-type', child(at, 'page'), '"page" must be a 0-based plane index.');
    const columnField = field(item, 'columnField');
    if (typeof columnField === 'string') relation.columnField = columnField;
    else if (columnField !== undefined && columnField !== null) return report(walk, 'wrong-type', child(at, 'columnField'), '"columnField" must be a string.');
    out.push(relation);
  });
  return out;
}

/** Picks the record for this asset from a list: by assetId, then externalId, else the only one. */
function pickRecord(walk: ImportWalk, list: readonly unknown[], context: ImportContext): { value: unknown; path: string } | undefined {
  const indexOf = (key: 'assetId' | 'externalId', wanted: string | undefined) =>
    wanted ? list.findIndex((r) => isRecord(r) && field(r, key) === wanted) : -1;
  let index = indexOf('assetId', context.assetId);
  if (index === -1) index = indexOf('externalId', context.externalId);
  if (index === -1 && list.length === 1) index = 0;
  if (index === -1) {
    const why = list.length === 0 ? 'The list holds no records.' : `None of the ${list.length} records matches this asset's assetId or externalId.`;
    return report(walk, 'no-matching-asset', '$', why);
  }
  return { value: list[index], path: `$[${index}]` };
}

/** The object holding `tools`/`objects`, `classifications` and `relations`, with its JSON path. */
function* locateBody(walk: ImportWalk, input: unknown, context: ImportContext): ImportSteps<{ body: Json; path: string } | undefined> {
  let data: unknown;
  if (typeof input === 'string') {
    try {
      // Parsed JSON is plain and acyclic: no snapshot needed.
      data = JSON.parse(input) as unknown;
    } catch {
      return report(walk, 'bad-json', '$', 'The annotations are not valid JSON.');
    }
  } else {
    if (!(yield* inspectSteps(walk, input))) return undefined;
    data = input;
  }
  let path = '$';
  if (data !== null && typeof data === 'object' && !isRecord(data)) {
    const list = items(data);
    if (!list) return report(walk, 'wrong-type', '$', 'The list could not be read.');
    const chosen = pickRecord(walk, list, context);
    if (!chosen) return undefined;
    data = chosen.value;
    path = chosen.path;
  }
  const expected = 'Expected an export record ({ task }), the Ango import shape ({ objects, classifications, relations }) or { tasks: [...] }.';
  if (!isRecord(data)) return report(walk, 'wrong-type', path, expected);
  const keys = keysOf(data);
  if (!keys) return report(walk, 'wrong-type', path, 'The record could not be read.');
  if (keys.length > 0 && !keys.some((k) => SHAPE_KEYS.includes(k))) return report(walk, 'wrong-type', path, expected);
  const task = field(data, 'task');
  if (task !== undefined && task !== null) {
    if (!isRecord(task)) return report(walk, 'wrong-type', `${path}.task`, '"task" must be an object.');
    return { body: task, path: `${path}.task` };
  }
  const tasks = field(data, 'tasks');
  if (tasks !== undefined && tasks !== null) {
    const first = items(tasks)?.[0];
    if (!isRecord(first)) return report(walk, 'wrong-type', `${path}.tasks`, '"tasks" must hold at least one task object.');
    return { body: first, path: `${path}.tasks[0]` };
  }
  return { body: data, path };
}

/** A brush mask is a PNG data URL or the `https:` URL Ango exports (read later through the host's hooks). */
const isBrushUrl = (url: string): boolean => url.startsWith('data:') || /^https:|^\/(?!\/)/i.test(url);

function brushUrls(walk: ImportWalk, body: Json, path: string): Pick<ImportedAnnotations, 'brushDataUrl' | 'brushDataUrls' | 'brushPaths'> {
  const out: Pick<ImportedAnnotations, 'brushDataUrl' | 'brushDataUrls' | 'brushPaths'> = {};
  const paths: Record<string, string> = {};
  const single = field(body, 'brushDataUrl');
  if (typeof single === 'string') {
    if (single !== '' && !isBrushUrl(single)) report(walk, 'bad-brush', `${path}.brushDataUrl`, '"brushDataUrl" is a data:image/png URL or an https: URL.');
    else if (single !== '') {
      out.brushDataUrl = single;
      paths['0'] = `${path}.brushDataUrl`;
      out.brushPaths = paths;
    }
  } else if (single !== undefined && single !== null) {
    report(walk, 'wrong-type', `${path}.brushDataUrl`, '"brushDataUrl" must be a string.');
  }
  const byPage = field(body, 'brushDataUrls');
  if (byPage === undefined || byPage === null) return out;
  const keys = isRecord(byPage) ? keysOf(byPage) : undefined;
  if (!isRecord(byPage) || !keys) return report(walk, 'wrong-type', `${path}.brushDataUrls`, '"brushDataUrls" maps pages to data URLs.') ?? out;
  const urls: Record<string, string> = {};
  for (const key of keys) {
    const url = field(byPage, key);
    if (!/^(0|[1-9][0-9]*)$/.test(key)) report(walk, 'wrong-type', `${path}.brushDataUrls.${key}`, 'Keys of "brushDataUrls" are 0-based page numbers.');
    else if (typeof url !== 'string') report(walk, 'wrong-type', `${path}.brushDataUrls.${key}`, 'A brush mask is a data URL string.');
    else if (url !== '' && !isBrushUrl(url)) report(walk, 'bad-brush', `${path}.brushDataUrls.${key}`, 'A brush mask is a data:image/png URL or an https: URL.');
    else if (url !== '') {
      urls[key] = url;
      paths[key] = `${path}.brushDataUrls.${key}`;
    }
  }
  out.brushDataUrls = urls;
  if (Object.keys(paths).length > 0) out.brushPaths = paths;
  return out;
}

function stageHistoryOf(walk: ImportWalk, raw: unknown, path: string): StageHistoryEntry[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const list = items(raw);
  if (!list) return report(walk, 'wrong-type', path, '"stageHistory" must be a list.');
  const out: StageHistoryEntry[] = [];
  list.forEach((entry, index) => {
    const copy = isRecord(entry) ? copyJson(entry) : undefined;
    // Snapshots are kept as the host passed them (FORMAT.md §2): only their JSON-ness is checked.
    if (!isRecord(copy)) return report(walk, 'wrong-type', `${path}[${index}]`, 'A stage history entry must be a plain JSON object.');
    out.push(copy as unknown as StageHistoryEntry);
  });
  return out;
}

function* readBody(walk: ObjectWalk, body: Json, path: string): ImportSteps<ImportedAnnotations> {
  const version = field(body, 'formatVersion');
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    report(walk, 'unsupported-format-version', `${path}.formatVersion`, `formatVersion ${version} is newer than this library reads (${FORMAT_VERSION}).`);
  }
  // Ango's own records name no version: they are read as the current one.
  walk.formatVersion = typeof version === 'number' ? version : FORMAT_VERSION;
  const toolKey = field(body, 'tools') !== undefined ? 'tools' : 'objects';
  const rawTools = field(body, toolKey);
  const ids = walk.entryPaths;
  let objects: ObjectAnnotation[] = [];
  if (rawTools !== undefined && rawTools !== null && !isList(rawTools)) report(walk, 'wrong-type', `${path}.${toolKey}`, `"${toolKey}" must be a list.`);
  else if (rawTools) objects = yield* toolObjects(walk, rawTools as unknown[], `${path}.${toolKey}`, ids);
  const classifications = parseAnswers(walk, field(body, 'classifications'), walk.ontology.classifications, `${path}.classifications`, { ids });
  const rawRelations = field(body, 'relations');
  const relations = relationEntries(walk, rawRelations, `${path}.relations`, () => new Set(objects.map((object) => object.objectId)), ids);
  const stageHistory = stageHistoryOf(walk, field(body, 'stageHistory'), `${path}.stageHistory`);
  return { objects, classifications, relations, ...brushUrls(walk, body, path), ...(stageHistory ? { stageHistory } : {}) };
}

/**
 * Reads host input with these geometry codecs (an element's own; `labelkit/format.js` passes all).
 * A tool class whose geometry has no codec here is an `unsupported-tool` problem.
 */
export function parseImport(input: unknown, context: ImportContext, codecs: FormatCodecs): Result<ImportedAnnotations> {
  return runToEnd(parseImportSteps(input, context, codecs));
}

/**
 * `parseImport` in steps: the generator pauses after every few hundred object entries, so that a
 * caller can give the main thread back between them (`AnnotatorElement.importInSteps`); its
 * return value is `parseImport`'s. The input must not change until it is done.
 */
export function* parseImportSteps(input: unknown, context: ImportContext, codecs: FormatCodecs): ImportSteps<Result<ImportedAnnotations>> {
  const problems: ImportWalk['problems'] = [];
  try {
    const walk: ObjectWalk = {
      problems,
      ontology: context.ontology,
      lookup: createOntologyLookup(context.ontology),
      newId: context.newId,
      // One copy, shared by the items that carry no metadata of their own.
      metadata: { ...context.metadata },
      codecs,
      planes: context.planes,
      formatVersion: FORMAT_VERSION,
      entryPaths: new Map(),
      ...(context.text ? { text: context.text } : {}),
      ...(context.pages ? { pages: context.pages } : {}),
    };
    const located = yield* locateBody(walk, input, context);
    yield;
    const imported = located && (yield* readBody(walk, located.body, located.path));
    if (imported && context.keepPaths) imported.paths = new Map(imported.objects.map((object) => [object.objectId, String(walk.entryPaths.get(object.objectId))]));
    return imported && problems.length === 0 ? { ok: true, value: imported } : { ok: false, problems };
  } catch (error) {
    // Last resort (a host callback that throws, a proxy trap the readers do not cover).
    const name = error instanceof Error ? error.name : 'error';
    return { ok: false, problems: [...problems, { code: 'import-failed', path: '$', message: `The annotations could not be read (${name}).` }] };
  }
}
