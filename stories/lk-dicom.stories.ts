import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-dicom/define.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';

const DICOM = '/assets/dicom';

interface Args {
  mode: 'annotate' | 'review' | 'view';
  renderer: 'auto' | 'webgl' | 'canvas';
  noSidebar: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/lk-dicom',
  component: 'lk-dicom',
  args: { mode: 'annotate', renderer: 'auto', noSidebar: false },
  argTypes: {
    mode: { control: 'inline-radio', options: ['annotate', 'review', 'view'] },
    renderer: { control: 'inline-radio', options: ['auto', 'webgl', 'canvas'] },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

// Event details never carry DICOM tags; logging them is safe.
const log = (event: Event) => console.debug(event.type, (event as CustomEvent).detail);

function dicom(args: Args, options: { src?: string; srcs?: string[]; annotations?: unknown } = {}) {
  return html`<lk-dicom
    style="--lk-height: 640px"
    src=${options.srcs ? '' : (options.src ?? `${DICOM}/CT_small.dcm`)}
    .srcs=${options.srcs}
    asset-id="dicom-story"
    mode=${args.mode}
    renderer=${args.renderer}
    ?no-sidebar=${args.noSidebar}
    .ontology=${ontology}
    .annotations=${options.annotations}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
  ></lk-dicom>`;
}

/** CT, 16-bit signed with rescale: right-drag for window/level, presets in the bar; 4 draws a measured polyline. */
export const CT: Story = { render: (args) => dicom(args) };

/** MR with the file's window 600/1600. */
export const MR: Story = { render: (args) => dicom(args, { src: `${DICOM}/MR_small.dcm` }) };

/** The same MR slice, RLE Lossless: it looks exactly like the MR story. */
export const MRRle: Story = { render: (args) => dicom(args, { src: `${DICOM}/MR_small_RLE.dcm` }) };

/** RT Dose, 15 frames: PageUp/PageDown, ↑/↓, Alt+wheel or the slider change the slice. */
export const MultiFrame: Story = {
  render: (args) =>
    dicom(args, {
      src: `${DICOM}/rtdose.dcm`,
      annotations: { objects: [{ objectId: 'dose-line', schemaId: 't-lane', page: 3, polyline: [[1, 1], [8, 6]] }] },
    }),
};

/** RGB, RLE Lossless, 2 frames (the second is the inverse of the first). */
export const ColourRle: Story = { render: (args) => dicom(args, { src: `${DICOM}/SC_rgb_rle_2frame.dcm` }) };

/** A series given as a list of URLs (here the two MR files): slices ordered by InstanceNumber, then position. */
export const Series: Story = { render: (args) => dicom(args, { srcs: [`${DICOM}/MR_small.dcm`, `${DICOM}/MR_small_RLE.dcm`] }) };

/** Review mode over a measured slice. */
export const Review: Story = {
  args: { mode: 'review' },
  render: (args) =>
    dicom(args, { annotations: { objects: [{ objectId: 'm', schemaId: 't-lane', page: 0, polyline: [[20, 20], [100, 90]] }] } }),
};

/** Not a DICOM file: lk-error, the element stays usable. */
export const NotDicom: Story = { render: (args) => dicom(args, { src: '/assets/image/bottles-frame.jpg' }) };
