/* global cv, importScripts */
/**
 * A classic worker that segments with OpenCV's GrabCut (@techstark/opencv-js, loaded once with
 * importScripts from the URL the page sends). Input: the picture, prompt points and/or a box in
 * image pixels. Output: the outline of the largest foreground region as a polygon. Everything
 * stays in this worker: no network beyond the OpenCV script the page names.
 */
let ready;

/**
 * Resolves once OpenCV's runtime is up. Emscripten's module object has a `then` of its own, so it
 * is never handed to `resolve` itself (a promise would adopt it and never settle): callers read the
 * global `cv` after this resolves.
 */
function loadOpenCv(url) {
  ready ??= new Promise((resolve, reject) => {
    try {
      importScripts(url);
    } catch (error) {
      reject(error);
      return;
    }
    // In a worker the script leaves its factory as `cv`; the factory reads the global `Module`.
    if (typeof self.cv === 'function') {
      const factory = self.cv;
      self.Module = { onRuntimeInitialized: () => resolve() };
      const made = factory();
      if (made instanceof Promise) {
        made.then((loaded) => {
          self.cv = loaded;
          resolve();
        }, reject);
      } else self.cv = made;
    } else if (self.cv instanceof Promise) {
      self.cv.then((loaded) => {
        self.cv = loaded;
        resolve();
      }, reject);
    } else if (self.cv.Mat) resolve();
    else self.cv.onRuntimeInitialized = () => resolve();
  });
  return ready;
}

/** The region GrabCut works in: the box, or the positive points' extent widened, inside the picture. */
function promptRect(points, box, width, height) {
  let x0;
  let y0;
  let x1;
  let y1;
  if (box) {
    [x0, y0, x1, y1] = [box.x, box.y, box.x + box.width, box.y + box.height];
  } else {
    const positive = points.filter((p) => p.positive);
    if (positive.length === 0) return undefined;
    const xs = positive.map((p) => p.x);
    const ys = positive.map((p) => p.y);
    const pad = Math.max(40, 0.6 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
    [x0, y0, x1, y1] = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
  }
  x0 = Math.max(1, Math.floor(x0));
  y0 = Math.max(1, Math.floor(y0));
  x1 = Math.min(width - 2, Math.ceil(x1));
  y1 = Math.min(height - 2, Math.ceil(y1));
  return x1 - x0 >= 4 && y1 - y0 >= 4 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined;
}

/** GrabCut in a window round the prompt (the margin gives it background to learn from). */
function segment({ image, points, box }) {
  const { width, height } = image;
  const rect = promptRect(points, box, width, height);
  if (!rect) return { polygon: undefined };
  const margin = 40;
  const crop = {
    x: Math.max(0, rect.x - margin),
    y: Math.max(0, rect.y - margin),
  };
  crop.width = Math.min(width, rect.x + rect.width + margin) - crop.x;
  crop.height = Math.min(height, rect.y + rect.height + margin) - crop.y;
  const canvas = new OffscreenCanvas(crop.width, crop.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
  image.close();
  const pixels = context.getImageData(0, 0, crop.width, crop.height);
  const mats = [];
  const keep = (mat) => (mats.push(mat), mat);
  try {
    const rgba = keep(cv.matFromImageData(pixels));
    const rgb = keep(new cv.Mat());
    cv.cvtColor(rgba, rgb, cv.COLOR_RGBA2RGB);
    const mask = keep(new cv.Mat());
    const background = keep(new cv.Mat());
    const foreground = keep(new cv.Mat());
    const inner = new cv.Rect(rect.x - crop.x, rect.y - crop.y, rect.width, rect.height);
    cv.grabCut(rgb, mask, inner, background, foreground, 4, cv.GC_INIT_WITH_RECT);
    if (points.length > 0) {
      for (const p of points) {
        const centre = new cv.Point(Math.round(p.x - crop.x), Math.round(p.y - crop.y));
        cv.circle(mask, centre, 4, new cv.Scalar(p.positive ? cv.GC_FGD : cv.GC_BGD), -1);
      }
      cv.grabCut(rgb, mask, inner, background, foreground, 2, cv.GC_INIT_WITH_MASK);
    }
    const binary = keep(new cv.Mat(mask.rows, mask.cols, cv.CV_8UC1));
    for (let i = 0; i < mask.data.length; i++) binary.data[i] = mask.data[i] === cv.GC_FGD || mask.data[i] === cv.GC_PR_FGD ? 255 : 0;
    const contours = keep(new cv.MatVector());
    const hierarchy = keep(new cv.Mat());
    cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let largest;
    let largestArea = 0;
    for (let i = 0; i < contours.size(); i++) {
      const contour = keep(contours.get(i));
      const area = cv.contourArea(contour);
      if (area > largestArea) [largest, largestArea] = [contour, area];
    }
    if (!largest) return { polygon: undefined };
    const simplified = keep(new cv.Mat());
    cv.approxPolyDP(largest, simplified, 1, true);
    const polygon = [];
    for (let i = 0; i < simplified.data32S.length; i += 2) polygon.push([simplified.data32S[i] + crop.x, simplified.data32S[i + 1] + crop.y]);
    return { polygon };
  } finally {
    for (const mat of mats) mat.delete();
  }
}

self.onmessage = async ({ data }) => {
  try {
    await loadOpenCv(data.opencvUrl);
    self.postMessage({ id: data.id, ...segment(data) });
  } catch (error) {
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
