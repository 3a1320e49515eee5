/**
 * The category schema (FORMAT.md §1): parse `unknown` host input into a validated, normalised
 * ontology, collecting every problem with its JSON path. Never throws.
 *
 * Decisions (labelkit): colours are `#rrggbb` or `#rgb` (normalised to lower-case `#rrggbb`);
 * tools and relations without a colour get one from a fixed palette by position; category
 * schemaIds are unique among categories, option and tree-node schemaIds unique among options;
 * shortcut keys of top-level tools, classifications and relations share one keyboard and must not
 * clash; nesting deeper than 32 levels is rejected.
 */
import type { Problem, Result } from './problem.js';

export type ToolType =
  | 'bounding-box'
  | 'rotated-bounding-box'
  | 'polygon'
  | 'polyline'
  | 'point'
  | 'segmentation'
  | 'brush'
  | 'spline'
  | 'ner'
  | 'pdf'
  | 'keypoints';
export type ClassificationType = 'radio' | 'checkbox' | 'single-dropdown' | 'multi-dropdown' | 'tree-dropdown' | 'text' | 'rank';
export type RelationType = 'one-to-one' | 'group' | 'one-to-many';

export const TOOL_TYPES: readonly ToolType[] = ['bounding-box', 'rotated-bounding-box', 'polygon', 'polyline', 'point', 'segmentation', 'brush', 'spline', 'ner', 'pdf', 'keypoints'];
export const CLASSIFICATION_TYPES: readonly ClassificationType[] = ['radio', 'checkbox', 'single-dropdown', 'multi-dropdown', 'tree-dropdown', 'text', 'rank'];
export const RELATION_TYPES: readonly RelationType[] = ['one-to-one', 'group', 'one-to-many'];

export interface CategoryOption {
  value: string;
  schemaId: string;
}

export interface TreeOption {
  title: string;
  schemaId: string;
  children: TreeOption[];
}

interface CategoryBase {
  schemaId: string;
  title: string;
  shortcutKey?: string;
  required: boolean;
  min?: number;
  max?: number;
}

export interface ToolCategory extends CategoryBase {
  kind: 'tool';
  tool: ToolType;
  color: string;
  classifications: ClassificationCategory[];
}

export interface ClassificationCategory extends CategoryBase {
  kind: 'classification';
  tool: ClassificationType;
  color?: string;
  options: CategoryOption[];
  treeOptions: TreeOption[];
  parentOptionId?: string;
  frameSpecific: boolean;
  regex?: string;
  classifications: ClassificationCategory[];
}

export interface RelationCategory extends CategoryBase {
  kind: 'relation';
  tool: RelationType;
  color: string;
}

export interface Ontology {
  tools: ToolCategory[];
  classifications: ClassificationCategory[];
  relations: RelationCategory[];
}

export const PALETTE = ['#e53935', '#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00acc1', '#fdd835', '#6d4c41', '#d81b60', '#3949ab'];

const MAX_DEPTH = 32;
const SHORTCUT = /^(?:(?:ctrl|shift|alt)\+)?[0-9a-z]$/;

interface Walk {
  problems: Problem[];
  categoryIds: Map<string, string>;
  optionIds: Map<string, string>;
  /** Objects on the path from the root to here: meeting one again is a cycle. */
  seen: Set<object>;
  shortcuts: Map<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(walk: Walk, code: string, path: string, message: string): void {
  walk.problems.push({ code, path, message });
}

/** Reads a property, turning a throwing getter into a problem. */
function read(walk: Walk, record: Record<string, unknown>, key: string, path: string): unknown {
  try {
    return record[key];
  } catch {
    problem(walk, 'wrong-type', `${path}.${key}`, `Reading "${key}" failed.`);
    return undefined;
  }
}

function readString(walk: Walk, record: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
  const value = read(walk, record, key, path);
  if (value === undefined || value === null) {
    if (required) problem(walk, 'missing-field', `${path}.${key}`, `"${key}" is required.`);
    return undefined;
  }
  if (typeof value !== 'string' || (required && value === '')) {
    problem(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be a non-empty string.`);
    return undefined;
  }
  return value;
}

function readArray(walk: Walk, record: Record<string, unknown>, key: string, path: string): unknown[] {
  const value = read(walk, record, key, path);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be an array.`);
    return [];
  }
  return value;
}

function readCount(walk: Walk, record: Record<string, unknown>, key: 'min' | 'max', path: string): number | undefined {
  const value = read(walk, record, key, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problem(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be a non-negative integer.`);
    return undefined;
  }
  return value;
}

function normaliseColor(walk: Walk, value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const match = typeof value === 'string' ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value) : null;
  if (!match) {
    problem(walk, 'bad-color', path, `Colour must be "#rrggbb"; got ${JSON.stringify(String(value)).slice(0, 40)}.`);
    return undefined;
  }
  const hex = match[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

function claimId(walk: Walk, ids: Map<string, string>, id: string, path: string): void {
  const first = ids.get(id);
  if (first) problem(walk, 'duplicate-schema-id', path, `schemaId "${id}" is used twice (first at ${first}).`);
  else ids.set(id, path);
}

function enter(walk: Walk, value: object, path: string, depth: number): boolean {
  if (depth > MAX_DEPTH) {
    problem(walk, 'too-deep', path, `Nesting deeper than ${MAX_DEPTH} levels.`);
    return false;
  }
  if (walk.seen.has(value)) {
    problem(walk, 'cycle', path, 'This category contains itself.');
    return false;
  }
  walk.seen.add(value);
  return true;
}

function parseOptions(walk: Walk, raw: unknown[], path: string): CategoryOption[] {
  const options: CategoryOption[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return problem(walk, 'wrong-type', at, 'An option must be an object { value, schemaId }.');
    const value = readString(walk, item, 'value', at, true);
    const schemaId = readString(walk, item, 'schemaId', at, true);
    if (value === undefined || schemaId === undefined) return;
    claimId(walk, walk.optionIds, schemaId, `${at}.schemaId`);
    options.push({ value, schemaId });
  });
  return options;
}

function parseTree(walk: Walk, raw: unknown[], path: string, depth: number): TreeOption[] {
  const nodes: TreeOption[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return problem(walk, 'wrong-type', at, 'A tree option must be an object { title, schemaId, children }.');
    if (!enter(walk, item, at, depth)) return;
    const title = readString(walk, item, 'title', at, true);
    const schemaId = readString(walk, item, 'schemaId', at, true);
    const children = parseTree(walk, readArray(walk, item, 'children', at), `${at}.children`, depth + 1);
    walk.seen.delete(item);
    if (title === undefined || schemaId === undefined) return;
    claimId(walk, walk.optionIds, schemaId, `${at}.schemaId`);
    nodes.push({ title, schemaId, children });
  });
  return nodes;
}

function parseBase(walk: Walk, raw: Record<string, unknown>, path: string): CategoryBase | undefined {
  const schemaId = readString(walk, raw, 'schemaId', path, true);
  const title = readString(walk, raw, 'title', path, true);
  const shortcutRaw = read(walk, raw, 'shortcutKey', path);
  let shortcutKey: string | undefined;
  if (shortcutRaw !== undefined && shortcutRaw !== null && shortcutRaw !== '') {
    if (typeof shortcutRaw === 'string' && SHORTCUT.test(shortcutRaw.toLowerCase())) {
      shortcutKey = shortcutRaw.toLowerCase();
      // Top-level tools, classifications and relations share one keyboard.
      if (/^\$\.(tools|classifications|relations)\[\d+\]$/.test(path)) {
        const first = walk.shortcuts.get(shortcutKey);
        if (first) problem(walk, 'shortcut-clash', `${path}.shortcutKey`, `Shortcut "${shortcutKey}" is already used at ${first}.`);
        else walk.shortcuts.set(shortcutKey, `${path}.shortcutKey`);
      }
    }
    else problem(walk, 'bad-shortcut', `${path}.shortcutKey`, 'Shortcut keys are 0–9 or a–z, optionally with ctrl+, shift+ or alt+.');
  }
  const requiredRaw = read(walk, raw, 'required', path);
  if (requiredRaw !== undefined && requiredRaw !== null && typeof requiredRaw !== 'boolean') problem(walk, 'wrong-type', `${path}.required`, '"required" must be true or false.');
  const min = readCount(walk, raw, 'min', path);
  const max = readCount(walk, raw, 'max', path);
  if (min !== undefined && max !== undefined && min > max) problem(walk, 'wrong-type', `${path}.min`, '"min" is greater than "max".');
  if (schemaId === undefined || title === undefined) return undefined;
  claimId(walk, walk.categoryIds, schemaId, `${path}.schemaId`);
  return {
    schemaId,
    title,
    required: requiredRaw === true,
    ...(shortcutKey ? { shortcutKey } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

function typeOf<T extends string>(walk: Walk, raw: Record<string, unknown>, path: string, allowed: readonly T[], section: string): T | undefined {
  const tool = read(walk, raw, 'tool', path);
  if (typeof tool === 'string' && (allowed as readonly string[]).includes(tool)) return tool as T;
  problem(walk, 'unknown-type', `${path}.tool`, `Unknown ${section} type ${JSON.stringify(String(tool)).slice(0, 40)}; expected one of ${allowed.join(', ')}.`);
  return undefined;
}

function parseClassifications(walk: Walk, raw: unknown[], path: string, depth: number, parent?: ClassificationCategory): ClassificationCategory[] {
  const result: ClassificationCategory[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) return problem(walk, 'wrong-type', at, 'A classification must be an object.');
    if (!enter(walk, item, at, depth)) return;
    const base = parseBase(walk, item, at);
    const tool = typeOf(walk, item, at, CLASSIFICATION_TYPES, 'classification');
    const options = parseOptions(walk, readArray(walk, item, 'options', at), `${at}.options`);
    const treeOptions = parseTree(walk, readArray(walk, item, 'treeOptions', at), `${at}.treeOptions`, depth + 1);
    const color = normaliseColor(walk, read(walk, item, 'color', at), `${at}.color`);
    const regexRaw = read(walk, item, 'regex', at);
    let regex: string | undefined;
    if (regexRaw !== undefined && regexRaw !== null && regexRaw !== '') {
      if (typeof regexRaw !== 'string') problem(walk, 'bad-regex', `${at}.regex`, '"regex" must be a string.');
      else if (/^\/.*\/[a-z]*$/.test(regexRaw)) problem(walk, 'bad-regex', `${at}.regex`, 'Write the pattern without surrounding slashes.');
      else {
        try {
          new RegExp(regexRaw, 'u');
          regex = regexRaw;
        } catch {
          problem(walk, 'bad-regex', `${at}.regex`, 'The pattern is not a valid regular expression.');
        }
      }
    }
    const parentOptionId = readString(walk, item, 'parentOptionId', at, false);
    if (parentOptionId !== undefined && (!parent || !parent.options.some((o) => o.schemaId === parentOptionId))) {
      problem(walk, 'bad-parent-option', `${at}.parentOptionId`, `"${parentOptionId}" is not an option of the parent classification.`);
    }
    const frameSpecific = read(walk, item, 'frameSpecific', at) === true;
    if (!base || !tool) {
      parseClassifications(walk, readArray(walk, item, 'classifications', at), `${at}.classifications`, depth + 1);
      walk.seen.delete(item);
      return;
    }
    const category: ClassificationCategory = {
      kind: 'classification',
      ...base,
      tool,
      options,
      treeOptions,
      frameSpecific,
      classifications: [],
      ...(color ? { color } : {}),
      ...(regex ? { regex } : {}),
      ...(parentOptionId ? { parentOptionId } : {}),
    };
    category.classifications = parseClassifications(walk, readArray(walk, item, 'classifications', at), `${at}.classifications`, depth + 1, category);
    walk.seen.delete(item);
    result.push(category);
  });
  return result;
}

export function parseOntology(input: unknown): Result<Ontology> {
  const walk: Walk = { problems: [], categoryIds: new Map(), optionIds: new Map(), seen: new Set(), shortcuts: new Map() };
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { ok: false, problems: [{ code: 'bad-json', path: '$', message: 'The ontology is not valid JSON.' }] };
    }
  }
  if (!isRecord(value)) return { ok: false, problems: [{ code: 'wrong-type', path: '$', message: 'The ontology must be an object { tools, classifications, relations }.' }] };
  const root = value;
  const tools: ToolCategory[] = [];
  readArray(walk, root, 'tools', '$').forEach((item, index) => {
    const at = `$.tools[${index}]`;
    if (!isRecord(item)) return problem(walk, 'wrong-type', at, 'A tool must be an object.');
    if (!enter(walk, item, at, 0)) return;
    const base = parseBase(walk, item, at);
    const tool = typeOf(walk, item, at, TOOL_TYPES, 'tool');
    const color = normaliseColor(walk, read(walk, item, 'color', at), `${at}.color`) ?? PALETTE[index % PALETTE.length]!;
    const classifications = parseClassifications(walk, readArray(walk, item, 'classifications', at), `${at}.classifications`, 1);
    if (base && tool) tools.push({ kind: 'tool', ...base, tool, color, classifications });
  });
  const classifications = parseClassifications(walk, readArray(walk, root, 'classifications', '$'), '$.classifications', 0);
  const relations: RelationCategory[] = [];
  readArray(walk, root, 'relations', '$').forEach((item, index) => {
    const at = `$.relations[${index}]`;
    if (!isRecord(item)) return problem(walk, 'wrong-type', at, 'A relation must be an object.');
    const base = parseBase(walk, item, at);
    const tool = typeOf(walk, item, at, RELATION_TYPES, 'relation');
    const color = normaliseColor(walk, read(walk, item, 'color', at), `${at}.color`) ?? PALETTE[(index + 5) % PALETTE.length]!;
    if (base && tool) relations.push({ kind: 'relation', ...base, tool, color });
  });
  const ontology: Ontology = { tools, classifications, relations };
  return walk.problems.length ? { ok: false, problems: walk.problems } : { ok: true, value: ontology };
}

/** Every `" / "`-joined path from the root of a tree classification (answers are these paths). */
export function treePaths(nodes: readonly TreeOption[], prefix = ''): string[] {
  return nodes.flatMap((node) => {
    const path = prefix ? `${prefix} / ${node.title}` : node.title;
    return [path, ...treePaths(node.children, path)];
  });
}

/** Finds a category by schemaId anywhere in the ontology (nested classifications included). */
export function findCategory(ontology: Ontology, schemaId: string): ToolCategory | ClassificationCategory | RelationCategory | undefined {
  const inClassifications = (list: readonly ClassificationCategory[]): ClassificationCategory | undefined => {
    for (const c of list) {
      if (c.schemaId === schemaId) return c;
      const nested = inClassifications(c.classifications);
      if (nested) return nested;
    }
    return undefined;
  };
  for (const tool of ontology.tools) {
    if (tool.schemaId === schemaId) return tool;
    const nested = inClassifications(tool.classifications);
    if (nested) return nested;
  }
  return inClassifications(ontology.classifications) ?? ontology.relations.find((r) => r.schemaId === schemaId);
}
