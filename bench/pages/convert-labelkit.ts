/** labelkit/format.js converters: a COCO file of `count` objects read into export records and written back. */
import { fromCoco, toCoco, type ExportRecord, type Ontology } from '../../src/format/index.js';
import type {} from './common.js'; // window.bench

/** 100 images of 1280×720; objects alternate boxes and 8-point polygons, every 50th a person with 17 keypoints. */
function syntheticCoco(count: number) {
  const images = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, file_name: `frame-${i + 1}.jpg`, width: 1280, height: 720 }));
  const names = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
  const categories = [
    { id: 1, name: 'car', supercategory: 'vehicle' },
    { id: 3, name: 'road', supercategory: 'ground' },
    { id: 7, name: 'person', supercategory: 'person', keypoints: names, skeleton: [[16, 14], [14, 12], [17, 15], [15, 13]] },
  ];
  const annotations = Array.from({ length: count }, (_, i) => {
    const x = (i * 37) % 1200;
    const y = (i * 53) % 650;
    const common = { id: i + 1, image_id: (i % 100) + 1, iscrowd: 0, area: 0 };
    if (i % 50 === 49) {
      const keypoints = names.flatMap((_, k) => [x + (k % 5) * 4, y + k * 3, k % 4 === 0 ? 1 : 2]);
      return { ...common, category_id: 7, bbox: [x, y, 20, 60], segmentation: [], keypoints, num_keypoints: 17 };
    }
    if (i % 2 === 0) return { ...common, category_id: 1, bbox: [x, y, 60, 40], segmentation: [] };
    const ring = Array.from({ length: 8 }, (_, k) => [x + 30 + 25 * Math.cos((k * Math.PI) / 4), y + 30 + 25 * Math.sin((k * Math.PI) / 4)]).flat();
    return { ...common, category_id: 3, bbox: [x + 5, y + 5, 50, 50], segmentation: [ring] };
  });
  return { images, categories, annotations };
}

let coco: ReturnType<typeof syntheticCoco>;
let records: ExportRecord[] = [];
let ontology: Ontology;

window.bench = {
  async cocoImport(params) {
    coco = syntheticCoco(Number(params['count']));
    const text = JSON.stringify(coco);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    const { data, problems } = fromCoco(JSON.parse(text));
    const ms = performance.now() - start;
    records = data.records;
    ontology = data.ontology;
    const objects = records.reduce((n, r) => n + r.task.tools.length, 0);
    if (problems.length || objects !== coco.annotations.length) throw new Error(`import: ${objects} objects, ${problems.length} problems`);
    return { ms, objects };
  },
  async cocoExport() {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    const { data, problems } = toCoco(records, { ontology });
    const text = JSON.stringify(data);
    const ms = performance.now() - start;
    if (problems.length || data.annotations.length !== coco.annotations.length) throw new Error(`export: ${data.annotations.length} annotations, ${problems.length} problems`);
    return { ms, megabytes: text.length / 2 ** 20 };
  },
};
