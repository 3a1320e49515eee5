/**
 * Which pages are being drawn: the pages in view first, the pages around them (so scrolling
 * meets drawn pages) once those are done, and a page that leaves the range has its drawing
 * cancelled and its canvas given back at once. A page whose drawing failed stays failed while
 * it is in range and is drawn afresh when it comes back (a range of the file that could not be
 * fetched is then asked for again).
 */

/** One page being drawn (or drawn), as the element starts it. */
export interface PageDrawing {
  /** Settles when the bitmap and the text layer are drawn, or the drawing failed. */
  readonly rendered: Promise<void>;
  /** The bitmap, once there is one. */
  readonly bitmap: HTMLCanvasElement | undefined;
  /** Whether its page box is still in the document (lit keeps a box while its page is in range). */
  readonly attached: boolean;
  /** The device pixel ratio it draws for. */
  readonly pixelRatio: number;
  destroy(): void;
}

export type PageRange = readonly [first: number, last: number];

interface Entry {
  drawing: PageDrawing;
  done: boolean;
}

function pagesOf(range: PageRange | undefined): number[] {
  if (!range) return [];
  const pages: number[] = [];
  for (let index = range[0]; index <= range[1]; index++) pages.push(index);
  return pages;
}

function within(range: PageRange | undefined, index: number): boolean {
  return range !== undefined && index >= range[0] && index <= range[1];
}

export class PageViews {
  private readonly entries = new Map<number, Entry>();

  /**
   * @param start starts drawing a page (undefined when its box is not rendered yet).
   * @param onDone called when a page in view is done, so the pages around it can start.
   */
  constructor(
    private readonly start: (index: number) => PageDrawing | undefined,
    private readonly onDone: () => void,
  ) {}

  /**
   * Keeps the drawings of the pages `near` (which contains `inView`) at `pixelRatio`: starts the
   * pages in view, and the other near pages once every page in view is done.
   */
  sync(inView: PageRange | undefined, near: PageRange | undefined, pixelRatio: number): void {
    for (const [index, entry] of this.entries) {
      if (!within(near, index) || !entry.drawing.attached || entry.drawing.pixelRatio !== pixelRatio) this.drop(index);
    }
    const visible = pagesOf(inView);
    for (const index of visible) this.ensure(index);
    if (!visible.every((index) => this.entries.get(index)?.done)) return;
    for (const index of pagesOf(near)) this.ensure(index);
  }

  /** The drawings of the pages in `range` (those started). */
  drawingsIn(range: PageRange | undefined): PageDrawing[] {
    return pagesOf(range).flatMap((index) => this.entries.get(index)?.drawing ?? []);
  }

  /** The pages being drawn or drawn, in order. */
  pages(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  bitmap(index: number): HTMLCanvasElement | undefined {
    return this.entries.get(index)?.drawing.bitmap;
  }

  /** Cancels every drawing (a new scale, another document). */
  release(): void {
    for (const index of [...this.entries.keys()]) this.drop(index);
  }

  private ensure(index: number): void {
    if (this.entries.has(index)) return;
    const drawing = this.start(index);
    if (!drawing) return;
    const entry: Entry = { drawing, done: false };
    this.entries.set(index, entry);
    void drawing.rendered
      .catch(() => undefined)
      .then(() => {
        if (this.entries.get(index) !== entry) return;
        entry.done = true;
        this.onDone();
      });
  }

  private drop(index: number): void {
    this.entries.get(index)?.drawing.destroy();
    this.entries.delete(index);
  }
}
