/**
 * Keys pressed while nothing on the page has focus (after load, or after a click on the page
 * around the elements) go to a labelkit element anyway: to the one under the pointer, else to the
 * only one on the page. So class keys work before the first click on the element.
 *
 * Nothing is taken from the host: keys go on only while focus is on no element at all (`<body>`),
 * so a focused `<input>`, `<textarea>`, contenteditable, button or link in the host page keeps its
 * keys, and a key the host page already handled (`preventDefault`) is left alone.
 */

/** Elements on the page that take keys this way (connected labelkit elements). */
const receivers = new Set<HTMLElement>();
/** The receivers the pointer is over now (nested layouts can overlap). */
const underPointer = new Set<HTMLElement>();
/** The element that got the last routed keydown: its keyup follows it (Space taps, held keys). */
let lastTarget: HTMLElement | undefined;

function onPointerEnter(this: HTMLElement): void {
  underPointer.add(this);
}

function onPointerLeave(this: HTMLElement): void {
  underPointer.delete(this);
}

function receiverFor(type: string): HTMLElement | undefined {
  if (type === 'keyup' && lastTarget?.isConnected) return lastTarget;
  const hovered = [...underPointer].find((element) => element.isConnected);
  if (hovered) return hovered;
  return receivers.size === 1 ? [...receivers][0] : undefined;
}

/** True when the key event is aimed at the page itself: nothing has focus. */
function aimedAtNothing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target === document.body || target === document.documentElement || target === document || target === window;
}

function route(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing || !aimedAtNothing(event)) return;
  const receiver = receiverFor(event.type);
  if (!receiver) return;
  if (event.type === 'keydown') lastTarget = receiver;
  const copy = new KeyboardEvent(event.type, {
    key: event.key,
    code: event.code,
    location: event.location,
    repeat: event.repeat,
    ctrlKey: event.ctrlKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  receiver.dispatchEvent(copy);
  if (copy.defaultPrevented) event.preventDefault();
}

/** The element takes keys aimed at nothing while it is under the pointer or alone on the page. */
export function receivePageKeys(element: HTMLElement): void {
  if (receivers.size === 0) {
    document.addEventListener('keydown', route);
    document.addEventListener('keyup', route);
  }
  receivers.add(element);
  element.addEventListener('pointerenter', onPointerEnter);
  element.addEventListener('pointerleave', onPointerLeave);
}

export function stopPageKeys(element: HTMLElement): void {
  receivers.delete(element);
  underPointer.delete(element);
  if (lastTarget === element) lastTarget = undefined;
  element.removeEventListener('pointerenter', onPointerEnter);
  element.removeEventListener('pointerleave', onPointerLeave);
  if (receivers.size === 0) {
    document.removeEventListener('keydown', route);
    document.removeEventListener('keyup', route);
  }
}
