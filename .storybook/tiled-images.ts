/**
 * The tiled test pictures (scripts/tiled-images.mjs) on the Storybook dev server at /__lk-tiles/,
 * made on request as the test runner's server makes them, so the tiled stories need no files. A
 * static build has no server: the photo is written out whole, and the grid at 8192 × 8192 (the
 * 40,000-px one would be some 17,000 files).
 */
import type { Plugin } from 'vite';
// @ts-expect-error a Node script without type declarations
import { answerTilePath, TILES_PREFIX, writeTiledImage } from '../scripts/tiled-images.mjs';
import { join } from 'node:path';

export function tiledImages(): Plugin {
  return {
    name: 'lk-tiled-images',
    async writeBundle(options) {
      if (!options.dir) return;
      const directory = join(options.dir, TILES_PREFIX);
      await writeTiledImage(directory, 'photo');
      await writeTiledImage(directory, 'grid-static', 'grid');
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(TILES_PREFIX)) return next();
        (answerTilePath(path) as Promise<{ status: number; type: string; body: string | Buffer }>).then((answer) => {
          response.statusCode = answer.status;
          response.setHeader('content-type', answer.type);
          response.end(answer.body);
        }, next);
      });
    },
  };
}
