// What the screen shows, for the browser tests: a screenshot of a region of the test page, taken
// by Chromium's compositor (the pixels a user sees, whatever canvas or video drew them).
//
// Browser side: `executeServerCommand('screen:capture', { x, y, width, height })` from
// @web/test-runner-commands (CSS pixels of the page viewport, as getBoundingClientRect gives)
// answers a base64 PNG of that region at the page's device pixel ratio; test/server/screen-client.ts
// decodes it.

function region(payload) {
  const value = (name) => {
    const v = payload?.[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`screen:capture: ${name} must be a finite number`);
    return v;
  };
  const width = value('width');
  const height = value('height');
  if (width <= 0 || height <= 0) throw new Error('screen:capture: width and height must be positive');
  return { x: value('x'), y: value('y'), width, height };
}

export const screenPlugin = {
  name: 'lk-screen',
  async executeCommand({ command, payload, session }) {
    if (command !== 'screen:capture') return undefined;
    if (session.browser.type !== 'playwright') throw new Error(`${command} needs the playwright launcher`);
    const page = session.browser.getPage(session.id);
    const png = await page.screenshot({ clip: region(payload), type: 'png', animations: 'allow', caret: 'initial' });
    return png.toString('base64');
  },
};
