import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-image/define.js';
import '../src/elements/panels/define.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';
import prelabels from '../test/fixtures/format/import.ango-image.json';
import { personIn, personOntology } from './keypoints-ontology.js';

const IMAGE = 'assets/image/bottles-frame.jpg';

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

function image(args: Args, options: { annotations?: unknown; src?: string; ontology?: unknown; theme?: 'light' | 'dark' | 'auto' } = {}) {
  return html`<lk-image
    style="--lk-height: 640px"
    theme=${options.theme ?? 'auto'}
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

/** `count` small boxes in a grid over the 640 × 360 photo. */
function manyBoxes(count: number) {
  const columns = Math.ceil(Math.sqrt((count * 640) / 360));
  const rows = Math.ceil(count / columns);
  const cellWidth = 640 / columns;
  const cellHeight = 360 / rows;
  return Array.from({ length: count }, (_, i) => ({
    objectId: `b${i}`,
    schemaId: 't-car',
    'bounding-box': {
      x: (i % columns) * cellWidth,
      y: Math.floor(i / columns) * cellHeight,
      width: cellWidth * 0.8,
      height: cellHeight * 0.8,
    },
  }));
}

type ToolType = (typeof ontology.tools)[number]['tool'];
type PreLabel = (typeof prelabels)[number]['objects'][number];

/** The ontology with only the classes of one tool type, and the pre-labels drawn with it. */
function onlyTool(args: Args, tool: ToolType) {
  const tools = ontology.tools.filter((category) => category.tool === tool);
  // A pre-label names its class by schemaId or, as the Ango example's rotated box does, by title.
  const names = new Set(tools.flatMap((category) => [category.schemaId, category.title]));
  const objects = prelabels[0]!.objects.filter((object: PreLabel) => names.has(('schemaId' in object ? object.schemaId : object.title) as string));
  return image(args, {
    ontology: { ...ontology, tools, relations: [] },
    annotations: objects.length ? { objects } : undefined,
  });
}

/** Every tool of the all-types ontology on a real photograph; press ? for shortcuts. */
export const Annotate: Story = { render: (args) => image(args) };

/** The Ango import example: one object of every 2D tool, answers and relations. */
export const PreLabels: Story = { render: (args) => image(args, { annotations: prelabels }) };

/** Review mode: accept or reject the task or single objects. */
export const Review: Story = { args: { mode: 'review' }, render: (args) => image(args, { annotations: prelabels }) };

/** Bounding box: press 1 (or pick Car), drag. Handles resize; a finger grabs them from further away. */
export const BoundingBox: Story = { render: (args) => onlyTool(args, 'bounding-box') };

/** Rotated box: drag, then turn it by the round handle above it (Shift snaps to 15°). */
export const RotatedBoundingBox: Story = { render: (args) => onlyTool(args, 'rotated-bounding-box') };

/** Polygon: click vertices, close on the first point, Enter/N or double click; right-click removes the last
 * point. Selected: drag an edge's midpoint to insert a vertex, press a vertex and Delete to remove it. */
export const Polygon: Story = { render: (args) => onlyTool(args, 'polygon') };

/** Polyline: click points, finish with Enter/N or double click. */
export const Polyline: Story = { render: (args) => onlyTool(args, 'polyline') };

/** Point: one click. */
export const Point: Story = { render: (args) => onlyTool(args, 'point') };

/** Segmentation: regions with holes (selected region: Shift draws another zone, Alt a hole). */
export const Segmentation: Story = { render: (args) => onlyTool(args, 'segmentation') };

/** Spline: click control points, Enter/N finishes; the curve passes through them. */
export const Spline: Story = { render: (args) => onlyTool(args, 'spline') };

/** Brush and eraser: paint with mouse, finger or pen (pen pressure thins the stroke); [ ] or Shift+wheel size
 * the brush; the eraser button clears. Exported as one PNG (`brushDataUrl`). */
export const BrushAndEraser: Story = { render: (args) => onlyTool(args, 'brush') };

/** View mode: pan, zoom and select only. */
export const View: Story = { args: { mode: 'view' }, render: (args) => image(args, { annotations: prelabels }) };

/** 2,000 pre-labelled boxes: pan and zoom stay smooth (the settled shapes are one bitmap). */
export const LargePreLabelSet: Story = { render: (args) => image(args, { annotations: { objects: manyBoxes(2000) } }) };

/** 10,000 pre-labelled boxes: still one bitmap while panning; hit tests through the R-tree. */
export const TenThousandBoxes: Story = { render: (args) => image(args, { annotations: { objects: manyBoxes(10000) } }) };

/** Locked pre-labels: they can be selected and inspected but not moved, reshaped or deleted. */
export const LockedPreLabels: Story = {
  render: (args) =>
    image(args, {
      annotations: prelabels.map((record) => ({ ...record, objects: record.objects.map((object) => ({ ...object, lock: true })) })),
    }),
};

/** Relations: "Follows" (one-to-one, directional: switch its direction in the panel) and the group
 * "Same vehicle", drawn as links; select two objects to create another. */
export const Relations: Story = {
  render: (args) =>
    image(args, {
      annotations: prelabels.map(({ objects, relations }) => ({ objects, relations })),
    }),
};

/** The classification form: every type (radio, checkbox, single and multi dropdown, searchable tree
 * dropdown, text with a regex, rank), a conditional question three levels deep, required marks; and a
 * per-object form on Car (Truck asks for its axles). */
export const ClassificationForm: Story = {
  render: (args) =>
    image(args, {
      ontology: {
        ...ontology,
        classifications: [
          ...ontology.classifications,
          {
            schemaId: 'c-damage',
            tool: 'radio',
            title: 'Damage visible',
            required: true,
            options: [
              { value: 'Yes', schemaId: 'o-damage-yes' },
              { value: 'No', schemaId: 'o-damage-no' },
            ],
            classifications: [
              {
                schemaId: 'c-damage-kind',
                tool: 'checkbox',
                title: 'Kind of damage',
                parentOptionId: 'o-damage-yes',
                required: true,
                options: [
                  { value: 'Scratch', schemaId: 'o-scratch' },
                  { value: 'Dent', schemaId: 'o-dent' },
                ],
                classifications: [
                  {
                    schemaId: 'c-dent-size',
                    tool: 'single-dropdown',
                    title: 'Dent size',
                    parentOptionId: 'o-dent',
                    options: [
                      { value: 'Small', schemaId: 'o-dent-small' },
                      { value: 'Large', schemaId: 'o-dent-large' },
                    ],
                    classifications: [
                      { schemaId: 'c-dent-note', tool: 'text', title: 'Dent reference (D-000)', parentOptionId: 'o-dent-large', regex: '^D-[0-9]{3}$' },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    }),
};

/** The form with the pre-labels' answers filled in (nested conditional answer included). */
export const ClassificationAnswers: Story = {
  render: (args) => image(args, { annotations: prelabels.map(({ classifications, objects }) => ({ classifications, objects: objects.slice(0, 1) })) }),
};

/** A 404: the element shows the error, fires lk-error and stays usable. */
export const MissingImage: Story = { render: (args) => image(args, { src: 'assets/image/missing.jpg' }) };

/** A corrupt JPEG (a real JPEG header, then zeros): asset-unsupported; the pre-labels stay. */
export const CorruptImage: Story = {
  loaders: [
    async () => {
      const header = new Uint8Array(await (await fetch(IMAGE)).arrayBuffer()).slice(0, 64);
      const bytes = new Uint8Array(4096);
      bytes.set(header);
      return { corruptUrl: URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' })) };
    },
  ],
  render: (args, { loaded }) => image(args, { src: loaded['corruptUrl'] as string, annotations: prelabels }),
};

/** A file that is not an image: asset-unsupported. */
export const NotAnImage: Story = { render: (args) => image(args, { src: 'assets/text/pride_and_prejudice.txt' }) };

/** An ontology with no tools: classification only. */
export const ClassificationOnly: Story = {
  render: (args) => image(args, { ontology: { ...ontology, tools: [] } }),
};

/** An invalid ontology: lk-error ontology-invalid; nothing to draw with. */
/**
 * A day in the chair (issue 18): press keys without clicking first (the only element on the page
 * takes them), Tab / Shift+Tab through the objects ("Car 1", "Car 2" …: numbers per class),
 * Ctrl+A, then Ctrl+Enter: Submit is blocked, the problems are listed under the task and the first
 * question is focused; digits answer a focused question; Ctrl+Shift+Enter skips; ? lists every key
 * (Submit is remapped to Ctrl+S here). The element is 900 px wide: the task and Submit stay in
 * reach; drag the side panel's left edge to resize it, fold its sections.
 */
export const LabelerKeysAndProblems: Story = {
  render: (args) => html`<lk-image
    autofocus
    style="--lk-height: 560px; width: 900px"
    src=${IMAGE}
    asset-id="bottles"
    mode=${args.mode}
    renderer=${args.renderer}
    .ontology=${ontology}
    .annotations=${{ objects: prelabels[0]!.objects.filter((object: PreLabel) => !('lock' in object)).slice(0, 3) }}
    .shortcuts=${{ submit: 'mod+s' }}
    @lk-invalid=${log}
    @lk-submit=${log}
    @lk-skip=${log}
  ></lk-image>`,
};

export const InvalidOntology: Story = {
  render: (args) => image(args, { ontology: { tools: [{ schemaId: 'x', tool: 'laser', title: 'X', color: 'red' }] } }),
};

/** The shared panels placed by the host (`no-sidebar` on the element, `panel.session = element.session`):
 * a host can put the object list, the forms, relations and task actions wherever its layout wants them. */
export const PanelsPlacedByTheHost: Story = {
  render: (args) => {
    const layout = document.createElement('div');
    layout.style.cssText = 'display: grid; grid-template-columns: 260px 1fr 300px; gap: 8px; height: 640px';
    const element = document.createElement('lk-image');
    Object.assign(element, { ontology, annotations: prelabels, user: { id: 'storybook', email: 'you@example.com' }, mode: args.mode });
    element.setAttribute('no-sidebar', '');
    element.setAttribute('asset-id', 'bottles');
    element.style.cssText = '--lk-height: 640px';
    element.src = IMAGE;
    element.addEventListener('lk-change', log);
    const left = document.createElement('div');
    const right = document.createElement('div');
    left.append(document.createElement('lk-object-list'), document.createElement('lk-relations-panel'));
    const selected = document.createElement('lk-classification-form');
    selected.setAttribute('follow-selection', '');
    const task = document.createElement('lk-classification-form');
    task.setAttribute('heading', 'Task');
    right.append(selected, task, document.createElement('lk-task-actions'));
    for (const panel of [...left.children, ...right.children]) (panel as HTMLElement & { session: unknown }).session = element.session;
    layout.append(left, element, right);
    return layout;
  },
};

/** The element in a box the reader resizes (drag its bottom-right corner): with `--lk-height: 100%`
 * the stage and its canvas grow and shrink with the host box, both ways; F fits the picture again. */
export const FollowsTheHostSize: Story = {
  render: (args) => {
    const box = document.createElement('div');
    box.style.cssText = 'resize: both; overflow: hidden; width: 720px; height: 420px; min-height: 260px; border: 1px dashed #888';
    const element = document.createElement('lk-image');
    Object.assign(element, { ontology, annotations: prelabels, user: { id: 'storybook', email: 'you@example.com' }, mode: args.mode });
    element.setAttribute('asset-id', 'bottles');
    element.style.cssText = '--lk-height: 100%';
    element.src = IMAGE;
    box.append(element);
    return box;
  },
};

/** The side panel's Display group: Hide all (or H), a class list to hide classes, fill opacity,
 * outlines only, labels on/off, and the picture's brightness, contrast, gamma and invert. Only what
 * is shown changes: the export keeps every shape. */
export const DisplaySettings: Story = { render: (args) => image(args, { annotations: prelabels }) };

/** The dark theme (`theme="dark"`; `auto`, the default, follows the page's `prefers-color-scheme`). */
export const DarkTheme: Story = { render: (args) => image(args, { annotations: prelabels, theme: 'dark' }) };

/** Copy, paste, duplicate: select shapes, Ctrl+C, move the pointer and Ctrl+V (a copy centred
 * there), or Ctrl+D for a duplicate beside the selection. One undo step each. */
export const CopyPasteDuplicate: Story = { render: (args) => image(args, { annotations: prelabels }) };

/** Zoom past 800 % (+ or the wheel): the picture's pixels become sharp squares with a grid on their edges. */
export const PixelGridPast800Percent: Story = { render: (args) => onlyTool(args, 'segmentation') };

/**
 * Keypoints (a COCO person skeleton): press 1, click the joints in order (the hint names the
 * next; X skips one, O makes it occluded) or drag a box to place the whole template, then drag
 * points to correct them. Click a point of the selected person and press O: occluded (a ring),
 * absent, visible again.
 */
export const Keypoints: Story = {
  render: (args) => image(args, { ontology: personOntology, annotations: { objects: [personIn('person-1', { x: 60, y: 40, width: 160, height: 300 })] } }),
};

/**
 * A 40,000 × 40,000 picture as IIIF tiles (`src` is the `info.json`): zoom and pan, and only the
 * tiles on screen load, at the level the zoom needs, the coarser level showing until they are in.
 * Each 1000-px cell's colour says where it is (red: column, green: row). The tiles are made on
 * request by scripts/tiled-images.mjs (the Storybook dev server and the test server serve them at
 * `__lk-tiles/`; for a static build, write them there with `node scripts/tiled-images.mjs`).
 */
export const TiledGigapixel: Story = { render: (args) => image(args, { src: '__lk-tiles/iiif/grid/info.json' }) };

/** The sample photo ×5 as Deep Zoom tiles (`src` is the `.dzi`). */
export const TiledDeepZoom: Story = { render: (args) => image(args, { src: '__lk-tiles/dzi/photo.dzi' }) };
