/**
 * The detector's suggestions for the plane shown: which pass the score threshold, which one the
 * keyboard acts on (the highest-scoring visible one unless the user picked another), removal.
 */
import type { AssistShape } from './assist-shapes.js';

export interface Suggestion extends AssistShape {
  id: string;
  score: number;
}

export class SuggestionList {
  private items: Suggestion[] = [];
  private picked: string | undefined;
  threshold = 0.5;

  /** Replaces the list, best first. */
  set(items: readonly Suggestion[]): void {
    this.items = [...items].sort((a, b) => b.score - a.score);
    this.picked = undefined;
  }

  get all(): readonly Suggestion[] {
    return this.items;
  }

  /** Those at or above the threshold, best first. */
  get visible(): Suggestion[] {
    return this.items.filter((item) => item.score >= this.threshold);
  }

  /** The one Enter accepts and Delete rejects. */
  get current(): Suggestion | undefined {
    const visible = this.visible;
    return visible.find((item) => item.id === this.picked) ?? visible[0];
  }

  pick(id: string): void {
    this.picked = id;
  }

  remove(ids: Iterable<string>): void {
    const gone = new Set(ids);
    this.items = this.items.filter((item) => !gone.has(item.id));
  }

  clear(): void {
    this.items = [];
    this.picked = undefined;
  }
}
