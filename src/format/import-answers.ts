/**
 * Classification answers of FORMAT.md §2.2 from untrusted input, nested answers under their
 * answer. Each answer must name a category allowed at its place (global, under a tool, under a
 * parent classification) and have the answer type and values of that category.
 */
import type { ClassificationAnswer } from '../core/model.js';
import type { ClassificationCategory } from '../core/ontology.js';
import { categoryOf, child, claimId, field, idFrom, isGivenId, isIndex, isLocked, isRecord, items, metadataOf, report, type ImportWalk, type Path } from './import-reader.js';

const MAX_DEPTH = 32;
const STRING_ANSWERS = new Set(['radio', 'single-dropdown', 'text']);

function answerOf(walk: ImportWalk, category: ClassificationCategory, raw: unknown, path: Path): string | string[] | undefined {
  const wantsString = STRING_ANSWERS.has(category.tool);
  const list = wantsString ? undefined : items(raw);
  if (wantsString ? typeof raw !== 'string' : !list || !list.every((a) => typeof a === 'string')) {
    return report(walk, 'wrong-type', path, `"${category.title}" (${category.tool}) answers with ${wantsString ? 'a string' : 'a list of strings'}.`);
  }
  const answer = wantsString ? (raw as string) : (list as string[]);
  const allowed = walk.lookup.answerValues(category);
  if (allowed) {
    const values = typeof answer === 'string' ? [answer] : answer;
    const index = values.findIndex((v) => !allowed.has(v));
    if (index !== -1) {
      const at = typeof answer === 'string' ? path : child(path, index);
      return report(walk, 'unknown-option', at, `"${values[index]}" is no option of "${category.title}" (answers are option values${category.tool === 'tree-dropdown' ? ', tree paths joined by " / "' : ''}).`);
    }
    if (category.tool === 'rank' && new Set(values).size !== values.length) return report(walk, 'wrong-type', path, 'A ranking lists each option at most once.');
  }
  return answer;
}

/**
 * The answers in `raw` (a list or nothing) for the categories allowed at this place. Problems are
 * reported; the answers that read cleanly are returned either way. With `ids`, each answer's
 * objectId must be new there (task-level ids share one space with objects and relations).
 */
export function parseAnswers(
  walk: ImportWalk,
  raw: unknown,
  categories: readonly ClassificationCategory[],
  path: Path,
  options: { depth?: number; ids?: Map<string, Path> } = {},
): ClassificationAnswer[] {
  const depth = options.depth ?? 0;
  if (raw === undefined || raw === null) return [];
  const list = items(raw);
  if (!list) return report(walk, 'wrong-type', path, '"classifications" must be a list.') ?? [];
  if (depth > MAX_DEPTH) return report(walk, 'too-deep', path, `Classifications nest deeper than ${MAX_DEPTH} levels.`) ?? [];
  const out: ClassificationAnswer[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const at = child(path, index);
    if (!isRecord(item)) return report(walk, 'wrong-type', at, 'A classification answer must be an object.');
    const category = categoryOf(walk, categories, item, at, 'a classification', (title) => walk.lookup.classificationByTitle(title));
    if (!category) return;
    const answer = answerOf(walk, category, field(item, 'answer'), child(at, 'answer'));
    const page = field(item, 'page');
    if (page !== undefined && page !== null && !isIndex(page)) return report(walk, 'wrong-type', child(at, 'page'), '"page" must be a 0-based plane index.');
    const key = `${category.schemaId}@${isIndex(page) ? page : ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return report(walk, 'duplicate-answer', at, `"${category.title}" is already answered at ${String(child(path, earlier))}.`);
    seen.set(key, index);
    const rawId = field(item, 'objectId');
    const objectId = idFrom(walk, rawId, at);
    if (objectId !== undefined && options.ids && !claimId(walk, options.ids, objectId, at, isGivenId(rawId))) return;
    const nested = parseAnswers(walk, field(item, 'classifications'), category.classifications, child(at, 'classifications'), { depth: depth + 1 });
    if (answer === undefined || objectId === undefined) return;
    out.push({
      objectId,
      schemaId: category.schemaId,
      answer: typeof answer === 'string' ? answer : [...answer],
      classifications: nested,
      ...(isIndex(page) ? { page } : {}),
      ...(isLocked(item) ? { lock: true } : {}),
      metadata: metadataOf(walk, field(item, 'metadata'), child(at, 'metadata')),
    });
  });
  return out;
}
