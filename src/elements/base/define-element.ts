/**
 * Whether a labelkit element should be registered under `tagName` now: not when the tag is taken,
 * and not on a server (SSR, Node), where no document has elements to upgrade, so importing an
 * element entry while rendering on the server registers nothing and touches no DOM. The call
 * sites keep `customElements.define` literal: the manifest analyzer reads tag names from it.
 */
export function canDefine(tagName: string): boolean {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return false;
  return customElements.get(tagName) === undefined;
}
