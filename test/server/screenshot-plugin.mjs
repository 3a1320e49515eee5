// Pixels of the test page for assertions on what is painted where no canvas can be read (DOM
// text, CSS Custom Highlights): a test asks for a region, the server takes a real screenshot of
// it with playwright and answers with the PNG, base64-encoded.
//
// Browser side: `executeServerCommand('page:screenshot', { x, y, width, height })` from
// @web/test-runner-commands; coordinates are CSS pixels of the viewport (getBoundingClientRect).

export const screenshotPlugin = {
  name: 'lk-screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'page:screenshot') return undefined;
    if (session.browser.type !== 'playwright') throw new Error(`${command} needs the playwright launcher`);
    const { x, y, width, height } = payload ?? {};
    for (const [name, value] of Object.entries({ x, y, width, height })) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${command}: ${name} must be a finite number`);
    }
    const page = session.browser.getPage(session.id);
    const png = await page.screenshot({ clip: { x, y, width: Math.max(1, width), height: Math.max(1, height) }, animations: 'disabled', caret: 'hide' });
    return png.toString('base64');
  },
};
