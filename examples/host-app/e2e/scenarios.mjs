// What a labeller does with the example, checked end to end: in the browser (events, the export,
// pixels on screen) and in the database the server wrote.
import assert from 'node:assert/strict';
import { ONTOLOGIES, TASKS } from '../server/seed.mjs';
import { canvasRect, drawBox, exportedBoxes, openExample, pageFaults, pixelsOfColour, readyAfter } from './page.mjs';
import { storedRecord } from './records.mjs';

const IMAGE = 'image-bottles';
const BOTTLE_COLOUR = ONTOLOGIES.find((ontology) => ontology.id === 'bottles').body.tools[0].color;

const taskButton = (page, taskId) => page.locator(`nav button[data-task="${taskId}"]`);

/** A drag across the middle of the image's canvas (on the picture at any window size). */
async function middleDrag(page, shift = 0) {
  const rect = await canvasRect(page, 'lk-image');
  const x = rect.x + rect.width / 2 + shift;
  const y = rect.y + rect.height / 2;
  return { from: [x - 80, y - 50], to: [x + 40, y + 50] };
}

/** The strip along the top edge of a box dragged from `from` to `to`, inset from its corners. */
const topEdge = ({ from, to }) => ({ x: from[0] + 12, y: from[1] - 3, width: to[0] - from[0] - 24, height: 7 });

/** No lk-error, CSP violation, page error or failed request (but refused media, where URLs expire). */
async function assertClean(session, { mediaMayExpire = false } = {}) {
  const failed = session.failedResponses.filter((line) => !(mediaMayExpire && /^403 \/media\//.test(line)));
  assert.deepEqual([...session.problems, ...failed, ...(await pageFaults(session.page))], [], 'nothing went wrong on the page');
}

/** Label a box with real input, submit, reload: the box is on screen, in the element and in the database. */
export async function labelSubmitReload({ context, origin, database }) {
  const session = await openExample(context, origin);
  const { page } = session;
  await session.load();
  const drag = await middleDrag(page);
  const edgeBefore = await pixelsOfColour(page, topEdge(drag), BOTTLE_COLOUR);

  await drawBox(page, 'lk-image', drag.from, drag.to);
  const [drawn] = await exportedBoxes(page, 'lk-image');
  assert.ok(drawn, 'the drag drew a box');

  const saved = page.waitForResponse((response) => response.url().endsWith(`/api/tasks/${IMAGE}/record`) && response.request().method() === 'PUT');
  await page.locator('lk-image').getByRole('button', { name: 'Submit' }).click();
  assert.equal((await saved).status(), 204, 'the server stored the record');
  await page.getByText('Submitted “Bottles on a belt (photo)”.').waitFor();

  const stored = await storedRecord(database, IMAGE);
  assert.equal(stored?.status, 'submitted');
  assert.equal(stored.savedBy, 'ann@example.com', 'the server stamps its own user');
  assert.deepEqual(stored.record.task.tools.map((tool) => tool['bounding-box']), [drawn['bounding-box']], 'the database holds the drawn box');
  assert.ok(!JSON.stringify(stored.record).includes('sig='), 'no signed URL in the stored record');

  await session.load(() => page.reload());
  assert.deepEqual((await exportedBoxes(page, 'lk-image')).map((tool) => tool['bounding-box']), [drawn['bounding-box']], 'the reloaded element has the box');
  await page.evaluate(() => document.querySelector('lk-image').settled());
  const edgeAfter = await pixelsOfColour(page, topEdge(drag), BOTTLE_COLOUR);
  assert.ok(edgeAfter - edgeBefore >= topEdge(drag).width / 2, `the box's outline is drawn where it was (${edgeBefore} → ${edgeAfter} pixels of its colour)`);
  await taskButton(page, IMAGE).getByText('submitted').waitFor();
  await assertClean(session);
  await page.close();
}

/** Every task of the queue opens its asset: lk-ready on each of the five kinds of media. */
export async function everyMediaOpens({ context, origin }) {
  const session = await openExample(context, origin);
  const { page } = session;
  await session.load();
  for (const task of TASKS.slice(1)) {
    await readyAfter(page, task.id, () => taskButton(page, task.id).click());
    assert.equal(await page.locator(`lk-${task.kind}`).count(), 1, `${task.id} shows <lk-${task.kind}>`);
  }
  await readyAfter(page, IMAGE, () => taskButton(page, IMAGE).click());
  await assertClean(session);
  // Last: the refused assignment below is itself reported as a violation.
  const policy = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<i>not trusted</i>';
      return 'innerHTML took a string';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(policy, 'TypeError', 'the page runs under require-trusted-types-for: a plain string is refused');
  await page.close();
}

/**
 * With URLs that live a few seconds: the labeller draws on the image, moves on after the queue's
 * URLs expired, and comes back. Each element gets a fresh URL through `resolveUrl`, and the
 * unsubmitted box is still there.
 */
export async function expiredUrlsRecover({ context, origin }) {
  const session = await openExample(context, origin);
  const { page } = session;
  const queue = await session.load();
  const saved = await exportedBoxes(page, 'lk-image');
  const drag = await middleDrag(page, 60);
  await drawBox(page, 'lk-image', drag.from, drag.to);
  assert.equal((await exportedBoxes(page, 'lk-image')).length, saved.length + 1, 'the drag drew a box');

  // The labeller works on: wait until every URL the queue handed out has expired.
  const lastExpiry = Math.max(...queue.tasks.map((task) => task.expiresAt));
  await page.waitForFunction((at) => Date.now() > at + 250, lastExpiry, { timeout: 60_000, polling: 100 });

  await readyAfter(page, 'video-bottles', () => page.getByRole('button', { name: 'Next →' }).click());
  assert.ok(session.refreshes.includes('video-bottles'), 'the video asked resolveUrl for a fresh URL');
  await readyAfter(page, IMAGE, () => page.getByRole('button', { name: '← Previous' }).click());
  assert.ok(session.refreshes.includes(IMAGE), 'the image asked resolveUrl for a fresh URL');
  assert.equal((await exportedBoxes(page, 'lk-image')).length, saved.length + 1, 'the unsubmitted box is still there');
  await assertClean(session, { mediaMayExpire: true });
  await page.close();
}

/**
 * The labeller skips a task, starts editing another and switches to the reviewer role (the edit
 * goes along), and rejects the submitted task with a comment and an error code.
 */
export async function skipAndReview({ context, origin, database }) {
  const session = await openExample(context, origin);
  const { page } = session;
  await session.load();

  const VIDEO = 'video-bottles';
  await readyAfter(page, VIDEO, () => taskButton(page, VIDEO).click());
  const skipped = page.waitForResponse((response) => response.url().endsWith(`/api/tasks/${VIDEO}/record`));
  await page.locator('lk-video').getByRole('button', { name: 'Skip' }).click();
  assert.equal((await skipped).status(), 204);
  assert.equal((await storedRecord(database, VIDEO))?.status, 'skipped');
  await taskButton(page, VIDEO).getByText('skipped').waitFor();

  // Unsaved work on the image survives the switch to the reviewer's view of it.
  await readyAfter(page, IMAGE, () => taskButton(page, IMAGE).click());
  const saved = await exportedBoxes(page, 'lk-image');
  const drag = await middleDrag(page, 60);
  await drawBox(page, 'lk-image', drag.from, drag.to);
  await readyAfter(page, IMAGE, () => page.getByLabel('Role').selectOption('reviewer'));
  assert.equal(await page.evaluate(() => document.querySelector('lk-image').mode), 'review');
  assert.equal((await exportedBoxes(page, 'lk-image')).length, saved.length + 1, 'the unsaved box is still there in review mode');
  await page.locator('lk-image #comment').click();
  await page.keyboard.type('Box too loose');
  await page.locator('lk-image #error-code').click();
  await page.keyboard.type('E-LOOSE');
  const reviewed = page.waitForResponse((response) => response.url().endsWith(`/api/tasks/${IMAGE}/review`));
  await page.locator('lk-image').getByRole('button', { name: 'Reject', exact: true }).click();
  assert.equal((await reviewed).status(), 204);
  const stored = await storedRecord(database, IMAGE);
  assert.deepEqual([stored?.verdict, stored?.reviewComment, stored?.reviewErrorCode], ['reject', 'Box too loose', 'E-LOOSE']);
  await taskButton(page, IMAGE).getByText('rejected').waitFor();
  await assertClean(session);
  await page.close();
}

/** What the server refuses: media URLs that are unsigned, tampered with, for another file or escaping the folder; records that do not fit the task. */
export async function serverRefuses({ origin }) {
  const { tasks } = await (await fetch(`${origin}/api/tasks`)).json();
  const image = tasks.find((task) => task.id === IMAGE);
  const media = (url, init) => fetch(`${origin}${url}`, init).then((response) => response.status);
  assert.equal(await media(image.src), 200, 'the signed URL works');
  assert.equal(await media(image.src, { headers: { Range: 'bytes=0-9' } }), 206, 'with Range');
  const signature = /sig=([^&]+)/.exec(image.src)[1];
  const tampered = image.src.replace(`sig=${signature}`, `sig=${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`);
  const refused = {
    unsigned: image.asset,
    tampered,
    'later expiry': image.src.replace(/exp=(\d+)/, (_, exp) => `exp=${Number(exp) + 3600}`),
    'another file': image.src.replace('bottles-frame.jpg', 'bottles-frame.jpg%00'),
    'outside the folder': image.src.replace('/media/image/bottles-frame.jpg', '/media/..%2F..%2Fpackage.json'),
  };
  for (const [what, url] of Object.entries(refused)) assert.equal(await media(url), 403, `${what}: 403`);

  const put = (body) =>
    fetch(`${origin}/api/tasks/${IMAGE}/record`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const record = (tools) => ({ assetId: IMAGE, task: { tools, classifications: [], relations: [] } });
  const unknownClass = await put({ status: 'submitted', record: record([{ objectId: 'x', schemaId: 't-nope', 'bounding-box': { x: 1, y: 1, width: 5, height: 5 } }]) });
  assert.equal(unknownClass.status, 422);
  assert.match(JSON.stringify((await unknownClass.json()).problems), /t-nope/);
  assert.equal((await put({ status: 'submitted', record: { ...record([]), assetId: 'text-novel' } })).status, 422, 'a record for another task');
  assert.equal((await put({ status: 'done', record: record([]) })).status, 400, 'an unknown status');
  assert.equal((await fetch(`${origin}/api/tasks/nope`)).status, 404);
  assert.equal((await fetch(`${origin}/api/tasks/%E0%A4%A`)).status, 404, 'a malformed id');
  assert.equal((await fetch(`${origin}/api/tasks/${IMAGE}/record`, { method: 'PUT', body: '{' })).status, 415, 'not JSON');
}
