import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-video/define.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';
import { personIn, personOntology } from './keypoints-ontology.js';
import videoExport from '../test/fixtures/format/export.video.json';

const BOTTLES = 'assets/video/bottle-detection.mp4';
const FRAME_NUMBERS = 'assets/video/frame-numbers.webm';

interface Args {
  mode: 'annotate' | 'review' | 'view';
  renderer: 'auto' | 'webgl' | 'canvas';
  noSidebar: boolean;
  frameRate: string;
  preload: 'auto' | 'metadata';
}

const meta: Meta<Args> = {
  title: 'Elements/lk-video',
  component: 'lk-video',
  args: { mode: 'annotate', renderer: 'auto', noSidebar: false, frameRate: '', preload: 'auto' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['annotate', 'review', 'view'] },
    renderer: { control: 'inline-radio', options: ['auto', 'webgl', 'canvas'] },
    preload: { control: 'inline-radio', options: ['auto', 'metadata'] },
    frameRate: { control: 'text', description: 'Overrides the file (e.g. 30000/1001); empty = from the file' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

const log = (event: Event) => console.debug(event.type, (event as CustomEvent).detail);

function video(args: Args, options: { annotations?: unknown; src?: string; ontology?: unknown; theme?: 'light' | 'dark' | 'auto' } = {}) {
  return html`<lk-video
    style="--lk-height: 720px"
    theme=${options.theme ?? 'auto'}
    src=${options.src ?? BOTTLES}
    asset-id="bottles"
    external-id="bottle-detection.mp4"
    mode=${args.mode}
    renderer=${args.renderer}
    preload=${args.preload}
    frame-rate=${args.frameRate}
    ?no-sidebar=${args.noSidebar}
    .ontology=${options.ontology ?? ontology}
    .annotations=${options.annotations}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
  ></lk-video>`;
}

/** Real camera footage at 179/6 fps (not 30): draw on a frame, move to another and edit to keyframe. */
export const Annotate: Story = { render: (args) => video(args) };

/** The video export example: a car keyframed on frames 10 and 12 and stopped on 13. */
export const Track: Story = { render: (args) => video(args, { annotations: videoExport }) };

/** The generated test video: the frame number is burned in, so stepping can be checked by eye. */
export const FrameNumbers: Story = { render: (args) => video(args, { src: FRAME_NUMBERS }) };

/** View mode: play, step and scrub; nothing can change. */
export const View: Story = { args: { mode: 'view' }, render: (args) => video(args, { annotations: videoExport }) };

/** A codec the browser cannot decode (MPEG-4 Part 2): asset-unsupported, the element stays usable. */
export const UnsupportedCodec: Story = { render: (args) => video(args, { src: 'assets/video/unsupported-mpeg4.mp4' }) };

/** A missing file: asset-not-found. */
export const MissingVideo: Story = { render: (args) => video(args, { src: 'assets/video/missing.mp4' }) };

/** Copy forward: select a track and press Ctrl+Shift+→ (next frame), the player bar's copy button
 * (next N frames, N in its field) or Ctrl+Shift+End (every frame to the end): keyframes to correct.
 * Ctrl+C / Ctrl+V carries shapes to another frame. The transport's icons are inline SVG. */
export const CopyForward: Story = { render: (args) => video(args, { annotations: videoExport }) };

/** The dark theme (`theme="dark"`; `auto`, the default, follows the page's `prefers-color-scheme`): player bar and timeline included. */
export const DarkTheme: Story = { render: (args) => video(args, { annotations: videoExport, theme: 'dark' }) };

/**
 * A keypoints track: the person has keyframes on frames 0 and 60 and walks between them (every
 * joint interpolated on its own; the right ankle is absent throughout). Drag a joint on another
 * frame to add a keyframe there; press 1 to draw another person.
 */
export const KeypointsTrack: Story = {
  render: (args) => {
    const start = { ...personIn('walker', { x: 40, y: 40, width: 120, height: 240 }), page: 0, keyframe: true };
    const end = { ...personIn('walker', { x: 380, y: 60, width: 120, height: 240 }), page: 60, keyframe: true };
    return video(args, { ontology: personOntology, annotations: { objects: [start, end] } });
  },
};
