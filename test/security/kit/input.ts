/**
 * Real input for the security suites, behind a small interface so the same code drives an element
 * on the test page (sendMouse/sendKeys as they are) or inside the strict-CSP iframe (the same
 * commands, offset by where the iframe sits). Nothing here imports the test runner, because the
 * iframe's realm has no connection to it.
 */
export type Button = 'left' | 'right' | 'middle';

export type MouseCommand =
  | { type: 'move' | 'click'; position: [number, number]; button?: Button }
  | { type: 'down' | 'up'; button?: Button };

export type KeyCommand = { press: string } | { type: string } | { down: string } | { up: string };

export interface InputDriver {
  /** Positions are viewport coordinates of the window the element lives in. */
  mouse(command: MouseCommand): Promise<void>;
  keys(command: KeyCommand): Promise<void>;
}

export type ScreenPoint = [number, number];

export function press(input: InputDriver, key: string): Promise<void> {
  return input.keys({ press: key });
}

export async function clickAt(input: InputDriver, at: ScreenPoint, button: Button = 'left'): Promise<void> {
  await input.mouse({ type: 'click', position: round(at), button });
}

/** A press, `steps` moves and a release: one pointer gesture from `from` to `to`. */
export async function dragBetween(input: InputDriver, from: ScreenPoint, to: ScreenPoint, steps = 4): Promise<void> {
  await input.mouse({ type: 'move', position: round(from) });
  await input.mouse({ type: 'down' });
  for (let i = 1; i <= steps; i++) {
    await input.mouse({ type: 'move', position: round([from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps]) });
  }
  await input.mouse({ type: 'up' });
}

function round([x, y]: ScreenPoint): ScreenPoint {
  return [Math.round(x), Math.round(y)];
}
