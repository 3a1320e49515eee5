/**
 * Gives the main thread back for a task: input, rendering and other tasks run before the caller
 * goes on. A message to itself, not `setTimeout(0)` (a chain of those is clamped to 4 ms a turn)
 * nor `scheduler.yield()` (its continuations run ahead of rendering: no frame was drawn during a
 * 10,000-entity import that yielded with it).
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
