// A HiDPI screen for the browser tests: the page's device pixel ratio set the way DevTools'
// device emulation does (CDP Emulation.setDeviceMetricsOverride), so `devicePixelRatio`, media
// queries, canvas backing stores and mouse coordinates all change together, as on a real screen.
//
// Browser side: `executeServerCommand('device:scale-factor', { deviceScaleFactor })` from
// @web/test-runner-commands. The viewport keeps its CSS size; `deviceScaleFactor: 1` restores
// the default. Answers `true` once Chromium has applied it.

/** One CDP session per test page, created on first use. */
const sessions = new WeakMap();

export const devicePlugin = {
  name: 'lk-device',
  async executeCommand({ command, payload, session }) {
    if (command !== 'device:scale-factor') return undefined;
    if (session.browser.type !== 'playwright') throw new Error(`${command} needs the playwright launcher`);
    const scale = payload?.deviceScaleFactor;
    if (typeof scale !== 'number' || !(scale > 0) || scale > 4) throw new Error('device:scale-factor: deviceScaleFactor must be a number in (0, 4]');
    const page = session.browser.getPage(session.id);
    let cdp = sessions.get(page);
    if (!cdp) {
      cdp = await page.context().newCDPSession(page);
      sessions.set(page, cdp);
    }
    const { width, height } = page.viewportSize() ?? (await page.evaluate(() => ({ width: innerWidth, height: innerHeight })));
    await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
    return true;
  },
};
