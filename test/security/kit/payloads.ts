/**
 * Markup that runs code or adds elements if any string reaches an HTML, attribute, URL or CSS sink.
 * Every payload that could run calls `window.__lkInjected(name)`, and every element it could add
 * carries `data-lk-injected`, so a test sees both effects.
 */
export const PAYLOADS: readonly string[] = [
  '<script>window.__lkInjected("script")</script>',
  '<img src=x onerror="window.__lkInjected(\'img-onerror\')" data-lk-injected>',
  '"><svg data-lk-injected onload="window.__lkInjected(\'svg-onload\')"><script>window.__lkInjected("svg-script")</script></svg>',
  '<a data-lk-injected href="javascript:window.__lkInjected(\'js-link\')">link</a>',
  'javascript:window.__lkInjected("js-url")',
  '<style data-lk-injected>*{background:url("javascript:window.__lkInjected(\'css-url\')")}</style>',
  '\\3c img src=x onerror=window.__lkInjected(\'css-escape\') data-lk-injected\\3e',
  '</style><style data-lk-injected>:host{display:none}</style>',
  "' onmouseover='window.__lkInjected(\"attribute-break\")' data-lk-injected='",
  '<iframe data-lk-injected srcdoc="<script>parent.__lkInjected(\'srcdoc\')</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__lkInjected(\'mxss\')" data-lk-injected>',
  '${window.__lkInjected("template")}{{constructor.constructor(\'window.__lkInjected("mustache")\')()}}',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; \u202Eright-to-left',
];

/** The payload that says the most in a short label: used where one string must stand for all. */
export const SHORT_PAYLOAD = PAYLOADS[1]!;

export interface InjectionTrap {
  /** Names of payloads that ran. */
  readonly ran: string[];
  restore(): void;
}

/** Installs `window.__lkInjected` in `win` (and its parent chain for srcdoc frames). */
export function trapInjections(win: Window = window): InjectionTrap {
  const ran: string[] = [];
  const target = win as unknown as { __lkInjected?: (name: string) => void };
  target.__lkInjected = (name: string) => ran.push(name);
  return {
    ran,
    restore: () => delete target.__lkInjected,
  };
}
