// What a developer sees when they open the host app (app/main.js) in Chromium: every element
// reaches lk-ready on its asset, nothing says lk-error, and the PDF whose text needs pdf.js's
// cMaps shows that text. Returns the problems found (none: the page works).

const ANSWER_MS = 90_000;
/** The Japanese line of the generated PDF (scripts/… cMapPdf): readable only with the cMaps loaded. */
export const CMAP_TEXT = '日本語の行';

/**
 * Opens `url` in a new page of `browser` and checks it. `expectErrors` names elements that must
 * end in lk-error with that code instead (a setup the docs say fails, and how).
 */
export async function checkHostPage(browser, url, { expectErrors = {} } = {}) {
  const page = await browser.newPage();
  const notes = [];
  page.on('pageerror', (error) => notes.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) notes.push(`HTTP ${response.status()} ${response.url()}`);
  });
  const problems = [];
  try {
    await page.goto(url);
    const answered = await page
      .waitForFunction(
        () => {
          const host = window.lkHost;
          return host && host.expected.every((id) => host.results[id]?.ready || host.results[id]?.errors);
        },
        null,
        { timeout: ANSWER_MS, polling: 100 },
      )
      .then(() => true, () => false);
    const { results = {}, expected = [], violations = [] } = (await page.evaluate(() => window.lkHost)) ?? {};
    for (const violation of new Set(violations)) problems.push(`CSP: ${violation}`);
    if (expected.length === 0) problems.push('the app did not start (window.lkHost missing)');
    for (const id of expected) {
      const result = results[id] ?? {};
      const codes = (result.errors ?? []).map((error) => error.code);
      if (expectErrors[id]) {
        if (!codes.includes(expectErrors[id])) problems.push(`${id}: expected lk-error ${expectErrors[id]}, got ${codes.join(', ') || (result.ready ? 'lk-ready' : 'nothing')}`);
        continue;
      }
      if (!result.ready) problems.push(`${id}: no lk-ready${answered ? '' : ` within ${ANSWER_MS / 1000} s`}`);
      for (const error of result.errors ?? []) problems.push(`${id}: lk-error ${error.code}: ${error.message}`);
    }
    if (!expectErrors['pdf-data'] && results['pdf-data']?.ready) {
      const shown = await page
        .waitForFunction((text) => document.getElementById('pdf-data')?.shadowRoot?.querySelector('.textLayer')?.textContent?.includes(text), CMAP_TEXT, { timeout: 20_000, polling: 100 })
        .then(() => true, () => false);
      if (!shown) problems.push(`pdf-data: the text layer does not read "${CMAP_TEXT}" (pdf.js's cMaps not loaded)`);
    }
  } catch (error) {
    problems.push(`could not open ${url}: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems.length ? [...problems, ...notes.map((note) => `  (${note})`)] : [];
}
