/**
 * CSS Custom Highlights for one element instance. Every name starts with a per-instance prefix
 * (never a host string), the matching `::highlight()` rules live in a constructed stylesheet the
 * element adopts into its own shadow root, and `destroy()` removes exactly this instance's names:
 * `CSS.highlights.clear()` would wipe every other component's highlights on the page.
 */

/** How many lanes get their own underline offset; deeper entities share the last one. */
export const DISTINCT_LANES = 5;

export type MarkKind = 'selected' | 'pending' | 'hover';

export interface EntityPaint {
  /** Index of the entity's class in the palette passed to `setPalette`. */
  classIndex: number;
  lane: number;
  range: AbstractRange;
}

export interface TextHighlights {
  readonly prefix: string;
  /** The `::highlight()` rules; adopt it into the shadow root that holds the text. */
  readonly styleSheet: CSSStyleSheet;
  /** One colour per class (`#rrggbb`, validated again here; anything else paints grey). */
  setPalette(colors: readonly string[]): void;
  /** Opacity of the entities' background in their class colour, 0–1 (0: the underlines alone). */
  setFill(opacity: number): void;
  /** Paints one entity, replacing how it was painted; `undefined` stops painting it. */
  paint(id: string, paint: EntityPaint | undefined): void;
  /** The entities painted now. */
  paintedIds(): Iterable<string>;
  /** Stops painting every entity (the marks stay). */
  clearEntities(): void;
  setMark(kind: MarkKind, ranges: readonly AbstractRange[]): void;
  /** Names this instance has registered (tests, debugging). */
  names(): string[];
  destroy(): void;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
const FALLBACK = '#6e7781';

const MARK_RULES: Record<MarkKind, string> = {
  hover: 'background-color: rgb(0 0 0 / 0.08);',
  selected: 'background-color: rgb(9 105 218 / 0.3); color: inherit;',
  pending: 'background-color: rgb(130 80 223 / 0.35); color: inherit;',
};
const MARK_PRIORITY: Record<MarkKind, number> = { hover: 900, selected: 1000, pending: 1001 };

function randomSuffix(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface TextHighlightsOptions {
  instanceId: string;
  /**
   * A selector for the one element that holds the text (`.paragraphs`). The rules are written
   * for it alone and its descendants inherit them (highlight inheritance): a rule every
   * paragraph matches is matched again for each one that is laid out, which is slow with
   * thousands of paragraphs. Without a scope the rules match every element.
   */
  scope?: string;
}

export function createTextHighlights(options: TextHighlightsOptions): TextHighlights {
  // The random part keeps two copies of the library (two counters) from colliding.
  const safeId = options.instanceId.replace(/[^a-zA-Z0-9-]/g, '');
  const prefix = `lk-text-${safeId}-${randomSuffix()}`;
  const scope = options.scope ?? '';
  const styleSheet = new CSSStyleSheet();
  const entityHighlights = new Map<string, Highlight>();
  const marks = new Map<MarkKind, Highlight>();
  /** What each painted entity was added as, to take exactly that range out again. */
  const painted = new Map<string, { name: string; range: AbstractRange }>();
  let palette: string[] = [];
  /** The background's alpha as two hex digits (`2e`: 18 %). */
  let fillAlpha = '2e';

  const entityName = (classIndex: number, lane: number) => `${prefix}-c${classIndex}-l${Math.min(lane, DISTINCT_LANES - 1)}`;

  const writeRules = () => {
    const rules: string[] = [];
    palette.forEach((color, classIndex) => {
      for (let lane = 0; lane < DISTINCT_LANES; lane++) {
        rules.push(
          `${scope}::highlight(${entityName(classIndex, lane)}) { background-color: ${color}${fillAlpha}; text-decoration-line: underline; ` +
            `text-decoration-style: solid; text-decoration-color: ${color}; text-decoration-thickness: 2px; ` +
            `text-decoration-skip-ink: none; text-underline-offset: ${2 + lane * 3}px; }`,
        );
      }
    });
    for (const kind of Object.keys(MARK_RULES) as MarkKind[]) rules.push(`${scope}::highlight(${prefix}-${kind}) { ${MARK_RULES[kind]} }`);
    styleSheet.replaceSync(rules.join('\n'));
  };
  writeRules();

  const clearEntities = () => {
    for (const [name, highlight] of entityHighlights) {
      highlight.clear();
      CSS.highlights.delete(name);
    }
    entityHighlights.clear();
    painted.clear();
  };

  return {
    prefix,
    styleSheet,
    setPalette(colors) {
      palette = colors.map((color) => (COLOR.test(color) ? color.toLowerCase() : FALLBACK));
      writeRules();
    },
    setFill(opacity) {
      const alpha = Math.round(Math.max(0, Math.min(1, opacity)) * 255)
        .toString(16)
        .padStart(2, '0');
      if (alpha === fillAlpha) return;
      fillAlpha = alpha;
      writeRules();
    },
    paint(id, paint) {
      const before = painted.get(id);
      const name = paint ? entityName(paint.classIndex, paint.lane) : undefined;
      if (before && before.name === name && before.range === paint?.range) return;
      if (before) {
        const highlight = entityHighlights.get(before.name);
        highlight?.delete(before.range);
        if (highlight?.size === 0) {
          CSS.highlights.delete(before.name);
          entityHighlights.delete(before.name);
        }
        painted.delete(id);
      }
      if (!paint || !name) return;
      let highlight = entityHighlights.get(name);
      if (!highlight) {
        highlight = new Highlight();
        // Deeper lanes paint over the ones they nest in.
        highlight.priority = Math.min(paint.lane, DISTINCT_LANES - 1);
        entityHighlights.set(name, highlight);
        CSS.highlights.set(name, highlight);
      }
      highlight.add(paint.range);
      painted.set(id, { name, range: paint.range });
    },
    paintedIds: () => painted.keys(),
    clearEntities,
    setMark(kind, ranges) {
      const name = `${prefix}-${kind}`;
      let highlight = marks.get(kind);
      if (ranges.length === 0) {
        if (highlight) {
          highlight.clear();
          CSS.highlights.delete(name);
          marks.delete(kind);
        }
        return;
      }
      if (highlight && highlight.size === ranges.length && ranges.every((range) => highlight!.has(range))) return;
      if (!highlight) {
        highlight = new Highlight();
        highlight.priority = MARK_PRIORITY[kind];
        marks.set(kind, highlight);
        CSS.highlights.set(name, highlight);
      } else {
        highlight.clear();
      }
      for (const range of ranges) highlight.add(range);
    },
    names() {
      return [...entityHighlights.keys(), ...[...marks.keys()].map((kind) => `${prefix}-${kind}`)];
    },
    destroy() {
      clearEntities();
      for (const [kind, highlight] of marks) {
        highlight.clear();
        CSS.highlights.delete(`${prefix}-${kind}`);
      }
      marks.clear();
    },
  };
}
