/**
 * XML through fast-xml-parser (pure JavaScript, no DOM, so it runs in Node and in browsers):
 * values stay strings (the converters read numbers themselves), attributes under `@_`, and the
 * elements that may repeat are always arrays.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Problems } from './common.js';

export type XmlNode = Record<string, unknown>;

/** Parsed XML, or undefined after a `bad-xml` problem naming the line. */
export function parseXml(text: string, path: string, problems: Problems, repeated: readonly string[]): XmlNode | undefined {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return problems.add('bad-xml', path, `Not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => repeated.includes(name),
  });
  return parser.parse(text) as XmlNode;
}

/** XML text of a tree in the parser's shape (`@_` attributes), indented, with a declaration. */
export function buildXml(tree: XmlNode): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree) as string}`;
}

/** A child element as a node (a bare text element reads as `{ '#text': … }`), or undefined. */
export function node(value: unknown): XmlNode | undefined {
  if (typeof value === 'string') return { '#text': value };
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** The text of a child element or attribute. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const n = node(value);
  return n && typeof n['#text'] === 'string' ? n['#text'] : undefined;
}

export function list(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(node).filter((n): n is XmlNode => n !== undefined);
}
