// The example's project: one ontology per kind of media and one task per bundled sample asset
// (test/fixtures/, see its CREDITS.md). A real host loads these from its own admin screens.
const quality = {
  schemaId: 'c-quality',
  tool: 'radio',
  title: 'Asset quality',
  options: [
    { value: 'Good', schemaId: 'o-good' },
    { value: 'Poor', schemaId: 'o-poor' },
  ],
};

const box = (schemaId, title, color, shortcutKey) => ({ schemaId, tool: 'bounding-box', title, color, shortcutKey });

export const ONTOLOGIES = [
  {
    id: 'bottles',
    title: 'Bottles',
    body: {
      tools: [
        { ...box('t-bottle', 'Bottle', '#e53935', '1'), classifications: [{ schemaId: 'c-full', tool: 'radio', title: 'Fill', options: [{ value: 'Full', schemaId: 'o-full' }, { value: 'Empty', schemaId: 'o-empty' }] }] },
        { schemaId: 't-label', tool: 'polygon', title: 'Label', color: '#1e88e5', shortcutKey: '2' },
      ],
      classifications: [quality],
      relations: [],
    },
  },
  {
    id: 'documents',
    title: 'Documents',
    body: {
      tools: [
        { schemaId: 't-passage', tool: 'pdf', title: 'Passage', color: '#8e24aa', shortcutKey: '1' },
        box('t-figure', 'Figure', '#00897b', '2'),
      ],
      classifications: [quality],
      relations: [],
    },
  },
  {
    id: 'scans',
    title: 'Scans',
    body: {
      tools: [box('t-finding', 'Finding', '#fdd835', '1'), { schemaId: 't-outline', tool: 'polygon', title: 'Outline', color: '#43a047', shortcutKey: '2' }],
      classifications: [quality],
      relations: [],
    },
  },
  {
    id: 'entities',
    title: 'Named entities',
    body: {
      tools: [
        { schemaId: 't-person', tool: 'ner', title: 'Person', color: '#e53935', shortcutKey: '1' },
        { schemaId: 't-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
      ],
      classifications: [quality],
      relations: [{ schemaId: 'r-knows', tool: 'one-to-one', title: 'Knows', color: '#6d4c41' }],
    },
  },
];

/** `mediaPath` is relative to the media folder (test/fixtures/). */
export const TASKS = [
  { id: 'image-bottles', kind: 'image', title: 'Bottles on a belt (photo)', mediaPath: 'image/bottles-frame.jpg', ontologyId: 'bottles' },
  { id: 'video-bottles', kind: 'video', title: 'Bottles on a belt (video)', mediaPath: 'video/bottle-detection.mp4', ontologyId: 'bottles' },
  { id: 'pdf-paper', kind: 'pdf', title: 'A four-page paper', mediaPath: 'pdf/pdflatex-4-pages.pdf', ontologyId: 'documents' },
  { id: 'dicom-ct', kind: 'dicom', title: 'CT slice', mediaPath: 'dicom/CT_small.dcm', ontologyId: 'scans' },
  { id: 'text-novel', kind: 'text', title: 'Pride and Prejudice', mediaPath: 'text/pride_and_prejudice.txt', ontologyId: 'entities' },
];
