/**
 * The dark theme (issue 18, item 9): `theme="dark"`, and `theme="auto"` under a dark
 * `prefers-color-scheme`, set the `--lk-*` custom properties for the element and its panels;
 * `theme="light"` keeps the light ones; axe stays clean in dark.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/lk-image/define.js';
import '../../src/elements/lk-video/define.js';
import '../../src/elements/lk-text/define.js';
import type { LkImage } from '../../src/elements/lk-image/lk-image.js';
import type { LkVideo } from '../../src/elements/lk-video/lk-video.js';
import type { LkText } from '../../src/elements/lk-text/lk-text.js';
import { FRAME_NUMBERS_URL } from '../media/video/video-helpers.js';
import { IMAGE_URL, IMPORT_URL, ONTOLOGY_URL, fetchJson, nextEvent } from './helpers.js';

let ontology: unknown;
let prelabels: unknown;

before(async () => {
  ontology = await fetchJson(ONTOLOGY_URL);
  prelabels = await fetchJson(IMPORT_URL);
});
afterEach(() => emulateMedia({ colorScheme: 'light' }));

async function image(theme: string): Promise<LkImage> {
  const element = await fixture<LkImage>(html`<lk-image theme=${theme} style="--lk-height: 600px; width: 1000px" .ontology=${ontology} .annotations=${prelabels}></lk-image>`);
  const ready = nextEvent(element, 'lk-ready');
  element.src = IMAGE_URL;
  await ready;
  await element.settled();
  return element;
}

const backgroundOf = (element: HTMLElement) => getComputedStyle(element).backgroundColor;
/** The side panel's object list text colour: the theme reaches the panels through their shadow roots. */
const panelTextOf = (element: HTMLElement) => getComputedStyle(element.shadowRoot!.querySelector('lk-object-list')!).color;

const DARK_BACKGROUND = 'rgb(22, 27, 34)';
const LIGHT_BACKGROUND = 'rgb(246, 248, 250)';

describe('theme', () => {
  it('dark: the element and its panels take the dark properties, axe clean', async () => {
    const element = await image('dark');
    expect(backgroundOf(element)).to.equal(DARK_BACKGROUND);
    expect(panelTextOf(element)).to.equal('rgb(230, 237, 243)');
    await expect(element).to.be.accessible();
  });

  it('auto follows prefers-color-scheme; light ignores it; a host value still wins', async () => {
    const element = await image('auto');
    expect(backgroundOf(element)).to.equal(LIGHT_BACKGROUND);
    await emulateMedia({ colorScheme: 'dark' });
    expect(backgroundOf(element)).to.equal(DARK_BACKGROUND);
    element.theme = 'light';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('light');
    expect(backgroundOf(element)).to.equal(LIGHT_BACKGROUND);
    element.theme = 'dark';
    element.style.setProperty('--lk-background', 'rgb(1, 2, 3)');
    await element.updateComplete;
    expect(backgroundOf(element)).to.equal('rgb(1, 2, 3)');
  });

  it('dark video and text are axe clean too', async () => {
    const video = await fixture<LkVideo>(html`<lk-video theme="dark" style="--lk-height: 640px; width: 1000px" .ontology=${ontology}></lk-video>`);
    const videoReady = nextEvent(video, 'lk-ready');
    video.src = FRAME_NUMBERS_URL;
    await videoReady;
    await video.updateComplete;
    expect(backgroundOf(video)).to.equal(DARK_BACKGROUND);
    await expect(video).to.be.accessible();

    const text = await fixture<LkText>(html`<lk-text theme="dark" style="--lk-height: 400px; width: 900px" .ontology=${{ tools: [{ schemaId: 'n-person', tool: 'ner', title: 'Person' }] }}></lk-text>`);
    const textReady = nextEvent(text, 'lk-ready');
    text.text = 'Elizabeth Bennet walked to Netherfield.';
    await textReady;
    await text.updateComplete;
    expect(backgroundOf(text)).to.equal(DARK_BACKGROUND);
    await expect(text).to.be.accessible();
  });
});
