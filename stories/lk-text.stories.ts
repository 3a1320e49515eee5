import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-text/define.js';

const NOVEL = 'assets/text/pride_and_prejudice.txt';

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

function textElement(args: Args, options: { text?: string; src?: string; annotations?: unknown; ontology?: unknown; height?: string; theme?: 'light' | 'dark' | 'auto' }) {
  return html`<lk-text
    style=${`--lk-height: ${options.height ?? '640px'}`}
    theme=${options.theme ?? 'auto'}
    asset-id="sample"
    external-id="sample.txt"
    mode=${args.mode}
    ?snap-words=${args.snapWords}
    ?no-sidebar=${args.noSidebar}
    src=${options.src ?? ''}
    .text=${options.text}
    .ontology=${options.ontology ?? ontology}
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

/**
 * The whole novel with 10,000 entities (every capitalised word, a nested first letter on every
 * tenth) and 200 relations: it opens, scrolls and takes new entities without long pauses.
 */
export const NovelWithTenThousandEntities: Story = {
  loaders: [
    async () => {
      const text = await (await fetch(NOVEL)).text();
      const objects: unknown[] = [];
      const relations: unknown[] = [];
      const people: string[] = [];
      // The file is ASCII: UTF-16 offsets are code points.
      for (const match of text.matchAll(/[A-Z][a-z]+/g)) {
        if (objects.length >= 10_000) break;
        const start = match.index;
        const objectId = `w${people.length}`;
        people.push(objectId);
        objects.push({ schemaId: 'n-person', objectId, ner: { start, end: start + match[0].length, selection: match[0] } });
        if (people.length % 10 === 0) objects.push({ schemaId: 'n-title', objectId: `${objectId}-initial`, ner: { start, end: start + 1, selection: match[0][0] } });
        if (people.length % 45 === 0 && relations.length < 200) relations.push({ schemaId: 'r-knows', objectId: `r${relations.length}`, from: objectId, to: people[people.length - 4] });
      }
      return { annotations: [{ externalId: 'sample.txt', objects, classifications: [], relations }] };
    },
  ],
  render: (args, { loaded }) => textElement(args, { src: NOVEL, annotations: loaded['annotations'] }),
};

/** Many relations over one paragraph: arcs lift until their labels are free, so each stays readable. */
export const OverlappingRelations: Story = {
  render: (args) => {
    const names = ['Mr. Bennet', 'Mrs. Long', 'Netherfield Park', 'truth', 'fortune', 'wife'];
    const objects = names.map((needle, i) => ({ schemaId: i === 2 ? 'n-place' : 'n-person', objectId: `e${i}`, ner: span(SAMPLE, needle) }));
    const relations: unknown[] = [];
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) relations.push({ schemaId: 'r-knows', objectId: `r${i}-${j}`, from: `e${i}`, to: `e${j}` });
    relations.push({ schemaId: 'r-family', objectId: 'g1', group: ['e0', 'e1', 'e5'] });
    return textElement(args, { text: SAMPLE, annotations: [{ externalId: 'sample.txt', objects, classifications: [], relations }] });
  },
};

/** Per-entity answers (Role on a Person) and a document answer (Genre), filled in from the pre-labels. */
export const Classifications: Story = {
  render: (args) =>
    textElement(args, {
      text: SAMPLE,
      annotations: [
        {
          externalId: 'sample.txt',
          objects: [{ schemaId: 'n-person', objectId: 'bennet', ner: span(SAMPLE, 'Mr. Bennet'), classifications: [{ schemaId: 'n-role', answer: 'Supporting' }] }],
          classifications: [{ schemaId: 'c-genre', answer: 'Novel' }],
          relations: [],
        },
      ],
    }),
};

/** Locked pre-labels: they can be selected and inspected, not moved, re-classed or deleted. */
export const LockedPreLabels: Story = {
  render: (args) =>
    textElement(args, { text: SAMPLE, annotations: prelabels.map((record) => ({ ...record, objects: record.objects.map((object) => ({ ...object, lock: true })) })) }),
};

/** Review mode: accept or reject the task or single entities; edits are still allowed. */
export const Review: Story = { args: { mode: 'review' }, render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };

/** Text that looks like HTML and an ontology whose titles and option values contain markup: all shown as text. */
export const MarkupStaysText: Story = {
  render: (args) =>
    textElement(args, {
      text: ['<script>alert("not run")</script>', '<img src=x onerror="alert(\'not run\')">', '<b>bold?</b> &amp; <a href="javascript:alert(1)">a link?</a>'].join('\n'),
      ontology: {
        ...ontology,
        tools: [{ schemaId: 'n-tag', tool: 'ner', title: '<img src=x onerror="alert(1)">Tag', color: '#43a047', shortcutKey: '1' }],
        classifications: [{ schemaId: 'c-x', tool: 'radio', title: 'Pick <b>one</b>', options: [{ value: '<script>alert(2)</script>', schemaId: 'o-x' }] }],
      },
    }),
};

/** Two documents on one page: each has its own highlight names, selection and undo. */
export const TwoDocuments: Story = {
  render: (args) => html`${textElement(args, { text: SAMPLE, annotations: prelabels, height: '320px' })}${textElement(args, { text: SAMPLE, height: '320px' })}`,
};

/** A 404: lk-error asset-not-found on the stage; the element stays usable. */
export const MissingFile: Story = { render: (args) => textElement(args, { src: 'assets/text/missing.txt' }) };

/**
 * Pre-labels that do not fit the text (an offset past the end, a selection that is not the covered
 * text): lk-error import-invalid, the entities are kept and submit is blocked until they are fixed.
 */
export const PreLabelsThatDoNotFit: Story = {
  render: (args) =>
    textElement(args, {
      text: SAMPLE,
      annotations: [
        {
          externalId: 'sample.txt',
          objects: [
            { schemaId: 'n-person', objectId: 'wrong-text', ner: { ...span(SAMPLE, 'Mr. Bennet'), selection: 'Mr. Darcy' } },
            { schemaId: 'n-place', objectId: 'past-the-end', ner: { start: 5000, end: 5010, selection: 'xxxxxxxxxx' } },
          ],
          classifications: [],
          relations: [],
        },
      ],
    }),
};

/** View mode: select only. */
export const View: Story = { args: { mode: 'view' }, render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };

/**
 * Issue 18 on text: the object list names entities "Person 2" with the text they cover; Tab /
 * Shift+Tab walk them, [ ] move the selected entity's start and Shift+Alt+← → its end (never
 * Ctrl+Alt+arrows, GNOME's workspace keys); Ctrl+Enter submits or lists what blocks it.
 */
export const NamedEntitiesAndSafeKeys: Story = { render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };

/**
 * The side panel's Display group on text: each entity shows its class name at its start; L (or the
 * Labels box) hides and shows them, H hides every entity, the class list hides one class, fill
 * opacity and outlines only change the entities' background (the underline stays). Only what is
 * shown changes: the export keeps every entity.
 */
export const DisplaySettings: Story = { render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels }) };

/** The dark theme (`theme="dark"`; `auto`, the default, follows the page's `prefers-color-scheme`): a dark page, light letters. */
export const DarkTheme: Story = { render: (args) => textElement(args, { text: SAMPLE, annotations: prelabels, theme: 'dark' }) };
