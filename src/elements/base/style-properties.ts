/**
 * `styleMap` that works under a strict CSP. Lit's `styleMap` writes its first render as a `style`
 * attribute string, and a page whose `style-src` lacks 'unsafe-inline' refuses every such attribute
 * (a `securitypolicyviolation`, and the element is left unstyled: rows stacked, pages unplaced).
 * This directive sets each property through the CSSOM (`style.setProperty`) from the first render
 * on, which CSP allows. Use it in a `style` attribute as the only expression:
 * `style=${styleProperties({ top: '4px', '--swatch': color })}`.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type DirectiveResult, type PartInfo } from 'lit/directive.js';

/** CSS property names (dash-case, custom properties, or camelCase) to values; null/undefined removes. */
export type StyleProperties = Readonly<Record<string, string | number | null | undefined>>;

const dashCase = (name: string): string => (name.includes('-') ? name : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));

class StylePropertiesDirective extends Directive {
  /** What this directive set last, by property name (the browser may normalise what it reads back). */
  private readonly applied = new Map<string, string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style' || (partInfo.strings?.length ?? 0) > 2) {
      throw new Error('styleProperties must be the only expression in a style attribute.');
    }
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const wanted = new Map<string, string>();
    for (const [name, value] of Object.entries(properties)) if (value !== null && value !== undefined) wanted.set(dashCase(name), String(value));
    for (const name of [...this.applied.keys()]) {
      if (wanted.has(name)) continue;
      style.removeProperty(name);
      this.applied.delete(name);
    }
    for (const [name, value] of wanted) {
      if (this.applied.get(name) === value) continue;
      style.setProperty(name, value);
      this.applied.set(name, value);
    }
    return noChange;
  }
}

// Typed through lit's own entry: the inferred type would name lit-html, which hosts need not have.
export const styleProperties: (properties: Readonly<Record<string, string | number | null | undefined>>) => DirectiveResult<typeof StylePropertiesDirective> =
  directive(StylePropertiesDirective);
