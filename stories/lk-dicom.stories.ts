import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/lk-dicom/define.js';
import type { LkDicom } from '../src/elements/lk-dicom/lk-dicom.js';
import ontology from '../test/fixtures/format/ontology.all-types.json';
import { imageElements, words16, writeDicom, type WriteElement } from '../test/media/dicom/dicom-writer.js';

const DICOM = 'assets/dicom';

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

function dicom(
  args: Args,
  options: { src?: string; srcs?: string[]; annotations?: unknown; ontology?: unknown; onReady?: (element: LkDicom) => void; theme?: 'light' | 'dark' | 'auto' } = {},
) {
  return html`<lk-dicom
    style="--lk-height: 640px"
    theme=${options.theme ?? 'auto'}
    src=${options.srcs ? '' : (options.src ?? `${DICOM}/CT_small.dcm`)}
    .srcs=${options.srcs}
    asset-id="dicom-story"
    mode=${args.mode}
    renderer=${args.renderer}
    ?no-sidebar=${args.noSidebar}
    .ontology=${options.ontology ?? ontology}
    .annotations=${options.annotations}
    .user=${{ id: 'storybook', email: 'you@example.com' }}
    @lk-change=${log}
    @lk-submit=${log}
    @lk-error=${log}
    @lk-ready=${(event: Event) => options.onReady?.(event.currentTarget as LkDicom)}
  ></lk-dicom>`;
}

const blobUrl = (bytes: Uint8Array) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/dicom' }));

/**
 * CT, 16-bit signed with rescale, rendered by cornerstone-core with the window it derives from the
 * data: right-drag for window/level, presets in the bar; 4 draws a measured polyline.
 */
export const CT: Story = { render: (args) => dicom(args) };

/** The same CT under the lung preset (−600/1500 HU), as after choosing it in the bar; Reset W/L goes back. */
export const CTLungWindow: Story = { render: (args) => dicom(args, { onReady: (element) => element.setWindow(-600, 1500) }) };

/** MR with the file's window 600/1600. */
export const MR: Story = { render: (args) => dicom(args, { src: `${DICOM}/MR_small.dcm` }) };

/** The same MR slice, RLE Lossless: it looks exactly like the MR story. */
export const MRRle: Story = { render: (args) => dicom(args, { src: `${DICOM}/MR_small_RLE.dcm` }) };

/**
 * RT Dose, 15 frames of 32-bit values (requantized by 2³ for cornerstone's LUT, exactly: the dose
 * grid holds multiples of 1000): PageUp/PageDown, ↑/↓, Alt+wheel or the slider change the slice.
 */
export const MultiFrame: Story = {
  render: (args) =>
    dicom(args, {
      src: `${DICOM}/rtdose.dcm`,
      annotations: { objects: [{ objectId: 'dose-line', schemaId: 't-lane', page: 3, polyline: [[1, 1], [8, 6]] }] },
    }),
};

/** The same MR slice, JPEG 2000 Lossless, decoded by OpenJPEG in labelkit's codec worker: it looks exactly like the MR story. */
export const MRJpeg2000: Story = { render: (args) => dicom(args, { src: `${DICOM}/MR_small_jp2klossless.dcm` }) };

/** Colour JPEG Baseline stored as YBR_FULL (libjpeg-turbo gives RGB). */
export const JpegBaselineColour: Story = { render: (args) => dicom(args, { src: `${DICOM}/SC_rgb_jpeg_lossy_gdcm.dcm` }) };

/** JPEG 2000 with a JP2 header and the reversible colour transform (YBR_RCT), 400 × 400. */
export const Jpeg2000Colour: Story = { render: (args) => dicom(args, { src: `${DICOM}/GDCMJ2K_TextGBR.dcm` }) };

/** JPEG-LS near-lossless, 16-bit grey. */
export const JpegLs: Story = { render: (args) => dicom(args, { src: `${DICOM}/JPEGLSNearLossless_16.dcm` }) };

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

/** Occlusion answered per slice (frame-specific: slices 1 and 4 here), Weather once for the file. */
export const PerSliceClassifications: Story = {
  render: (args) =>
    dicom(args, {
      src: `${DICOM}/rtdose.dcm`,
      ontology: { ...ontology, classifications: ontology.classifications.map((c) => (c.schemaId === 'c-occluded' ? { ...c, frameSpecific: true } : c)) },
      annotations: {
        classifications: [
          { schemaId: 'c-occluded', answer: 'No', page: 0 },
          { schemaId: 'c-occluded', answer: 'Yes', page: 3, classifications: [{ schemaId: 'c-occ-by', answer: 'couch' }] },
          { schemaId: 'c-weather', answer: ['Clear'] },
        ],
      },
    }),
};

/** MONOCHROME1 (a generated ramp, window 128/256): low values are white. */
export const Monochrome1: Story = {
  loaders: [
    async () => {
      const windowed: WriteElement[] = [
        { tag: [0x0028, 0x1050], vr: 'DS', value: '128' },
        { tag: [0x0028, 0x1051], vr: 'DS', value: '256' },
      ];
      const ramp = Array.from({ length: 64 * 64 }, (_, i) => (i % 64) * 4);
      return { url: blobUrl(writeDicom(imageElements({ rows: 64, columns: 64, photometric: 'MONOCHROME1', pixelData: words16(ramp), extra28: windowed }), 'explicit-le')) };
    },
  ],
  render: (args, { loaded }) => dicom(args, { src: loaded['url'] as string }),
};

/** JPEG 2000 Part 2 multi-component (not decoded): lk-error asset-unsupported naming the transfer syntax. */
export const CompressedUnsupported: Story = {
  loaders: [async () => ({ url: blobUrl(writeDicom(imageElements({ rows: 2, columns: 2, pixelData: words16([0, 0, 0, 0]) }), 'explicit-le', '1.2.840.10008.1.2.4.92')) })],
  render: (args, { loaded }) => dicom(args, { src: loaded['url'] as string }),
};

/** MR_small cut short: lk-error asset-load; the pre-label stays and the element stays usable. */
export const CorruptFile: Story = {
  loaders: [
    async () => {
      const bytes = new Uint8Array(await (await fetch(`${DICOM}/MR_small.dcm`)).arrayBuffer());
      return { url: blobUrl(bytes.slice(0, 3000)) };
    },
  ],
  render: (args, { loaded }) =>
    dicom(args, { src: loaded['url'] as string, annotations: { objects: [{ objectId: 'kept', schemaId: 't-car', 'bounding-box': { x: 4, y: 4, width: 20, height: 20 } }] } }),
};

/** Not a DICOM file: lk-error, the element stays usable. */
export const NotDicom: Story = { render: (args) => dicom(args, { src: 'assets/image/bottles-frame.jpg' }) };

/** Polyline classes that measure (labelkit `measure`), as a radiology ontology would declare them, plus a brush class. */
const measuringOntology = {
  tools: [
    { schemaId: 'diameter', title: 'Diameter (ruler)', tool: 'polyline', shortcutKey: '1', color: '#ffeb3b', measure: 'length' },
    { schemaId: 'angle', title: 'Angle', tool: 'polyline', shortcutKey: '2', color: '#4caf50', measure: 'angle' },
    { schemaId: 'cobb', title: 'Cobb angle', tool: 'polyline', shortcutKey: '3', color: '#03a9f4', measure: 'cobb' },
    { schemaId: 'bone', title: 'Bone', tool: 'brush', shortcutKey: '4', color: '#ff5722' },
  ],
  classifications: [],
  relations: [],
};

/**
 * Measuring tools on CT: 1 a ruler (finishes on the 2nd click), 2 an angle (3rd click), 3 a Cobb
 * angle (two lines, 4th click). mm from PixelSpacing and degrees on screen and as `measurement`
 * in the export (see the `lk-change` log).
 */
export const MeasuringTools: Story = {
  render: (args) =>
    dicom(args, {
      ontology: measuringOntology,
      annotations: {
        objects: [
          { objectId: 'd', schemaId: 'diameter', page: 0, polyline: [[20, 40], [100, 52]] },
          { objectId: 'a', schemaId: 'angle', page: 0, polyline: [[30, 110], [30, 70], [90, 90]] },
          { objectId: 'c', schemaId: 'cobb', page: 0, polyline: [[60, 10], [120, 20], [60, 30], [120, 26]] },
        ],
      },
    }),
};

/**
 * Threshold painting on CT: Threshold is on with 200–3000 HU (bone); paint with 4 over the image and
 * only bone takes the colour. Turn Threshold off, or type other bounds, in the bar.
 */
export const BrushThreshold: Story = {
  render: (args) => dicom(args, { ontology: measuringOntology, onReady: (element) => (element.brushThreshold = { min: 200, max: 3000 }) }),
};

/**
 * Fill between slices and the stack bar on the RT Dose frames: brush paint on slices 3 and 11 and a
 * ruler on slice 7 are ticks on the slider (Shift+PageUp/PageDown or the Labelled buttons step
 * between them); press 4, then **Fill between** to interpolate slices 4–10.
 */
export const FillBetweenAndStackBar: Story = {
  render: (args) =>
    dicom(args, {
      src: `${DICOM}/rtdose.dcm`,
      ontology: measuringOntology,
      annotations: { objects: [{ objectId: 'r', schemaId: 'diameter', page: 6, polyline: [[1, 1], [8, 6]] }] },
      onReady: (element) => {
        // Brush PNGs hold exact class colours: set whole pixels (an antialiased arc would blend them).
        const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(measuringOntology.tools[3]!.color.slice(i, i + 2), 16)) as [number, number, number];
        const disc = (cx: number, cy: number, radius: number) => {
          const canvas = document.createElement('canvas');
          canvas.width = 10;
          canvas.height = 10;
          const context = canvas.getContext('2d')!;
          const image = context.createImageData(10, 10);
          for (let i = 0; i < 100; i++) {
            if (Math.hypot((i % 10) + 0.5 - cx, Math.floor(i / 10) + 0.5 - cy) > radius) continue;
            image.data.set([r, g, b, 255], i * 4);
          }
          context.putImageData(image, 0, 0);
          return canvas.toDataURL('image/png');
        };
        element.import({ objects: [], brushDataUrls: { '2': disc(2.5, 2.5, 2), '10': disc(7, 6.5, 3) } });
      },
    }),
};

/** The dark theme (`theme="dark"`; `auto`, the default, follows the page's `prefers-color-scheme`): window bar and stack bar included. */
export const DarkTheme: Story = { render: (args) => dicom(args, { theme: 'dark' }) };

/** Zoom past 800 % (+ or the wheel): each pixel of the slice becomes a sharp square with a grid on its edges. */
export const PixelGridPast800Percent: Story = { render: (args) => dicom(args) };
