/**
 * The ontology as the class map between a foreign format's class names and labelkit categories.
 * Importing, a class name and the geometry kinds it could take find the first tool of that title
 * and one of those kinds; with no ontology given, one is generated as the converter meets classes.
 * Exporting, a category's title is the class name.
 *
 * Generated schemaIds carry the source's class id, `coco:4:polygon`, `yolo:0:bounding-box`, so an
 * export to the same format gives each class its id back (COCO category ids with gaps, YOLO class
 * indexes); see `sourceClassId`.
 */
import { type ClassificationCategory, type ClassificationType, type Ontology, type RelationCategory, type RelationType, type ToolCategory, type ToolType } from '../../core/ontology.js';
import type { Problems } from './common.js';
import { parseOntology } from '../keypoint-schema.js';

interface RawClassification {
  schemaId: string;
  tool: ClassificationType;
  title: string;
  options?: { value: string; schemaId: string }[];
  treeOptions?: RawTree[];
  classifications: RawClassification[];
}
interface RawTree {
  title: string;
  schemaId: string;
  children: RawTree[];
}
interface RawTool {
  schemaId: string;
  tool: ToolType;
  title: string;
  classifications: RawClassification[];
  keypoints?: string[];
  skeleton?: [number, number][];
}
interface RawRelation {
  schemaId: string;
  tool: RelationType;
  title: string;
}

/** A category a converted item names: its schemaId and title. */
export interface ClassRef {
  schemaId: string;
  title: string;
}

export interface ToolRef extends ClassRef {
  tool: ToolType;
}

export interface ClassificationRef extends ClassRef {
  tool: ClassificationType;
  /** Option values (or tree paths) it allows; undefined for free text. */
  values?: readonly string[];
}

const EMPTY_ONTOLOGY: Ontology = { tools: [], classifications: [], relations: [] };

export class ClassMap {
  readonly generated: boolean;
  private readonly given: Ontology;
  private readonly tools: RawTool[] = [];
  private readonly classifications: RawClassification[] = [];
  private readonly relations: RawRelation[] = [];

  /**
   * `ontology`: the host's (raw JSON, a JSON string or already parsed), or undefined to generate
   * one. An ontology that does not parse is reported and one is generated instead.
   */
  constructor(
    private readonly source: string,
    ontology: unknown,
    private readonly problems: Problems,
  ) {
    if (ontology === undefined || ontology === null) {
      this.generated = true;
      this.given = EMPTY_ONTOLOGY;
      return;
    }
    const parsed = parseOntology(ontology);
    if (parsed.ok) {
      this.generated = false;
      this.given = parsed.value;
      return;
    }
    for (const problem of parsed.problems) problems.add('ontology-invalid', `ontology${problem.path?.slice(1) ?? ''}`, problem.message);
    this.generated = true;
    this.given = EMPTY_ONTOLOGY;
  }

  /**
   * The tool for class `name` as one of `kinds` (preferred first), or undefined after an
   * `unknown-class` problem at `path`. Generating, the class is added as `kinds[0]`.
   */
  tool(name: string, kinds: readonly ToolType[], path: string, extra: { id?: string | number; keypoints?: string[]; skeleton?: [number, number][] } = {}): ToolRef | undefined {
    if (!this.generated) {
      for (const kind of kinds) {
        const found = this.given.tools.find((t) => t.title === name && t.tool === kind);
        if (found) return { schemaId: found.schemaId, title: found.title, tool: found.tool };
      }
      const other = this.given.tools.find((t) => t.title === name);
      const why = other ? `its tool is ${other.tool}, this item is a ${kinds.join(' or ')}` : 'the ontology has no tool of that title';
      return this.problems.add('unknown-class', path, `Class "${name}" cannot be mapped: ${why}.`);
    }
    const kind = kinds[0]!;
    const existing = this.tools.find((t) => t.title === name && kinds.includes(t.tool));
    if (existing) {
      if (extra.keypoints && existing.keypoints && extra.keypoints.length > existing.keypoints.length) existing.keypoints = extra.keypoints;
      return existing;
    }
    const schemaId = `${this.source}:${extra.id ?? name}:${kind}`;
    const tool: RawTool = { schemaId, tool: kind, title: name, classifications: [] };
    if (kind === 'keypoints') {
      tool.keypoints = extra.keypoints ?? [];
      tool.skeleton = extra.skeleton ?? [];
    }
    this.tools.push(tool);
    return tool;
  }

  /** Generating: adds class `name` as a `kind` tool unless a tool of that title exists. */
  declare(name: string, kind: ToolType, extra: { id?: string | number; keypoints?: string[]; skeleton?: [number, number][] } = {}): void {
    if (this.generated && !this.tools.some((t) => t.title === name)) this.tool(name, [kind], '$', extra);
  }

  /** The keypoint names of a tool (given or generated). */
  keypointNames(schemaId: string): string[] {
    const tool = this.generated ? this.tools.find((t) => t.schemaId === schemaId) : this.given.tools.find((t) => t.schemaId === schemaId);
    return tool?.keypoints ?? [];
  }

  /**
   * A classification titled `title` under the tool `toolSchemaId` (or at the top level when
   * undefined). Generating, it is added as `type`; with a host ontology, undefined when absent.
   */
  classification(title: string, type: ClassificationType, toolSchemaId?: string): ClassificationRef | undefined {
    if (!this.generated) {
      const list = toolSchemaId === undefined ? this.given.classifications : (this.given.tools.find((t) => t.schemaId === toolSchemaId)?.classifications ?? []);
      const found = list.find((c) => c.title === title);
      return found && { schemaId: found.schemaId, title: found.title, tool: found.tool, values: answerValues(found) };
    }
    const list = toolSchemaId === undefined ? this.classifications : this.tools.find((t) => t.schemaId === toolSchemaId)?.classifications;
    if (!list) return undefined;
    let found = list.find((c) => c.title === title);
    if (!found) {
      found = { schemaId: `${toolSchemaId ?? this.source}/${title}`, tool: type, title, classifications: [] };
      if (type !== 'text') found[type === 'tree-dropdown' ? 'treeOptions' : 'options'] = [];
      list.push(found);
    }
    return { schemaId: found.schemaId, title: found.title, tool: found.tool };
  }

  /** Generating: makes `value` (a tree path for tree-dropdown) an answer the classification allows. */
  allow(ref: ClassificationRef, value: string, toolSchemaId?: string): void {
    if (!this.generated) return;
    const list = toolSchemaId === undefined ? this.classifications : this.tools.find((t) => t.schemaId === toolSchemaId)?.classifications;
    const raw = list?.find((c) => c.schemaId === ref.schemaId);
    if (!raw) return;
    if (raw.options && !raw.options.some((o) => o.value === value)) raw.options.push({ value, schemaId: `${raw.schemaId}=${value}` });
    if (raw.treeOptions) {
      let level = raw.treeOptions;
      let prefix = raw.schemaId;
      for (const part of value.split(' / ')) {
        prefix = `${prefix}/${part}`;
        let node = level.find((n) => n.title === part);
        if (!node) level.push((node = { title: part, schemaId: prefix, children: [] }));
        level = node.children;
      }
    }
  }

  /** A relation category of `title` and `type`; generated when absent and generating. */
  relation(title: string, type: RelationType, path: string): ClassRef | undefined {
    if (!this.generated) {
      const found: RelationCategory | undefined = this.given.relations.find((r) => r.title === title && r.tool === type) ?? this.given.relations.find((r) => r.tool === type);
      return found ?? this.problems.add('unknown-class', path, `The ontology has no ${type} relation for "${title}".`);
    }
    let found = this.relations.find((r) => r.title === title && r.tool === type);
    if (!found) this.relations.push((found = { schemaId: `${this.source}:relation:${title}`, tool: type, title }));
    return found;
  }

  /** The ontology the converted records use: the host's, or the generated one (parsed, colours assigned). */
  ontology(): Ontology {
    if (!this.generated) return this.given;
    const parsed = parseOntology({ tools: this.tools, classifications: this.classifications, relations: this.relations });
    if (parsed.ok) return parsed.value;
    for (const problem of parsed.problems) this.problems.add('ontology-invalid', `ontology${problem.path?.slice(1) ?? ''}`, problem.message);
    return EMPTY_ONTOLOGY;
  }
}

function answerValues(category: ClassificationCategory): string[] | undefined {
  if (category.tool === 'text') return undefined;
  if (category.tool === 'tree-dropdown') {
    const out: string[] = [];
    const walk = (nodes: ClassificationCategory['treeOptions'], prefix: string) => {
      for (const node of nodes) {
        const path = prefix ? `${prefix} / ${node.title}` : node.title;
        out.push(path);
        walk(node.children, path);
      }
    };
    walk(category.treeOptions, '');
    return out;
  }
  return category.options.map((o) => o.value);
}

/** Export side: schemaId → category, for titles and types. */
export class OntologyIndex {
  private readonly byId = new Map<string, ToolCategory | ClassificationCategory | RelationCategory>();

  constructor(readonly ontology: Ontology) {
    const nested = (list: readonly ClassificationCategory[]) => {
      for (const c of list) {
        if (!this.byId.has(c.schemaId)) this.byId.set(c.schemaId, c);
        nested(c.classifications);
      }
    };
    for (const t of ontology.tools) {
      this.byId.set(t.schemaId, t);
      nested(t.classifications);
    }
    for (const r of ontology.relations) this.byId.set(r.schemaId, r);
    nested(ontology.classifications);
  }

  /** The category with this schemaId, if the ontology has it. */
  get(schemaId: string): ToolCategory | ClassificationCategory | RelationCategory | undefined {
    return this.byId.get(schemaId);
  }

  /** The class name of an item: its category's title, else the title the item carries. */
  title(item: { schemaId: string; title?: string }): string {
    return this.byId.get(item.schemaId)?.title ?? item.title ?? item.schemaId;
  }

  tool(schemaId: string): ToolCategory | undefined {
    const c = this.byId.get(schemaId);
    return c?.kind === 'tool' ? c : undefined;
  }
}

/** Parses the host's ontology for an export; an invalid one is reported and titles come from the records. */
export function exportOntology(ontology: unknown, problems: Problems): OntologyIndex {
  if (ontology === undefined || ontology === null) return new OntologyIndex(EMPTY_ONTOLOGY);
  const parsed = parseOntology(ontology);
  if (parsed.ok) return new OntologyIndex(parsed.value);
  for (const problem of parsed.problems) problems.add('ontology-invalid', `ontology${problem.path?.slice(1) ?? ''}`, problem.message);
  return new OntologyIndex(EMPTY_ONTOLOGY);
}

/** The class id a generated schemaId carries for `source` (`coco:4:polygon` → 4), if any. */
export function sourceClassId(schemaId: string, source: string): number | undefined {
  const match = new RegExp(`^${source}:(\\d+):`).exec(schemaId);
  return match ? Number(match[1]) : undefined;
}
