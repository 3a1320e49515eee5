import { expect } from '@open-wc/testing';
import { Application, Graphics } from 'pixi.js';

describe('toolchain smoke', () => {
  it('renders with pixi canvas renderer', async () => {
    const app = new Application();
    await app.init({ width: 50, height: 50, preference: 'canvas', background: '#000000' });
    app.stage.addChild(new Graphics().rect(0, 0, 50, 50).fill(0xff0000));
    app.render();
    const canvas = app.canvas as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const px = ctx.getImageData(10, 10, 1, 1).data;
    expect([px[0], px[1], px[2]]).to.deep.equal([255, 0, 0]);
    app.destroy(true);
  });
});
