/**
 * `parseOntology` of `labelkit/format.js`: the core parse plus the keypoint schema of `keypoints`
 * tools (labelkit, as COCO): `keypoints` (point names) and `skeleton` (edges). Kept out of core so
 * the elements carry none of it until an ontology has a keypoints class (they load it then, with
 * the keypoints tool: elements/base/keypoints-kit.ts).
 *
 * Decision: `keypoints` are unique non-empty names; `skeleton` pairs are integers from 0 to the
 * number of names (COCO numbers from 1, some writers, datumaro among them, from 0), kept as given.
 * `keypointColors` (labelkit) is one `#rrggbb` (or `#rgb`) per name, normalised like `color`;
 * `keypointTemplate` (labelkit) one `[x, y]` per name, each from 0 to 1 of a dragged box. All four
 * belong to `keypoints` tools only.
 */
import { parseOntology as parseCore, type Ontology } from '../core/ontology.js';
import type { Problem, Result } from '../core/problem.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and validates an ontology (object or JSON string), keypoint schemas included; never throws. */
export function parseOntology(input: unknown): Result<Ontology> {
  const parsed = parseCore(input);
  if (!parsed.ok) return parsed;
  let raw: unknown = input;
  try {
    if (typeof raw === 'string') raw = JSON.parse(raw) as unknown;
    const rawTools = isRecord(raw) && Array.isArray(raw['tools']) ? raw['tools'] : [];
    const problems: Problem[] = [];
    // A valid ontology parses every tool entry, in order: raw and parsed tools line up by index.
    const tools = parsed.value.tools.map((tool, i) => {
      const item: unknown = rawTools[i];
      if (!isRecord(item)) return tool;
      const at = `$.tools[${i}]`;
      const names = item['keypoints'];
      const edges = item['skeleton'];
      const colors = item['keypointColors'];
      const template = item['keypointTemplate'];
      if (names === undefined && edges === undefined && colors === undefined && template === undefined) return tool;
      if (tool.tool !== 'keypoints') {
        problems.push({ code: 'wrong-type', path: `${at}.keypoints`, message: '"keypoints", "skeleton", "keypointColors" and "keypointTemplate" belong to keypoints tools.' });
        return tool;
      }
      const keypoints: string[] = [];
      if (names !== undefined && !Array.isArray(names)) problems.push({ code: 'wrong-type', path: `${at}.keypoints`, message: '"keypoints" must be a list of names.' });
      (Array.isArray(names) ? names : []).forEach((name: unknown, k) => {
        if (typeof name !== 'string' || name === '' || keypoints.includes(name)) problems.push({ code: 'bad-keypoint', path: `${at}.keypoints[${k}]`, message: `A keypoint name is a non-empty string used once; got ${JSON.stringify(name)}.` });
        keypoints.push(String(name));
      });
      const skeleton: [number, number][] = [];
      if (edges !== undefined && !Array.isArray(edges)) problems.push({ code: 'wrong-type', path: `${at}.skeleton`, message: '"skeleton" must be a list of [i, j] pairs.' });
      (Array.isArray(edges) ? edges : []).forEach((pair: unknown, k) => {
        if (Array.isArray(pair) && pair.length === 2 && pair.every((n) => Number.isInteger(n) && n >= 0 && n <= keypoints.length)) skeleton.push([pair[0] as number, pair[1] as number]);
        else problems.push({ code: 'bad-keypoint', path: `${at}.skeleton[${k}]`, message: `A skeleton edge is [i, j], indexes of "keypoints"; got ${JSON.stringify(pair)}.` });
      });
      const keypointColors = colorList(colors, keypoints.length, `${at}.keypointColors`, problems);
      const keypointTemplate = templateList(template, keypoints.length, `${at}.keypointTemplate`, problems);
      return { ...tool, keypoints, skeleton, ...(keypointColors ? { keypointColors } : {}), ...(keypointTemplate ? { keypointTemplate } : {}) };
    });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { ...parsed.value, tools } };
  } catch {
    return { ok: false, problems: [{ code: 'unreadable', path: '$', message: 'The ontology could not be read.' }] };
  }
}

const COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `keypointColors`: one colour per name, lower-case `#rrggbb`; undefined when absent or after reporting. */
function colorList(value: unknown, count: number, at: string, problems: Problem[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== count) {
    problems.push({ code: 'bad-keypoint', path: at, message: `"keypointColors" lists one "#rrggbb" colour per keypoint name (${count}).` });
    return undefined;
  }
  const colors: string[] = [];
  value.forEach((item: unknown, k) => {
    const hex = typeof item === 'string' ? COLOR.exec(item)?.[1]?.toLowerCase() : undefined;
    if (hex === undefined) problems.push({ code: 'bad-color', path: `${at}[${k}]`, message: `A keypoint colour is "#rrggbb" (or "#rgb"); got ${JSON.stringify(item) ?? String(item)}.` });
    else colors.push(`#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`);
  });
  return colors.length === count ? colors : undefined;
}

/** `keypointTemplate`: one `[x, y]` from 0 to 1 per name; undefined when absent or after reporting. */
function templateList(value: unknown, count: number, at: string, problems: Problem[]): [number, number][] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== count) {
    problems.push({ code: 'bad-keypoint', path: at, message: `"keypointTemplate" lists one [x, y] per keypoint name (${count}).` });
    return undefined;
  }
  const spots: [number, number][] = [];
  value.forEach((pair: unknown, k) => {
    const fraction = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;
    if (Array.isArray(pair) && pair.length === 2 && pair.every(fraction)) spots.push([pair[0] as number, pair[1] as number]);
    else problems.push({ code: 'bad-keypoint', path: `${at}[${k}]`, message: `A template spot is [x, y], each from 0 to 1 of the box; got ${JSON.stringify(pair) ?? String(pair)}.` });
  });
  return spots.length === count ? spots : undefined;
}
