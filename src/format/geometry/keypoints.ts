/**
 * `keypoints` (labelkit): `{ points: [{ name, x, y, visibility }], box? }`, one instance of a
 * keypoints class, one-to-one with a COCO keypoints annotation and a YOLO pose line.
 */
import type { Box, Keypoint } from '../../core/model.js';
import { normalizeBox } from '../../core/geometry.js';
import { child, field, isFiniteNumber, isRecord, items } from '../import-reader.js';
import type { GeometryCodec } from './codec.js';
import { bad, numbers } from './read.js';

const VISIBILITY = new Set([0, 1, 2]);

export const keypointsCodec: GeometryCodec<'keypoints'> = {
  key: 'keypoints',
  parse(walk, value, at) {
    const path = child(at, 'keypoints');
    const list = isRecord(value) ? items(field(value, 'points')) : undefined;
    if (!list) return bad(walk, path, 'Keypoints are { points: [{ name, x, y, visibility }], box? }.');
    const points: Keypoint[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const where = child(child(path, 'points'), i);
      if (!isRecord(item)) return bad(walk, where, 'A keypoint is { name, x, y, visibility }.');
      const name = field(item, 'name');
      if (typeof name !== 'string') return bad(walk, child(where, 'name'), '"name" must be a string.');
      const x = field(item, 'x');
      const y = field(item, 'y');
      if (!isFiniteNumber(x) || !isFiniteNumber(y)) return bad(walk, where, '"x" and "y" must be finite numbers.');
      const visibility = field(item, 'visibility') ?? 2;
      if (!VISIBILITY.has(visibility as number)) return bad(walk, child(where, 'visibility'), '"visibility" is 2 (visible), 1 (labelled, hidden) or 0 (not labelled).');
      points.push({ name, x, y, visibility: visibility as Keypoint['visibility'] });
    }
    const rawBox = field(value as Record<string, unknown>, 'box');
    let box: Box | undefined;
    if (rawBox !== undefined && rawBox !== null) {
      const n = numbers(walk, rawBox, child(path, 'box'), ['x', 'y', 'width', 'height']);
      if (!n) return undefined;
      box = normalizeBox(n);
    }
    return { type: 'keypoints', value: box ? { points, box } : { points } };
  },
  export: ({ points, box }) => ({ points: points.map(({ name, x, y, visibility }) => ({ name, x, y, visibility })), ...(box ? { box: { ...box } } : {}) }),
};
