#!/usr/bin/env node
// `labelkit convert --from coco --to ango in.json [--ontology o.json] [--out out.json]`: the
// converters of labelkit/format.js in a shell. Reads the built dist/format.js (npm run build).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = `usage: labelkit convert --from <format> --to <format> <input> [--ontology o.json] [--out path] [--images dir] [--ontology-out o.json]
formats: ango (the export record), coco, yolo, voc, cvat, label-studio, w3c
  <input>   a file (JSON, or CVAT XML), or a folder for yolo and voc
  --out     a file, or a folder for yolo and voc output (default: JSON to stdout)
  --images  a folder of the images, for their sizes (YOLO coordinates are fractions of them)
Problems (what a format cannot hold, input it cannot read) go to stderr, one per line.`;

function parseArgs(argv) {
  const options = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) options[arg.slice(2)] = argv[++i];
    else options._.push(arg);
  }
  return options;
}

function readTree(dir) {
  const files = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(txt|ya?ml|names|xml|data)$/i.test(entry.name)) files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function imageSizes(dir, imageSizeOf) {
  const images = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(jpe?g|png)$/i.test(entry.name)) {
        const size = imageSizeOf(new Uint8Array(readFileSync(path)));
        if (size) images[entry.name.replace(/\.[^.]+$/, '')] = { file: entry.name, ...size };
      }
    }
  };
  walk(dir);
  return images;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const options = parseArgs(rest);
  if (command !== 'convert' || !options.from || !options.to || options._.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'format.js');
  if (!existsSync(dist)) {
    console.error('labelkit: dist/format.js is missing; run `npm run build` first.');
    return 2;
  }
  const format = await import(pathToFileURL(dist).href);
  if (!format.FORMATS.includes(options.from) || !format.FORMATS.includes(options.to)) {
    console.error(`labelkit: formats are ${format.FORMATS.join(', ')}.`);
    return 2;
  }
  const inputPath = options._[0];
  let input;
  const extra = {};
  if (statSync(inputPath).isDirectory()) {
    input = { files: readTree(inputPath) };
    extra.images = imageSizes(options.images ?? inputPath, format.imageSizeOf);
  } else {
    const text = readFileSync(inputPath, 'utf8');
    if (options.from === 'cvat') input = text;
    else if (options.from === 'voc') input = { files: { [inputPath.split(/[\\/]/).pop()]: text } };
    else {
      try {
        input = JSON.parse(text);
      } catch (error) {
        console.error(`labelkit: ${inputPath} is not JSON: ${error.message}`);
        return 1;
      }
    }
    if (options.images) extra.images = imageSizes(options.images, format.imageSizeOf);
  }
  if (options.ontology) extra.ontology = JSON.parse(readFileSync(options.ontology, 'utf8'));
  const { data, problems } = format.convert(options.from, options.to, input, extra);
  for (const problem of problems) console.error(`${problem.code} ${problem.path ?? ''}: ${problem.message}`);
  if (!options.ontology && data.ontology && options.from !== 'ango') {
    const target = options['ontology-out'];
    if (target) writeFileSync(target, `${JSON.stringify(data.ontology, null, 2)}\n`);
    else console.error('labelkit: no --ontology given; one was generated from the class list (save it with --ontology-out).');
  }
  const output = data.output;
  if (output && typeof output === 'object' && 'files' in output && options.out) {
    for (const [path, text] of Object.entries(output.files)) {
      const file = join(options.out, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  } else {
    const text = typeof output === 'string' ? output : `${JSON.stringify(output, null, 2)}\n`;
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  }
  return 0;
}

process.exitCode = await main();
