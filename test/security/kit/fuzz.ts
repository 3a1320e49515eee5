/**
 * Seeded mutations of JSON-like input for the fuzz suite: wrong types, missing keys, huge numbers,
 * NaN, deep nesting, cycles, duplicate ids, unknown tools, prototype keys, huge strings and JSON
 * text. The same seed gives the same cases, so a failure names its seed and case number.
 */
import type { Random } from '../../generators/seeded-random.js';

export type { Random } from '../../generators/seeded-random.js';
export { seededRandom } from '../../generators/seeded-random.js';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Container = Record<string, unknown> | unknown[];

interface Slot {
  parent: Container;
  key: string | number;
  value: unknown;
  /** The containers from the root down to `parent`. */
  ancestors: Container[];
}

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Deeper than this, mutations do not look (the chains they make are deeper still). */
const MAX_WALK_DEPTH = 200;

/** Every value in the tree with where it sits, each container once (earlier mutations may add cycles). */
function slots(root: Container): Slot[] {
  const found: Slot[] = [];
  const seen = new Set<Container>([root]);
  const stack: { node: Container; ancestors: Container[] }[] = [{ node: root, ancestors: [] }];
  while (stack.length) {
    const { node, ancestors } = stack.pop()!;
    const chain = [...ancestors, node];
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries) {
      found.push({ parent: node, key, value, ancestors: chain });
      if (isContainer(value) && !seen.has(value) && chain.length < MAX_WALK_DEPTH) {
        seen.add(value);
        stack.push({ node: value, ancestors: chain });
      }
    }
  }
  return found;
}

function set(slot: Slot, value: unknown): void {
  (slot.parent as Record<string | number, unknown>)[slot.key] = value;
}

const OTHER_VALUES: readonly unknown[] = ['', 'x', '0', 'true', 0, 1, -1, 3.5, true, false, null, undefined, [], {}, [1, 2], { a: 1 }, ['x']];
const HUGE_NUMBERS: readonly number[] = [1e308, -1e308, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e21, -0, 5e-324, Infinity, -Infinity, -1e9];
const TOOL_NAMES: readonly string[] = ['laser', '', 'BOUNDING-BOX', 'bounding_box', 'keypoints', 'brush', 'toString', '__proto__', 'constructor', 'ner ', 'group', 'radio'];
const ID_KEYS = new Set(['schemaId', 'objectId', 'parentOptionId', 'from', 'to']);

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** A chain `depth` deep: nested classifications, arrays or objects. */
function deepChain(random: Random, depth: number, leaf: unknown): unknown {
  const shape = pick(random, ['classifications', 'arrays', 'objects'] as const);
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) {
    if (shape === 'arrays') value = [value];
    else if (shape === 'objects') value = { value };
    else value = { schemaId: `deep-${i}`, tool: 'radio', title: `Deep ${i}`, answer: 'x', options: [{ value: 'x', schemaId: `deep-o-${i}` }], classifications: [value] };
  }
  return value;
}

export type MutationName =
  | 'wrong-type'
  | 'missing-key'
  | 'huge-number'
  | 'nan'
  | 'deep-nesting'
  | 'cycle'
  | 'duplicate-id'
  | 'unknown-tool'
  | 'prototype-key'
  | 'huge-string'
  | 'json-text';

export const MUTATIONS: readonly MutationName[] = [
  'wrong-type',
  'missing-key',
  'huge-number',
  'nan',
  'deep-nesting',
  'cycle',
  'duplicate-id',
  'unknown-tool',
  'prototype-key',
  'huge-string',
  'json-text',
];

/** Applies one named mutation in place to `root` (a deep copy the caller owns); returns the new root. */
function mutateOnce(random: Random, root: Container, name: MutationName): unknown {
  const all = slots(root);
  if (all.length === 0) return name === 'json-text' ? JSON.stringify(root) : root;
  const any = pick(random, all);
  switch (name) {
    case 'wrong-type': {
      const others = OTHER_VALUES.filter((value) => typeOf(value) !== typeOf(any.value));
      set(any, structuredClone(pick(random, others)));
      return root;
    }
    case 'missing-key': {
      if (Array.isArray(any.parent)) any.parent.splice(any.key as number, 1);
      else delete any.parent[any.key as string];
      return root;
    }
    case 'huge-number': {
      const numbers = all.filter((slot) => typeof slot.value === 'number');
      set(numbers.length ? pick(random, numbers) : any, pick(random, HUGE_NUMBERS));
      return root;
    }
    case 'nan': {
      const numbers = all.filter((slot) => typeof slot.value === 'number');
      set(numbers.length ? pick(random, numbers) : any, NaN);
      return root;
    }
    case 'deep-nesting': {
      const depth = pick(random, [64, 1000, 10_000, 100_000]);
      const containers = all.filter((slot) => isContainer(slot.value));
      const target = containers.length ? pick(random, containers) : any;
      set(target, deepChain(random, depth, target.value));
      return root;
    }
    case 'cycle': {
      const containers = all.filter((slot) => isContainer(slot.value));
      const target = containers.length ? pick(random, containers) : any;
      const ancestor = pick(random, [...target.ancestors, target.value as Container]);
      if (Array.isArray(target.value)) target.value.push(ancestor);
      else if (isContainer(target.value)) (target.value as Record<string, unknown>)[pick(random, ['classifications', 'self', 'options', 'children', 'tools'])] = ancestor;
      else set(target, ancestor);
      return root;
    }
    case 'duplicate-id': {
      const ids = all.filter((slot) => typeof slot.key === 'string' && ID_KEYS.has(slot.key) && typeof slot.value === 'string');
      if (ids.length < 2) return root;
      const from = pick(random, ids);
      set(pick(random, ids), from.value);
      return root;
    }
    case 'unknown-tool': {
      const tools = all.filter((slot) => slot.key === 'tool');
      if (tools.length) {
        set(pick(random, tools), pick(random, TOOL_NAMES));
        return root;
      }
      // Import records name the tool by their geometry key: rename one.
      const geometry = all.filter((slot) => !Array.isArray(slot.parent) && ['bounding-box', 'polygon', 'point', 'ner', 'pdf', 'polyline'].includes(String(slot.key)));
      if (!geometry.length) return root;
      const slot = pick(random, geometry);
      delete (slot.parent as Record<string, unknown>)[slot.key as string];
      (slot.parent as Record<string, unknown>)[pick(random, TOOL_NAMES)] = slot.value;
      return root;
    }
    case 'prototype-key': {
      const objects = [root, ...all.map((slot) => slot.value)].filter((value): value is Record<string, unknown> => isContainer(value) && !Array.isArray(value));
      const target = objects.length ? pick(random, objects) : undefined;
      if (!target) return root;
      // As JSON.parse makes them: own properties named __proto__ / constructor.
      const polluting = JSON.parse(pick(random, ['{"__proto__":{"lkPolluted":true}}', '{"constructor":{"prototype":{"lkPolluted":true}}}', '{"__proto__":[]}']));
      Object.assign(target, polluting);
      Object.defineProperty(target, '__proto__', { value: { lkPolluted: true }, enumerable: true, configurable: true, writable: true });
      return root;
    }
    case 'huge-string': {
      const strings = all.filter((slot) => typeof slot.value === 'string');
      set(strings.length ? pick(random, strings) : any, 'x'.repeat(pick(random, [10_000, 1_000_000])) + pick(random, ['', '\u0000', '\ud800', '😀']));
      return root;
    }
    case 'json-text': {
      const text = JSON.stringify(root);
      return random() < 0.5 ? text : text.slice(0, Math.floor(random() * text.length));
    }
  }
}

export interface Mutated {
  value: unknown;
  applied: MutationName[];
}

/** A mutated deep copy of `seed`: one to three mutations; JSON text, when chosen, comes last. */
export function mutate(random: Random, seed: unknown): Mutated {
  let value: unknown = structuredClone(seed);
  const count = 1 + Math.floor(random() * 3);
  const applied: MutationName[] = [];
  for (let i = 0; i < count && isContainer(value); i++) {
    let name = pick(random, MUTATIONS);
    // Cycles and NaN have no JSON text, and JSON.stringify has its own depth limit.
    if (name === 'json-text' && applied.some((done) => done === 'cycle' || done === 'nan' || done === 'prototype-key' || done === 'deep-nesting')) name = 'wrong-type';
    applied.push(name);
    value = mutateOnce(random, value, name);
  }
  return { value, applied };
}
