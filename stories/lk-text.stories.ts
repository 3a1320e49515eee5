import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-text/define.js';

const NOVEL = '/assets/text/pride_and_prejudice.txt';

const ontology = {
  tools: [
    {
      schemaId: 'n-person',
      tool: 'ner',
      title: 'Person',
      color: '#e53935',
      shortcutKey: '1',
      classifications: [
        {
          schemaId: 'n-role',
          tool: 'radio',
          title: 'Role',
          options: [
            { value: 'Protagonist', schemaId: 'o-protagonist' },
            { value: 'Supporting', schemaId: 'o-supporting' },
          ],
        },
      ],
    },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5', shortcutKey: '2' },
    { schemaId: 'n-title', tool: 'ner', title: 'Title', color: '#8e24aa', shortcutKey: '3' },
  ],
  classifications: [
    {
      schemaId: 'c-genre',
      tool: 'single-dropdown',
      title: 'Genre',
      options: [
        { value: 'Novel', schemaId: 'o-novel' },
        { value: 'Letter', schemaId: 'o-letter' },
      ],
    },
  ],
  relations: [
    { schemaId: 'r-knows', tool: 'one-to-one', title: 'Knows', color: '#00897b' },
    { schemaId: 'r-family', tool: 'group', title: 'Family', color: '#fb8c00' },
  ],
};

const SAMPLE = [
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.',
  'Mr. Bennet said that Mrs. Long told her Netherfield Park was let at last.',
  '',
  'Unicode: 😀 emoji, 👩‍👩‍👧 families, café with a combining accent, 東京 and 北京, שלום עולם, مرحبا بالعالم.',
  'Tabs:\tone\ttwo\tthree',
].join('\n');

/** Code point offsets of a substring (what the export uses). */
function span(text: string, needle: string) {
  const at = text.indexOf(needle);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length, selection: needle };
}

const prelabels = [
  {
    externalId: 'sample.txt',
    objects: [
      { schemaId: 'n-person', objectId: 'bennet', ner: span(SAMPLE, 'Mr. Bennet') },
      { schemaId: 'n-title', objectId: 'mr', ner: span(SAMPLE, 'Mr.') },
      { schemaId: 'n-person', objectId: 'long', ner: span(SAMPLE, 'Mrs. Long') },
      { schemaId: 'n-place', objectId: 'netherfield', ner: span(SAMPLE, 'Netherfield Park') },
    ],
    classifications: [],
    relations: [
      { schemaId: 'r-knows', objectId: 'rel-1', from: 'bennet', to: 'long' },
      { schemaId: 'r-family', objectId: 'rel-2', group: ['bennet', 'netherfield'] },
    ],
  },
];

interface Args {
  mode: 'annotate' | 'review' | 'view';
  snapWords: boolean;
  noSidebar: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/lk-text',
  component: 'lk-text',
  args: { mode: 'annotate', snapWords: true, noSidebar: false },
  argTypes: { mode: { control: 'inline-radio', options: ['annotate', 'review', 'view'] } },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

const log = (event: Event) => console.debug(event.type, (event as CustomEvent).detail);

function textElement(args: Args, options: { text?: string; src?: string; annotations?: unknown }) {
  return html`<lk-text
    style="--lk-height: 640px"
    asset-id="sample"
    external-id="sample.txt"
    mode=${args.mode}
    ?snap-words=${args.snapWords}
    ?no-sidebar=${args.noSidebar}
    src=${options.src ?? ''}
    .text=${options.text}
    .ontology=${ontology}
    .annotations=${options.annotations}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
  ></lk-text>`;
}

/** Select a span and press 1, 2 or 3 (or pick a class first: then a drag creates at once). */
export const Annotate: Story = { render: (args) => textElement(args, { text: SAMPLE }) };

/** Nested and overlapping entities with a relation and a group. */
export const PreLabels: Story = { render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };

/** The whole novel (684k characters) from a URL. */
export const Novel: Story = { render: (args) => textElement(args, { src: NOVEL }) };

/** View mode: select only. */
export const View: Story = { args: { mode: 'view' }, render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };
