/**
 * The category schema (FORMAT.md §1): parse `unknown` host input into a validated, normalised
 * ontology that lists every problem with its JSON path, and index a parsed ontology for lookups.
 * The decisions where FORMAT.md is silent are written at the function that makes them and
 * collected in docs/ontology-decisions.md.
 */
import { MEASURE_KINDS, type MeasureKind } from './measure.js';
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
  /** Normalised: lower case, modifiers in the order `ctrl+alt+shift+`. */
  shortcutKey?: string;
  required: boolean;
  min?: number;
  max?: number;
}

export interface ToolCategory extends CategoryBase {
  kind: 'tool';
  tool: ToolType;
  /** `#rrggbb`, lower case; a palette colour where the host gave none. */
  color: string;
  classifications: ClassificationCategory[];
  /** `keypoints` tools (labelkit, as COCO): the point names, in the order instances list them. Read by format/keypoint-schema.ts (`labelkit/format.js`, and the 2D elements once an ontology has a keypoints class). */
  keypoints?: string[];
  /** `keypoints` tools: pairs of indexes into `keypoints` joined by a line, kept as given (COCO's are 1-based). */
  skeleton?: [number, number][];
  /** `keypoints` tools (labelkit): one `#rrggbb` per point name; a point without one takes the class colour. */
  keypointColors?: string[];
  /** `keypoints` tools (labelkit): where each point sits in a dragged box, `[x, y]` from 0 to 1 (the template). */
  keypointTemplate?: [number, number][];
  /**
   * labelkit, `polyline` only: what the class measures (`length`: a 2-point ruler, `angle`: 3
   * points, `cobb`: the Cobb angle between two lines, 4 points). The polyline finishes at that many
   * points and the export writes its `measurement`.
   */
  measure?: MeasureKind;
  /**
   * labelkit, `polygon` and `segmentation` only: the smart tool the class draws with when picked
   * (magic wand, magnetic lasso); left out for `click` (vertex by vertex). The labeler may switch.
   */
  drawWith?: DrawWith;
}

/** Smart drawing modes a polygon or segmentation class may start in (`click`: none). */
export type DrawWith = 'magic-wand' | 'magnetic-lasso';
const DRAW_WITH = ['click', 'magic-wand', 'magnetic-lasso'] as const;

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

export type Category = ToolCategory | ClassificationCategory | RelationCategory;

export interface Ontology {
  tools: ToolCategory[];
  classifications: ClassificationCategory[];
  relations: RelationCategory[];
}

/**
 * Colours given to tools and relations that have none, in this order, skipping colours that
 * another tool or relation already uses; only when all are taken does it cycle from the start.
 */
export const DEFAULT_PALETTE: readonly string[] = [
  '#e53935', // red
  '#1e88e5', // blue
  '#43a047', // green
  '#fb8c00', // orange
  '#8e24aa', // purple
  '#00acc1', // cyan
  '#fdd835', // yellow
  '#6d4c41', // brown
  '#d81b60', // pink
  '#3949ab', // indigo
  '#7cb342', // light green
  '#00897b', // teal
];

/** Categories and tree options nest at most this deep (top level = 1). */
export const MAX_ONTOLOGY_DEPTH = 32;
/** A longer list is rejected unread (a sparse host array could claim billions of slots). */
const MAX_LIST_LENGTH = 100_000;

const MODIFIERS = ['ctrl', 'alt', 'shift'] as const;
const SHORTCUT_KEY = /^[0-9a-z]$/;
/** `/pattern/flags`: the literal form, which `new RegExp` would read as slashes to match. */
const SLASH_FORM = /^\/.+\/[dgimsuvy]*$/s;
const COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

type Section = 'tool' | 'classification' | 'relation';

interface Walk {
  problems: Problem[];
  /** Category schemaId → path of its first use. */
  categoryIds: Map<string, string>;
  /** Option and tree-node schemaId → path of its first use. */
  optionIds: Map<string, string>;
  /** Objects on the way from the root to here: meeting one again is a cycle. */
  ancestors: Set<object>;
  /** The top-level keyboard, shared by tools, classifications and relations. */
  keyboard: Keyboard;
}

/** Normalised shortcut → where it was first used and by which category. */
type Keyboard = Map<string, { path: string; title: string }>;

interface Entry {
  index: number;
  value: unknown;
}

/** The parent a nested classification hangs under, for `parentOptionId` and messages. */
interface Parent {
  title: string;
  kind: 'tool' | 'classification';
  options: readonly CategoryOption[];
}

function report(walk: Walk, code: string, path: string, message: string): void {
  walk.problems.push({ code, path, message });
}

/** Array.isArray that answers false instead of throwing on a revoked Proxy. */
function isArraySafe(value: unknown): boolean | undefined {
  try {
    return Array.isArray(value);
  } catch {
    return undefined;
  }
}

/** A short, safe description of any value for a message (never calls host code). */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (typeof value === 'object') return isArraySafe(value) === true ? 'an array' : 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/** True for a plain object (not an array); otherwise reports `expected` (or that the value cannot be read). */
function isRecord(walk: Walk, value: unknown, path: string, expected: string): value is Record<string, unknown> {
  const isArray = isArraySafe(value);
  if (isArray === undefined) {
    report(walk, 'unreadable', path, 'This value cannot be read.');
    return false;
  }
  if (typeof value === 'object' && value !== null && !isArray) return true;
  report(walk, 'wrong-type', path, `${expected}; got ${describe(value)}.`);
  return false;
}

/** What `field` returns for a property whose getter threw (already reported: readers stay silent). */
const UNREADABLE: unique symbol = Symbol('unreadable');

/** Reads a property, turning a throwing getter or Proxy trap into a problem. */
function field(walk: Walk, record: Record<string, unknown>, key: string, path: string): unknown {
  try {
    return record[key];
  } catch {
    report(walk, 'unreadable', `${path}.${key}`, `Reading "${key}" failed.`);
    return UNREADABLE;
  }
}

/** Reads an optional array property into entries; elements that cannot be read are reported and left out. */
function list(walk: Walk, record: Record<string, unknown>, key: string, path: string): Entry[] {
  const at = `${path}.${key}`;
  const value = field(walk, record, key, path);
  if (value === UNREADABLE) return [];
  if (value === undefined || value === null) return [];
  let length: number;
  try {
    if (!Array.isArray(value)) {
      report(walk, 'wrong-type', at, `"${key}" must be an array; got ${describe(value)}.`);
      return [];
    }
    length = value.length;
  } catch {
    report(walk, 'unreadable', at, `Reading "${key}" failed.`);
    return [];
  }
  if (length > MAX_LIST_LENGTH) {
    report(walk, 'too-large', at, `"${key}" has ${length} entries; at most ${MAX_LIST_LENGTH} are read.`);
    return [];
  }
  const entries: Entry[] = [];
  for (let index = 0; index < length; index += 1) {
    try {
      entries.push({ index, value: (value as unknown[])[index] });
    } catch {
      report(walk, 'unreadable', `${at}[${index}]`, 'This entry cannot be read.');
    }
  }
  return entries;
}

/** A required, non-empty string. */
function text(walk: Walk, record: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = field(walk, record, key, path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null) {
    report(walk, 'missing-field', `${path}.${key}`, `"${key}" is required.`);
    return undefined;
  }
  if (typeof value !== 'string' || value === '') {
    report(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be a non-empty string; got ${describe(value)}.`);
    return undefined;
  }
  return value;
}

function flag(walk: Walk, record: Record<string, unknown>, key: string, path: string): boolean {
  const value = field(walk, record, key, path);
  if (value === UNREADABLE) return false;
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  report(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be true or false; got ${describe(value)}.`);
  return false;
}

function count(walk: Walk, record: Record<string, unknown>, key: 'min' | 'max', path: string): number | undefined {
  const value = field(walk, record, key, path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  report(walk, 'wrong-type', `${path}.${key}`, `"${key}" must be a non-negative integer; got ${describe(value)}.`);
  return undefined;
}

/**
 * Decision: `#rrggbb` and the short `#rgb` are accepted in either case and normalised to lower-case
 * `#rrggbb`; alpha forms and colour names are not (brush classes are painted in their exact, opaque colour).
 */
function color(walk: Walk, record: Record<string, unknown>, path: string): string | undefined {
  const value = field(walk, record, 'color', path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null) return undefined;
  const match = typeof value === 'string' ? COLOR.exec(value) : null;
  const hex = match?.[1]?.toLowerCase();
  if (hex === undefined) {
    report(walk, 'bad-color', `${path}.color`, `"color" must be "#rrggbb" (or "#rgb"); got ${describe(value)}.`);
    return undefined;
  }
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

/**
 * Decision: a shortcut is one key `0`–`9` or `a`–`z` with any of the modifiers `ctrl`, `alt`, `shift`
 * (each at most once, any order, any case), normalised to lower case in the order `ctrl+alt+shift+key`.
 */
function shortcut(walk: Walk, record: Record<string, unknown>, path: string): string | undefined {
  const value = field(walk, record, 'shortcutKey', path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const parts = value.toLowerCase().split('+');
    const key = parts.pop() ?? '';
    const modifiers = new Set(parts);
    const known = parts.every((part) => (MODIFIERS as readonly string[]).includes(part));
    if (SHORTCUT_KEY.test(key) && known && modifiers.size === parts.length) {
      return [...MODIFIERS.filter((modifier) => modifiers.has(modifier)), key].join('+');
    }
  }
  report(walk, 'bad-shortcut', `${path}.shortcutKey`, `Shortcut keys are 0–9 or a–z, optionally after ctrl+, alt+ or shift+; got ${describe(value)}.`);
  return undefined;
}

/** Decision: a regex is a pattern source for `new RegExp(regex)` (no flags), not the `/…/flags` literal form. */
function regex(walk: Walk, record: Record<string, unknown>, path: string): string | undefined {
  const value = field(walk, record, 'regex', path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    report(walk, 'wrong-type', `${path}.regex`, `"regex" must be a string; got ${describe(value)}.`);
    return undefined;
  }
  if (SLASH_FORM.test(value)) {
    report(walk, 'bad-regex', `${path}.regex`, 'Write the pattern without the surrounding slashes and flags.');
    return undefined;
  }
  try {
    new RegExp(value);
    return value;
  } catch (error) {
    report(walk, 'bad-regex', `${path}.regex`, `The pattern does not compile: ${error instanceof SyntaxError ? error.message : 'invalid'}.`);
    return undefined;
  }
}

function claim(walk: Walk, ids: Map<string, string>, id: string, path: string, what: string): void {
  const first = ids.get(id);
  if (first === undefined) ids.set(id, path);
  else report(walk, 'duplicate-schema-id', path, `${what} schemaId ${describe(id)} is already used at ${first}.`);
}

/**
 * Decision: shortcuts clash only within one keyboard: the top-level tools, classifications and
 * relations share one; each category's nested classifications share another. Compared normalised.
 */
function press(walk: Walk, keyboard: Keyboard, key: string, path: string, title: string): void {
  const first = keyboard.get(key);
  if (first === undefined) keyboard.set(key, { path, title });
  else report(walk, 'shortcut-clash', path, `Shortcut "${key}" of "${title}" is already used by "${first.title}" (${first.path}).`);
}

/** Runs `body` with `value` marked as an ancestor, or reports why it cannot be entered. */
function within<T>(walk: Walk, value: object, path: string, depth: number, body: () => T): T | undefined {
  if (walk.ancestors.has(value)) {
    report(walk, 'cycle', path, 'This entry contains itself.');
    return undefined;
  }
  if (depth > MAX_ONTOLOGY_DEPTH) {
    report(walk, 'too-deep', path, `Nesting is deeper than ${MAX_ONTOLOGY_DEPTH} levels.`);
    return undefined;
  }
  walk.ancestors.add(value);
  try {
    return body();
  } finally {
    walk.ancestors.delete(value);
  }
}

function typeOf<T extends string>(walk: Walk, record: Record<string, unknown>, path: string, allowed: readonly T[], section: Section): T | undefined {
  const value = field(walk, record, 'tool', path);
  if (value === UNREADABLE) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  if (value === undefined || value === null) report(walk, 'missing-field', `${path}.tool`, `"tool" is required: one of ${allowed.join(', ')}.`);
  else report(walk, 'unknown-type', `${path}.tool`, `${describe(value)} is not a ${section} type; expected one of ${allowed.join(', ')}.`);
  return undefined;
}

/** Fields every category has; undefined when schemaId or title is unusable (already reported). */
function base(walk: Walk, record: Record<string, unknown>, path: string, keyboard: Keyboard): CategoryBase | undefined {
  const schemaId = text(walk, record, 'schemaId', path);
  const title = text(walk, record, 'title', path);
  const shortcutKey = shortcut(walk, record, path);
  if (shortcutKey !== undefined) press(walk, keyboard, shortcutKey, `${path}.shortcutKey`, title ?? path);
  const required = flag(walk, record, 'required', path);
  const min = count(walk, record, 'min', path);
  const max = count(walk, record, 'max', path);
  if (min !== undefined && max !== undefined && min > max) report(walk, 'wrong-type', `${path}.min`, `"min" (${min}) is greater than "max" (${max}).`);
  if (schemaId !== undefined) claim(walk, walk.categoryIds, schemaId, `${path}.schemaId`, 'Category');
  if (schemaId === undefined || title === undefined) return undefined;
  return {
    schemaId,
    title,
    required,
    ...(shortcutKey === undefined ? {} : { shortcutKey }),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  };
}

/** Decision: option values are non-empty strings, unique within their classification (answers are values). */
function options(walk: Walk, record: Record<string, unknown>, path: string): CategoryOption[] {
  const result: CategoryOption[] = [];
  const values = new Map<string, string>();
  for (const { index, value: item } of list(walk, record, 'options', path)) {
    const at = `${path}.options[${index}]`;
    if (!isRecord(walk, item, at, 'An option must be an object { value, schemaId }')) continue;
    const value = text(walk, item, 'value', at);
    const schemaId = text(walk, item, 'schemaId', at);
    if (schemaId !== undefined) claim(walk, walk.optionIds, schemaId, `${at}.schemaId`, 'Option');
    if (value !== undefined) {
      const first = values.get(value);
      if (first === undefined) values.set(value, at);
      else report(walk, 'duplicate-option-value', `${at}.value`, `The value ${describe(value)} is already an option at ${first}.`);
    }
    if (value !== undefined && schemaId !== undefined) result.push({ value, schemaId });
  }
  return result;
}

/**
 * Tree nodes, recursively. Decision: the `" / "`-joined paths (the answers) must be unique within a
 * tree, which also catches a title containing `" / "` that would read as a deeper path.
 */
function treeOptions(walk: Walk, record: Record<string, unknown>, path: string, paths: Map<string, string>, prefix: string | undefined, depth: number): TreeOption[] {
  const result: TreeOption[] = [];
  const key = depth === 1 ? 'treeOptions' : 'children';
  for (const { index, value: item } of list(walk, record, key, path)) {
    const at = `${path}.${key}[${index}]`;
    if (!isRecord(walk, item, at, 'A tree option must be an object { title, schemaId, children }')) continue;
    const node = within(walk, item, at, depth, () => {
      const title = text(walk, item, 'title', at);
      const schemaId = text(walk, item, 'schemaId', at);
      if (schemaId !== undefined) claim(walk, walk.optionIds, schemaId, `${at}.schemaId`, 'Option');
      // Under a node without a usable title the paths are unknown: children are still checked, paths are not.
      const joined = title === undefined || prefix === undefined ? undefined : depth === 1 ? title : `${prefix} / ${title}`;
      if (joined !== undefined) {
        const first = paths.get(joined);
        if (first === undefined) paths.set(joined, at);
        else report(walk, 'duplicate-option-value', `${at}.title`, `The path ${describe(joined)} is already an option at ${first}.`);
      }
      const children = treeOptions(walk, item, at, paths, joined, depth + 1);
      return title === undefined || schemaId === undefined ? undefined : { title, schemaId, children };
    });
    if (node) result.push(node);
  }
  return result;
}

/**
 * Decision: `parentOptionId` must name an option (not a tree node) of the classification this one is
 * nested in directly; it is an error on top-level classifications and on those nested in a tool.
 */
function parentOption(walk: Walk, record: Record<string, unknown>, path: string, parent: Parent | undefined): string | undefined {
  const value = field(walk, record, 'parentOptionId', path);
  if (value === UNREADABLE) return undefined;
  if (value === undefined || value === null || value === '') return undefined;
  const at = `${path}.parentOptionId`;
  if (typeof value !== 'string') {
    report(walk, 'wrong-type', at, `"parentOptionId" must be a string; got ${describe(value)}.`);
    return undefined;
  }
  if (parent === undefined) report(walk, 'bad-parent-option', at, `${describe(value)} cannot apply: a top-level classification has no parent.`);
  else if (parent.kind === 'tool') report(walk, 'bad-parent-option', at, `${describe(value)} cannot apply: this classification is nested in the tool "${parent.title}", which has no options.`);
  else if (!parent.options.some((option) => option.schemaId === value)) report(walk, 'bad-parent-option', at, `${describe(value)} is not an option of "${parent.title}".`);
  else return value;
  return undefined;
}

/** A classification list; `keyboard` is the parent's own, or the top-level one for the ontology's classifications. */
function classifications(walk: Walk, record: Record<string, unknown>, path: string, depth: number, parent: Parent | undefined, keyboard: Keyboard): ClassificationCategory[] {
  const result: ClassificationCategory[] = [];
  for (const { index, value: item } of list(walk, record, 'classifications', path)) {
    const at = `${path}.classifications[${index}]`;
    if (!isRecord(walk, item, at, 'A classification must be an object')) continue;
    const category = within(walk, item, at, depth, () => classification(walk, item, at, depth, parent, keyboard));
    if (category) result.push(category);
  }
  return result;
}

function classification(walk: Walk, record: Record<string, unknown>, path: string, depth: number, parent: Parent | undefined, keyboard: Keyboard): ClassificationCategory | undefined {
  const common = base(walk, record, path, keyboard);
  const tool = typeOf(walk, record, path, CLASSIFICATION_TYPES, 'classification');
  const ownOptions = options(walk, record, path);
  const tree = treeOptions(walk, record, path, new Map(), '', 1);
  const ownColor = color(walk, record, path);
  const pattern = regex(walk, record, path);
  const parentOptionId = parentOption(walk, record, path, parent);
  const frameSpecific = flag(walk, record, 'frameSpecific', path);
  const nested = classifications(walk, record, path, depth + 1, { title: common?.title ?? path, kind: 'classification', options: ownOptions }, new Map());
  if (common === undefined || tool === undefined) return undefined;
  return {
    kind: 'classification',
    ...common,
    tool,
    options: ownOptions,
    treeOptions: tree,
    frameSpecific,
    classifications: nested,
    ...(ownColor === undefined ? {} : { color: ownColor }),
    ...(pattern === undefined ? {} : { regex: pattern }),
    ...(parentOptionId === undefined ? {} : { parentOptionId }),
  };
}

/** A parsed tool or relation before its colour is settled. */
interface Drawn<T> {
  /** The input path (entries that failed are left out, so indexes can differ from positions). */
  path: string;
  category: T;
  /** The colour the host gave, if any. */
  color: string | undefined;
}

function tools(walk: Walk, root: Record<string, unknown>): Drawn<Omit<ToolCategory, 'color'>>[] {
  const result: Drawn<Omit<ToolCategory, 'color'>>[] = [];
  for (const { index, value: item } of list(walk, root, 'tools', '$')) {
    const at = `$.tools[${index}]`;
    if (!isRecord(walk, item, at, 'A tool must be an object')) continue;
    const drawn = within(walk, item, at, 1, () => {
      const common = base(walk, item, at, walk.keyboard);
      const tool = typeOf(walk, item, at, TOOL_TYPES, 'tool');
      const given = color(walk, item, at);
      const nested = classifications(walk, item, at, 2, { title: common?.title ?? at, kind: 'tool', options: [] }, new Map());
      const measure = measureOf(walk, item, at, tool);
      const drawWith = drawWithOf(walk, item, at, tool);
      if (common === undefined || tool === undefined) return undefined;
      return {
        path: at,
        color: given,
        category: { kind: 'tool' as const, ...common, tool, classifications: nested, ...(measure ? { measure } : {}), ...(drawWith ? { drawWith } : {}) },
      };
    });
    if (drawn) result.push(drawn);
  }
  return result;
}

/** labelkit's `measure` on a polyline tool; any other tool with one is a problem (it would be ignored silently). */
function measureOf(walk: Walk, record: Record<string, unknown>, path: string, tool: ToolType | undefined): MeasureKind | undefined {
  const value = field(walk, record, 'measure', path);
  if (value === UNREADABLE || value === undefined || value === null) return undefined;
  const at = `${path}.measure`;
  if (!(MEASURE_KINDS as readonly unknown[]).includes(value)) {
    report(walk, 'wrong-type', at, `"measure" must be one of ${MEASURE_KINDS.map((k) => `"${k}"`).join(', ')}; got ${describe(value)}.`);
    return undefined;
  }
  if (tool !== 'polyline') {
    report(walk, 'bad-measure', at, `"measure" applies to polyline tools only; this tool is ${describe(tool ?? '?')}.`);
    return undefined;
  }
  return value as MeasureKind;
}

/** labelkit's `drawWith` on a polygon or segmentation tool (`click` is the default and is not kept); elsewhere a problem. */
function drawWithOf(walk: Walk, record: Record<string, unknown>, path: string, tool: ToolType | undefined): DrawWith | undefined {
  const value = field(walk, record, 'drawWith', path);
  if (value === UNREADABLE || value === undefined || value === null) return undefined;
  const at = `${path}.drawWith`;
  if (!(DRAW_WITH as readonly unknown[]).includes(value)) {
    report(walk, 'wrong-type', at, `"drawWith" must be one of ${DRAW_WITH.map((k) => `"${k}"`).join(', ')}; got ${describe(value)}.`);
    return undefined;
  }
  if (tool !== 'polygon' && tool !== 'segmentation') {
    report(walk, 'bad-draw-with', at, `"drawWith" applies to polygon and segmentation tools only; this tool is ${describe(tool ?? '?')}.`);
    return undefined;
  }
  return value === 'click' ? undefined : (value as DrawWith);
}

function relations(walk: Walk, root: Record<string, unknown>): Drawn<Omit<RelationCategory, 'color'>>[] {
  const result: Drawn<Omit<RelationCategory, 'color'>>[] = [];
  for (const { index, value: item } of list(walk, root, 'relations', '$')) {
    const at = `$.relations[${index}]`;
    if (!isRecord(walk, item, at, 'A relation must be an object')) continue;
    const common = base(walk, item, at, walk.keyboard);
    const tool = typeOf(walk, item, at, RELATION_TYPES, 'relation');
    const given = color(walk, item, at);
    if (common !== undefined && tool !== undefined) result.push({ path: at, color: given, category: { kind: 'relation', ...common, tool } });
  }
  return result;
}

/**
 * Decision: tools and relations without a colour take, in document order (tools first), the first
 * `DEFAULT_PALETTE` colour that no tool or relation uses yet; when all are taken the palette cycles.
 * Two brush tools may not share a colour: their classes would be indistinguishable in the brush PNG.
 */
function assignColors<T extends { tool: string }>(walk: Walk, drawn: readonly Drawn<T>[], used: Set<string>): (T & { color: string })[] {
  const brushes = new Map<string, string>();
  return drawn.map((item) => {
    let chosen = item.color;
    if (chosen === undefined) {
      chosen = DEFAULT_PALETTE.find((candidate) => !used.has(candidate)) ?? DEFAULT_PALETTE[used.size % DEFAULT_PALETTE.length] ?? '#000000';
      used.add(chosen);
    }
    if (item.category.tool === 'brush') {
      const first = brushes.get(chosen);
      if (first === undefined) brushes.set(chosen, item.path);
      else report(walk, 'color-clash', `${item.path}.color`, `Brush classes need distinct colours; ${chosen} is already used by the brush at ${first}.`);
    }
    return { ...item.category, color: chosen };
  });
}

/**
 * Parses and validates an ontology (an object, or a JSON string of one). Defaults: `required`,
 * `frameSpecific` false; `classifications`, `options`, `treeOptions` empty; colours from
 * `DEFAULT_PALETTE`. Unknown fields (`richText`, …) are ignored. Category schemaIds are unique
 * among all categories; option and tree-node schemaIds share a second id space, unique across the
 * ontology. Every problem is listed with its JSON path. Never throws.
 */
export function parseOntology(input: unknown): Result<Ontology> {
  const walk: Walk = { problems: [], categoryIds: new Map(), optionIds: new Map(), ancestors: new Set(), keyboard: new Map() };
  try {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch (error) {
        return { ok: false, problems: [{ code: 'bad-json', path: '$', message: `The ontology is not valid JSON: ${error instanceof SyntaxError ? error.message : 'unreadable'}.` }] };
      }
    }
    if (!isRecord(walk, value, '$', 'The ontology must be an object { tools, classifications, relations }')) return { ok: false, problems: walk.problems };
    const root = value;
    const ontology = within(walk, root, '$', 0, () => {
      const drawnTools = tools(walk, root);
      const global = classifications(walk, root, '$', 1, undefined, walk.keyboard);
      const drawnRelations = relations(walk, root);
      const used = new Set([...drawnTools, ...drawnRelations].flatMap((drawn) => (drawn.color === undefined ? [] : [drawn.color])));
      const toolCategories = assignColors(walk, drawnTools, used);
      const relationCategories = assignColors(walk, drawnRelations, used);
      return { tools: toolCategories, classifications: global, relations: relationCategories };
    });
    if (ontology === undefined) return { ok: false, problems: walk.problems };
    return walk.problems.length > 0 ? { ok: false, problems: walk.problems } : { ok: true, value: ontology };
  } catch (error) {
    report(walk, 'unreadable', '$', `The ontology could not be read: ${error instanceof Error ? error.name : 'unknown error'}.`);
    return { ok: false, problems: walk.problems };
  }
}

/** Every `" / "`-joined path from the root of a tree classification, parents before children (answers are these paths). */
export function treePaths(nodes: readonly TreeOption[], prefix = ''): string[] {
  return nodes.flatMap((node) => {
    const path = prefix === '' ? node.title : `${prefix} / ${node.title}`;
    return [path, ...treePaths(node.children, path)];
  });
}

/** Finds a category by schemaId anywhere in the ontology (nested classifications included). */
export function findCategory(ontology: Ontology, schemaId: string): Category | undefined {
  const inClassifications = (list: readonly ClassificationCategory[]): ClassificationCategory | undefined => {
    for (const category of list) {
      if (category.schemaId === schemaId) return category;
      const nested = inClassifications(category.classifications);
      if (nested) return nested;
    }
    return undefined;
  };
  for (const tool of ontology.tools) {
    if (tool.schemaId === schemaId) return tool;
    const nested = inClassifications(tool.classifications);
    if (nested) return nested;
  }
  return inClassifications(ontology.classifications) ?? ontology.relations.find((relation) => relation.schemaId === schemaId);
}

export type OptionRef =
  | { kind: 'option'; option: CategoryOption; category: ClassificationCategory }
  | { kind: 'tree-node'; node: TreeOption; category: ClassificationCategory; /** `" / "`-joined from the root. */ path: string };

/** Lookups over a parsed ontology. Titles match exactly (case-sensitive); the first match in document order wins. */
export interface OntologyIndex {
  readonly ontology: Ontology;
  /** Any category (tool, classification at any depth, relation). */
  category(schemaId: string): Category | undefined;
  toolByTitle(title: string): ToolCategory | undefined;
  /** Among the classifications nested in `within` (a category or its schemaId), else among the top-level ones. */
  classificationByTitle(title: string, within?: ToolCategory | ClassificationCategory | string): ClassificationCategory | undefined;
  relationByTitle(title: string): RelationCategory | undefined;
  /** The tool or classification a nested classification, option or tree node belongs to; undefined at top level. */
  parentOf(schemaId: string): ToolCategory | ClassificationCategory | undefined;
  optionById(schemaId: string): OptionRef | undefined;
  /** The answer paths of a tree-dropdown (by category or schemaId); empty for other types. */
  treePaths(category: ClassificationCategory | string): readonly string[];
}

/** Indexes a parsed ontology (from `parseOntology`); ids that repeat keep their first entry. */
export function indexOntology(ontology: Ontology): OntologyIndex {
  const categories = new Map<string, Category>();
  const parents = new Map<string, ToolCategory | ClassificationCategory>();
  const optionRefs = new Map<string, OptionRef>();
  const paths = new Map<string, readonly string[]>();
  const remember = <K, V>(map: Map<K, V>, key: K, value: V): void => {
    if (!map.has(key)) map.set(key, value);
  };

  const addNodes = (category: ClassificationCategory, nodes: readonly TreeOption[], prefix: string): void => {
    for (const node of nodes) {
      const path = prefix === '' ? node.title : `${prefix} / ${node.title}`;
      remember(optionRefs, node.schemaId, { kind: 'tree-node', node, category, path });
      remember(parents, node.schemaId, category);
      addNodes(category, node.children, path);
    }
  };
  const addClassifications = (list: readonly ClassificationCategory[], parent: ToolCategory | ClassificationCategory | undefined): void => {
    for (const category of list) {
      remember(categories, category.schemaId, category);
      if (parent) remember(parents, category.schemaId, parent);
      for (const option of category.options) {
        remember(optionRefs, option.schemaId, { kind: 'option', option, category });
        remember(parents, option.schemaId, category);
      }
      addNodes(category, category.treeOptions, '');
      if (category.tool === 'tree-dropdown') remember(paths, category.schemaId, treePaths(category.treeOptions));
      addClassifications(category.classifications, category);
    }
  };
  for (const tool of ontology.tools) {
    remember(categories, tool.schemaId, tool);
    addClassifications(tool.classifications, tool);
  }
  addClassifications(ontology.classifications, undefined);
  for (const relation of ontology.relations) remember(categories, relation.schemaId, relation);

  return {
    ontology,
    category: (schemaId) => categories.get(schemaId),
    toolByTitle: (title) => ontology.tools.find((tool) => tool.title === title),
    classificationByTitle(title, container) {
      const owner = typeof container === 'string' ? categories.get(container) : container;
      if (container === undefined) return ontology.classifications.find((category) => category.title === title);
      if (owner === undefined || owner.kind === 'relation') return undefined;
      return owner.classifications.find((category) => category.title === title);
    },
    relationByTitle: (title) => ontology.relations.find((relation) => relation.title === title),
    parentOf: (schemaId) => parents.get(schemaId),
    optionById: (schemaId) => optionRefs.get(schemaId),
    treePaths: (category) => paths.get(typeof category === 'string' ? category : category.schemaId) ?? [],
  };
}
