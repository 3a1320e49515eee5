/**
 * The tiled test pictures (scripts/tiled-images.mjs) on the Storybook dev server at /__lk-tiles/,
 * made on request as the test runner's server makes them, so the tiled stories need no files.
 */
import type { Plugin } from 'vite';
// @ts-expect-error a Node script without type declarations
import { answerTilePath, TILES_PREFIX } from '../scripts/tiled-images.mjs';

export function tiledImages(): Plugin {
  return {
    name: 'lk-tiled-images',
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
