/**
 * Agreement between several versions (sources) of one asset's annotations (docs/format.md
 * "Agreement"): objects are matched across sources class by class (Hungarian assignment on
 * shape similarity), then scored per object, per class and for the asset; global answers are
 * compared source by source.
 */
import { munkres } from 'munkres';
import type { Answer, ClassificationAnswer, Geometry, ObjectAnnotation } from '../../core/model.js';
import type { ClassificationType, Ontology } from '../../core/ontology.js';
import { findCategory } from '../../core/ontology.js';
import type { PlaneModel } from '../../core/session.js';
import { framesToExport, shapeAtFrame } from '../../core/interpolation.js';
import { DEFAULT_SIMILARITY, shapeSimilarity, type SimilarityOptions } from './similarity.js';
import { CandidateIndex, extentOf, type Extent } from './candidates.js';

/** One version of the annotations, as the model holds them. */
export interface AgreementSource {
  objects: readonly ObjectAnnotation[];
  classifications: readonly ClassificationAnswer[];
}

export interface AgreementOptions extends SimilarityOptions {
  /** Two objects are the same object only from this similarity on (default 0.5, COCO's IoU threshold). */
  minSimilarity: number;
  /** How keyframes read: `track` (video) compares frame by frame (default `single`). */
  planes: PlaneModel;
  /** Tracks: the asset's frame count (default: one past the last keyframe of either object). */
  frameTotal?: number;
}

export const DEFAULT_AGREEMENT: AgreementOptions = { ...DEFAULT_SIMILARITY, minSimilarity: 0.5, planes: 'single' };

/** One source's object within a matched object: its score is its mean similarity to the other sources' versions (0 where a source has none). */
export interface AgreementMember {
  objectId: string;
  agreement: number;
}

/** One object as the sources drew it: `members[i]` is source i's version, `null` where source i has none. */
export interface ObjectAgreement {
  schemaId: string;
  members: (AgreementMember | null)[];
  /** Mean similarity over every pair of sources (0 for a pair where one has no version); 1 with one source. */
  agreement: number;
  /** The versions present give equal answers to the object's nested classifications. */
  answersAgree: boolean;
}

export interface ClassAgreement {
  schemaId: string;
  title: string;
  /** Mean agreement of the class's objects. */
  agreement: number;
  /** Matched objects of the class. */
  objects: number;
}

export interface ClassificationAgreement {
  schemaId: string;
  title: string;
  /** Frame-specific answers: the 0-based plane. */
  page?: number;
  /** Source i's answer, `null` where it gave none. */
  answers: (Answer | null)[];
  /** The share of source pairs giving the same answer (no answer is an answer), 1 with one source. */
  agreement: number;
  unanimous: boolean;
}

export interface AgreementReport {
  sources: number;
  /** Mean agreement of all objects; 1 when no source has any object. */
  asset: number;
  classes: ClassAgreement[];
  objects: ObjectAgreement[];
  classifications: ClassificationAgreement[];
  /** Mean agreement of the global classifications; 1 when there are none. */
  classificationAgreement: number;
}

type Planes = Map<number, Geometry>;

function planesOf(object: ObjectAnnotation, options: AgreementOptions, frameTotal: number): Planes {
  if (options.planes !== 'track') return new Map(object.keyframes.map((k) => [k.frame, k.geometry]));
  const planes: Planes = new Map();
  for (const frame of framesToExport(object.keyframes, frameTotal, false)) {
    const shape = shapeAtFrame(object.keyframes, frame);
    if (shape && !shape.stopped) planes.set(frame, shape.geometry);
  }
  return planes;
}

/** The mean per-plane similarity over the planes either object is on (0 on a plane only one is on). */
function objectSimilarity(a: Planes, b: Planes, options: SimilarityOptions): number {
  const frames = new Set([...a.keys(), ...b.keys()]);
  if (frames.size === 0) return 0;
  let sum = 0;
  for (const frame of frames) {
    const x = a.get(frame);
    const y = b.get(frame);
    if (x && y) sum += shapeSimilarity(x, y, options);
  }
  return sum / frames.size;
}

const mean = (values: readonly number[], empty: number): number => (values.length === 0 ? empty : values.reduce((s, v) => s + v, 0) / values.length);

/** An answer in a form that compares equal when the answers mean the same (choices in any order, a ranking in its order). */
function answerKey(answer: ClassificationAnswer, ontology: Ontology): string {
  const category = findCategory(ontology, answer.schemaId);
  const tool = category?.kind === 'classification' ? (category.tool as ClassificationType) : undefined;
  const value = Array.isArray(answer.answer) && tool !== 'rank' ? [...answer.answer].sort() : answer.answer;
  return JSON.stringify([answer.schemaId, answer.page ?? null, value, answersKey(answer.classifications, ontology)]);
}

function answersKey(answers: readonly ClassificationAnswer[], ontology: Ontology): string {
  return JSON.stringify(answers.map((a) => answerKey(a, ontology)).sort());
}

/**
 * One version's objects of a class → the matched objects they join (object index → cluster
 * index): a Hungarian assignment maximising the total similarity over the pairs at or above
 * `minSimilarity`, run per connected group of such pairs (groups are small even on large assets).
 */
function assign(
  rows: readonly number[],
  index: CandidateIndex<number>,
  score: (row: number, cluster: number) => number,
  extents: readonly (Extent | undefined)[],
  minSimilarity: number,
): Map<number, number> {
  const edges = new Map<number, Map<number, number>>();
  for (const i of rows) {
    const extent = extents[i];
    if (!extent) continue;
    for (const c of new Set(index.search(extent))) {
      const value = score(i, c);
      if (value >= minSimilarity && value > 0) edges.set(i, (edges.get(i) ?? new Map()).set(c, value));
    }
  }
  // Connected groups of rows and clusters, by union-find over the edges.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const [i, targets] of edges) for (const c of targets.keys()) parent.set(find(`r${i}`), find(`c${c}`));
  const groups = new Map<string, { rows: number[]; clusters: Set<number> }>();
  for (const [i, targets] of edges) {
    const root = find(`r${i}`);
    const group = groups.get(root) ?? { rows: [], clusters: new Set<number>() };
    group.rows.push(i);
    for (const c of targets.keys()) group.clusters.add(c);
    groups.set(root, group);
  }
  const matched = new Map<number, number>();
  for (const group of groups.values()) {
    const columns = [...group.clusters];
    const costs = group.rows.map((i) => columns.map((c) => 1 - (edges.get(i)!.get(c) ?? 0)));
    for (const [row, column] of munkres(costs)) {
      const i = group.rows[row]!;
      const c = columns[column]!;
      if (edges.get(i)!.has(c)) matched.set(i, c);
    }
  }
  return matched;
}

interface Cluster {
  schemaId: string;
  /** Index into the source's objects, by source. */
  members: (number | undefined)[];
}

export function agreementOf(sources: readonly AgreementSource[], ontology: Ontology, given: Partial<AgreementOptions> = {}): AgreementReport {
  const options: AgreementOptions = { ...DEFAULT_AGREEMENT, ...given };
  const lastFrame = Math.max(0, ...sources.flatMap((s) => s.objects.flatMap((o) => o.keyframes.map((k) => k.frame))));
  const frameTotal = options.frameTotal ?? lastFrame + 1;
  const planes = sources.map((s) => s.objects.map((o) => planesOf(o, options, frameTotal)));
  const similarities = new Map<string, number>();
  const similarity = (s: number, i: number, t: number, j: number): number => {
    const key = s < t ? `${s}:${i}|${t}:${j}` : `${t}:${j}|${s}:${i}`;
    let value = similarities.get(key);
    if (value === undefined) similarities.set(key, (value = objectSimilarity(planes[s]![i]!, planes[t]![j]!, options)));
    return value;
  };

  // Beyond its shape, a point still scores within its radius and a line within half its band.
  const margin = Math.max(options.pointRadius, options.lineWidth / 2);
  const extents = planes.map((list) => list.map((byPlane) => extentOf(byPlane, margin)));
  const clusters: Cluster[] = [];
  const indexes = new Map<string, CandidateIndex<number>>();
  sources.forEach((source, s) => {
    const byClass = new Map<string, number[]>();
    source.objects.forEach((object, i) => byClass.set(object.schemaId, [...(byClass.get(object.schemaId) ?? []), i]));
    for (const [schemaId, rows] of byClass) {
      let index = indexes.get(schemaId);
      if (!index) indexes.set(schemaId, (index = new CandidateIndex<number>()));
      const matched = assign(rows, index, (i, c) => mean(clusters[c]!.members.flatMap((j, t) => (j === undefined ? [] : [similarity(s, i, t, j)])), 0), extents[s]!, options.minSimilarity);
      const joined = rows.map((i) => {
        const c = matched.get(i) ?? clusters.push({ schemaId, members: new Array<number | undefined>(sources.length).fill(undefined) }) - 1;
        clusters[c]!.members[s] = i;
        return c;
      });
      // Filed after the class is assigned: a version's objects never match each other.
      rows.forEach((i, row) => {
        const extent = extents[s]![i];
        if (extent) index.insert(extent, joined[row]!);
      });
    }
  });

  const objects = clusters.map((cluster): ObjectAgreement => {
    const pairs: number[] = [];
    for (let s = 0; s < sources.length; s++)
      for (let t = s + 1; t < sources.length; t++) {
        const i = cluster.members[s];
        const j = cluster.members[t];
        pairs.push(i === undefined || j === undefined ? 0 : similarity(s, i, t, j));
      }
    const members = cluster.members.map((i, s): AgreementMember | null => {
      if (i === undefined) return null;
      const others = cluster.members.flatMap((j, t) => (t === s ? [] : [j === undefined ? 0 : similarity(s, i, t, j)]));
      return { objectId: sources[s]!.objects[i]!.objectId, agreement: mean(others, 1) };
    });
    const answers = new Set(cluster.members.flatMap((i, s) => (i === undefined ? [] : [answersKey(sources[s]!.objects[i]!.classifications, ontology)])));
    return { schemaId: cluster.schemaId, members, agreement: mean(pairs, 1), answersAgree: answers.size <= 1 };
  });

  const classes = [...new Set(objects.map((o) => o.schemaId))].map((schemaId): ClassAgreement => {
    const ofClass = objects.filter((o) => o.schemaId === schemaId);
    return { schemaId, title: findCategory(ontology, schemaId)?.title ?? schemaId, agreement: mean(ofClass.map((o) => o.agreement), 1), objects: ofClass.length };
  });

  const classifications = classificationAgreement(sources, ontology);
  return {
    sources: sources.length,
    asset: mean(objects.map((o) => o.agreement), 1),
    classes,
    objects,
    classifications,
    classificationAgreement: mean(classifications.map((c) => c.agreement), 1),
  };
}

function classificationAgreement(sources: readonly AgreementSource[], ontology: Ontology): ClassificationAgreement[] {
  const keys = new Map<string, { schemaId: string; page?: number }>();
  for (const source of sources) for (const a of source.classifications) keys.set(`${a.schemaId}@${a.page ?? ''}`, { schemaId: a.schemaId, ...(a.page === undefined ? {} : { page: a.page }) });
  return [...keys].map(([key, { schemaId, page }]) => {
    const given = sources.map((source) => source.classifications.find((a) => `${a.schemaId}@${a.page ?? ''}` === key));
    const compared = given.map((a) => (a ? answerKey(a, ontology) : ''));
    let equal = 0;
    let pairs = 0;
    for (let s = 0; s < compared.length; s++)
      for (let t = s + 1; t < compared.length; t++) {
        pairs++;
        if (compared[s] === compared[t]) equal++;
      }
    return {
      schemaId,
      title: findCategory(ontology, schemaId)?.title ?? schemaId,
      ...(page === undefined ? {} : { page }),
      answers: given.map((a) => a?.answer ?? null),
      agreement: pairs === 0 ? 1 : equal / pairs,
      unanimous: new Set(compared).size <= 1,
    };
  });
}
