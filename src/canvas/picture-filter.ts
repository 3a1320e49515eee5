/**
 * Brightness, contrast, gamma and invert of the picture (never the shapes), done where it is drawn:
 * a fragment shader on WebGL, the context's CSS filter on pixi's Canvas2D renderer (which has no
 * gamma: there it is left out). The picture's pixels are never rewritten.
 */
import { Filter, GlProgram, UniformGroup, defaultFilterVert } from 'pixi.js';

export interface PictureAdjustments {
  /** Multiplier, 1 = unchanged. */
  brightness: number;
  /** Multiplier about mid-grey, 1 = unchanged. */
  contrast: number;
  /** Display gamma, 1 = unchanged; above 1 brightens the mid-tones. */
  gamma: number;
  invert: boolean;
}

const fragment = `
in vec2 vTextureCoord;
out vec4 finalColor;
uniform sampler2D uTexture;
uniform vec4 uAdjust;

void main()
{
  vec4 colour = texture(uTexture, vTextureCoord);
  vec3 rgb = colour.a > 0.0 ? colour.rgb / colour.a : colour.rgb;
  rgb = clamp(rgb * uAdjust.x, 0.0, 1.0);
  rgb = clamp((rgb - 0.5) * uAdjust.y + 0.5, 0.0, 1.0);
  rgb = pow(rgb, vec3(1.0 / uAdjust.z));
  rgb = mix(rgb, 1.0 - rgb, uAdjust.w);
  finalColor = vec4(rgb * colour.a, colour.a);
}
`;

export function isNeutral(adjust: PictureAdjustments): boolean {
  return adjust.brightness === 1 && adjust.contrast === 1 && adjust.gamma === 1 && !adjust.invert;
}

export class PictureFilter extends Filter {
  private readonly uniforms: UniformGroup<{ uAdjust: { value: Float32Array; type: 'vec4<f32>' } }>;
  private adjust: PictureAdjustments = { brightness: 1, contrast: 1, gamma: 1, invert: false };

  constructor() {
    const uniforms = new UniformGroup({ uAdjust: { value: new Float32Array([1, 1, 1, 0]), type: 'vec4<f32>' } });
    super({ glProgram: GlProgram.from({ vertex: defaultFilterVert, fragment, name: 'labelkit-picture' }), resources: { adjustUniforms: uniforms } });
    this.uniforms = uniforms;
  }

  set(adjust: PictureAdjustments): void {
    this.adjust = { ...adjust };
    this.uniforms.uniforms.uAdjust = new Float32Array([adjust.brightness, adjust.contrast, Math.max(0.01, adjust.gamma), adjust.invert ? 1 : 0]);
    this.uniforms.update();
  }

  /** What pixi's Canvas2D renderer applies instead of the shader. */
  getCanvasFilterString(): string {
    const { brightness, contrast, invert } = this.adjust;
    return `brightness(${brightness}) contrast(${contrast}) invert(${invert ? 1 : 0})`;
  }
}
