/**
 * /__lk-spa/…: every path answers 200 with an HTML page, as a dev server or static host with a
 * single-page-app fallback answers a file it does not have (Vite's dev server does this for a
 * missing file). Tests point resource URLs here to see such an answer reported, not swallowed.
 */
export const SPA_FALLBACK_PREFIX = '/__lk-spa/';

export function spaFallbackMiddleware(context, next) {
  if (!context.path.startsWith(SPA_FALLBACK_PREFIX)) return next();
  context.status = 200;
  context.type = 'text/html';
  context.body = '<!doctype html><title>App</title><div id="app"></div>';
  return undefined;
}
