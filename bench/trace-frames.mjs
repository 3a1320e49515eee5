// node bench/trace-frames.mjs bench/out/profiles/<page>-<step>.trace.json [--frames]
// Reads a Chrome trace written with BENCH_PROFILE=trace and prints the renderer main thread's CPU
// time per frame (each task that ran a BeginMainFrame): the median, and the median and sum of each
// rendering phase (style, layout, pre-paint, paint, layerize, script). Wall-clock frame times on the
// shared 2-core machine follow its load; CPU time per frame and phase shows where a frame's work
// goes. `--frames` lists every frame (CPU ms, wall ms, then its phases).
import { readFileSync } from 'node:fs';

const PHASES = {
  script: ['FunctionCall', 'EventDispatch'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  // With CSS Custom Highlights registered, a frame after a style change spends most of this phase on them
  // (<lk-text>, novel, 10,000 entities: ~1 ms when a block comes into view, 0.14 ms with no highlight registered).
  'compositing inputs': ['Blink.CompositingInputs.UpdateTime'],
  'pre-paint': ['Blink.PrePaint.UpdateTime'],
  paint: ['Paint'],
  layerize: ['Layerize'],
  intersections: ['IntersectionObserverController::computeIntersections'],
  commit: ['Commit'],
};

const [path] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: node bench/trace-frames.mjs <trace.json> [--frames]');
  process.exit(1);
}
const trace = JSON.parse(readFileSync(path, 'utf8'));
const events = trace.traceEvents ?? trace;
const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const counts = new Map();
for (const e of events) if (e.ph === 'X') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
// The page's renderer main thread: the busiest CrRendererMain.
const main = [...threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
const mainEvents = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const ms = (us) => (us ?? 0) / 1000;

const frames = [];
let index = 0;
for (const task of mainEvents) {
  if (task.name !== 'RunTask') continue;
  const end = task.ts + task.dur;
  while (index < mainEvents.length && mainEvents[index].ts < task.ts) index++;
  const inside = [];
  for (let i = index; i < mainEvents.length && mainEvents[i].ts < end; i++) if (mainEvents[i] !== task && mainEvents[i].ts + mainEvents[i].dur <= end) inside.push(mainEvents[i]);
  if (!inside.some((e) => e.name === 'ProxyMain::BeginMainFrame')) continue;
  const phases = {};
  for (const [phase, names] of Object.entries(PHASES)) {
    let until = -1;
    for (const e of inside) {
      // Outermost events only: a nested event of the same name is already counted.
      if (!names.includes(e.name) || e.ts < until) continue;
      until = e.ts + e.dur;
      phases[phase] = (phases[phase] ?? 0) + ms(e.tdur);
    }
  }
  frames.push({ cpu: ms(task.tdur), wall: ms(task.dur), phases });
}

if (frames.length === 0) {
  console.error('no frame in this trace: it needs the `cc` category (ProxyMain::BeginMainFrame), which BENCH_PROFILE=trace records');
  process.exit(1);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`${frames.length} frames: CPU median ${median(frames.map((f) => f.cpu)).toFixed(2)} ms, wall median ${median(frames.map((f) => f.wall)).toFixed(2)} ms`);
for (const phase of Object.keys(PHASES)) {
  const values = frames.map((f) => f.phases[phase] ?? 0);
  console.log(`  ${phase.padEnd(20)} median ${median(values).toFixed(2)} ms, sum ${values.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
}
if (process.argv.includes('--frames')) {
  for (const frame of frames) {
    const parts = Object.entries(frame.phases).map(([phase, value]) => `${phase} ${value.toFixed(2)}`);
    console.log(`${frame.cpu.toFixed(2).padStart(6)} ${frame.wall.toFixed(2).padStart(7)}  ${parts.join(', ')}`);
  }
}
