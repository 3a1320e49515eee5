import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-pdf/define.js';
import type { LkPdf } from '../src/elements/lk-pdf/lk-pdf.js';
import { pagedPdf } from '../test/media/pdf/generated-pdf.js';
import { rangeHost } from '../test/media/pdf/range-host.js';
import type { LabelkitAssist } from '../src/index.js';
import { createGrabCutSegmenter, type GrabCutSegmenter } from './assist/grabcut-segmenter.js';
import { inkBlockDetect, inPdfPoints } from './assist/pdf-page-assist.js';

const PDF = 'assets/pdf';

interface Args {
  mode: 'annotate' | 'review' | 'view';
  zoom: string;
  noSidebar: boolean;
}

const ontology = {
  tools: [
    { schemaId: 't-claim', tool: 'pdf', title: 'Claim', color: '#e53935', shortcutKey: '1', classifications: [
      { schemaId: 'c-confidence', tool: 'radio', title: 'Confidence', options: [{ value: 'High', schemaId: 'o-high' }, { value: 'Low', schemaId: 'o-low' }] },
    ] },
    { schemaId: 't-term', tool: 'pdf', title: 'Term', color: '#8e24aa', shortcutKey: '2' },
    { schemaId: 't-figure', tool: 'bounding-box', title: 'Figure', color: '#1e88e5', shortcutKey: '3' },
    { schemaId: 't-region', tool: 'polygon', title: 'Region', color: '#43a047', shortcutKey: '4' },
    { schemaId: 't-mark', tool: 'point', title: 'Mark', color: '#fb8c00', shortcutKey: '5' },
  ],
  classifications: [
    { schemaId: 'c-page-kind', tool: 'radio', title: 'Page kind', frameSpecific: true, options: [{ value: 'Body', schemaId: 'o-body' }, { value: 'References', schemaId: 'o-refs' }] },
    { schemaId: 'c-language', tool: 'single-dropdown', title: 'Document language', required: true, options: [{ value: 'English', schemaId: 'o-en' }, { value: 'Arabic', schemaId: 'o-ar' }] },
  ],
  relations: [{ schemaId: 'r-defines', tool: 'one-to-one', title: 'Defines' }],
};

const meta: Meta<Args> = {
  title: 'Elements/lk-pdf',
  component: 'lk-pdf',
  args: { mode: 'annotate', zoom: 'fit-width', noSidebar: false },
  argTypes: {
    mode: { control: 'inline-radio', options: ['annotate', 'review', 'view'] },
    zoom: { control: 'select', options: ['fit-width', 'fit-page', '50', '100', '150', '200'] },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

const log = (event: Event) => console.debug(event.type, (event as CustomEvent).detail);

function pdf(
  args: Args,
  options: {
    src?: string;
    annotations?: unknown;
    password?: () => string;
    workerSrc?: string;
    fetchAsset?: (url: string, init: RequestInit) => Promise<Response>;
    theme?: 'light' | 'dark' | 'auto';
    onReady?: (element: LkPdf) => void;
    assist?: LabelkitAssist;
  } = {},
) {
  return html`<lk-pdf
    style="--lk-height: 720px"
    theme=${options.theme ?? 'auto'}
    src=${options.src ?? `${PDF}/pdflatex-4-pages.pdf`}
    asset-id="pdf-story"
    mode=${args.mode}
    zoom=${args.zoom}
    ?no-sidebar=${args.noSidebar}
    worker-src=${options.workerSrc ?? ''}
    .ontology=${ontology}
    .annotations=${options.annotations}
    .password=${options.password}
    .fetchAsset=${options.fetchAsset}
    .assist=${options.assist}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
    @lk-invalid=${log}
    @lk-ready=${(event: Event) => options.onReady?.(event.currentTarget as LkPdf)}
  ></lk-pdf>`;
}

const rect = (x1: number, y1: number, x2: number, y2: number, pageNumber: number) => ({ x1, y1, x2, y2, width: 595.28, height: 841.89, pageNumber });

/**
 * The 4-page LaTeX paper. Select text and press 1 (Claim) or 2 (Term), or pick the class first and
 * select; Shift+arrows extend a selection from the keyboard. 3–5 draw shapes on a page.
 */
export const Paper: Story = { render: (args) => pdf(args) };

/** A text entry across two lines, an area entry and a box, with a relation. */
const preLabels = {
  tools: [
    { objectId: 'claim-1', schemaId: 't-claim', page: 0, pdf: { position: { boundingRect: rect(134, 180, 460, 206, 1), rects: [rect(134, 180, 460, 192, 1), rect(134, 194, 300, 206, 1)], pageNumber: 1 }, content: { text: 'a pre-labelled claim' } } },
    { objectId: 'area-1', schemaId: 't-term', page: 0, pdf: { position: { boundingRect: rect(130, 90, 470, 150, 1), rects: [], pageNumber: 1 }, content: { text: '' } } },
    { objectId: 'figure-1', schemaId: 't-figure', page: 1, 'bounding-box': { x: 120, y: 300, width: 350, height: 160 }, lock: true },
  ],
  relations: [{ objectId: 'rel-1', schemaId: 'r-defines', from: 'area-1', to: 'claim-1', direction: 'straight' }],
};

/** Pre-labels: a text entry across two lines, an area entry and a box, with a relation. */
export const PreLabelled: Story = { render: (args) => pdf(args, { annotations: preLabels }) };

/** Area mode: with a pdf class active, the Area button turns drags into area selections. */
export const AreaSelections: Story = { render: (args) => pdf(args) };

/** Pages rotated 90°, 180°, 270° and 0° with Arabic text: selections stay on their text. */
export const RotatedArabic: Story = { args: { zoom: '75' }, render: (args) => pdf(args, { src: `${PDF}/habibi-rotated.pdf` }) };

/**
 * A 60-page document over a slow network (generated; every range takes 400 ms and the plain
 * download never gets past its first chunk): page 1 shows first, laid out pages fill in their
 * sizes (letter, legal, half-letter, landscape) as they arrive while the page you scrolled to
 * stays put, and labeling starts at lk-ready (the status says "Loading PDF…" until then).
 */
export const SlowLongDocument: Story = {
  render: (args) => {
    const sizes = [
      { width: 612, height: 792 },
      { width: 612, height: 1008 },
      { width: 612, height: 396 },
      { width: 792, height: 612 },
    ];
    const host = rangeHost(pagedPdf(Array.from({ length: 60 }, (_, index) => sizes[index % sizes.length]!)).bytes, { delayMs: 400 });
    return pdf(args, { src: 'generated/long-document.pdf', fetchAsset: host.fetchAsset });
  },
};

/** A Google Docs export. */
export const GoogleDoc: Story = { render: (args) => pdf(args, { src: `${PDF}/google-doc-document.pdf` }) };

/** Review mode over pre-labels. */
export const Review: Story = { args: { mode: 'review' }, render: (args) => PreLabelled.render!(args, {} as never) };

/** View mode: nothing can change. */
export const View: Story = { args: { mode: 'view' }, render: (args) => PreLabelled.render!(args, {} as never) };

/** A password-protected file opened through the `password` hook (its password is "openpassword"). */
export const PasswordHook: Story = { render: (args) => pdf(args, { src: `${PDF}/libreoffice-writer-password.pdf`, password: () => 'openpassword' }) };

/** The same file without the hook: lk-error `asset-password`, the element stays usable. */
export const PasswordMissing: Story = { render: (args) => pdf(args, { src: `${PDF}/libreoffice-writer-password.pdf` }) };

/** A missing file: lk-error `asset-not-found`. */
export const NotFound: Story = { render: (args) => pdf(args, { src: `${PDF}/missing.pdf` }) };

/**
 * The pdf.js worker cannot be loaded (here `worker-src` names a file that does not exist; in an
 * app, the package's dist/pdfjs/ folder not deployed): lk-error `resource-load` at once, never a
 * spinner that waits forever. `pdfjs-base` names a host's own copy of that folder.
 */
export const WorkerUnreachable: Story = { render: (args) => pdf(args, { workerSrc: 'assets/pdf/missing/pdf.worker.min.mjs' }) };


/**
 * The side panel's Display group on pages: each area and text selection shows its class name at its
 * top-left corner and the relation its title on the line; L (or the Labels box) hides and shows
 * them, H hides every shape, the class list hides one class, fill opacity and outlines only change
 * the fills. Only what is shown changes: the export keeps every entry.
 */
export const DisplaySettings: Story = { render: (args) => pdf(args, { annotations: preLabels }) };

/** The dark theme (`theme="dark"`; `auto`, the default, follows the page's `prefers-color-scheme`). */
export const DarkTheme: Story = { render: (args) => pdf(args, { annotations: preLabels, theme: 'dark' }) };

/** Submit pressed with the required "Document language" unanswered: the problem list under the task says why, and each problem shows its question. */
export const BlockedSubmit: Story = { render: (args) => pdf(args, { annotations: preLabels, onReady: (element) => void element.submit() }) };

let grabCut: GrabCutSegmenter | undefined;

/**
 * Assisted labeling on a PDF page (docs/assisted-labeling.md, "On <lk-pdf>"), with real work done in
 * the page on the bitmap the element drew. Press "Detect": the blocks of ink on the page shown come
 * back as Claim suggestions (dashed, with a score); Enter, a click on a chip or "Accept all" makes
 * them area entries with the text inside them, Delete rejects one. Pick Region (4) and press "Smart
 * segment": drag a box round a shape (or click it, Alt+click beside it) and OpenCV's GrabCut, in a
 * worker, outlines it; Enter accepts. Objects record `createdIn: "Assist"` and the model's name.
 */
export const AssistedDetectAndSegment: Story = {
  render: (args) => {
    grabCut ??= createGrabCutSegmenter(new URL('../node_modules/@techstark/opencv-js/dist/opencv.js', import.meta.url).href);
    return pdf(args, { assist: { name: 'Ink blocks + GrabCut (OpenCV.js)', detect: inkBlockDetect('Claim'), segment: inPdfPoints((request) => grabCut!.segment(request)) } });
  },
};
