/** A COCO person class with labelkit's point colours and template, for the keypoints stories. */
const NAMES = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];

/** Where each joint sits in a dragged box (a person facing the viewer: their left on the right). */
const TEMPLATE: [number, number][] = [
  [0.5, 0.06], [0.56, 0.03], [0.44, 0.03], [0.62, 0.06], [0.38, 0.06],
  [0.72, 0.2], [0.28, 0.2], [0.82, 0.36], [0.18, 0.36], [0.88, 0.5], [0.12, 0.5],
  [0.64, 0.52], [0.36, 0.52], [0.66, 0.75], [0.34, 0.75], [0.68, 0.98], [0.32, 0.98],
];

/** Face yellow, the person's left side blue, right side orange, as many pose viewers do. */
const COLORS = NAMES.map((name) => (name === 'nose' || name.endsWith('eye') || name.endsWith('ear') ? '#fdd835' : name.startsWith('left') ? '#1e88e5' : '#fb8c00'));

export const personOntology = {
  tools: [
    {
      schemaId: 'person',
      tool: 'keypoints',
      title: 'Person',
      shortcutKey: '1',
      color: '#43a047',
      keypoints: NAMES,
      // COCO's own skeleton, 1-based.
      skeleton: [[16, 14], [14, 12], [17, 15], [15, 13], [12, 13], [6, 12], [7, 13], [6, 7], [6, 8], [7, 9], [8, 10], [9, 11], [2, 3], [1, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5, 7]],
      keypointColors: COLORS,
      keypointTemplate: TEMPLATE,
    },
  ],
  classifications: [],
  relations: [],
};

/** One person placed from the template into `box`, with the left wrist occluded and the right ankle absent. */
export function personIn(objectId: string, box: { x: number; y: number; width: number; height: number }) {
  const points = NAMES.map((name, i) => {
    const [u, v] = TEMPLATE[i]!;
    if (name === 'right_ankle') return { name, x: 0, y: 0, visibility: 0 };
    return { name, x: Math.round(box.x + u * box.width), y: Math.round(box.y + v * box.height), visibility: name === 'left_wrist' ? 1 : 2 };
  });
  return { objectId, schemaId: 'person', keypoints: { points, box } };
}
