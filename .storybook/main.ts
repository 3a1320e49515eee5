import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Stories load the real sample assets from test/fixtures as assets/... next to the page (e.g. assets/image/bottles-frame.jpg),
  // so a build works under any path (npm run docs puts it in docs-site/storybook/).
  // pdf.js's worker and data files need nothing here: each is a `new URL(…, import.meta.url)` file
  // that Vite serves in dev and copies in a build (src/media/bundled-files.ts).
  staticDirs: [{ from: '../test/fixtures', to: '/assets' }],
  core: { disableTelemetry: true },
};

export default config;
