import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-image/define.js';
import type { LkImage } from '../src/elements/lk-image/lk-image.js';
import '../src/elements/panels/define.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';
import prelabels from '../test/fixtures/format/import.ango-image.json';
import { personIn, personOntology } from './keypoints-ontology.js';
import { createGrabCutSegmenter, type GrabCutSegmenter } from './assist/grabcut-segmenter.js';
import type { CompareSource } from '../src/elements/compare/compare-source.js';

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

function image(
  args: Args,
  options: {
    annotations?: unknown;
    src?: string;
    ontology?: unknown;
    theme?: 'light' | 'dark' | 'auto';
    issues?: unknown;
    errorCodes?: unknown;
    onReady?: (element: LkImage) => void;
    compare?: CompareSource[];
  } = {},
) {
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
    .compare=${options.compare}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    .errorCodes=${options.errorCodes}
    .issues=${options.issues}
    @lk-change=${log}
    @lk-issue=${log}
    @lk-submit=${log}
    @lk-error=${log}
    @lk-review=${log}
    @lk-invalid=${log}
    @lk-ready=${(event: Event) => options.onReady?.(event.currentTarget as LkImage)}
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

const ERROR_CODES = [
  { category: 'Wrong', codes: [{ code: 'wrong-class', title: 'Wrong class' }, { code: 'loose-box', title: 'Box too loose' }] },
  { category: 'Missing', codes: [{ code: 'missing-object', title: 'Missing object' }] },
  { category: 'Unqualified', codes: [{ code: 'blurry', title: 'Too blurry to label' }] },
];

const ISSUES = [
  {
    issueId: 'issue-1',
    objectId: 'o1',
    errorCodes: ['loose-box'],
    status: 'open',
    thread: [{ text: 'The box leaves a lot of road around the car.', by: 'reviewer@example.com', at: '2026-03-02T10:14:00.000Z' }],
  },
  {
    issueId: 'issue-2',
    position: { x: 520, y: 250 },
    errorCodes: ['missing-object'],
    status: 'open',
    thread: [
      { text: 'A bottle here is not labelled.', by: 'reviewer@example.com', at: '2026-03-02T10:16:00.000Z' },
      { text: 'It is cut off by the frame: label it anyway?', by: 'you@example.com', at: '2026-03-02T10:40:00.000Z' },
    ],
  },
  {
    issueId: 'issue-3',
    position: { x: 90, y: 300 },
    errorCodes: ['wrong-class'],
    status: 'resolved',
    thread: [{ text: 'Wrong class on the lane.', by: 'reviewer@example.com', at: '2026-03-02T09:58:00.000Z' }],
    resolvedBy: 'reviewer@example.com',
    resolvedAt: '2026-03-02T11:30:00.000Z',
  },
];

/**
 * Review issues (docs/review.md): pins on the picture and on an object, the Issues panel (open
 * first; choose one to see its thread and go to it), Add issue or I on a selected object, error
 * codes by category, replies, Resolve / Reopen. `lk-issue` goes to the console.
 */
export const ReviewIssues: Story = {
  args: { mode: 'review' },
  render: (args) => image(args, { annotations: prelabels, issues: ISSUES, errorCodes: ERROR_CODES }),
};

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
 * "Same vehicle", drawn as links with their titles on tags that read over the photo (L hides them);
 * select two objects to create another. */
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

/** The picture adjustments of the Display group, set here to brightness 140 %, contrast 130 %, gamma 1.4: only the picture changes, never the shapes or the export; *Reset picture* undoes them. */
export const PictureAdjustments: Story = {
  render: (args) => image(args, { annotations: prelabels, onReady: (element) => element.session.setDisplay({ brightness: 1.4, contrast: 1.3, gamma: 1.4 }) }),
};

/** Submit pressed with required answers missing: the problem list under the task names each one by object ("Car 2: …"); a click shows it, and its question is focused. */
export const BlockedSubmit: Story = { render: (args) => image(args, { annotations: prelabels, onReady: (element) => void element.submit() }) };

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
 * Smart tools without a model (docs/assisted-labeling.md): "Region" starts in the magic wand
 * (`drawWith`): click a bottle, Shift+click to add, Alt+click to subtract, `[` `]` for the
 * tolerance, Enter to keep it. "Outline" draws with the magnetic lasso (click anchors, Enter).
 * Select shapes for the edit buttons (Shift+U union, Shift+X subtract, Shift+S simplify, …).
 */
export const SmartTools: Story = {
  render: (args) =>
    image(args, {
      ontology: {
        tools: [
          { schemaId: 'smart-region', tool: 'segmentation', title: 'Region', shortcutKey: '1', drawWith: 'magic-wand' },
          { schemaId: 'smart-outline', tool: 'polygon', title: 'Outline', shortcutKey: '2', drawWith: 'magnetic-lasso' },
          { schemaId: 'smart-paint', tool: 'brush', title: 'Region', shortcutKey: '3' },
        ],
        classifications: [],
        relations: [],
      },
    }),
};

let grabCut: GrabCutSegmenter | undefined;

/** Assisted labeling with a real model running in the page: `assist.segment` is OpenCV's GrabCut in
 * a worker (stories/assist/grabcut-segmenter.ts). Press "Smart segment", drag a box round a bottle
 * (or click on it, Alt+click beside it): the outline appears as a draft after each prompt; Enter
 * accepts it, Esc drops it. The object records `createdIn: "Assist"` and the model's name. */
export const AssistedSegmentGrabCut: Story = {
  render: (args) => {
    grabCut ??= createGrabCutSegmenter(new URL('../node_modules/@techstark/opencv-js/dist/opencv.js', import.meta.url).href);
    return html`<lk-image
      style="--lk-height: 640px"
      src=${IMAGE}
      asset-id="bottles"
      mode=${args.mode}
      renderer=${args.renderer}
      ?no-sidebar=${args.noSidebar}
      .ontology=${{ tools: [{ schemaId: 'bottle', title: 'Bottle', tool: 'polygon', color: '#ffb300' }] }}
      .assist=${grabCut}
      .user=${{ id: 'storybook', email: 'you@example.com' }}
      @lk-change=${log}
      @lk-error=${log}
    ></lk-image>`;
  },
};

/** Three annotators' versions of the photo, moved a little apart: one version is a copy of the pre-labels, one moves them, one leaves some out. */
function versions(): CompareSource[] {
  type Tool = Record<string, unknown>;
  const shift = (object: Tool, dx: number): Tool => {
    const box = object['bounding-box'] as { x: number } | undefined;
    const point = object['point'] as [number, number] | undefined;
    const polygon = object['polygon'] as [number, number][] | undefined;
    return {
      ...object,
      objectId: `${String(object['objectId'])}-${dx}`,
      ...(box ? { 'bounding-box': { ...box, x: box.x + dx } } : {}),
      ...(point ? { point: [point[0] + dx, point[1]] } : {}),
      ...(polygon ? { polygon: polygon.map(([x, y]) => [x + dx, y]) } : {}),
    };
  };
  const objects = prelabels[0]!.objects as unknown as Tool[];
  return [
    { label: 'Annotator A', record: { objects } },
    { label: 'Annotator B', record: { objects: objects.map((object) => shift(object, 12)) } },
    { label: 'Model', record: { objects: objects.filter((_, i) => i % 2 === 0).map((object) => shift(object, -25)) } },
  ];
}

/**
 * Compare and consensus: three versions over the photo in their colours and dashes, their
 * agreement per object, class and asset in the Compare section, Show toggles, and Keep buttons
 * (one undo step each; Ctrl+Z restores).
 */
export const CompareVersions: Story = { args: { mode: 'review' }, render: (args) => image(args, { compare: versions() }) };

/**
 * Change history: the current annotations measured against a baseline version (the pre-labels):
 * the car moved (amber over its grey old place), the road removed (red), a head added (green).
 */
export const ChangeHistory: Story = {
  args: { mode: 'review' },
  render: (args) => {
    type Tool = Record<string, unknown>;
    const objects = prelabels[0]!.objects as unknown as Tool[];
    const current = objects
      .filter((object) => object['objectId'] !== 'o3')
      .map((object) => {
        const box = object['bounding-box'] as { x: number } | undefined;
        return box ? { ...object, 'bounding-box': { ...box, x: box.x + 30 } } : object;
      });
    current.push({ objectId: 'added-head', schemaId: 't-head', point: [420, 60] });
    return image(args, { annotations: { objects: current }, compare: [{ label: 'Pre-labels', record: { objects } as never, baseline: true }] });
  },
};

/**
 * A 40,000 × 40,000 picture as IIIF tiles (`src` is the `info.json`): zoom and pan, and only the
 * tiles on screen load, at the level the zoom needs, the coarser level showing until they are in.
 * Each 1000-px cell's colour says where it is (red: column, green: row). The tiles are made on
 * request by scripts/tiled-images.mjs (the Storybook dev server and the test server serve them at
 * `__lk-tiles/`); a static Storybook build writes the grid out at 8192 × 8192 instead.
 */
export const TiledGigapixel: Story = { render: (args) => image(args, { src: '__lk-tiles/iiif/grid/info.json' }) };

/** The sample photo ×5 as Deep Zoom tiles (`src` is the `.dzi`). */
export const TiledDeepZoom: Story = { render: (args) => image(args, { src: '__lk-tiles/dzi/photo.dzi' }) };
