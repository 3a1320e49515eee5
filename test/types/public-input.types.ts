// Type-level checks of what a host writes (checked by `tsc -p tsconfig.json`, the test type-check
// step; nothing here runs). Each `@ts-expect-error` must stay an error, or tsc fails.
import type { AnnotationsInput, ExportRecord, LkImage, Ontology, OntologyInput, ToolName } from '../../src/index.js';

declare const element: LkImage;

const ontology: OntologyInput = {
  tools: [{ schemaId: 't-car', tool: 'bounding-box', title: 'Car', classifications: [{ schemaId: 'c-colour', tool: 'radio', title: 'Colour', options: [{ value: 'Red', schemaId: 'o-red' }] }] }],
  classifications: [{ schemaId: 'c-weather', tool: 'tree-dropdown', title: 'Weather', treeOptions: [{ title: 'Rain', schemaId: 'o-rain' }] }],
  relations: [{ schemaId: 'r-follows', tool: 'one-to-one', title: 'Follows' }],
};
element.ontology = ontology;
element.ontology = JSON.stringify(ontology);
const alias: Ontology = ontology;
void alias;

// @ts-expect-error 'laser' is not a tool type
element.ontology = { tools: [{ schemaId: 'x', tool: 'laser', title: 'X' }] };
// @ts-expect-error a classification type is not a tool type
element.ontology = { tools: [{ schemaId: 'x', tool: 'radio', title: 'X' }] };
// @ts-expect-error every category has a title
element.ontology = { relations: [{ schemaId: 'r', tool: 'group' }] };

const tool: ToolName = 'rotated-bounding-box';
void tool;

element.annotations = { objects: [{ schemaId: 't-car', 'bounding-box': { x: 1, y: 2, width: 3, height: 4 }, metadata: { createdAt: 1_700_000_000_000 } }] };
element.annotations = [{ externalId: 'img.jpg', task: { tools: [{ title: 'Car', polygon: [[0, 0], [1, 0], [1, 1]] }] } }];
const saved: ExportRecord = element.export();
element.annotations = saved;
element.import(saved);
const fromText: AnnotationsInput = JSON.stringify(saved);
element.annotations = fromText;

// Keypoints: the COCO schema plus labelkit's colours and template; points by name with COCO's visibility.
element.ontology = {
  tools: [{ schemaId: 'person', tool: 'keypoints', title: 'Person', keypoints: ['head', 'tail'], skeleton: [[1, 2]], keypointColors: ['#ff0000', '#00f'], keypointTemplate: [[0.5, 0], [0.5, 1]] }],
};
element.annotations = { objects: [{ schemaId: 'person', keypoints: { points: [{ name: 'head', x: 1, y: 2, visibility: 2 }, { name: 'tail', x: 0, y: 0 }], box: { x: 0, y: 0, width: 4, height: 4 } } }] };
// @ts-expect-error visibility is COCO's 0, 1 or 2
element.annotations = { objects: [{ schemaId: 'person', keypoints: { points: [{ name: 'head', x: 1, y: 2, visibility: 3 }] } }] };

// @ts-expect-error a point is [x, y]
element.annotations = { objects: [{ schemaId: 't-car', point: { x: 1, y: 2 } }] };
// @ts-expect-error answers are option values (strings), not numbers
element.annotations = { classifications: [{ schemaId: 'c-weather', answer: 3 }] };

// The export record's classification `tool` is the union of classification types.
const answerTool: 'radio' | 'checkbox' | 'single-dropdown' | 'multi-dropdown' | 'tree-dropdown' | 'text' | 'rank' | undefined = saved.task.classifications[0]?.tool;
void answerTool;
