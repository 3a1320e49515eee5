/**
 * The class titles of relation lines on the 2D surface: black or white letters on a tag of the
 * relation's colour with a white rim, centred on the line, so they read over any picture. pixi
 * `Text`, so titles are never parsed as markup; a tag is built once per relation and title and
 * only moved afterwards (this runs every live frame).
 */
import { Container, Graphics, Text } from 'pixi.js';
import { inkOn } from '../core/ink.js';
import type { Point } from '../core/model.js';

export interface RelationLabel {
  id: string;
  title: string;
  /** 0xrrggbb. */
  color: number;
  /** Where the tag is centred, in asset pixels. */
  at: Point;
}

export class RelationLabels {
  readonly container = new Container();
  private readonly tags = new Map<string, { holder: Container; key: string }>();

  /** Shows exactly these labels (none: labels off), at a constant size on screen for the view `scale`. */
  show(labels: readonly RelationLabel[], scale: number): void {
    const wanted = new Set<string>();
    for (const label of labels) {
      wanted.add(label.id);
      const key = `${label.title}\u0000${label.color}`;
      let tag = this.tags.get(label.id);
      if (tag && tag.key !== key) {
        tag.holder.destroy({ children: true });
        tag = undefined;
      }
      if (!tag) {
        tag = { holder: this.build(label), key };
        this.tags.set(label.id, tag);
        this.container.addChild(tag.holder);
      }
      tag.holder.scale.set(1 / scale);
      tag.holder.position.set(label.at[0], label.at[1]);
    }
    for (const [id, tag] of this.tags) {
      if (wanted.has(id)) continue;
      tag.holder.destroy({ children: true });
      this.tags.delete(id);
    }
  }

  private build(label: RelationLabel): Container {
    const ink = inkOn(label.color);
    const text = new Text({ text: label.title, style: { fontSize: 12, fill: ink, fontFamily: 'sans-serif' } });
    const width = text.width + 8;
    const height = text.height + 4;
    text.position.set(-text.width / 2, -text.height / 2);
    const background = new Graphics()
      .roundRect(-width / 2, -height / 2, width, height, 3)
      .fill({ color: label.color })
      .stroke({ width: 1, color: 0xffffff });
    const holder = new Container();
    holder.addChild(background, text);
    return holder;
  }
}
