/** Line icons for panel buttons (24×24, stroke = currentColor). Always decorative: the button carries the name. */
import { svg, type TemplateResult } from 'lit';

function icon(body: TemplateResult): TemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

export const icons = {
  pointer: icon(svg`<path d="M5 3l14 8-6 2-2 6z"/>`),
  undo: icon(svg`<path d="M9 14L4 9l5-5"/><path d="M4 9h11a5 5 0 010 10h-3"/>`),
  redo: icon(svg`<path d="M15 14l5-5-5-5"/><path d="M20 9H9a5 5 0 000 10h3"/>`),
  zoomIn: icon(svg`<circle cx="11" cy="11" r="7"/><path d="M21 21l-4-4M11 8v6M8 11h6"/>`),
  zoomOut: icon(svg`<circle cx="11" cy="11" r="7"/><path d="M21 21l-4-4M8 11h6"/>`),
  fit: icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`),
  help: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M9.5 9a2.5 2.5 0 115 .5c0 1.5-2.5 2-2.5 3.5M12 17h.01"/>`),
  eraser: icon(svg`<path d="M7 21h10M5 15l9-9 5 5-9 9H8z"/>`),
  eye: icon(svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>`),
  eyeOff: icon(svg`<path d="M3 3l18 18M10.6 5.1A10 10 0 0112 5c6 0 10 7 10 7a17 17 0 01-3.2 3.9M6.6 6.6A17 17 0 002 12s4 7 10 7a9.7 9.7 0 005.4-1.6"/><path d="M9.9 9.9a3 3 0 004.2 4.2"/>`),
  trash: icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`),
  lock: icon(svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 018 0v4"/>`),
  swap: icon(svg`<path d="M7 4L3 8l4 4M3 8h14M17 20l4-4-4-4M21 16H7"/>`),
  up: icon(svg`<path d="M6 15l6-6 6 6"/>`),
  down: icon(svg`<path d="M6 9l6 6 6-6"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  copyForward: icon(svg`<rect x="3" y="7" width="8" height="10" rx="1"/><path d="M14 12h7M18 9l3 3-3 3"/>`),
  toEnd: icon(svg`<path d="M3 12h14M13 8l4 4-4 4M21 5v14"/>`),
  previousKeyframe: icon(svg`<path d="M6 5v14"/><path d="M18 6l-9 6 9 6z" fill="currentColor"/>`),
  previousFrame: icon(svg`<path d="M16 6l-9 6 9 6z" fill="currentColor"/>`),
  play: icon(svg`<path d="M8 5l11 7-11 7z" fill="currentColor"/>`),
  pause: icon(svg`<path d="M8 5v14M16 5v14"/>`),
  nextFrame: icon(svg`<path d="M8 6l9 6-9 6z" fill="currentColor"/>`),
  nextKeyframe: icon(svg`<path d="M18 5v14"/><path d="M6 6l9 6-9 6z" fill="currentColor"/>`),
  keyframe: icon(svg`<path d="M12 4l8 8-8 8-8-8z" fill="currentColor"/>`),
  removeKeyframe: icon(svg`<path d="M12 4l8 8-8 8-8-8z"/>`),
  stop: icon(svg`<rect x="6" y="6" width="12" height="12" rx="1" fill="currentColor"/>`),
  grip: icon(svg`<path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01"/>`),
} as const;
