/**
 * Per-object attributes of foreign formats (COCO `attributes`, CVAT `<attribute>`, VOC flags)
 * as labelkit nested classifications, and back. An attribute is the classification of its name;
 * its value is the answer (text; an option value for radio and dropdowns; a one-item list for
 * checkbox and multi-dropdown). A generated ontology makes each a `text` classification.
 */
import type { ClassificationType } from '../../core/ontology.js';
import type { ExportClassification } from '../types.js';
import type { ClassMap, ClassificationRef, OntologyIndex } from './class-map.js';
import { at, importedMetadata, type Problems } from './common.js';

export type AttributeValue = string | number | boolean;

const LIST_TYPES = new Set<ClassificationType>(['checkbox', 'multi-dropdown', 'tree-dropdown', 'rank']);

/** One classification answering `title` with `value` (text, option or list as its type wants), or undefined after a problem. */
export function answerClassification(
  map: ClassMap,
  problems: Problems,
  ref: ClassificationRef | undefined,
  value: string | string[],
  objectId: string,
  path: string,
  toolSchemaId?: string,
): ExportClassification | undefined {
  if (!ref) return undefined;
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) map.allow(ref, v, toolSchemaId);
  if (ref.values && !values.every((v) => ref.values!.includes(v))) {
    return problems.add('unknown-answer', path, `"${values.join(', ')}" is not an answer of the classification "${ref.title}".`);
  }
  const list = LIST_TYPES.has(ref.tool);
  if (!list && values.length !== 1) return problems.add('unknown-answer', path, `"${ref.title}" takes one answer; got ${values.length}.`);
  return { objectId, schemaId: ref.schemaId, title: ref.title, tool: ref.tool, answer: list ? values : values[0]!, classifications: [], metadata: importedMetadata() };
}

/** Nested classifications for an object's attributes; an attribute the ontology has no classification for is a problem. */
export function attributeClassifications(map: ClassMap, problems: Problems, tool: { schemaId: string; title: string }, objectId: string, attributes: Record<string, AttributeValue>, path: string): ExportClassification[] {
  const out: ExportClassification[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const ref = map.classification(name, 'text', tool.schemaId);
    if (!ref) {
      problems.add('unknown-attribute', at(path, name), `"${tool.title}" has no nested classification "${name}" for this attribute.`);
      continue;
    }
    const made = answerClassification(map, problems, ref, String(value), `${objectId}/${name}`, at(path, name), tool.schemaId);
    if (made) out.push(made);
  }
  return out;
}

/** Attribute name → answer text (lists joined with ","), from an object's nested classifications; deeper nesting is reported. */
export function classificationAttributes(index: OntologyIndex, list: readonly ExportClassification[], problems: Problems, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  list.forEach((c, i) => {
    out[index.title(c)] = Array.isArray(c.answer) ? c.answer.join(',') : c.answer;
    if (c.classifications.length > 0) problems.add('nested-too-deep', at(at(path, i), 'classifications'), `The classifications nested under "${index.title(c)}" have no place in this format.`);
  });
  return out;
}

/** `"1"` → 1, `"true"` → true: attribute text back to the JSON type it most likely had (COCO attributes are typed). */
export function typedAttribute(text: string): AttributeValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return text;
}
