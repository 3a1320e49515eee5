import type { StorybookConfig } from '@storybook/web-components-vite';
import { dicomDecodeWorker } from './decode-worker.js';
import { tiledImages } from './tiled-images.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Stories load the real sample assets from test/fixtures as assets/... next to the page (e.g. assets/image/bottles-frame.jpg),
  // so a build works under any path (npm run docs puts it in docs-site/storybook/).
  // pdf.js's worker and data files and the DICOM codecs' .wasm need nothing here: each is a
  // `new URL(…, import.meta.url)` file that Vite serves in dev and copies in a build
  // (src/media/bundled-files.ts). The DICOM decode worker is compiled (./decode-worker.ts).
  staticDirs: [{ from: '../test/fixtures', to: '/assets' }],
  core: { disableTelemetry: true },
  viteFinal: async (config) => {
    const { mergeConfig } = await import('vite');
    // The codec worker loads each codec with import() and runs as a module worker: ES format.
    return mergeConfig(config, { plugins: [dicomDecodeWorker(), tiledImages()], worker: { format: 'es' } });
  },
};

export default config;
