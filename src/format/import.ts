/**
 * Host input (FORMAT.md §3) → annotations: the export record (or an array of them), the Ango import
 * shape and the legacy `tasks[]` shape. Every problem is collected with its JSON path; any problem
 * means nothing is imported. Never throws.
 */
import type { AuditMetadata, ClassificationAnswer, Geometry, Keyframe, ObjectAnnotation, Point, RelationAnnotation } from '../core/model.js';
import { normalizeBox, normalizeRotation } from '../core/geometry.js';
import type { ClassificationCategory, Ontology } from '../core/ontology.js';
import type { PlaneModel } from '../core/session.js';
import type { Problem, Result } from '../core/problem.js';
import type { StageHistoryEntry } from './types.js';
import { cloneJson } from './json.js';

export interface ImportContext {
  ontology: Ontology;
  assetId?: string;
  externalId?: string;
  planes: PlaneModel;
  newId: () => string;
  /** Audit metadata for items that carry none. */
  metadata: AuditMetadata;
}

export interface ImportedAnnotations {
  objects: ObjectAnnotation[];
  classifications: ClassificationAnswer[];
  relations: RelationAnnotation[];
  brushDataUrl?: string;
  brushDataUrls?: Record<string, string>;
  stageHistory?: StageHistoryEntry[];
}

const GEOMETRY_KEYS = ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'spline', 'point', 'segmentation', 'ner', 'pdf'] as const;
const MAX_DEPTH = 32;

type Json = Record<string, unknown>;

interface Walk {
  problems: Problem[];
  context: ImportContext;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(record: Json, key: string): unknown {
  try {
    return record[key];
  } catch {
    return undefined;
  }
}

function fail(walk: Walk, code: string, path: string, message: string): undefined {
  walk.problems.push({ code, path, message });
  return undefined;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function point(walk: Walk, value: unknown, path: string): Point | undefined {
  if (Array.isArray(value) && value.length === 2 && finite(value[0]) && finite(value[1])) return [value[0], value[1]];
  return fail(walk, 'bad-geometry', path, 'A point must be [x, y] with finite numbers.');
}

function points(walk: Walk, value: unknown, path: string, min: number): Point[] | undefined {
  if (!Array.isArray(value)) return fail(walk, 'bad-geometry', path, 'Expected a list of [x, y] points.');
  const result: Point[] = [];
  for (let i = 0; i < value.length; i++) {
    const p = point(walk, value[i], `${path}[${i}]`);
    if (!p) return undefined;
    result.push(p);
  }
  if (result.length < min) return fail(walk, 'bad-geometry', path, `Expected at least ${min} points.`);
  return result;
}

function numbers(walk: Walk, value: unknown, path: string, keys: readonly string[]): Record<string, number> | undefined {
  if (!isRecord(value)) return fail(walk, 'bad-geometry', path, `Expected an object with ${keys.join(', ')}.`);
  const out: Record<string, number> = {};
  for (const key of keys) {
    const v = get(value, key);
    if (!finite(v)) return fail(walk, 'bad-geometry', `${path}.${key}`, `"${key}" must be a finite number.`);
    out[key] = v;
  }
  return out;
}

function geometry(walk: Walk, type: (typeof GEOMETRY_KEYS)[number], value: unknown, path: string): Geometry | undefined {
  switch (type) {
    case 'bounding-box': {
      const n = numbers(walk, value, path, ['x', 'y', 'width', 'height']);
      return n && { type, value: normalizeBox({ x: n.x!, y: n.y!, width: n.width!, height: n.height! }) };
    }
    case 'rotated-bounding-box': {
      const n = numbers(walk, value, path, ['x', 'y', 'width', 'height', 'rotation']);
      if (!n) return undefined;
      const box = normalizeBox({ x: n.x!, y: n.y!, width: n.width!, height: n.height! });
      return { type, value: { ...box, rotation: normalizeRotation(n.rotation!) } };
    }
    case 'polygon': {
      const p = points(walk, value, path, 3);
      return p && { type, value: p };
    }
    case 'polyline':
    case 'spline': {
      const p = points(walk, value, path, 2);
      return p && { type, value: p };
    }
    case 'point': {
      const p = point(walk, value, path);
      return p && { type, value: p };
    }
    case 'segmentation': {
      const zones = isRecord(value) ? get(value, 'zones') : undefined;
      if (!Array.isArray(zones)) return fail(walk, 'bad-geometry', path, 'A segmentation is { zones: [{ region, holes }] }.');
      const out = [];
      for (let i = 0; i < zones.length; i++) {
        const zone = zones[i];
        const at = `${path}.zones[${i}]`;
        if (!isRecord(zone)) return fail(walk, 'bad-geometry', at, 'A zone is { region, holes }.');
        const region = points(walk, get(zone, 'region'), `${at}.region`, 3);
        const rawHoles = get(zone, 'holes') ?? [];
        if (!region || !Array.isArray(rawHoles)) return fail(walk, 'bad-geometry', `${at}.holes`, '"holes" must be a list of rings.');
        const holes: Point[][] = [];
        for (let h = 0; h < rawHoles.length; h++) {
          const ring = points(walk, rawHoles[h], `${at}.holes[${h}]`, 3);
          if (!ring) return undefined;
          holes.push(ring);
        }
        out.push({ region, holes });
      }
      return { type, value: { zones: out } };
    }
    case 'ner': {
      const n = numbers(walk, value, path, ['start', 'end']);
      const selection = isRecord(value) ? get(value, 'selection') : undefined;
      if (!n) return undefined;
      if (!Number.isInteger(n.start) || !Number.isInteger(n.end) || n.start! < 0 || n.end! < n.start!) return fail(walk, 'bad-geometry', path, 'Entity offsets must be integers with 0 ≤ start ≤ end.');
      return { type, value: { start: n.start!, end: n.end!, selection: typeof selection === 'string' ? selection : '' } };
    }
    case 'pdf': {
      if (!isRecord(value) || !isRecord(get(value, 'position'))) return fail(walk, 'bad-geometry', path, 'A pdf entry is { position, content }.');
      return { type, value: cloneJson(value) as unknown as Extract<Geometry, { type: 'pdf' }>['value'] };
    }
  }
}

function metadata(walk: Walk, value: unknown): AuditMetadata {
  if (!isRecord(value)) return { ...walk.context.metadata };
  const out: AuditMetadata = { ...walk.context.metadata };
  for (const key of ['createdAt', 'createdBy', 'createdIn', 'updatedAt', 'updatedBy', 'updatedIn'] as const) {
    const v = get(value, key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

function idOf(walk: Walk, record: Json): string {
  const id = get(record, 'objectId');
  return typeof id === 'string' && id !== '' ? id : walk.context.newId();
}

function findBy<T extends { schemaId: string; title: string }>(list: readonly T[], record: Json): T | undefined {
  const schemaId = get(record, 'schemaId');
  if (typeof schemaId === 'string') return list.find((c) => c.schemaId === schemaId);
  const title = get(record, 'title');
  return typeof title === 'string' ? list.find((c) => c.title === title) : undefined;
}

const ARRAY_ANSWERS = new Set(['checkbox', 'multi-dropdown', 'tree-dropdown', 'rank']);

function answers(walk: Walk, raw: unknown, categories: readonly ClassificationCategory[], path: string, depth: number): ClassificationAnswer[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return fail(walk, 'wrong-type', path, '"classifications" must be a list.') ?? [];
  if (depth > MAX_DEPTH) return fail(walk, 'too-deep', path, `Nesting deeper than ${MAX_DEPTH} levels.`) ?? [];
  const out: ClassificationAnswer[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return fail(walk, 'wrong-type', at, 'A classification answer must be an object.');
    const category = findBy(categories, item);
    if (!category) return fail(walk, 'unknown-schema', at, 'This classification is not in the ontology at this place.');
    const answer = get(item, 'answer');
    const wantsArray = ARRAY_ANSWERS.has(category.tool);
    const okType = wantsArray ? Array.isArray(answer) && answer.every((a) => typeof a === 'string') : typeof answer === 'string';
    if (!okType) return fail(walk, 'wrong-type', `${at}.answer`, `"${category.title}" expects ${wantsArray ? 'a list of strings' : 'a string'}.`);
    const page = get(item, 'page');
    out.push({
      objectId: idOf(walk, item),
      schemaId: category.schemaId,
      answer: wantsArray ? [...(answer as string[])] : (answer as string),
      classifications: answers(walk, get(item, 'classifications'), category.classifications, `${at}.classifications`, depth + 1),
      ...(Number.isInteger(page) ? { page: page as number } : {}),
      ...(get(item, 'lock') === true ? { lock: true } : {}),
      metadata: metadata(walk, get(item, 'metadata')),
    });
  });
  return out;
}

interface ToolEntry {
  object: ObjectAnnotation;
  page: number;
  keyframe: boolean;
  stopped: boolean;
}

function toolEntry(walk: Walk, item: unknown, at: string): ToolEntry | undefined {
  if (!isRecord(item)) return fail(walk, 'wrong-type', at, 'An object must be an object.');
  const category = findBy(walk.context.ontology.tools, item);
  if (!category) return fail(walk, 'unknown-schema', at, 'This object’s class is not in the ontology.');
  const key = GEOMETRY_KEYS.find((k) => get(item, k) !== undefined);
  if (!key) return fail(walk, 'missing-geometry', at, `No geometry: expected a "${category.tool}" key.`);
  const shape = geometry(walk, key, get(item, key), `${at}.${key}`);
  if (!shape) return undefined;
  const pageRaw = get(item, 'page');
  const page = pageRaw === undefined ? 0 : pageRaw;
  if (!Number.isInteger(page) || (page as number) < 0) return fail(walk, 'wrong-type', `${at}.page`, '"page" must be a non-negative integer.');
  const stopped = get(item, 'interpolationStopped') === true;
  return {
    object: {
      objectId: idOf(walk, item),
      schemaId: category.schemaId,
      keyframes: [{ frame: walk.context.planes === 'single' ? 0 : (page as number), geometry: shape, ...(stopped ? { stopped: true } : {}) }],
      classifications: answers(walk, get(item, 'classifications'), category.classifications, `${at}.classifications`, 1),
      ...(get(item, 'lock') === true ? { lock: true } : {}),
      metadata: metadata(walk, get(item, 'metadata')),
    },
    page: page as number,
    keyframe: get(item, 'keyframe') === true,
    stopped,
  };
}

/** Video: flat per-frame entries sharing an objectId become one track of keyframes. */
function toObjects(walk: Walk, entries: { entry: ToolEntry; path: string }[]): ObjectAnnotation[] {
  if (walk.context.planes !== 'track') {
    const seen = new Set<string>();
    return entries.flatMap(({ entry, path }) => {
      if (seen.has(entry.object.objectId)) return fail(walk, 'duplicate-object-id', `${path}.objectId`, `objectId "${entry.object.objectId}" is used twice.`) ?? [];
      seen.add(entry.object.objectId);
      return [entry.object];
    });
  }
  const byId = new Map<string, ToolEntry[]>();
  for (const { entry } of entries) byId.set(entry.object.objectId, [...(byId.get(entry.object.objectId) ?? []), entry]);
  return [...byId.values()].map((group) => {
    const flagged = group.some((e) => e.keyframe);
    const keyframes: Keyframe[] = group
      .filter((e) => !flagged || e.keyframe || e.stopped)
      .map((e) => e.object.keyframes[0]!)
      .sort((a, b) => a.frame - b.frame);
    const first = group[0]!.object;
    return { ...first, keyframes: keyframes.filter((k, i) => i === 0 || k.frame !== keyframes[i - 1]!.frame) };
  });
}

function relations(walk: Walk, raw: unknown, path: string, objectIds: Set<string>): RelationAnnotation[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return fail(walk, 'wrong-type', path, '"relations" must be a list.') ?? [];
  const out: RelationAnnotation[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return fail(walk, 'wrong-type', at, 'A relation must be an object.');
    const category = findBy(walk.context.ontology.relations, item);
    if (!category) return fail(walk, 'unknown-schema', at, 'This relation is not in the ontology.');
    const common = { objectId: idOf(walk, item), schemaId: category.schemaId, ...(get(item, 'lock') === true ? { lock: true } : {}), metadata: metadata(walk, get(item, 'metadata')) };
    const group = get(item, 'group');
    if (Array.isArray(group)) {
      if (!group.every((id): id is string => typeof id === 'string')) return fail(walk, 'wrong-type', `${at}.group`, '"group" must be a list of objectIds.');
      const missing = group.filter((id) => !objectIds.has(id));
      if (missing.length) return fail(walk, 'relation-endpoint-missing', `${at}.group`, `Unknown objects: ${missing.join(', ')}.`);
      out.push({ kind: 'group', ...common, group: [...group] });
      return;
    }
    const from = get(item, 'from');
    const to = get(item, 'to');
    if (typeof from !== 'string' || typeof to !== 'string') return fail(walk, 'wrong-type', at, 'A relation needs "from" and "to" objectIds, or a "group".');
    for (const [end, id] of [['from', from], ['to', to]] as const) {
      if (!objectIds.has(id)) return fail(walk, 'relation-endpoint-missing', `${at}.${end}`, `Unknown object "${id}".`);
    }
    const direction = get(item, 'direction') === 'bidirectional' ? 'bidirectional' : 'straight';
    out.push({ kind: 'single', ...common, from, to, direction });
  });
  return out;
}

/** Picks the record for this asset from an array: by assetId, then externalId, else the only one. */
function pick(walk: Walk, input: unknown[]): { value: unknown; path: string } | undefined {
  const { assetId, externalId } = walk.context;
  const records = input.map((value, index) => ({ value, path: `$[${index}]` }));
  const match =
    (assetId && records.find((r) => isRecord(r.value) && get(r.value, 'assetId') === assetId)) ||
    (externalId && records.find((r) => isRecord(r.value) && get(r.value, 'externalId') === externalId)) ||
    (records.length === 1 ? records[0] : undefined);
  return match || fail(walk, 'no-matching-asset', '$', 'None of the records matches this asset’s assetId or externalId.');
}

export function parseImport(input: unknown, context: ImportContext): Result<ImportedAnnotations> {
  const walk: Walk = { problems: [], context };
  try {
    let data = input;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data) as unknown;
      } catch {
        return { ok: false, problems: [{ code: 'bad-json', path: '$', message: 'The annotations are not valid JSON.' }] };
      }
    }
    let path = '$';
    if (Array.isArray(data)) {
      const chosen = pick(walk, data);
      if (!chosen) return { ok: false, problems: walk.problems };
      data = chosen.value;
      path = chosen.path;
    }
    if (!isRecord(data)) return { ok: false, problems: [{ code: 'wrong-type', path, message: 'Expected an export record, an Ango import object or { tasks: [...] }.' }] };
    let body: Json = data;
    let bodyPath = path;
    const task = get(data, 'task');
    const tasks = get(data, 'tasks');
    if (isRecord(task)) {
      body = task;
      bodyPath = `${path}.task`;
    } else if (Array.isArray(tasks)) {
      if (!isRecord(tasks[0])) return { ok: false, problems: [{ code: 'wrong-type', path: `${path}.tasks`, message: '"tasks" must hold at least one task object.' }] };
      body = tasks[0];
      bodyPath = `${path}.tasks[0]`;
    }
    const toolKey = get(body, 'tools') !== undefined ? 'tools' : 'objects';
    const rawTools = get(body, toolKey) ?? [];
    const entries: { entry: ToolEntry; path: string }[] = [];
    if (!Array.isArray(rawTools)) fail(walk, 'wrong-type', `${bodyPath}.${toolKey}`, `"${toolKey}" must be a list.`);
    else
      rawTools.forEach((item, index) => {
        const at = `${bodyPath}.${toolKey}[${index}]`;
        const entry = toolEntry(walk, item, at);
        if (entry) entries.push({ entry, path: at });
      });
    const objects = toObjects(walk, entries);
    const classifications = answers(walk, get(body, 'classifications'), context.ontology.classifications, `${bodyPath}.classifications`, 0);
    const relationList = relations(walk, get(body, 'relations'), `${bodyPath}.relations`, new Set(objects.map((o) => o.objectId)));
    if (walk.problems.length) return { ok: false, problems: walk.problems };
    const brushDataUrl = get(body, 'brushDataUrl');
    const brushDataUrls = get(body, 'brushDataUrls');
    const stageHistory = get(body, 'stageHistory');
    return {
      ok: true,
      value: {
        objects,
        classifications,
        relations: relationList,
        ...(typeof brushDataUrl === 'string' && brushDataUrl ? { brushDataUrl } : {}),
        ...(isRecord(brushDataUrls) ? { brushDataUrls: Object.fromEntries(Object.entries(brushDataUrls).filter((e): e is [string, string] => typeof e[1] === 'string')) } : {}),
        ...(Array.isArray(stageHistory) ? { stageHistory: cloneJson(stageHistory) as StageHistoryEntry[] } : {}),
      },
    };
  } catch (error) {
    return { ok: false, problems: [{ code: 'import-failed', path: '$', message: `The annotations could not be read (${error instanceof Error ? error.name : 'error'}).` }] };
  }
}
