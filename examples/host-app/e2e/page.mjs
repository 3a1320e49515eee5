// Driving the example page in Chromium: what it fired, where things are, what it shows.
import { decode } from 'fast-png';

/** Runs before the page's own scripts: records every lk-* event and CSP violation the page sees. */
function recordPage() {
  const seen = { events: [], violations: [] };
  Object.defineProperty(window, '__example', { value: seen });
  for (const type of ['lk-ready', 'lk-error', 'lk-submit', 'lk-invalid']) {
    document.addEventListener(
      type,
      (event) => seen.events.push({ type, assetId: event.target.getAttribute('asset-id'), code: event.detail?.code, message: event.detail?.message }),
      true,
    );
  }
  document.addEventListener('securitypolicyviolation', (event) => seen.violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
}

/** A page on the example that records what it fires, page errors and signed-URL refreshes. */
export async function openExample(context, origin) {
  const page = await context.newPage();
  await page.addInitScript(recordPage);
  const problems = [];
  const refreshes = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const failedResponses = [];
  // Chromium logs every 4xx answer as a console error too; those are judged from `failedResponses`.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('request', (request) => {
    const refresh = /\/api\/tasks\/([^/?]+)\/url$/.exec(new URL(request.url()).pathname);
    if (refresh) refreshes.push(decodeURIComponent(refresh[1]));
  });
  /** Loads (or reloads) the page; resolves with the queue it got once the first task is ready. */
  const load = async (how = () => page.goto(origin)) => {
    const queue = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tasks');
    await readyAfter(page, 'image-bottles', how, { navigates: true });
    return (await queue).json();
  };
  return { page, problems, failedResponses, refreshes, load };
}

const events = (page) => page.evaluate(() => window.__example?.events ?? []);

/**
 * Runs `action` and waits for the element of `taskId` to fire lk-ready (an lk-error fails at
 * once). `navigates`: the action loads a new document, whose events start from none.
 */
export async function readyAfter(page, taskId, action, { navigates = false } = {}) {
  const before = navigates ? 0 : (await events(page)).filter((event) => event.assetId === taskId && event.type === 'lk-ready').length;
  await action();
  const handle = await page.waitForFunction(
    ([id, count]) => {
      const mine = window.__example.events.filter((event) => event.assetId === id);
      return mine.find((event) => event.type === 'lk-error') ?? (mine.filter((event) => event.type === 'lk-ready').length > count ? 'ready' : false);
    },
    [taskId, before],
    { timeout: 60_000 },
  );
  const outcome = await handle.jsonValue();
  if (outcome !== 'ready') throw new Error(`${taskId}: lk-error ${outcome.code}: ${outcome.message}`);
}

/** Every lk-error the page fired and every CSP violation it reported, as text. */
export async function pageFaults(page) {
  return page.evaluate(() => [
    ...window.__example.events.filter((event) => event.type === 'lk-error').map((event) => `${event.assetId}: lk-error ${event.code}: ${event.message}`),
    ...window.__example.violations.map((violation) => `CSP: ${violation}`),
  ]);
}

/** The open element's bounding boxes in its export. */
export const exportedBoxes = (page, tag) =>
  page.evaluate((name) => document.querySelector(name).export().task.tools.filter((tool) => tool['bounding-box']), tag);

/** The drawing canvas of a 2D element, in viewport pixels. */
export const canvasRect = (page, tag) =>
  page.evaluate((name) => {
    const rect = document.querySelector(name).shadowRoot.querySelector('canvas[part~="canvas"]').getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }, tag);

/** Real keyboard and mouse: the class with shortcut 1, then a drag from `from` to `to`. */
export async function drawBox(page, tag, from, to) {
  await page.evaluate((name) => document.querySelector(name).focus(), tag);
  await page.keyboard.press('1');
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

/** How many pixels of the strip `clip` (viewport px) are within a small distance of `hex`. */
export async function pixelsOfColour(page, clip, hex) {
  const target = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const png = decode(await page.screenshot({ clip }));
  let count = 0;
  for (let at = 0; at < png.width * png.height; at++) {
    const pixel = png.data.subarray(at * png.channels, at * png.channels + 3);
    if (target.every((value, channel) => Math.abs(value - pixel[channel]) <= 40)) count++;
  }
  return count;
}
