// A page for the strict-CSP tests, served with the Content-Security-Policy a careful host sends.
// The test runner's own page runs inline scripts, so it cannot carry this policy; a test opens
// this page in an iframe instead (same origin, so it can drive the elements inside).
//
//   GET /__lk-csp/page.html   the page: two module scripts from 'self', nothing inline
//   GET /__lk-csp/page.html?wasm   the same page whose policy also allows WebAssembly
//                                  ('wasm-unsafe-eval'), as a host showing compressed DICOM sends
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

/** STRICT_CSP plus what compressed DICOM needs: the codecs are WebAssembly. */
export const STRICT_CSP_WITH_WASM = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

export const CSP_PAGE_PATH = '/__lk-csp/page.html';

const policyOf = (url) => (url.searchParams.has('wasm') ? STRICT_CSP_WITH_WASM : STRICT_CSP);

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

/** The policy of the CSP page that asked for this resource, or undefined. */
function cspPagePolicy(ctx) {
  const referer = ctx.get('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.pathname === CSP_PAGE_PATH ? policyOf(url) : undefined;
  } catch {
    return undefined;
  }
}

/** Koa middleware for @web/dev-server's `middleware`. */
export async function cspPageMiddleware(ctx, next) {
  if (ctx.path === CSP_PAGE_PATH) {
    ctx.set('Content-Security-Policy', policyOf(new URL(ctx.href)));
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
    return;
  }
  await next();
  const policy = cspPagePolicy(ctx);
  if (policy) {
    ctx.set('Content-Security-Policy', policy);
    // The policy depends on which page asked: a worker script cached under one page's policy
    // must not start under the other's.
    ctx.vary('Referer');
  }
}
