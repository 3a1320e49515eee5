import { expect } from '@open-wc/testing';

interface Documented {
  name?: string;
  description?: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
}

interface Declaration extends Documented {
  tagName?: string;
  attributes?: Documented[];
  members?: Documented[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}

const ELEMENTS = ['lk-image', 'lk-video', 'lk-pdf', 'lk-dicom', 'lk-text'];
const EVENTS = ['lk-ready', 'lk-change', 'lk-input', 'lk-select', 'lk-submit', 'lk-invalid', 'lk-skip', 'lk-review', 'lk-issue', 'lk-error'];

async function declarations(): Promise<Declaration[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
}

describe('custom-elements.json', () => {
  it('lists every element with the events a host listens to, each described, and nothing guessed', async () => {
    const all = await declarations();
    for (const tag of ELEMENTS) {
      const element = all.find((declaration) => declaration.tagName === tag);
      expect(element, tag).to.exist;
      expect(element!.events!.map((event) => event.name), tag).to.have.members(EVENTS);
      for (const event of element!.events!) expect(event.description, `${tag} ${event.name}`).to.be.a('string').and.not.empty;
    }
    for (const declaration of all) {
      for (const event of declaration.events ?? []) expect(event.name && event.description, `${declaration.tagName}: an event without a name or description`).to.be.ok;
    }
  });

  it('describes every attribute, public property, part and CSS property of every element and panel', async () => {
    const missing: string[] = [];
    for (const declaration of await declarations()) {
      const publicMembers = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.privacy && !member.static);
      for (const [what, items] of [
        ['attribute', declaration.attributes ?? []],
        ['property', publicMembers],
        ['part', declaration.cssParts ?? []],
        ['css property', declaration.cssProperties ?? []],
      ] as const) {
        for (const item of items) if (!item.description?.trim()) missing.push(`${declaration.tagName} ${what} ${item.name}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('each element documents its parts and CSS custom properties', async () => {
    for (const declaration of (await declarations()).filter((d) => ELEMENTS.includes(d.tagName!))) {
      expect(declaration.cssParts ?? [], declaration.tagName).to.not.be.empty;
      expect(declaration.cssProperties ?? [], declaration.tagName).to.not.be.empty;
    }
  });
});
