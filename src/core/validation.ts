/**
 * What blocks a submit: required tools, answers and relations, counts, text patterns, answers that
 * are not options, relations whose objects are gone, annotations whose class is not in the
 * ontology; plus the host's own validator. Each problem names the category by its title and
 * carries the schemaId and, where there is one, the objectId to select.
 */
import type { Answer, BrushMask, ClassificationAnswer, ObjectAnnotation, RelationAnnotation } from './model.js';
import type { ClassificationCategory, ClassificationType, Ontology, OntologyIndex } from './ontology.js';
import { indexOntology } from './ontology.js';
import type { Problem } from './problem.js';

export interface ValidationInput {
  ontology: Ontology;
  objects: readonly ObjectAnnotation[];
  classifications: readonly ClassificationAnswer[];
  relations: readonly RelationAnnotation[];
  /** Planes of a multi-plane asset: keyframes and frame-specific answers must lie in `[0, frameTotal)`. */
  frameTotal?: number;
  /** Painted brush masks. Without them, brush tools are not checked (brush classes are not objects). */
  brushMasks?: readonly BrushMask[];
}

/** Types whose answer is an array of strings (FORMAT.md §2.2); the others answer one string. */
const LIST_ANSWERS: ReadonlySet<ClassificationType> = new Set(['checkbox', 'multi-dropdown', 'tree-dropdown', 'rank']);

/** Whom a set of answers belongs to: a drawn object, or the asset (global answers). */
interface Owner {
  /** The object to select for a nested answer. */
  objectId?: string;
  /** Appended to messages, e.g. ` on Car "o-1"`. */
  label: string;
}

interface Context {
  index: OntologyIndex;
  problems: Problem[];
  frameTotal: number | undefined;
  /** Compiled `regex` per category schemaId. */
  patterns: Map<string, RegExp | undefined>;
}

/** An answer counts when it has a non-blank string or a non-empty list. */
function isAnswered(answer: Answer | undefined): boolean {
  if (typeof answer === 'string') return answer.trim() !== '';
  return Array.isArray(answer) && answer.length > 0;
}

function valuesOf(answer: Answer): readonly string[] {
  return typeof answer === 'string' ? [answer] : answer;
}

/** Option schemaIds an answer chooses: what conditional nested classifications depend on. */
function chosenOptionIds(category: ClassificationCategory, answer: Answer): ReadonlySet<string> {
  const values = new Set(valuesOf(answer));
  return new Set(category.options.filter((option) => values.has(option.value)).map((option) => option.schemaId));
}

function pattern(context: Context, category: ClassificationCategory): RegExp | undefined {
  if (category.regex === undefined) return undefined;
  if (!context.patterns.has(category.schemaId)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(category.regex);
    } catch {
      compiled = undefined; // parseOntology rejects these; a hand-built ontology may not have.
    }
    context.patterns.set(category.schemaId, compiled);
  }
  return context.patterns.get(category.schemaId);
}

function inFrames(context: Context, frame: number): boolean {
  return context.frameTotal === undefined || (Number.isInteger(frame) && frame >= 0 && frame < context.frameTotal);
}

function quoted(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Decisions: min/max bound the number of values of a list answer and apply only once the answer is
 * non-empty (whether empty is allowed is `required`'s job). A rank answer is a permutation of a
 * subset of the options: no value twice; set `min` to the number of options to demand all.
 * Text answers are tested with `new RegExp(regex).test(answer)` (anchor the pattern to match the
 * whole answer); an empty text answer is not tested.
 */
function checkAnswer(context: Context, category: ClassificationCategory, answer: ClassificationAnswer, owner: Owner, objectId: string): void {
  const where = { schemaId: category.schemaId, objectId };
  const problems = context.problems;
  const value: unknown = answer.answer;
  const wantsList = LIST_ANSWERS.has(category.tool);
  const fits = wantsList ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === 'string';
  if (!fits) {
    const wanted = wantsList ? 'a list of strings' : 'one string';
    problems.push({ code: 'answer-type', message: `"${category.title}" (${category.tool}) expects ${wanted}${owner.label}.`, ...where });
    return;
  }
  const values = valuesOf(answer.answer);
  if (category.frameSpecific && answer.page !== undefined && !inFrames(context, answer.page)) {
    problems.push({ code: 'frame-out-of-range', message: `"${category.title}" is answered on frame ${answer.page}, outside the asset's ${context.frameTotal ?? 0} frames${owner.label}.`, ...where });
  }
  if (category.tool === 'text') {
    const regex = pattern(context, category);
    const textAnswer = values[0] ?? '';
    if (regex && textAnswer !== '' && !regex.test(textAnswer)) {
      problems.push({ code: 'regex-mismatch', message: `"${category.title}" must match ${category.regex ?? ''}; ${JSON.stringify(textAnswer)} does not${owner.label}.`, ...where });
    }
    return;
  }
  const allowed = new Set(category.tool === 'tree-dropdown' ? context.index.treePaths(category) : category.options.map((option) => option.value));
  const strangers = values.filter((item) => !allowed.has(item));
  if (strangers.length > 0) {
    problems.push({ code: 'answer-not-option', message: `"${category.title}" has ${quoted(strangers)}, which ${strangers.length === 1 ? 'is not an option' : 'are not options'}${owner.label}.`, ...where });
  }
  if (category.tool === 'rank') {
    const repeated = [...new Set(values.filter((item, i) => values.indexOf(item) !== i))];
    if (repeated.length > 0) problems.push({ code: 'rank-incomplete', message: `"${category.title}" ranks ${quoted(repeated)} more than once${owner.label}.`, ...where });
  }
  if (wantsList && values.length > 0) {
    if (category.min !== undefined && values.length < category.min) {
      problems.push({ code: 'answer-count', message: `"${category.title}" needs at least ${category.min} values (has ${values.length})${owner.label}.`, ...where });
    }
    if (category.max !== undefined && values.length > category.max) {
      problems.push({ code: 'answer-count', message: `"${category.title}" allows at most ${category.max} values (has ${values.length})${owner.label}.`, ...where });
    }
  }
}

/** One level of classifications and the answers given to it. */
interface Level {
  categories: readonly ClassificationCategory[];
  answers: readonly ClassificationAnswer[];
  /** Names the level in messages: `the ontology` or the parent's title. */
  title: string;
  /** Options chosen in the parent answer; undefined at the top of a tree (nothing conditional applies). */
  chosen: ReadonlySet<string> | undefined;
  /** False under an empty parent answer: nothing there is required. */
  enforceRequired: boolean;
}

/**
 * Checks the answers to one level of categories, then the levels nested in each answer. Decisions:
 * a nested classification is only checked under an answer of its parent (an unanswered optional
 * parent requires nothing); one with `parentOptionId` only while that option is chosen in that
 * answer (answers to it are ignored otherwise); a required frame-specific classification needs a
 * non-empty answer on at least one frame.
 */
function checkLevel(context: Context, level: Level, owner: Owner): void {
  const known = new Set(level.categories.map((category) => category.schemaId));
  for (const answer of level.answers) {
    if (known.has(answer.schemaId)) continue;
    context.problems.push({
      code: 'unknown-schema',
      message: `The answer ${answer.objectId} has a class (${answer.schemaId}) that is not a classification of ${level.title}${owner.label}.`,
      schemaId: answer.schemaId,
      objectId: owner.objectId ?? answer.objectId,
    });
  }
  for (const category of level.categories) {
    if (category.parentOptionId !== undefined && !level.chosen?.has(category.parentOptionId)) continue;
    const mine = level.answers.filter((answer) => answer.schemaId === category.schemaId);
    if (level.enforceRequired && category.required && !mine.some((answer) => isAnswered(answer.answer))) {
      const frames = category.frameSpecific ? ' on at least one frame' : '';
      context.problems.push({
        code: 'required-classification',
        message: `"${category.title}" needs an answer${frames}${owner.label}.`,
        schemaId: category.schemaId,
        ...(owner.objectId === undefined ? {} : { objectId: owner.objectId }),
      });
    }
    for (const answer of mine) {
      checkAnswer(context, category, answer, owner, owner.objectId ?? answer.objectId);
      const answered = isAnswered(answer.answer);
      checkLevel(
        context,
        {
          categories: category.classifications,
          answers: Array.isArray(answer.classifications) ? answer.classifications : [],
          title: `"${category.title}"`,
          chosen: answered ? chosenOptionIds(category, answer.answer) : new Set(),
          enforceRequired: answered,
        },
        owner,
      );
    }
  }
}

/**
 * Decision: min/max count distinct objects (a video track is one object), and apply only once at
 * least one exists; whether none is allowed is `required`'s job. Brush tools are checked for
 * `required` only, and only when `brushMasks` is given (a class counts when a mask has a painted pixel).
 */
function checkTools(context: Context, input: ValidationInput): void {
  const counts = new Map<string, number>();
  for (const object of input.objects) counts.set(object.schemaId, (counts.get(object.schemaId) ?? 0) + 1);
  const painted = new Set((input.brushMasks ?? []).filter((mask) => mask.data.some((byte) => byte !== 0)).map((mask) => mask.schemaId));
  for (const tool of input.ontology.tools) {
    const where = { schemaId: tool.schemaId };
    if (tool.tool === 'brush') {
      if (tool.required && input.brushMasks !== undefined && !painted.has(tool.schemaId)) {
        context.problems.push({ code: 'required-tool', message: `Paint at least one "${tool.title}".`, ...where });
      }
      continue;
    }
    const count = counts.get(tool.schemaId) ?? 0;
    if (count === 0) {
      if (tool.required) context.problems.push({ code: 'required-tool', message: `Draw at least one "${tool.title}".`, ...where });
      continue;
    }
    if (tool.min !== undefined && count < tool.min) context.problems.push({ code: 'tool-count', message: `Draw at least ${tool.min} "${tool.title}" (now ${count}).`, ...where });
    if (tool.max !== undefined && count > tool.max) context.problems.push({ code: 'tool-count', message: `Draw at most ${tool.max} "${tool.title}" (now ${count}).`, ...where });
  }
}

function checkObjects(context: Context, input: ValidationInput): void {
  for (const object of input.objects) {
    const where = { objectId: object.objectId, schemaId: object.schemaId };
    const category = context.index.category(object.schemaId);
    if (category?.kind !== 'tool') {
      context.problems.push({ code: 'unknown-schema', message: `Object ${object.objectId} has a class (${object.schemaId}) that is not a tool of the ontology.`, ...where });
      continue;
    }
    const label = ` on "${category.title}" ${object.objectId}`;
    const wrong = object.keyframes.filter((keyframe) => keyframe.geometry.type !== category.tool);
    if (wrong.length > 0) {
      context.problems.push({ code: 'geometry-type', message: `"${category.title}" is a ${category.tool} tool, but object ${object.objectId} has ${wrong[0]?.geometry.type ?? 'other'} geometry.`, ...where });
    }
    const outside = object.keyframes.filter((keyframe) => !inFrames(context, keyframe.frame));
    if (outside.length > 0) {
      context.problems.push({ code: 'frame-out-of-range', message: `"${category.title}" ${object.objectId} has a keyframe on frame ${outside[0]?.frame ?? 0}, outside the asset's ${context.frameTotal ?? 0} frames.`, ...where });
    }
    checkLevel(context, { categories: category.classifications, answers: object.classifications, title: `"${category.title}"`, chosen: undefined, enforceRequired: true }, { objectId: object.objectId, label });
  }
}

/** Decision: relations count like tools (min/max once one exists); a `single` relation belongs to a one-to-one or one-to-many category, a `group` to a group one. */
function checkRelations(context: Context, input: ValidationInput): void {
  const objectIds = new Set(input.objects.map((object) => object.objectId));
  const counts = new Map<string, number>();
  for (const relation of input.relations) {
    counts.set(relation.schemaId, (counts.get(relation.schemaId) ?? 0) + 1);
    const where = { objectId: relation.objectId, schemaId: relation.schemaId };
    const category = context.index.category(relation.schemaId);
    if (category?.kind !== 'relation') {
      context.problems.push({ code: 'unknown-schema', message: `Relation ${relation.objectId} has a class (${relation.schemaId}) that is not a relation of the ontology.`, ...where });
      continue;
    }
    if ((relation.kind === 'group') !== (category.tool === 'group')) {
      context.problems.push({ code: 'relation-kind', message: `"${category.title}" is a ${category.tool} relation, but ${relation.objectId} is a ${relation.kind} relation.`, ...where });
    }
    const ends = relation.kind === 'single' ? [relation.from, relation.to] : relation.group;
    const missing = ends.filter((id) => !objectIds.has(id));
    if (missing.length > 0) {
      context.problems.push({ code: 'relation-endpoint-missing', message: `"${category.title}" ${relation.objectId} points at objects that do not exist: ${missing.join(', ')}.`, ...where });
    }
  }
  for (const category of input.ontology.relations) {
    const where = { schemaId: category.schemaId };
    const count = counts.get(category.schemaId) ?? 0;
    if (count === 0) {
      if (category.required) context.problems.push({ code: 'required-relation', message: `Add at least one "${category.title}" relation.`, ...where });
      continue;
    }
    if (category.min !== undefined && count < category.min) context.problems.push({ code: 'relation-count', message: `Add at least ${category.min} "${category.title}" relations (now ${count}).`, ...where });
    if (category.max !== undefined && count > category.max) context.problems.push({ code: 'relation-count', message: `Add at most ${category.max} "${category.title}" relations (now ${count}).`, ...where });
  }
}

/**
 * Every rule of the ontology the annotations break, in the order: tools, objects (and their nested
 * answers), global classifications, relations. Problems carry `schemaId` and, where one applies,
 * `objectId`: the drawn object for object and nested-answer problems, the relation for relation
 * problems, the answer for problems with a global answer. Never throws on model-typed input.
 */
export function validateAnnotations(input: ValidationInput): Problem[] {
  const context: Context = { index: indexOntology(input.ontology), problems: [], frameTotal: input.frameTotal, patterns: new Map() };
  checkTools(context, input);
  checkObjects(context, input);
  checkLevel(context, { categories: input.ontology.classifications, answers: input.classifications, title: 'the ontology', chosen: undefined, enforceRequired: true }, { label: '' });
  checkRelations(context, input);
  return context.problems;
}

function failed(message: string): Problem[] {
  return [{ code: 'validator-failed', message }];
}

function errorText(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    return typeof error === 'string' ? error : 'no reason given';
  } catch {
    return 'no reason given';
  }
}

/** One host-reported problem, or undefined when the item is not one. */
function hostProblem(item: unknown): Problem | undefined {
  if (typeof item === 'string') return item === '' ? undefined : { code: 'custom', message: item };
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const { message, code, objectId, schemaId, path } = record;
  if (typeof message !== 'string' || message === '') return undefined;
  return {
    code: typeof code === 'string' && code !== '' ? code : 'custom',
    message,
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof objectId === 'string' ? { objectId } : {}),
    ...(typeof schemaId === 'string' ? { schemaId } : {}),
  };
}

/**
 * Calls the host's validator `(record) => problems` and normalises what it returns. Never throws.
 * Decisions: no validator (undefined/null) and a return of undefined/null mean no problems; array
 * items are strings or `{ message, code?, objectId?, schemaId?, path? }` (code defaults to
 * `'custom'`). A validator that is not a function, throws, returns a promise or a non-array, yields
 * one `'validator-failed'` problem; so do the unreadable items of an array (the good ones are kept).
 */
export function runHostValidator(validator: unknown, record: unknown): Problem[] {
  if (validator === undefined || validator === null) return [];
  if (typeof validator !== 'function') return failed('The validator is not a function.');
  let result: unknown;
  try {
    result = (validator as (record: unknown) => unknown)(record);
  } catch (error) {
    return failed(`The validator threw: ${errorText(error)}`);
  }
  try {
    if (result === undefined || result === null) return [];
    if (typeof (result as { then?: unknown }).then === 'function') return failed('The validator returned a promise; it must return its problems synchronously.');
    if (!Array.isArray(result)) return failed('The validator must return an array of problems.');
    const problems: Problem[] = [];
    const bad: number[] = [];
    (result as unknown[]).forEach((item, index) => {
      let problem: Problem | undefined;
      try {
        problem = hostProblem(item);
      } catch {
        problem = undefined;
      }
      if (problem) problems.push(problem);
      else bad.push(index);
    });
    if (bad.length > 0) problems.push(...failed(`The validator returned ${bad.length} item${bad.length === 1 ? '' : 's'} that ${bad.length === 1 ? 'is not a problem' : 'are not problems'} (index ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}); a problem is a string or { message, code?, objectId?, schemaId? }.`));
    return problems;
  } catch (error) {
    return failed(`The validator's result could not be read: ${errorText(error)}`);
  }
}
