// One API page per custom element, written as Markdown from custom-elements.json (the manifest
// the build generates from the JSDoc), so the tables never drift from the code.

export const MEDIA_ELEMENTS = ['lk-image', 'lk-video', 'lk-pdf', 'lk-dicom', 'lk-text'];

/** Every custom element the manifest declares, in a stable order: the five elements, then panels. */
export function manifestElements(manifest) {
  const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName));
  const rank = (element) => (MEDIA_ELEMENTS.includes(element.tagName) ? MEDIA_ELEMENTS.indexOf(element.tagName) : MEDIA_ELEMENTS.length);
  return elements.sort((a, b) => rank(a) - rank(b) || a.tagName.localeCompare(b.tagName));
}

const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headings, rows) {
  if (rows.length === 0) return '';
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headings), line(headings.map(() => '---')), ...rows.map(line)].join('\n');
}

function section(heading, body) {
  return body ? `## ${heading}\n\n${body}\n` : '';
}

const isPublic = (member) => !member.privacy && !member.static && !member.name.startsWith('_') && !member.name.startsWith('#');

function signature(method) {
  const parameters = (method.parameters ?? []).map((parameter) => `${parameter.rest ? '...' : ''}${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`);
  return `${method.name}(${parameters.join(', ')})${method.return?.type?.text ? `: ${method.return.type.text}` : ''}`;
}

/** The module a host imports to register the element. */
const entryOf = (tagName) => (MEDIA_ELEMENTS.includes(tagName) ? `labelkit/${tagName}.js` : 'labelkit/panels.js');

/** The API page of one element, as Markdown. `guide`: the relative link to its guide page, if any. */
export function apiMarkdown(element, { guide } = {}) {
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && isPublic(member));
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && isPublic(member));
  return [
    `# \`<${element.tagName}>\` API`,
    '',
    [element.summary, element.description].filter(Boolean).map(cell).join(' '),
    '',
    `\`import '${entryOf(element.tagName)}';\` registers it${guide ? `; the [guide](${guide}) shows how to use it` : ''}. Generated from \`custom-elements.json\`.`,
    '',
    section(
      'Properties and attributes',
      table(
        ['property', 'attribute', 'type', 'default', 'description'],
        [
          ...fields.map((field) => [code(field.name), field.attribute ? code(field.attribute) : '—', code(field.type?.text), code(field.default), cell(field.description)]),
          // Attributes with no property of their own (`autofocus`).
          ...(element.attributes ?? [])
            .filter((attribute) => !attribute.fieldName && !fields.some((field) => field.attribute === attribute.name))
            .map((attribute) => ['—', code(attribute.name), code(attribute.type?.text), code(attribute.default), cell(attribute.description)]),
        ],
      ),
    ),
    section('Methods', table(['method', 'description'], methods.map((method) => [code(signature(method)), cell(method.description)]))),
    section('Events', table(['event', 'type', 'description'], (element.events ?? []).filter((event) => event.name).map((event) => [code(event.name), code(event.type?.text), cell(event.description)]))),
    section('Slots', table(['slot', 'description'], (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]))),
    section('CSS parts', table(['part', 'description'], (element.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]))),
    section(
      'CSS custom properties',
      table(['property', 'default', 'description'], (element.cssProperties ?? []).map((property) => [code(property.name), code(property.default), cell(property.description)])),
    ),
    section('CSS states', table(['state', 'description'], (element.cssStates ?? []).map((state) => [code(`:state(${state.name})`), cell(state.description)]))),
  ]
    .filter((part) => part !== undefined)
    .join('\n');
}
