/**
 * The compare and change-history marks of `<lk-text>`: each shown version's entities as a CSS
 * Custom Highlight of its own, an overline in the version's colour and line style (entities keep
 * their underlines and backgrounds below), and the change history's added, moved, re-classified
 * and removed spans. Names carry a per-instance prefix, as the entity highlights' do.
 */
import type { ObjectAnnotation } from '../../core/model.js';
import { sourceStyle, type CompareView } from './compare-view.js';
import { HISTORY_STYLES } from './compare-overlay.js';

export interface TextCompareMarksOptions {
  instanceId: string;
  /** The selector the rules apply under (the paragraphs' container). */
  scope: string;
  /** A DOM range of code point offsets `[start, end)`, or undefined where the text has none. */
  rangeOf(start: number, end: number): AbstractRange | undefined;
}

export interface TextCompareMarks {
  readonly styleSheet: CSSStyleSheet;
  paint(view: CompareView): void;
  clear(): void;
}

/** Enough distinct rules: sources cycle through the styles after this. */
const SOURCE_RULES = 8;
const HISTORY_KINDS = ['added', 'moved', 'reclassified', 'removed'] as const;

export function createTextCompareMarks(options: TextCompareMarksOptions): TextCompareMarks {
  const prefix = `lk-compare-${options.instanceId.replace(/[^a-zA-Z0-9-]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
  const sourceName = (index: number) => `${prefix}-s${index % SOURCE_RULES}`;
  const rules: string[] = [];
  for (let index = 0; index < SOURCE_RULES; index++) {
    const { color, text } = sourceStyle(index);
    rules.push(
      `${options.scope}::highlight(${sourceName(index)}) { text-decoration-line: overline; text-decoration-style: ${text}; text-decoration-color: ${color}; text-decoration-thickness: 3px; text-decoration-skip-ink: none; }`,
    );
  }
  rules.push(`${options.scope}::highlight(${prefix}-emphasised) { background-color: #ffeb3b66; }`);
  for (const kind of HISTORY_KINDS) {
    const { color } = HISTORY_STYLES[kind];
    // A removed span is struck through; the others are tinted (their own entity underline stays).
    const rule = kind === 'removed' ? `text-decoration-line: line-through; text-decoration-style: wavy; text-decoration-color: ${color}; text-decoration-thickness: 2px;` : `background-color: ${color}59;`;
    rules.push(`${options.scope}::highlight(${prefix}-h-${kind}) { ${rule} }`);
  }
  const styleSheet = new CSSStyleSheet();
  styleSheet.replaceSync(rules.join('\n'));
  const used = new Set<string>();

  const spanRange = (object: ObjectAnnotation | undefined): AbstractRange[] => {
    const geometry = object?.keyframes[0]?.geometry;
    if (geometry?.type !== 'ner') return [];
    const range = options.rangeOf(geometry.value.start, geometry.value.end);
    return range ? [range] : [];
  };

  const set = (name: string, ranges: AbstractRange[]) => {
    if (ranges.length === 0) {
      CSS.highlights.delete(name);
      used.delete(name);
      return;
    }
    const highlight = new Highlight(...ranges);
    highlight.priority = 1;
    CSS.highlights.set(name, highlight);
    used.add(name);
  };

  const clear = () => {
    for (const name of used) CSS.highlights.delete(name);
    used.clear();
  };

  return {
    styleSheet,
    clear,
    paint(view) {
      const bySource = new Map<string, AbstractRange[]>();
      view.versions.forEach((version, index) => {
        const name = sourceName(index);
        if (!bySource.has(name)) bySource.set(name, []);
        if (view.hidden.has(index) || !version.imported) return;
        for (const object of version.imported.objects) bySource.get(name)!.push(...spanRange(object));
      });
      for (let index = 0; index < SOURCE_RULES; index++) set(sourceName(index), bySource.get(sourceName(index)) ?? []);

      const emphasised = view.emphasised === undefined ? undefined : view.report?.objects[view.emphasised];
      set(
        `${prefix}-emphasised`,
        emphasised ? emphasised.members.flatMap((member, source) => (member && !view.hidden.has(source) ? spanRange(view.objectOf(source, member.objectId)) : [])) : [],
      );

      const history = view.historyShown ? view.historyView() : undefined;
      const current = (id: string) => spanRange(view.session.store.state.objects.get(id));
      set(`${prefix}-h-added`, history ? history.diff.added.flatMap((c) => current(c.objectId)) : []);
      set(`${prefix}-h-moved`, history ? history.diff.moved.flatMap((c) => current(c.objectId)) : []);
      set(`${prefix}-h-reclassified`, history ? history.diff.reclassified.flatMap((c) => current(c.objectId)) : []);
      set(`${prefix}-h-removed`, history ? history.diff.removed.flatMap((c) => spanRange(history.before.get(c.objectId))) : []);
    },
  };
}
