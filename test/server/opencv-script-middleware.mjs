// OpenCV.js (@techstark/opencv-js, a devDependency of the assisted-labeling example) as the plain
// script it is, for the example's worker to `importScripts`: served from node_modules it would be
// rewritten into an ES module by the test runner's CommonJS plugin, which a classic worker cannot load.
//
//   GET /__lk-opencv/opencv.js
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

export const OPENCV_SCRIPT_PATH = '/__lk-opencv/opencv.js';
const file = createRequire(import.meta.url).resolve('@techstark/opencv-js/dist/opencv.js');

export function opencvScriptMiddleware(context, next) {
  if (context.path !== OPENCV_SCRIPT_PATH) return next();
  context.type = 'application/javascript';
  context.body = createReadStream(file);
  return undefined;
}
