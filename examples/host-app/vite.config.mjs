// The page is an ordinary Vite + React build. labelkit is imported by its package name and
// resolves to the package's built dist/ through its "exports", as in any host app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: process.env.CLIENT_DIR ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Chromium, Firefox and Safari all support modulepreload: no polyfill in the bundle.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
