/** Brush masks of the current plane as coloured, half-transparent sprites over the asset. */
import { Container, Sprite, Texture } from 'pixi.js';
import type { BrushMask } from '../core/model.js';
import type { BrushDraft } from '../tools/tool.js';

const DISPLAY_ALPHA = 140;

interface MaskSprite {
  sprite: Sprite;
  canvas: HTMLCanvasElement;
  data: Uint8Array | undefined;
  color: number;
}

function paint(target: MaskSprite, data: Uint8Array, width: number, height: number, color: number): void {
  const { canvas } = target;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  const rgba = image.data;
  const r = (color >> 16) & 255;
  const g = (color >> 8) & 255;
  const b = color & 255;
  for (let i = 0; i < data.length; i++) {
    if (!data[i]) continue;
    const o = i * 4;
    rgba[o] = r;
    rgba[o + 1] = g;
    rgba[o + 2] = b;
    rgba[o + 3] = DISPLAY_ALPHA;
  }
  context.putImageData(image, 0, 0);
  target.sprite.texture.source.update();
  target.data = data;
  target.color = color;
}

function createMaskSprite(): MaskSprite {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const sprite = new Sprite(Texture.from(canvas));
  sprite.texture.source.scaleMode = 'nearest';
  return { sprite, canvas, data: undefined, color: -1 };
}

export class BrushLayer {
  readonly container = new Container();
  private readonly masks = new Map<string, MaskSprite>();
  private draft: MaskSprite | undefined;

  showMasks(masks: ReadonlyMap<string, BrushMask>, plane: number, colorOf: (schemaId: string) => number): void {
    const wanted = new Set<string>();
    for (const mask of masks.values()) {
      if (mask.page !== plane) continue;
      wanted.add(mask.key);
      let target = this.masks.get(mask.key);
      if (!target) {
        target = createMaskSprite();
        this.masks.set(mask.key, target);
        this.container.addChild(target.sprite);
      }
      const color = colorOf(mask.schemaId);
      if (target.data !== mask.data || target.color !== color) paint(target, mask.data, mask.width, mask.height, color);
      target.sprite.visible = true;
    }
    for (const [key, target] of this.masks) {
      if (wanted.has(key)) continue;
      target.sprite.destroy({ texture: true, textureSource: true });
      this.masks.delete(key);
    }
  }

  /** The stroke in progress replaces its class's committed mask on screen until it is committed. */
  showDraft(draft: BrushDraft | undefined, color: number): void {
    if (!draft) {
      if (this.draft) this.draft.sprite.visible = false;
      for (const target of this.masks.values()) target.sprite.visible = true;
      return;
    }
    this.draft ??= createMaskSprite();
    if (!this.draft.sprite.parent) this.container.addChild(this.draft.sprite);
    paint(this.draft, draft.data, draft.width, draft.height, color);
    this.draft.sprite.visible = true;
    for (const [key, target] of this.masks) target.sprite.visible = !key.endsWith(`:${draft.schemaId}`);
  }

  /** Safe after the app destroyed the scene graph with its children (the sprites may be gone already). */
  destroy(): void {
    const sprites = [...[...this.masks.values()].map((m) => m.sprite), ...(this.draft ? [this.draft.sprite] : [])];
    for (const sprite of sprites) if (!sprite.destroyed) sprite.destroy({ texture: true, textureSource: true });
    this.masks.clear();
    this.draft = undefined;
    if (!this.container.destroyed) this.container.destroy();
  }
}
