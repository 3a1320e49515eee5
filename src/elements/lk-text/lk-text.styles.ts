import { css } from 'lit';

/** The text stage: a scrolling page of paragraphs with an arrow overlay and a caret. */
export const lkTextStyles = css`
  /* The toolbar's row while its module loads (it arrives with import() on first render). */
  lk-toolbar:not(:defined) {
    display: block;
    min-height: 35px;
    box-sizing: border-box;
    background: var(--lk-toolbar-background, var(--lk-background, #f6f8fa));
    border-bottom: 1px solid var(--lk-border-color, #d0d7de);
  }
  .stage {
    background: var(--lk-page-background, #ffffff);
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .content {
    position: relative;
    min-height: 100%;
    box-sizing: border-box;
    padding: var(--lk-text-padding, 16px 24px 48px);
  }
  /* Arcs rise above the lines they join: the first line needs room for them too. */
  .content.has-arrows {
    padding-top: 64px;
  }
  .paragraphs {
    font: var(--lk-text-font, 15px/1.9 ui-serif, Georgia, 'Times New Roman', serif);
    color: var(--lk-text-color, #1f2328);
    tab-size: var(--lk-tab-size, 4);
    cursor: text;
    max-width: var(--lk-text-max-width, 80ch);
  }
  .paragraphs .block {
    /* Each block's height before it was first rendered is estimated inline (contain-intrinsic-block-size). */
    content-visibility: auto;
  }
  .paragraphs p {
    margin: 0;
    min-height: 1lh;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
    text-align: start;
  }
  /* Highlight styles are written for the container alone; paragraphs inherit them (a rule that
     matched every paragraph would be matched again for each one that is laid out). */
  .paragraphs::selection {
    background: rgb(130 80 223 / 0.35);
  }
  :host([mode='view']) .paragraphs {
    cursor: default;
  }
  .paragraphs.over-entity {
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Class names at the entities' starts (display: labels; classLabelStyles), a size smaller than the text. */
  .class-labels {
    overflow: hidden;
  }
  .class-label {
    font: 600 9px/11px system-ui, sans-serif;
  }
  svg.arrows {
    position: absolute;
    top: 0;
    left: 0;
    overflow: visible;
    pointer-events: none;
  }
  svg.arrows .relation {
    pointer-events: visiblePainted;
    cursor: pointer;
  }
  svg.arrows path {
    fill: none;
    stroke-width: 1.5;
  }
  svg.arrows .relation.selected path {
    stroke-width: 3;
  }
  svg.arrows text {
    font: 11px/1 system-ui, sans-serif;
  }
  /* The label's tag, in the relation's colour under black or white letters; a page-coloured rim keeps it apart from arcs and highlights. */
  svg.arrows .label-tag {
    stroke: var(--lk-page-background, #ffffff);
    stroke-width: 1;
  }
  .caret {
    position: absolute;
    width: 2px;
    background: var(--lk-caret-color, #1f2328);
    pointer-events: none;
    display: none;
    animation: blink 1.1s steps(1) infinite;
  }
  :host(:focus-within) .caret.visible {
    display: block;
  }
  @keyframes blink {
    50% {
      opacity: 0;
    }
  }
  .handle {
    position: absolute;
    width: 10px;
    margin-left: -5px;
    cursor: ew-resize;
    touch-action: none;
    display: none;
  }
  .handle::after {
    content: '';
    position: absolute;
    left: 4px;
    top: 0;
    bottom: 0;
    width: 2px;
    background: var(--lk-focus-color, #0969da);
  }
  .handle::before {
    content: '';
    position: absolute;
    left: 1px;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--lk-focus-color, #0969da);
  }
  .handle.start::before {
    top: -6px;
  }
  .handle.end::before {
    bottom: -6px;
  }
  .handle.visible {
    display: block;
  }
  .selecting .handle {
    pointer-events: none;
  }
  .status {
    z-index: 2;
  }
`;
