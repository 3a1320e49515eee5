// Real touch, pen and wheel input for the browser tests. @web/test-runner-commands has mouse and
// keys only; these commands drive Chromium the way a device does, through the DevTools protocol
// (CDP) of the test page, so the page receives trusted events: pointer events with
// pointerType 'touch' or 'pen' (pressure, tilt), touch events, and wheel events with modifiers.
//
// Browser side: `executeServerCommand(command, payload)` from @web/test-runner-commands.
// Coordinates are CSS pixels of the page viewport (what getBoundingClientRect gives).
//
//   'input:touch'  { type: 'start' | 'move' | 'end' | 'cancel', points: [{ id, x, y }] }
//                  One Input.dispatchTouchEvent. `points` are the fingers still on the screen
//                  after the event: for 'end' leave out the lifted finger (an empty list lifts all).
//   'input:pen'    { type: 'move' | 'down' | 'up', x, y, pressed = false, pressure = 0.5,
//                    tiltX = 0, tiltY = 0, modifiers = [] }
//                  One Input.dispatchMouseEvent with pointerType 'pen' (pressure as `force`);
//                  'down'/'up' put the tip on and lift it (left button); a 'move' with
//                  `pressed: true` is a stroke, without it the pen hovers.
//   'input:wheel'  { x, y, deltaX = 0, deltaY, modifiers = [] }
//                  Moves playwright's mouse to (x, y), holds the modifiers ('Shift', 'Control',
//                  'Alt', 'Meta') and sends one real wheel event with page.mouse.wheel.
// Every command answers true once Chromium has acknowledged the event.

const MODIFIER_BITS = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

function modifierMask(modifiers = []) {
  let mask = 0;
  for (const name of modifiers) {
    const bit = MODIFIER_BITS[name];
    if (bit === undefined) throw new Error(`unknown modifier ${name}`);
    mask |= bit;
  }
  return mask;
}

function number(value, name) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name} must be a finite number`);
  return value;
}

/** One CDP session per test page, created on first use. */
const sessions = new WeakMap();

async function cdpFor(page) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

const TOUCH_TYPES = { start: 'touchStart', move: 'touchMove', end: 'touchEnd', cancel: 'touchCancel' };
const PEN_TYPES = { move: 'mouseMoved', down: 'mousePressed', up: 'mouseReleased' };

export const inputPlugin = {
  name: 'lk-input',
  async executeCommand({ command, payload, session }) {
    if (!command.startsWith('input:')) return undefined;
    if (session.browser.type !== 'playwright') throw new Error(`${command} needs the playwright launcher`);
    const page = session.browser.getPage(session.id);
    switch (command) {
      case 'input:touch': {
        const type = TOUCH_TYPES[payload?.type];
        if (!type) throw new Error(`input:touch: type must be one of ${Object.keys(TOUCH_TYPES).join(', ')}`);
        const touchPoints = (payload.points ?? []).map((point) => ({
          id: number(point.id, 'id'),
          x: number(point.x, 'x'),
          y: number(point.y, 'y'),
          radiusX: 4,
          radiusY: 4,
          force: 1,
        }));
        const cdp = await cdpFor(page);
        await cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
        return true;
      }
      case 'input:pen': {
        const type = PEN_TYPES[payload?.type];
        if (!type) throw new Error(`input:pen: type must be one of ${Object.keys(PEN_TYPES).join(', ')}`);
        // The tip touches the surface on 'down' and on moves made with `pressed: true` (a stroke).
        const pressing = payload.type === 'down' || (payload.type === 'move' && payload.pressed === true);
        const cdp = await cdpFor(page);
        await cdp.send('Input.dispatchMouseEvent', {
          type,
          pointerType: 'pen',
          x: number(payload.x, 'x'),
          y: number(payload.y, 'y'),
          modifiers: modifierMask(payload.modifiers),
          button: payload.type === 'move' ? (pressing ? 'left' : 'none') : 'left',
          buttons: pressing ? 1 : 0,
          clickCount: payload.type === 'move' ? 0 : 1,
          force: payload.type === 'up' ? 0 : number(payload.pressure ?? 0.5, 'pressure'),
          tiltX: number(payload.tiltX ?? 0, 'tiltX'),
          tiltY: number(payload.tiltY ?? 0, 'tiltY'),
        });
        return true;
      }
      case 'input:wheel': {
        const modifiers = payload?.modifiers ?? [];
        for (const name of modifiers) modifierMask([name]);
        await page.mouse.move(number(payload.x, 'x'), number(payload.y, 'y'));
        for (const name of modifiers) await page.keyboard.down(name);
        try {
          await page.mouse.wheel(number(payload.deltaX ?? 0, 'deltaX'), number(payload.deltaY, 'deltaY'));
        } finally {
          for (const name of [...modifiers].reverse()) await page.keyboard.up(name);
        }
        return true;
      }
      default:
        throw new Error(`unknown command ${command}`);
    }
  },
};
