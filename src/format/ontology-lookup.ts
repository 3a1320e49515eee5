/**
 * A small index over an ontology for the codecs: schemaId → category anywhere (nested
 * classifications included), and the first category with a title per section. Built once per
 * export or import so lookups stay O(1) on large records.
 */
import { treePaths, type ClassificationCategory, type Ontology, type RelationCategory, type ToolCategory } from '../core/ontology.js';

export type AnyCategory = ToolCategory | ClassificationCategory | RelationCategory;

export interface OntologyLookup {
  category(schemaId: string): AnyCategory | undefined;
  /** The category's title, or the schemaId itself when the ontology does not know it. */
  title(schemaId: string): string;
  /** The category's type name (`bounding-box`, `radio`, `group`, …). */
  type(schemaId: string): string | undefined;
  /** First top-level tool with this title. */
  toolByTitle(title: string): ToolCategory | undefined;
  /** First classification with this title: global ones, then nested ones level by level, then those under tools. */
  classificationByTitle(title: string): ClassificationCategory | undefined;
  relationByTitle(title: string): RelationCategory | undefined;
  /** The category with this schemaId among `list` (a section or a nested list of the ontology), through a map built once per list. */
  inList<T extends { schemaId: string }>(list: readonly T[], schemaId: string): T | undefined;
  /**
   * The answer values a classification allows: option values, or `" / "`-joined tree paths for
   * `tree-dropdown`; undefined for `text` (any text). Computed once per category.
   */
  answerValues(category: ClassificationCategory): ReadonlySet<string> | undefined;
}

export function createOntologyLookup(ontology: Ontology): OntologyLookup {
  const byId = new Map<string, AnyCategory>();
  const classifications: ClassificationCategory[] = [];
  const addNested = (list: readonly ClassificationCategory[], into: ClassificationCategory[], seen: Set<ClassificationCategory>) => {
    for (const category of list) {
      // A parsed ontology has no cycles; the guard keeps a hand-built one from looping.
      if (seen.has(category)) continue;
      seen.add(category);
      if (!byId.has(category.schemaId)) byId.set(category.schemaId, category);
      into.push(category);
    }
    for (const category of list) addNested(category.classifications, into, seen);
  };
  const seen = new Set<ClassificationCategory>();
  for (const tool of ontology.tools) if (!byId.has(tool.schemaId)) byId.set(tool.schemaId, tool);
  for (const relation of ontology.relations) if (!byId.has(relation.schemaId)) byId.set(relation.schemaId, relation);
  addNested(ontology.classifications, classifications, seen);
  for (const tool of ontology.tools) addNested(tool.classifications, classifications, seen);

  const firstByTitle = <T extends { title: string }>(list: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of list) if (!map.has(item.title)) map.set(item.title, item);
    return map;
  };
  const tools = firstByTitle(ontology.tools);
  const classificationTitles = firstByTitle(classifications);
  const relations = firstByTitle(ontology.relations);

  const values = new Map<ClassificationCategory, ReadonlySet<string> | undefined>();
  const answerValues = (category: ClassificationCategory): ReadonlySet<string> | undefined => {
    if (values.has(category)) return values.get(category);
    const allowed =
      category.tool === 'text' ? undefined : new Set(category.tool === 'tree-dropdown' ? treePaths(category.treeOptions) : category.options.map((o) => o.value));
    values.set(category, allowed);
    return allowed;
  };

  const lists = new WeakMap<readonly { schemaId: string }[], Map<string, { schemaId: string }>>();
  const inList = <T extends { schemaId: string }>(list: readonly T[], schemaId: string): T | undefined => {
    let byListId = lists.get(list);
    if (!byListId) {
      byListId = new Map();
      // The first of a schemaId wins, as a search from the front would find it.
      for (const item of list) if (!byListId.has(item.schemaId)) byListId.set(item.schemaId, item);
      lists.set(list, byListId);
    }
    return byListId.get(schemaId) as T | undefined;
  };

  return {
    answerValues,
    inList,
    category: (schemaId) => byId.get(schemaId),
    title: (schemaId) => byId.get(schemaId)?.title ?? schemaId,
    type: (schemaId) => byId.get(schemaId)?.tool,
    toolByTitle: (title) => tools.get(title),
    classificationByTitle: (title) => classificationTitles.get(title),
    relationByTitle: (title) => relations.get(title),
  };
}
