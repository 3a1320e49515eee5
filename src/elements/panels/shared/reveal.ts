/**
 * Scrolls `target` into view inside the panel's scrolling containers (across shadow roots: the
 * side panel's sections, the task's own scroller), never the host page: a host page that scrolls
 * by itself under the user's pointer is worse than a field just out of sight.
 */
export function scrollIntoPanel(target: HTMLElement): void {
  let node: Node | null = target.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) {
      node = node.host;
      continue;
    }
    if (!(node instanceof HTMLElement) || node === document.body || node === document.documentElement) return;
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) {
      const box = node.getBoundingClientRect();
      const rect = target.getBoundingClientRect();
      if (rect.top < box.top) node.scrollTop -= box.top - rect.top;
      else if (rect.bottom > box.bottom) node.scrollTop += Math.min(rect.bottom - box.bottom, rect.top - box.top);
    }
    node = node.parentNode;
  }
}
