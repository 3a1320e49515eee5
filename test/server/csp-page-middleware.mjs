// A page for the strict-CSP tests, served with the Content-Security-Policy a careful host sends.
// The test runner's own page runs inline scripts, so it cannot carry this policy; a test opens
// this page in an iframe instead (same origin, so it can drive the elements inside).
//
//   GET /__lk-csp/page.html   the page: two module scripts from 'self', nothing inline
//
// Every response the page's subresources get (their Referer is the page) carries the policy too,
// so the pdf.js worker runs under it as it would on the host's site.
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

export const CSP_PAGE_PATH = '/__lk-csp/page.html';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>labelkit under a strict CSP</title>
    <script type="module" src="/test/security/csp/violations.ts"></script>
    <script type="module" src="/test/security/csp/csp-page.ts"></script>
  </head>
  <body></body>
</html>
`;

function fromCspPage(ctx) {
  const referer = ctx.get('referer');
  if (!referer) return false;
  try {
    return new URL(referer).pathname === CSP_PAGE_PATH;
  } catch {
    return false;
  }
}

/** Koa middleware for @web/dev-server's `middleware`. */
export async function cspPageMiddleware(ctx, next) {
  if (ctx.path === CSP_PAGE_PATH) {
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
    return;
  }
  await next();
  if (fromCspPage(ctx)) ctx.set('Content-Security-Policy', STRICT_CSP);
}
