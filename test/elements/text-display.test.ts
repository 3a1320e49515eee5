/**
 * The display settings on <lk-text> (issue 18): each entity shows its class name at its start, and
 * the display panel's labels box, the L key, H and the class list act on them. Real keys and clicks;
 * assertions on the tags' text and place, on the screen's pixels and on the export (unchanged).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/lk-text/define.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { codePointSpan, importOf, textRect } from './lk-text-helpers.js';
import { pixels, rowsWithColour } from './pixels.js';

const ontology = {
  tools: [
    { schemaId: 'n-person', tool: 'ner', title: 'Person', color: '#e53935' },
    { schemaId: 'n-place', tool: 'ner', title: 'Place', color: '#1e88e5' },
  ],
};
const STORY = 'Mr. Darcy met Elizabeth Bennet at the ball.\nShe lived at Longbourn near Meryton.\n';
const entities = importOf([
  { objectId: 'darcy', schemaId: 'n-person', ner: codePointSpan(STORY, 'Darcy') },
  { objectId: 'elizabeth', schemaId: 'n-person', ner: codePointSpan(STORY, 'Elizabeth Bennet') },
  { objectId: 'longbourn', schemaId: 'n-place', ner: codePointSpan(STORY, 'Longbourn') },
]);

async function mount(): Promise<LkText> {
  const element = await fixture<LkText>(html`
    <lk-text style="--lk-height: 480px; width: 900px" .ontology=${ontology} .annotations=${entities} .text=${STORY}></lk-text>
  `);
  await element.settled();
  element.focus();
  return element;
}

/** The class-name tags on screen: object id → text. */
function tags(element: LkText): Record<string, string> {
  const found: Record<string, string> = {};
  for (const tag of element.shadowRoot!.querySelectorAll<HTMLElement>('.class-label')) found[tag.dataset['objectId']!] = tag.textContent!;
  return found;
}

function displayControl(element: LkText, selector: string): HTMLElement {
  const found = element.shadowRoot!.querySelector('lk-display-panel')?.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in the display panel`);
  return found;
}

async function clickControl(element: LkText, selector: string): Promise<void> {
  const control = displayControl(element, selector);
  control.scrollIntoView({ block: 'center' });
  const rect = control.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
  await element.settled();
}

/** The strip just above a word's line box, where its tag sits. */
async function above(element: LkText, needle: string) {
  const rect = textRect(element, needle);
  return pixels({ left: rect.left, top: rect.top - 10, width: 30, height: 9 });
}

describe('<lk-text> display: class names on entities', () => {
  it('shows each entity’s class name at its start, in the class colour, as text', async () => {
    const element = await mount();
    expect(tags(element)).to.deep.equal({ darcy: 'Person', elizabeth: 'Person', longbourn: 'Place' });
    const tag = element.shadowRoot!.querySelector<HTMLElement>('.class-label[data-object-id="longbourn"]')!;
    const tagRect = tag.getBoundingClientRect();
    const word = textRect(element, 'Longbourn');
    expect(Math.abs(tagRect.left - word.left)).to.be.lessThan(1);
    expect(tagRect.bottom).to.be.closeTo(word.top, 1);
    // Plain text nodes, never markup; black reads better than white on this blue (axe checks the contrast too).
    expect(tag.childNodes.length).to.equal(1);
    expect(tag.firstChild).to.be.instanceOf(Text);
    expect(getComputedStyle(tag).color).to.equal('rgb(0, 0, 0)');
    expect(rowsWithColour(await above(element, 'Longbourn'), '#1e88e5').length).to.be.greaterThan(0);
    expect(rowsWithColour(await above(element, 'Darcy'), '#e53935').length).to.be.greaterThan(0);
    await expect(element).to.be.accessible();
  });

  it('L and the Labels box hide and show them; the export never changes', async () => {
    const element = await mount();
    const before = element.export().task.tools;
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(tags(element)).to.deep.equal({});
    expect(rowsWithColour(await above(element, 'Longbourn'), '#1e88e5')).to.deep.equal([]);
    expect((displayControl(element, '.labels') as HTMLInputElement).checked).to.equal(false);
    await clickControl(element, '.labels');
    expect(tags(element)).to.deep.equal({ darcy: 'Person', elizabeth: 'Person', longbourn: 'Place' });
    await clickControl(element, '.labels');
    expect(tags(element)).to.deep.equal({});
    element.focus();
    await sendKeys({ press: 'l' });
    await element.settled();
    expect(Object.keys(tags(element))).to.have.length(3);
    expect(element.export().task.tools).to.deep.equal(before);
  });

  it('H hides every entity with its tag; hiding a class hides only that class', async () => {
    const element = await mount();
    await sendKeys({ press: 'h' });
    await element.settled();
    expect(tags(element)).to.deep.equal({});
    expect(rowsWithColour(await above(element, 'Darcy'), '#e53935')).to.deep.equal([]);
    element.focus();
    await sendKeys({ press: 'h' });
    await element.settled();
    expect(Object.keys(tags(element))).to.have.length(3);
    await clickControl(element, 'input[data-schema-id="n-person"]');
    expect(tags(element)).to.deep.equal({ longbourn: 'Place' });
    expect(element.export().task.tools).to.have.length(3);
  });

  it('fill opacity and outlines only act on the entities’ background; the underline stays', async () => {
    const element = await mount();
    /** The upper half of the word (its background, above any underline) and the strip just under it. */
    const inside = async () => {
      const rect = textRect(element, 'Longbourn');
      return pixels({ left: rect.left + 1, top: rect.top + 1, width: rect.width - 2, height: rect.height / 2 });
    };
    const under = async () => {
      const rect = textRect(element, 'Longbourn');
      return pixels({ left: rect.left + 1, top: rect.bottom - 2, width: rect.width - 2, height: 8 });
    };
    const blue = '#1e88e5';
    expect(rowsWithColour(await inside(), blue), 'a light tint at the default').to.deep.equal([]);
    const slider = element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!.querySelector<HTMLInputElement>('.fill-opacity')!;
    slider.focus();
    await sendKeys({ press: 'End' });
    await element.settled();
    expect(element.session.display.fillOpacity).to.equal(1);
    expect(rowsWithColour(await inside(), blue).length, 'an opaque background at 100 %').to.be.greaterThan(3);
    await clickControl(element, '.outline-only');
    expect(rowsWithColour(await inside(), blue)).to.deep.equal([]);
    expect(rowsWithColour(await under(), blue).length, 'the underline').to.be.greaterThan(0);
    expect(Object.keys(tags(element))).to.have.length(3);
  });

  it('has no picture adjustments to offer', async () => {
    const element = await mount();
    const panel = element.shadowRoot!.querySelector('lk-display-panel')!.shadowRoot!;
    expect(panel.querySelector('.brightness')).to.equal(null);
    expect(panel.querySelector('.fill-opacity')).not.to.equal(null);
  });

  it('the shortcut help (?) lists H and L', async () => {
    const element = await mount();
    await sendKeys({ press: '?' });
    await element.settled();
    const help = element.shadowRoot!.querySelector('lk-shortcut-help')!.shadowRoot!;
    expect(help.querySelector('dialog')!.open).to.equal(true);
    const keys = (action: string) => help.querySelector(`tr[data-action="${action}"] td.keys`)?.textContent?.trim();
    expect(keys('toggleVisibility')).to.equal('H');
    expect(keys('toggleLabels')).to.equal('L');
  });
});
