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
