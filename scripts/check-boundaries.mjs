// Architecture rules the type-checker cannot see. Prints one line per violation
// (`path:line: rule`) and exits 1 when there is any.
//   1. src/core and src/format import only each other (relative paths) plus rbush and fast-png
//      (and the converters' parsers, fast-xml-parser and js-yaml, the review's munkres and
//      polygon-clipping, pure JavaScript too),
//      and never reference document, window or HTMLElement.
//   2. src/canvas, src/tools, src/text, src/media and src/host never import from src/elements.
//   3. Test files contain no .only( / .skip( / xit( / xdescribe(.
//   4. Third-party viewers stay behind their media adapter: only src/media/dicom imports
//      cornerstone-core, dicom-parser and the DICOM codecs; only src/format/convert imports
//      fast-xml-parser and js-yaml (so they reach labelkit/format.js and no element bundle).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const PURE_DIRS = ['src/core', 'src/format'];
const PURE_PACKAGES = new Set(['rbush', 'fast-png', 'fast-xml-parser', 'js-yaml', 'munkres', 'polygon-clipping']);
const DOM_GLOBALS = new Set(['document', 'window', 'HTMLElement']);
const BELOW_ELEMENTS_DIRS = ['src/canvas', 'src/tools', 'src/text', 'src/media', 'src/host'];
const ELEMENTS_DIR = 'src/elements';
/** Package → the one src/ folder allowed to import it (or any of its files). */
const DICOM_PACKAGES = [
  'cornerstone-core',
  'dicom-parser',
  '@cornerstonejs/codec-libjpeg-turbo-8bit',
  '@cornerstonejs/codec-charls',
  '@cornerstonejs/codec-openjpeg',
  '@cornerstonejs/codec-openjph',
  'jpeg-lossless-decoder-js',
];
const ADAPTER_ONLY_PACKAGES = {
  ...Object.fromEntries(DICOM_PACKAGES.map((name) => [name, 'src/media/dicom'])),
  'fast-xml-parser': 'src/format/convert',
  'js-yaml': 'src/format/convert',
};
const FOCUSED_OR_SKIPPED = /(\.only\s*\(|\.skip\s*\(|\bxit\s*\(|\bxdescribe\s*\()/g;

const toPosix = (path) => path.split(sep).join('/');
const isInside = (path, dir) => path === dir || path.startsWith(`${dir}/`);

function listFiles(dir, accept) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => toPosix(relative(root, join(entry.parentPath ?? entry.path, entry.name))))
    .sort();
}

const isSource = (name) => /\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts');

function parse(path) {
  return ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Every module specifier in a file: static and dynamic imports, re-exports, `import('x')` types. */
function moduleSpecifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    let specifier;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      specifier = node.moduleSpecifier;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      specifier = node.argument.literal;
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifier = node.moduleReference.expression;
    }
    if (specifier) {
      const text = ts.isStringLiteralLike(specifier) ? specifier.text : null;
      found.push({ text, line: lineOf(sourceFile, specifier) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function lineOf(sourceFile, node) {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** Repository-relative path a relative specifier points at (extension as written). */
function target(fromPath, specifier) {
  return toPosix(relative(root, resolve(root, dirname(fromPath), specifier)));
}

/** Names declared in the file itself (a local `document` is not the DOM global). */
function declaredNames(sourceFile) {
  const names = new Set();
  const visit = (node) => {
    const name = node.name;
    if (name && ts.isIdentifier(name) && (ts.isVariableDeclaration(node) || ts.isParameter(node) ||
      ts.isBindingElement(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) ||
      ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) ||
      ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node))) {
      names.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** Identifiers naming a DOM global, ignoring property names (`x.window`, `{ document: 1 }`). */
function domGlobalReferences(sourceFile) {
  const local = declaredNames(sourceFile);
  const found = [];
  const visit = (node) => {
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !local.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) ||
          ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) ||
          ts.isSetAccessor(parent) || ts.isEnumMember(parent)) && parent.name === node);
      if (!isPropertyName) found.push({ name: node.text, line: lineOf(sourceFile, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function checkPureModules(violations) {
  for (const dir of PURE_DIRS) {
    for (const path of listFiles(dir, isSource)) {
      const sourceFile = parse(path);
      for (const { text, line } of moduleSpecifiers(sourceFile)) {
        if (text === null) {
          violations.push(`${path}:${line}: imports a computed module path (${dir} allows only literal paths)`);
        } else if (text.startsWith('.')) {
          const to = target(path, text);
          if (!PURE_DIRS.some((allowed) => isInside(to, allowed))) {
            violations.push(`${path}:${line}: imports "${text}" from outside src/core and src/format`);
          }
        } else if (!PURE_PACKAGES.has(text)) {
          violations.push(`${path}:${line}: imports package "${text}" (allowed here: ${[...PURE_PACKAGES].join(', ')})`);
        }
      }
      for (const { name, line } of domGlobalReferences(sourceFile)) {
        violations.push(`${path}:${line}: references the DOM global "${name}"`);
      }
    }
  }
}

function checkLayering(violations) {
  for (const dir of BELOW_ELEMENTS_DIRS) {
    for (const path of listFiles(dir, isSource)) {
      for (const { text, line } of moduleSpecifiers(parse(path))) {
        if (text?.startsWith('.') && isInside(target(path, text), ELEMENTS_DIR)) {
          violations.push(`${path}:${line}: imports "${text}" from src/elements (${dir} sits below the elements)`);
        }
      }
    }
  }
}

function checkAdapterPackages(violations) {
  for (const path of listFiles('src', isSource)) {
    for (const { text, line } of moduleSpecifiers(parse(path))) {
      const name = Object.keys(ADAPTER_ONLY_PACKAGES).find((pkg) => text === pkg || text?.startsWith(`${pkg}/`));
      if (name && !isInside(path, ADAPTER_ONLY_PACKAGES[name])) {
        violations.push(`${path}:${line}: imports "${text}" (only ${ADAPTER_ONLY_PACKAGES[name]} may)`);
      }
    }
  }
}

function checkFocusedTests(violations) {
  const testFiles = [...listFiles('test', isSource), ...listFiles('src', (name) => /\.test\.(ts|js|mjs)$/.test(name))];
  for (const path of testFiles) {
    const lines = readFileSync(join(root, path), 'utf8').split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(FOCUSED_OR_SKIPPED)) {
        violations.push(`${path}:${index + 1}: "${match[1].trim()}" focuses or skips tests`);
      }
    });
  }
}

export function findViolations() {
  const violations = [];
  checkPureModules(violations);
  checkLayering(violations);
  checkAdapterPackages(violations);
  checkFocusedTests(violations);
  return violations;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const violations = findViolations();
  for (const violation of violations) console.error(violation);
  if (violations.length > 0) {
    console.error(`boundary check failed: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('boundary check passed');
}
