import type { StorybookConfig } from '@storybook/web-components-vite';

// pdf.js data folders that source code addresses as `new URL('../../../node_modules/pdfjs-dist/<dir>/', import.meta.url)`.
// Vite rewrites file URLs in a static build but leaves folder URLs as they are; from a built
// chunk in /assets/ such a URL resolves to /node_modules/pdfjs-dist/<dir>/, so serve them there.
const pdfjsDataDirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'].map((dir) => ({
  from: `../node_modules/pdfjs-dist/${dir}`,
  to: `/node_modules/pdfjs-dist/${dir}`,
}));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Stories load the real sample assets from test/fixtures as assets/... next to the page (e.g. assets/image/bottles-frame.jpg),
  // so a build works under any path (npm run docs puts it in docs-site/storybook/).
  staticDirs: [{ from: '../test/fixtures', to: '/assets' }, ...pdfjsDataDirs],
  core: { disableTelemetry: true },
};

export default config;
