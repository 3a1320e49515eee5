/**
 * What blocks a submit: required tools and answers, counts, regex, answers that are not options,
 * relations whose objects are gone, plus the host's own validator. Each problem names the category.
 *
 * Decisions (labelkit): a nested classification is required only while its parent option is chosen;
 * a required frame-specific classification needs an answer on at least one frame; a rank answer must
 * list options without repeats (a subset is allowed).
 */
import type { ClassificationAnswer, ObjectAnnotation, RelationAnnotation } from './model.js';
import type { ClassificationCategory, Ontology } from './ontology.js';
import { findCategory, treePaths } from './ontology.js';
import type { Problem } from './problem.js';

export interface ValidationInput {
  ontology: Ontology;
  objects: readonly ObjectAnnotation[];
  classifications: readonly ClassificationAnswer[];
  relations: readonly RelationAnnotation[];
  frameTotal?: number;
}

const ARRAY_TYPES = new Set(['checkbox', 'multi-dropdown', 'tree-dropdown', 'rank']);

function hasAnswer(answer: ClassificationAnswer | undefined): boolean {
  if (!answer) return false;
  return Array.isArray(answer.answer) ? answer.answer.length > 0 : answer.answer.trim() !== '';
}

function chosenOptionIds(category: ClassificationCategory, answer: ClassificationAnswer | undefined): Set<string> {
  if (!answer) return new Set();
  const values = Array.isArray(answer.answer) ? answer.answer : [answer.answer];
  return new Set(category.options.filter((o) => values.includes(o.value)).map((o) => o.schemaId));
}

function checkAnswers(
  categories: readonly ClassificationCategory[],
  answers: readonly ClassificationAnswer[],
  problems: Problem[],
  owner: { objectId?: string; label: string },
  parentChosen?: Set<string>,
): void {
  for (const category of categories) {
    if (category.parentOptionId && !parentChosen?.has(category.parentOptionId)) continue;
    const mine = answers.filter((a) => a.schemaId === category.schemaId);
    const where = owner.objectId ? { objectId: owner.objectId } : {};
    if (category.required && !mine.some(hasAnswer)) {
      problems.push({ code: 'required-classification', message: `"${category.title}" needs an answer${owner.label}.`, schemaId: category.schemaId, ...where });
    }
    for (const answer of mine) {
      checkOne(category, answer, problems, owner);
      checkAnswers(category.classifications, answer.classifications, problems, owner, chosenOptionIds(category, answer));
    }
  }
}

function checkOne(category: ClassificationCategory, answer: ClassificationAnswer, problems: Problem[], owner: { objectId?: string; label: string }): void {
  const base = { schemaId: category.schemaId, ...(owner.objectId ? { objectId: owner.objectId } : {}) };
  const wantsArray = ARRAY_TYPES.has(category.tool);
  if (Array.isArray(answer.answer) !== wantsArray) {
    problems.push({ code: 'answer-type', message: `"${category.title}" expects ${wantsArray ? 'a list' : 'a single value'}${owner.label}.`, ...base });
    return;
  }
  const values = Array.isArray(answer.answer) ? answer.answer : [answer.answer];
  if (category.tool === 'text') {
    if (category.regex && values[0] !== '' && !new RegExp(category.regex, 'u').test(values[0] ?? '')) {
      problems.push({ code: 'regex-mismatch', message: `"${category.title}" does not match the required pattern${owner.label}.`, ...base });
    }
    return;
  }
  const allowed = new Set(category.tool === 'tree-dropdown' ? treePaths(category.treeOptions) : category.options.map((o) => o.value));
  const unknown = values.filter((v) => !allowed.has(v));
  if (unknown.length) {
    problems.push({ code: 'answer-not-option', message: `"${category.title}" has answers that are not options: ${unknown.map((v) => JSON.stringify(v)).join(', ')}.`, ...base });
  }
  if (category.tool === 'rank' && new Set(values).size !== values.length) {
    problems.push({ code: 'rank-incomplete', message: `"${category.title}" ranks an option twice.`, ...base });
  }
}

export function validateAnnotations(input: ValidationInput): Problem[] {
  const { ontology, objects, classifications, relations } = input;
  const problems: Problem[] = [];
  for (const tool of ontology.tools) {
    const count = objects.filter((o) => o.schemaId === tool.schemaId).length;
    if (tool.required && count === 0) problems.push({ code: 'required-tool', message: `Draw at least one "${tool.title}".`, schemaId: tool.schemaId });
    if (tool.min !== undefined && count < tool.min) problems.push({ code: 'tool-count', message: `Draw at least ${tool.min} "${tool.title}" (now ${count}).`, schemaId: tool.schemaId });
    if (tool.max !== undefined && count > tool.max) problems.push({ code: 'tool-count', message: `Draw at most ${tool.max} "${tool.title}" (now ${count}).`, schemaId: tool.schemaId });
  }
  for (const object of objects) {
    const category = ontology.tools.find((t) => t.schemaId === object.schemaId);
    if (!category) {
      problems.push({ code: 'unknown-schema', message: `Object ${object.objectId} has a class that is not in the ontology.`, objectId: object.objectId, schemaId: object.schemaId });
      continue;
    }
    checkAnswers(category.classifications, object.classifications, problems, { objectId: object.objectId, label: ` on "${category.title}" ${object.objectId}` });
  }
  checkAnswers(ontology.classifications, classifications, problems, { label: '' });
  const ids = new Set(objects.map((o) => o.objectId));
  for (const relation of relations) {
    const ends = relation.kind === 'single' ? [relation.from, relation.to] : relation.group;
    const missing = ends.filter((id) => !ids.has(id));
    const title = findCategory(ontology, relation.schemaId)?.title ?? relation.schemaId;
    if (missing.length) {
      problems.push({ code: 'relation-endpoint-missing', message: `Relation "${title}" points at objects that do not exist: ${missing.join(', ')}.`, objectId: relation.objectId, schemaId: relation.schemaId });
    }
  }
  return problems;
}

/** Calls the host's validator and normalises what it returns; never throws. */
export function runHostValidator(validator: unknown, record: unknown): Problem[] {
  if (typeof validator !== 'function') return [];
  let result: unknown;
  try {
    result = (validator as (record: unknown) => unknown)(record);
  } catch (error) {
    return [{ code: 'validator-failed', message: `The host validator failed: ${error instanceof Error ? error.message : 'unknown error'}` }];
  }
  if (result === undefined || result === null) return [];
  if (!Array.isArray(result)) return [{ code: 'validator-failed', message: 'The host validator must return an array of problems.' }];
  const problems: Problem[] = [];
  for (const item of result) {
    if (typeof item === 'string') problems.push({ code: 'custom', message: item });
    else if (item && typeof item === 'object' && typeof (item as { message?: unknown }).message === 'string') {
      const p = item as { message: string; code?: unknown; objectId?: unknown; schemaId?: unknown };
      problems.push({
        code: typeof p.code === 'string' ? p.code : 'custom',
        message: p.message,
        ...(typeof p.objectId === 'string' ? { objectId: p.objectId } : {}),
        ...(typeof p.schemaId === 'string' ? { schemaId: p.schemaId } : {}),
      });
    } else problems.push({ code: 'validator-failed', message: 'The host validator returned a problem without a message.' });
  }
  return problems;
}
