/**
 * Reading and writing nested classification answers (FORMAT.md §2.2) as plain data: the form
 * builds the next answer list here and puts it into the store in one transaction. DOM-free.
 */
import type { Answer, AuditMetadata, ClassificationAnswer } from '../../../core/model.js';
import type { ClassificationCategory, TreeOption } from '../../../core/ontology.js';
import type { AuditStamp } from '../../../core/store.js';

/** A chain of categories from a top-level classification down to the one being answered. */
export type CategoryPath = readonly ClassificationCategory[];

export interface AnswerWriteContext {
  /** The current plane: frame-specific answers are written for it. */
  plane: number;
  newId: () => string;
  /** Audit metadata for an answer that is created (`before` undefined) or changed now. */
  stamp: (before: AuditMetadata | undefined) => AuditMetadata;
}

const ARRAY_TYPES = new Set(['checkbox', 'multi-dropdown', 'tree-dropdown', 'rank']);

export function isArrayCategory(category: ClassificationCategory): boolean {
  return ARRAY_TYPES.has(category.tool);
}

export function emptyAnswer(category: ClassificationCategory): Answer {
  return isArrayCategory(category) ? [] : '';
}

export function isEmptyAnswer(answer: Answer | undefined): boolean {
  return answer === undefined || answer.length === 0;
}

/** Whether two answers say the same; an empty answer is the same as none. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (isEmptyAnswer(a) || isEmptyAnswer(b)) return isEmptyAnswer(a) && isEmptyAnswer(b);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a!.length === b!.length && a!.every((value, index) => value === b![index]);
}

/** The answer for `category` among `list`: the one of the current plane if it is frame-specific. */
export function answerFor(list: readonly ClassificationAnswer[], category: ClassificationCategory, plane: number): ClassificationAnswer | undefined {
  if (category.frameSpecific) return list.find((answer) => answer.schemaId === category.schemaId && answer.page === plane);
  return (
    list.find((answer) => answer.schemaId === category.schemaId && answer.page === undefined) ??
    list.find((answer) => answer.schemaId === category.schemaId)
  );
}

/** The answer at the end of `path`, if every answer on the way exists. */
export function answerAt(list: readonly ClassificationAnswer[], path: CategoryPath, plane: number): ClassificationAnswer | undefined {
  let level = list;
  let found: ClassificationAnswer | undefined;
  for (const category of path) {
    found = answerFor(level, category, plane);
    if (!found) return undefined;
    level = found.classifications;
  }
  return found;
}

/** Whether the option `optionSchemaId` of `parent` is chosen in `answer`. */
export function isOptionChosen(parent: ClassificationCategory, optionSchemaId: string, answer: Answer | undefined): boolean {
  const option = parent.options.find((candidate) => candidate.schemaId === optionSchemaId);
  if (!option || answer === undefined) return false;
  return typeof answer === 'string' ? answer === option.value : answer.includes(option.value);
}

/** Whether a nested category shows: always, or only while its parent option is chosen. */
export function isShown(category: ClassificationCategory, parent: ClassificationCategory | undefined, parentAnswer: Answer | undefined): boolean {
  if (category.parentOptionId === undefined) return true;
  return parent !== undefined && isOptionChosen(parent, category.parentOptionId, parentAnswer);
}

/** Drops nested answers whose condition no longer holds after `category` is answered `answer`. */
function pruneConditional(children: readonly ClassificationAnswer[], category: ClassificationCategory, answer: Answer): ClassificationAnswer[] {
  return children.filter((child) => {
    const childCategory = category.classifications.find((nested) => nested.schemaId === child.schemaId);
    return !childCategory || isShown(childCategory, category, answer);
  });
}

/**
 * The answer to the first category of `path` after answering its last category with `value`
 * (`undefined` or empty = clear). Answers on the way are created as needed and stamped; one left
 * with neither an answer nor nested answers disappears (returns undefined at the top).
 */
export function updatedAnswer(
  before: ClassificationAnswer | undefined,
  path: CategoryPath,
  value: Answer | undefined,
  context: AnswerWriteContext,
): ClassificationAnswer | undefined {
  const [category, ...rest] = path;
  if (!category) return before;
  const objectId = before?.objectId ?? context.newId();
  let answer: Answer;
  let children: ClassificationAnswer[];
  if (rest.length === 0) {
    answer = value ?? emptyAnswer(category);
    children = pruneConditional(before?.classifications ?? [], category, answer);
  } else {
    answer = before?.answer ?? emptyAnswer(category);
    children = withAnswer(before?.classifications ?? [], rest, value, context);
  }
  if (isEmptyAnswer(answer) && children.length === 0) return undefined;
  const page = category.frameSpecific ? context.plane : before?.page;
  return {
    objectId,
    schemaId: category.schemaId,
    answer,
    classifications: children,
    ...(page !== undefined ? { page } : {}),
    ...(before?.lock ? { lock: true } : {}),
    metadata: context.stamp(before?.metadata),
  };
}

/** `list` with the answer at `path` set to `value` (or cleared); the other answers stay as they are. */
export function withAnswer(
  list: readonly ClassificationAnswer[],
  path: CategoryPath,
  value: Answer | undefined,
  context: AnswerWriteContext,
): ClassificationAnswer[] {
  const [category] = path;
  if (!category) return [...list];
  const before = answerFor(list, category, context.plane);
  const after = updatedAnswer(before, path, value, context);
  if (!before) return after ? [...list, after] : [...list];
  return after ? list.map((answer) => (answer === before ? after : answer)) : list.filter((answer) => answer !== before);
}

/** The moment and user the store stamped into `metadata` (its latest update, else its creation). */
export function stampOf(metadata: AuditMetadata): AuditStamp {
  return {
    at: metadata.updatedAt ?? metadata.createdAt ?? '',
    by: metadata.updatedBy ?? metadata.createdBy ?? '',
    in: metadata.updatedIn ?? metadata.createdIn ?? '',
  };
}

/** Audit metadata for answers written at `now`: creation for new ones, an update for the rest. */
export function stamper(now: AuditStamp): (before: AuditMetadata | undefined) => AuditMetadata {
  return (before) =>
    before
      ? { ...before, updatedAt: now.at, updatedBy: now.by, updatedIn: now.in }
      : { createdAt: now.at, createdBy: now.by, createdIn: now.in };
}

/** Every `" / "` path of a tree with its depth, in tree order. */
export interface TreePathEntry {
  path: string;
  title: string;
  depth: number;
  /** The path of the parent node, or '' at the root. */
  parentPath: string;
}

export function treeEntries(nodes: readonly TreeOption[], parentPath = '', depth = 0): TreePathEntry[] {
  return nodes.flatMap((node) => {
    const path = parentPath ? `${parentPath} / ${node.title}` : node.title;
    return [{ path, title: node.title, depth, parentPath }, ...treeEntries(node.children, path, depth + 1)];
  });
}
