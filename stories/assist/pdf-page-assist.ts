/**
 * A host's `assist` for `<lk-pdf>` (docs/assisted-labeling.md, "On <lk-pdf>"), with real work on the
 * page the element drew: `detect` finds the blocks of ink on the page's bitmap (rows with ink,
 * grouped across small gaps) and proposes each as an area of a `pdf` class; `segment` is any
 * segmenter that works in the image's pixels (GrabCut here) with the prompts scaled by
 * `imageScale` on the way in and its polygon scaled back to PDF points on the way out.
 */
import type { AssistPrediction, AssistSegmentRequest, AssistSegmentResult, LabelkitAssist } from '../../src/index.js';

/** Blocks of ink on a page bitmap, in the image's pixels: rows with ink, split where a gap is taller than `gap`. */
function inkBlocks(image: ImageBitmap, gap: number): { x: number; y: number; width: number; height: number; ink: number }[] {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  const blocks: { x: number; y: number; width: number; height: number; ink: number }[] = [];
  let open: { top: number; bottom: number; left: number; right: number; ink: number } | undefined;
  for (let y = 0; y < height; y++) {
    let left = width;
    let right = -1;
    let ink = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i]! + data[i + 1]! + data[i + 2]! < 384) {
        ink++;
        left = Math.min(left, x);
        right = x;
      }
    }
    if (ink > 0) {
      if (open && y - open.bottom <= gap) Object.assign(open, { bottom: y, left: Math.min(open.left, left), right: Math.max(open.right, right), ink: open.ink + ink });
      else {
        if (open) blocks.push({ x: open.left, y: open.top, width: open.right - open.left + 1, height: open.bottom - open.top + 1, ink: open.ink });
        open = { top: y, bottom: y, left, right, ink };
      }
    }
  }
  if (open) blocks.push({ x: open.left, y: open.top, width: open.right - open.left + 1, height: open.bottom - open.top + 1, ink: open.ink });
  return blocks;
}

/**
 * `detect`: the page's blocks of text as suggestions of `title` (a `pdf` class: accepted, each is an
 * area entry with the text inside it). The score grows with the share of ink: the slider hides sparse blocks first.
 */
export function inkBlockDetect(title: string): NonNullable<LabelkitAssist['detect']> {
  return async ({ image, imageScale }) => {
    // A gap of about one blank line (8 points) separates blocks.
    const blocks = inkBlocks(image, Math.round(8 * imageScale));
    image.close();
    return blocks
      .filter((block) => block.width > 4 && block.height > 4)
      .map(
        (block): AssistPrediction => ({
          title,
          geometry: { 'bounding-box': { x: block.x / imageScale, y: block.y / imageScale, width: block.width / imageScale, height: block.height / imageScale } },
          score: 0.5 + 0.5 * Math.min(1, (4 * block.ink) / (block.width * block.height)),
        }),
      );
  };
}

/** A segmenter that works in the image's pixels (as `<lk-image>` gives them) used on `<lk-pdf>`, whose coordinates are PDF points. */
export function inPdfPoints(segment: (request: AssistSegmentRequest) => Promise<AssistSegmentResult>): NonNullable<LabelkitAssist['segment']> {
  return async (request) => {
    const s = request.imageScale;
    const answer = await segment({
      ...request,
      points: request.points.map((point) => ({ ...point, x: point.x * s, y: point.y * s })),
      ...(request.box ? { box: { x: request.box.x * s, y: request.box.y * s, width: request.box.width * s, height: request.box.height * s } } : {}),
    });
    // A mask stays in the image's pixels (labelkit scales it); polygons come back to points.
    const toPoints = (ring: [number, number][]) => ring.map(([x, y]) => [x / s, y / s] as [number, number]);
    if ('polygon' in answer) return { polygon: toPoints(answer.polygon) };
    if ('segmentation' in answer) return { segmentation: { zones: answer.segmentation.zones.map((zone) => ({ region: toPoints(zone.region), holes: zone.holes.map(toPoints) })) } };
    return answer;
  };
}
