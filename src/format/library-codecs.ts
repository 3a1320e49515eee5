/**
 * What `labelkit/format.js` reads and writes: every element kind plus `keypoints`, which
 * converted COCO keypoints and YOLO pose records carry. Built on `all-codecs.ts` (not beside it)
 * so the element bundles keep their chunks as they were and carry no keypoints code.
 */
import { allFormatCodecs } from './all-codecs.js';
import { formatCodecs, type AnyGeometryCodec } from './geometry/codec.js';
import { keypointsCodec } from './geometry/keypoints.js';

export const libraryCodecs = formatCodecs([...(Object.values(allFormatCodecs.geometry) as AnyGeometryCodec[]), keypointsCodec], allFormatCodecs.tracks);
