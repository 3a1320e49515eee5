// What a developer sees when they open the host app (app/main.js) in Chromium: every element
// reaches lk-ready on its asset, nothing says lk-error, the PDF whose text needs pdf.js's cMaps
// shows that text, and the compressed DICOM files show their pixels (decoded by the codec worker).
// Returns the problems found (none: the page works).

const ANSWER_MS = 90_000;
/** The Japanese line of the generated PDF (scripts/… cMapPdf): readable only with the cMaps loaded. */
export const CMAP_TEXT = '日本語の行';

/**
 * Opens `url` in a new page of `browser` and checks it. `expectErrors` names elements that must
 * end in lk-error with that code instead (a setup the docs say fails, and how), as `code` or
 * `{ code, mentions }` where the message must contain `mentions` (the fix it names).
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
        const { code, mentions } = typeof expectErrors[id] === 'string' ? { code: expectErrors[id] } : expectErrors[id];
        const error = (result.errors ?? []).find((candidate) => candidate.code === code);
        if (!error) problems.push(`${id}: expected lk-error ${code}, got ${codes.join(', ') || (result.ready ? 'lk-ready' : 'nothing')}`);
        else if (mentions && !error.message.includes(mentions)) problems.push(`${id}: the ${code} message does not name ${mentions}: ${error.message}`);
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
    problems.push(...(await compressedDicomProblems(page, results, expectErrors)));
  } catch (error) {
    problems.push(`could not open ${url}: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems.length ? [...problems, ...notes.map((note) => `  (${note})`)] : [];
}

/**
 * The compressed DICOM files on screen: the JPEG 2000 one is MR_small.dcm compressed losslessly,
 * so its displayed pixels equal those of `dicom-mr`; the JPEG-LS one is not blank.
 */
async function compressedDicomProblems(page, results, expectErrors) {
  const shown = (id) => results[id]?.ready && !expectErrors[id];
  const problems = [];
  const pixels = await page.evaluate(() => {
    const of = (id) => {
      const data = document.getElementById(id)?.displayedImageData?.()?.data;
      return data ? Array.from(data) : null;
    };
    return { mr: of('dicom-mr'), jpeg2000: of('dicom-jpeg2000'), jpegLs: of('dicom-jpeg-ls') };
  });
  if (shown('dicom-jpeg2000') && shown('dicom-mr')) {
    if (!pixels.jpeg2000 || !pixels.mr) problems.push('dicom-jpeg2000: no displayed pixels to compare');
    else if (pixels.jpeg2000.length !== pixels.mr.length || pixels.jpeg2000.some((value, index) => value !== pixels.mr[index])) {
      problems.push('dicom-jpeg2000: the JPEG 2000 slice does not show the pixels of MR_small.dcm it was losslessly compressed from');
    }
  }
  if (shown('dicom-jpeg-ls') && !(pixels.jpegLs && new Set(pixels.jpegLs.filter((_, index) => index % 4 === 0)).size > 1)) {
    problems.push('dicom-jpeg-ls: the JPEG-LS slice is blank (one grey value)');
  }
  return problems;
}
