/**
 * What a 2D element loads (one dynamic `import()`) once its ontology has a `keypoints` class: the
 * keypoint schema of the ontology (names, skeleton, colours, template), the `keypoints` codec with
 * every other kind, the drawing tool and the painter. Element pages without keypoints classes
 * never download any of it (docs/architecture.md, "Keypoints").
 */
export { parseOntology } from '../../format/keypoint-schema.js';
export { libraryCodecs as keypointCodecs } from '../../format/library-codecs.js';
export { createKeypointsTool } from '../../tools/keypoints/keypoints-tool.js';
export { paintKeypoints } from '../../canvas/keypoints-painter.js';
