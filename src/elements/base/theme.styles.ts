import { css } from 'lit';

/**
 * The dark theme: the same `--lk-*` custom properties every element and panel reads, with dark
 * values. `theme="dark"` always, `theme="auto"` (the default) when the page prefers a dark colour
 * scheme; `theme="light"` never. A host's own `--lk-*` values still win: its rules on the element
 * come before `:host` rules in the cascade.
 */
const darkProperties = css`
  color-scheme: dark;
  --lk-text-color: #e6edf3;
  /* 4.5:1 even on the selected row's background. */
  --lk-muted-color: #a0a8b2;
  --lk-background: #161b22;
  --lk-border-color: #3d444d;
  --lk-focus-color: #4493f8;
  --lk-error-color: #ff7b72;
  --lk-error-text-color: #0d1117;
  --lk-input-background: #0d1117;
  --lk-muted-background: #21262d;
  --lk-button-background: #21262d;
  --lk-button-hover-background: #30363d;
  --lk-hover-background: #262c36;
  --lk-pressed-background: #1f3a5f;
  --lk-selected-background: #1f3a5f;
  --lk-dialog-background: #161b22;
  --lk-caret-color: #e6edf3;
  --lk-stage-background: #0d1117;
  /* <lk-text>'s page: light letters need a dark page. */
  --lk-page-background: #0d1117;
  --lk-backdrop: rgb(0 0 0 / 0.6);
`;

export const themeStyles = css`
  :host([theme='dark']) {
    ${darkProperties}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'], [theme='dark'])) {
      ${darkProperties}
    }
  }
`;
