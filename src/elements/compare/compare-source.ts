/**
 * What a host gives `compare` (docs/review.md "Compare and consensus"): the versions of this
 * asset's annotations to lay over it. Types only: the compare UI itself loads with `import()`
 * when `compare` is first set.
 */
import type { AnnotationsInput } from '../../format/input-types.js';

export interface CompareSource {
  /** Who or what made this version ("Annotator A", "Model v3"); shown as text, never as HTML. */
  label: string;
  /** The version: an export record or anything `annotations` accepts. */
  record: AnnotationsInput;
  /**
   * The version the current annotations are measured against in the change history (added,
   * removed, moved, re-classified); at most one source has it. Without one, the change history
   * offers the stages of the element's own `stageHistory`.
   */
  baseline?: boolean;
}
