import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-image/define.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';
import prelabels from '../test/fixtures/format/import.ango-image.json';

const IMAGE = '/assets/image/bottles-frame.jpg';

interface Args {
  mode: 'annotate' | 'review' | 'view';
  renderer: 'auto' | 'webgl' | 'canvas';
  noSidebar: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/lk-image',
  component: 'lk-image',
  args: { mode: 'annotate', renderer: 'auto', noSidebar: false },
  argTypes: {
    mode: { control: 'inline-radio', options: ['annotate', 'review', 'view'] },
    renderer: { control: 'inline-radio', options: ['auto', 'webgl', 'canvas'] },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

const log = (event: Event) => console.debug(event.type, (event as CustomEvent).detail);

function image(args: Args, options: { annotations?: unknown; src?: string; ontology?: unknown } = {}) {
  return html`<lk-image
    style="--lk-height: 640px"
    src=${options.src ?? IMAGE}
    asset-id="bottles"
    external-id="bottles-frame.jpg"
    mode=${args.mode}
    renderer=${args.renderer}
    ?no-sidebar=${args.noSidebar}
    .ontology=${options.ontology ?? ontology}
    .annotations=${options.annotations}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
    @lk-review=${log}
  ></lk-image>`;
}

/** Every tool of the all-types ontology on a real photograph; press ? for shortcuts. */
export const Annotate: Story = { render: (args) => image(args) };

/** The Ango import example: one object of every 2D tool, answers and relations. */
export const PreLabels: Story = { render: (args) => image(args, { annotations: prelabels }) };

/** Review mode: accept or reject the task or single objects. */
export const Review: Story = { args: { mode: 'review' }, render: (args) => image(args, { annotations: prelabels }) };

/** View mode: pan, zoom and select only. */
export const View: Story = { args: { mode: 'view' }, render: (args) => image(args, { annotations: prelabels }) };

/** 2,000 pre-labelled boxes: pan and zoom stay smooth (the settled shapes are one bitmap). */
export const LargePreLabelSet: Story = {
  render: (args) =>
    image(args, {
      annotations: {
        objects: Array.from({ length: 2000 }, (_, i) => ({
          objectId: `b${i}`,
          schemaId: 't-car',
          'bounding-box': { x: (i % 50) * 12.5, y: Math.floor(i / 50) * 9, width: 10, height: 7 },
        })),
      },
    }),
};

/** A 404: the element shows the error, fires lk-error and stays usable. */
export const MissingImage: Story = { render: (args) => image(args, { src: '/assets/image/missing.jpg' }) };

/** A file that is not an image: asset-unsupported. */
export const NotAnImage: Story = { render: (args) => image(args, { src: '/assets/text/pride_and_prejudice.txt' }) };

/** An ontology with no tools: classification only. */
export const ClassificationOnly: Story = {
  render: (args) => image(args, { ontology: { ...ontology, tools: [] } }),
};

/** An invalid ontology: lk-error ontology-invalid; nothing to draw with. */
export const InvalidOntology: Story = {
  render: (args) => image(args, { ontology: { tools: [{ schemaId: 'x', tool: 'laser', title: 'X', color: 'red' }] } }),
};
