import { css } from 'lit';

/**
 * The PDF stage: a scrolling column of pages, each a bitmap with the pdf.js text layer and an SVG
 * overlay for annotations. The text layer rules are the few pdf.js needs to line transparent text
 * up with the bitmap (`--total-scale-factor` is set per page).
 */
export const lkPdfStyles = css`
  .stage {
    background: var(--lk-stage-background, #525659);
  }
  .scroller {
    position: absolute;
    inset: 0 0 var(--lk-pdf-bar-height, 36px) 0;
    overflow: auto;
    overscroll-behavior: contain;
    /* The element keeps the reader's page in place itself when sizes arrive (relayout). */
    overflow-anchor: none;
  }
  /* Focusable so that a keyboard reaches the pages and scrolls them (arrows, Page Up/Down, Home/End). */
  .scroller:focus-visible {
    outline: 2px solid var(--lk-focus-color, #0969da);
    outline-offset: -2px;
  }
  .pages {
    position: relative;
    margin: 0 auto;
  }
  .page {
    position: absolute;
    background: #fff;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.4);
    overflow: hidden;
  }
  .raster,
  .raster canvas {
    position: absolute;
    inset: 0;
  }
  .overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    overflow: visible;
  }
  /* Class names sit at the shapes' top-left corners (classLabelStyles); a relation's name is centred
     on its line, with a white rim that sets it apart from the page under it. */
  .relation-label {
    transform: translate(-50%, -50%);
    box-shadow: 0 0 0 1px #ffffff;
  }
  .overlay path,
  .overlay circle,
  .overlay rect {
    vector-effect: non-scaling-stroke;
  }
  /* Fills follow the display panel (--area-fill and the others are set on the overlay). */
  .overlay .text {
    mix-blend-mode: multiply;
    fill-opacity: var(--text-fill, 0.35);
    stroke-opacity: 0;
  }
  .overlay .text.selected {
    fill-opacity: var(--text-fill-selected, 0.55);
    stroke-opacity: 1;
    stroke-width: 1.5;
    stroke: var(--lk-focus-color, #0969da);
  }
  .overlay.outline-only .text {
    stroke-opacity: 1;
    stroke-width: 1.5;
  }
  .overlay .area {
    fill-opacity: var(--area-fill, 0.15);
    stroke-width: 2;
  }
  .overlay .line {
    fill: none;
    stroke-width: 2;
  }
  .overlay .selected {
    stroke-width: 3;
  }
  .overlay .area.selected {
    fill-opacity: var(--area-fill-selected, 0.3);
  }
  .overlay .draft {
    stroke-dasharray: 6 4;
  }
  .overlay .handle {
    fill: #fff;
    stroke: var(--lk-focus-color, #0969da);
    stroke-width: 1.5;
  }
  .overlay .relation {
    stroke-width: 1.5;
    fill: none;
    stroke-dasharray: 4 3;
  }
  .overlay .marquee {
    fill: rgb(9 105 218 / 0.08);
    stroke: var(--lk-focus-color, #0969da);
    stroke-width: 1;
    stroke-dasharray: 4 3;
  }
  .pages.drawing .textLayer {
    pointer-events: none;
    user-select: none;
  }
  .pages.drawing .page {
    cursor: crosshair;
  }

  .textLayer {
    position: absolute;
    inset: 0;
    overflow: clip;
    line-height: 1;
    text-align: initial;
    transform-origin: 0 0;
    forced-color-adjust: none;
    --min-font-size: 1;
    --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size));
    --min-font-size-inv: calc(1 / var(--min-font-size));
    --scale-round-x: 1px;
    --scale-round-y: 1px;
  }
  .textLayer span,
  .textLayer br {
    color: transparent;
    position: absolute;
    white-space: pre;
    cursor: text;
    transform-origin: 0% 0%;
    user-select: text;
  }
  .textLayer > :not(.markedContent),
  .textLayer .markedContent span:not(.markedContent) {
    z-index: 1;
    --font-height: 0;
    font-size: calc(var(--text-scale-factor) * var(--font-height));
    --scale-x: 1;
    --rotate: 0deg;
    transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv));
  }
  .textLayer .markedContent {
    display: contents;
  }
  .textLayer ::selection {
    background: rgb(9 105 218 / 0.3);
    color: transparent;
  }
  .textLayer br::selection {
    background: transparent;
  }
  .textLayer .endOfContent {
    display: block;
    position: absolute;
    inset: 100% 0 0;
    z-index: 0;
    cursor: default;
    user-select: none;
  }
  /* While a drag selects, the block lies under the whole layer (selection-edges.ts). */
  .textLayer.selecting .endOfContent {
    top: 0;
    user-select: text;
  }
  .textLayer[data-main-rotation='90'] {
    transform: rotate(90deg) translateY(-100%);
  }
  .textLayer[data-main-rotation='180'] {
    transform: rotate(180deg) translate(-100%, -100%);
  }
  .textLayer[data-main-rotation='270'] {
    transform: rotate(270deg) translateX(-100%);
  }

  /*
   * The assist layer (suggestions, prompts) covers the pages, not the bar under them, and stacks
   * over the text layer's spans (z-index 1, and no stacking context in between) so its chips take clicks.
   */
  lk-assist-layer {
    bottom: var(--lk-pdf-bar-height, 36px);
    z-index: 1;
  }
  .pdf-bar {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: var(--lk-pdf-bar-height, 36px);
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 0 8px;
    overflow-x: auto;
    background: #2b2b2b;
    color: #fff;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .pdf-bar button,
  .pdf-bar select,
  .pdf-bar input {
    font: inherit;
    padding: 1px 6px;
  }
  .pdf-bar input[type='number'] {
    width: 5ch;
  }
  .pdf-bar button[aria-pressed='true'] {
    outline: 2px solid var(--lk-focus-color, #0969da);
  }
  .status {
    bottom: calc(var(--lk-pdf-bar-height, 36px) + 8px);
    z-index: 2;
  }
`;
