/**
 * Every story renders as a developer previewing it in Storybook would see it: each labelkit
 * element in it reaches `lk-ready`, and the stories that show an error state end in `lk-error`
 * (and only those). The stories run as they are, on the bundled sample assets (served at /assets/
 * as Storybook's staticDirs do, see test/server/stories-plugin.mjs), so a story cannot rot
 * unnoticed.
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import errorStories from './error-stories.json';

type StoryArgs = Record<string, unknown>;
interface StoryModule {
  default: { title?: string; args?: StoryArgs };
  [name: string]: unknown;
}
interface Story {
  args?: StoryArgs;
  /** Storybook runs these before rendering and passes what they return as `loaded`. */
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render?: (args: StoryArgs, context: { loaded: Record<string, unknown> }) => TemplateResult | HTMLElement;
}

const modules: Record<string, () => Promise<StoryModule>> = {
  'lk-image': () => import('../../stories/lk-image.stories.js') as Promise<StoryModule>,
  'lk-video': () => import('../../stories/lk-video.stories.js') as Promise<StoryModule>,
  'lk-pdf': () => import('../../stories/lk-pdf.stories.js') as Promise<StoryModule>,
  'lk-dicom': () => import('../../stories/lk-dicom.stories.js') as Promise<StoryModule>,
  'lk-text': () => import('../../stories/lk-text.stories.js') as Promise<StoryModule>,
};

/**
 * The stories that show what a host sees when something is wrong, with the lk-error code each
 * story's documentation names (also read by test/hosts/storybook-dev.mjs).
 */
const ERROR_STORIES = new Map<string, string>(Object.entries(errorStories));

const ELEMENTS = 'lk-image, lk-video, lk-pdf, lk-dicom, lk-text';
const WAIT_MS = 45000;

/** Renders a story and collects what its elements say until each has answered (ready or error). */
async function play(story: Story, args: StoryArgs): Promise<{ elements: Element[]; ready: Set<Element>; errors: { element: Element; code: string }[] }> {
  const host = document.createElement('div');
  host.style.cssText = 'width: 1100px';
  document.body.append(host);
  const ready = new Set<Element>();
  const errors: { element: Element; code: string }[] = [];
  host.addEventListener('lk-ready', (event) => ready.add(event.target as Element));
  host.addEventListener('lk-error', (event) => errors.push({ element: event.target as Element, code: (event as CustomEvent).detail.code }));
  const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((load) => load()))));
  render(story.render!({ ...args, ...story.args }, { loaded }), host);
  const elements = [...host.querySelectorAll(ELEMENTS)];
  const answered = () => elements.every((element) => ready.has(element) || errors.some((e) => e.element === element));
  const started = performance.now();
  while (!answered() && performance.now() - started < WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  return { elements, ready, errors };
}

describe('stories', function () {
  this.timeout(WAIT_MS + 15000);

  afterEach(() => {
    for (const element of document.body.querySelectorAll(':scope > div')) {
      render(null, element as HTMLElement);
      element.remove();
    }
  });

  for (const [file, load] of Object.entries(modules)) {
    it(`${file}: every story's elements reach lk-ready, and error stories end in lk-error`, async () => {
      const module = await load();
      const stories = Object.entries(module).filter(([name, value]) => name !== 'default' && typeof (value as Story)?.render === 'function');
      expect(stories.length, 'stories found').to.be.greaterThan(3);
      const failures: string[] = [];
      for (const [name, value] of stories) {
        const id = `${file}/${name}`;
        const { elements, ready, errors } = await play(value as Story, module.default.args ?? {});
        if (elements.length === 0) failures.push(`${id}: no labelkit element rendered`);
        const unanswered = elements.filter((element) => !ready.has(element) && !errors.some((e) => e.element === element));
        if (unanswered.length) failures.push(`${id}: ${unanswered.length} element(s) said nothing within ${WAIT_MS} ms`);
        const expectedCode = ERROR_STORIES.get(id);
        if (expectedCode && !errors.some((e) => e.code === expectedCode)) failures.push(`${id}: expected lk-error ${expectedCode}, got ${errors.map((e) => e.code).join(', ') || 'none'}`);
        if (!ERROR_STORIES.has(id) && errors.length) failures.push(`${id}: lk-error ${errors.map((e) => e.code).join(', ')}`);
        for (const div of document.body.querySelectorAll(':scope > div')) {
          render(null, div as HTMLElement);
          div.remove();
        }
      }
      expect(failures).to.deep.equal([]);
    });
  }
});
