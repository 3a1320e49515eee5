import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = {
  title: 'Welcome',
  parameters: { layout: 'padded' },
};
export default meta;

const elements = ['lk-image', 'lk-video', 'lk-pdf', 'lk-dicom', 'lk-text'];

export const Introduction: StoryObj = {
  render: () => html`
    <article style="font: 15px/1.5 system-ui, sans-serif; max-width: 60ch">
      <h1>labelkit</h1>
      <p>
        Framework-agnostic custom elements for labeling images, video, PDF, DICOM and text inside
        your own app. Give an element an asset URL, an ontology and optional pre-labels; listen for
        <code>lk-*</code> events carrying annotations in the export format.
      </p>
      <ul>
        ${elements.map((tag) => html`<li><code>&lt;${tag}&gt;</code>: import <code>labelkit/${tag}.js</code></li>`)}
      </ul>
      <p>The stories load real sample assets from <code>assets/</code>, next to the page (the repository's <code>test/fixtures</code>).</p>
    </article>
  `,
};
