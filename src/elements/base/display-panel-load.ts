/**
 * The display panel's chunk (`<lk-display-panel>`: labels, fill opacity, picture adjustments), not
 * part of an element's first download: the side panel asks for it when it first renders, and until
 * it arrives its tag is an undefined element that upgrades (keeping its properties) on arrival.
 * One load per page; a failed chunk load is tried again at the next render.
 */
let displayPanelLoad: Promise<unknown> | undefined;

export function loadDisplayPanel(): Promise<unknown> {
  displayPanelLoad ??= import('../panels/display/define.js').catch(() => {
    displayPanelLoad = undefined;
  });
  return displayPanelLoad;
}
