/**
 * What changed between two versions of one asset's annotations (docs/format.md "Change
 * history"): two export records, two `stageHistory` snapshots, or one of each. Read on the JSON
 * as exported, so it needs no ontology: objects are the same object when they share `objectId`
 * (labelkit and Ango keep it through stages), and the flat per-frame entries of a video track are
 * one object.
 */
import type { Answer } from '../../core/model.js';

/** An export record, a stage history snapshot or a task: anything with `tools` (or Ango's `objects`) at its top or under `task`. */
export type DiffInput = object;

export interface ObjectChange {
  objectId: string;
  /** The class after the change (before it, for a removed object). */
  schemaId: string;
  title?: string;
}

export interface ReclassifiedObject extends ObjectChange {
  /** The class before the change. */
  fromSchemaId: string;
  fromTitle?: string;
}

export interface AnswerChange {
  schemaId: string;
  title?: string;
  page?: number;
  before: Answer | null;
  after: Answer | null;
}

export interface RecordDiff {
  added: ObjectChange[];
  removed: ObjectChange[];
  /** The shape changed on some plane (moved, resized, reshaped, or on other frames or pages). */
  moved: ObjectChange[];
  /** The class changed. An object can be both moved and re-classified. */
  reclassified: ReclassifiedObject[];
  /** The object's own answers (nested classifications) changed. */
  reanswered: ObjectChange[];
  /** Global answers added, removed or changed. */
  classifications: AnswerChange[];
  /** Relations (by objectId) present in one version only. */
  relations: { added: string[]; removed: string[] };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The body holding the lists: a record's `task`, else the input itself (the first record of a list). */
function bodyOf(input: DiffInput): Json {
  const json = (Array.isArray(input) ? (input[0] as unknown) : input) as Json;
  if (!isObject(json)) return {};
  return isObject(json.task) ? json.task : json;
}

/** Everything of an entry but its audit data, ids and derived fields: what a person edits. */
const NOT_GEOMETRY = new Set(['objectId', 'schemaId', 'title', 'classifications', 'metadata', 'measurement', 'lock', 'keyframe']);

/** Answers without their audit data, in a stable order. */
function answersKey(answers: unknown): string {
  return JSON.stringify(
    list(answers)
      .map((a) => JSON.stringify([a.schemaId, a.page ?? null, a.answer, answersKey(a.classifications)]))
      .sort(),
  );
}

interface ObjectFacts {
  schemaId: string;
  title?: string;
  shape: string;
  answers: string;
}

function objectsOf(body: Json): Map<string, ObjectFacts> {
  const entries = list(body.tools ?? body.objects);
  const grouped = new Map<string, Json[]>();
  for (const entry of entries) {
    if (typeof entry.objectId !== 'string') continue;
    grouped.set(entry.objectId, [...(grouped.get(entry.objectId) ?? []), entry]);
  }
  const out = new Map<string, ObjectFacts>();
  for (const [objectId, group] of grouped) {
    const first = group[0]!;
    const frames = group
      .map((entry) => JSON.stringify(Object.keys(entry).filter((key) => !NOT_GEOMETRY.has(key)).sort().map((key) => [key, entry[key]])))
      .sort();
    out.set(objectId, {
      schemaId: String(first.schemaId ?? first.title ?? ''),
      ...(typeof first.title === 'string' ? { title: first.title } : {}),
      shape: JSON.stringify(frames),
      answers: answersKey(group.flatMap((entry) => list(entry.classifications))),
    });
  }
  return out;
}

const change = (objectId: string, facts: ObjectFacts): ObjectChange => ({ objectId, schemaId: facts.schemaId, ...(facts.title === undefined ? {} : { title: facts.title }) });

function answersOf(body: Json): Map<string, Json> {
  return new Map(list(body.classifications).map((a) => [`${String(a.schemaId ?? a.title)}@${String(a.page ?? '')}`, a]));
}

/** What changed from `before` to `after`: added, removed, moved, re-classified and re-answered objects, global answers and relations. */
export function diffRecords(before: DiffInput, after: DiffInput): RecordDiff {
  const a = bodyOf(before);
  const b = bodyOf(after);
  const was = objectsOf(a);
  const now = objectsOf(b);
  const diff: RecordDiff = { added: [], removed: [], moved: [], reclassified: [], reanswered: [], classifications: [], relations: { added: [], removed: [] } };
  for (const [objectId, facts] of now) {
    const old = was.get(objectId);
    if (!old) {
      diff.added.push(change(objectId, facts));
      continue;
    }
    if (old.shape !== facts.shape) diff.moved.push(change(objectId, facts));
    if (old.schemaId !== facts.schemaId) diff.reclassified.push({ ...change(objectId, facts), fromSchemaId: old.schemaId, ...(old.title === undefined ? {} : { fromTitle: old.title }) });
    if (old.answers !== facts.answers) diff.reanswered.push(change(objectId, facts));
  }
  for (const [objectId, facts] of was) if (!now.has(objectId)) diff.removed.push(change(objectId, facts));

  const answersBefore = answersOf(a);
  const answersAfter = answersOf(b);
  for (const key of new Set([...answersBefore.keys(), ...answersAfter.keys()])) {
    const x = answersBefore.get(key);
    const y = answersAfter.get(key);
    if (x && y && answersKey([x]) === answersKey([y])) continue;
    const some = (y ?? x)!;
    diff.classifications.push({
      schemaId: String(some.schemaId ?? some.title),
      ...(typeof some.title === 'string' ? { title: some.title } : {}),
      ...(typeof some.page === 'number' ? { page: some.page } : {}),
      before: (x?.answer as Answer | undefined) ?? null,
      after: (y?.answer as Answer | undefined) ?? null,
    });
  }

  const relationIds = (body: Json) => new Set(list(body.relations).flatMap((r) => (typeof r.objectId === 'string' ? [r.objectId] : [])));
  const relationsBefore = relationIds(a);
  const relationsAfter = relationIds(b);
  diff.relations.added = [...relationsAfter].filter((id) => !relationsBefore.has(id));
  diff.relations.removed = [...relationsBefore].filter((id) => !relationsAfter.has(id));
  return diff;
}
