// Type-level checks of the assisted-labeling hook a host writes (checked by `tsc -p tsconfig.json`;
// nothing here runs). Each `@ts-expect-error` must stay an error, or tsc fails.
import type { AssistPrediction, AssistSegmentResult, AssistTrackedShape, LabelkitAssist, LkDicom, LkImage, LkVideo } from '../../src/index.js';

declare const image: LkImage;
declare const video: LkVideo;
declare const dicom: LkDicom;

const hook: LabelkitAssist = {
  name: 'detector-v2',
  detect: async ({ image: bitmap, page, assetId, signal }): Promise<AssistPrediction[]> => {
    void [bitmap.width, page, assetId, signal.aborted];
    return [{ title: 'Car', geometry: { 'bounding-box': { x: 1, y: 2, width: 3, height: 4 } }, score: 0.9 }];
  },
  segment: async ({ points, box }): Promise<AssistSegmentResult> => {
    void [points[0]?.positive, box?.width];
    return { mask: { width: 1, height: 1, data: new Uint8Array(1) } };
  },
  track: async ({ objects, from }): Promise<AssistTrackedShape[]> => objects.map((o) => ({ objectId: o.objectId, page: from + 1, geometry: o.geometry })),
};
image.assist = hook;
video.assist = hook;
dicom.assist = undefined;

// @ts-expect-error a prediction's geometry has one geometry key of a 2D tool
const wrongKey: AssistPrediction = { schemaId: 'x', geometry: { ner: { start: 0, end: 1 } }, score: 1 };
// @ts-expect-error a prediction needs a score
const noScore: AssistPrediction = { schemaId: 'x', geometry: { point: [1, 2] } };
// @ts-expect-error segment answers a polygon, a segmentation or a mask
const wrongAnswer: AssistSegmentResult = { 'bounding-box': { x: 0, y: 0, width: 1, height: 1 } };
void [wrongKey, noScore, wrongAnswer];
